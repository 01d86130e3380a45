"""The exporter interface: construct with a binary output, ``write`` rows, ``finalize``."""

from __future__ import annotations

from typing import IO, Any, ClassVar


class MissingDependency(RuntimeError):
    """An optional library the format needs is not installed (the message says how)."""


def need(module: str) -> Any:
    """Import an optional dependency of the exports, or raise :class:`MissingDependency`."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(
            f"this export needs {module.split('.')[0]}: pip install 'foreigndesk[export]'"
        ) from None


class Exporter:
    """One export format. ``sources`` names the row streams it reads, in order ("events",
    "places", or a listing for Parquet); the driver calls :meth:`write` with the stream's name
    and each row, then :meth:`finalize` once."""

    name: ClassVar[str] = ""
    extension: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/octet-stream"
    description: ClassVar[str] = ""
    sources: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, out: IO[bytes], **options: Any) -> None:
        self.out = out
        self.options = options
        self.count = 0  # records written (entities, features, rows, edges ...)
        self.skipped = 0  # rows the format cannot hold (say why in ``skipped_reason``)
        self.skipped_reason = ""

    def write(self, source: str, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def finalize(self) -> None:
        """Write what is left (a footer, a graph built from the rows)."""


class TextExporter(Exporter):
    """An exporter that writes UTF-8 text."""

    def emit(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))
