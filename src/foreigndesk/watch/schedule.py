"""Durations (``--every 15m``) and the sleep between two cycles."""

from __future__ import annotations

import re
import time

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds of "90s", "15m", "2h", "1d" (a bare number is seconds); ValueError otherwise."""
    m = _DURATION.match(text or "")
    if not m:
        raise ValueError(f"not a duration: {text!r} (write 30s, 15m, 2h or 1d)")
    seconds = float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]
    if seconds <= 0:
        raise ValueError(f"the duration must be positive: {text!r}")
    return seconds


def sleep_until(deadline: float, step: float = 0.5) -> None:
    """Sleep until ``time.monotonic()`` reaches ``deadline``, in short steps (so that Ctrl-C
    is felt at once)."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(step, left))
