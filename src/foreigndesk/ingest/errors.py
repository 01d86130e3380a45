"""The error a reader reports for a file it cannot read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReadError:
    """One line for the user: the file and why it was not read."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UnreadableInput(Exception):
    """Raised by a reader; the dispatcher turns it into a :class:`ReadError`."""
