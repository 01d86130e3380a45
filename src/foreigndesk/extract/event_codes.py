"""The CAMEO event-code table: name, QuadClass and Goldstein score of every code.

The table (``data/cameo/codes.tsv``) is GDELT's published lookup, transcribed by
``tools/transcribe_gdelt_cameo.py``. Codes not in the table (sub-codes some dictionaries add,
or the non-CAMEO codes of the PETRARCH validation dictionaries) take the figures of their
longest known prefix, so ``0874`` falls back to ``087`` and ``903`` to root ``90`` (unknown:
QuadClass 0, Goldstein 0).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class CodeInfo:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float


@functools.lru_cache(maxsize=1)
def table() -> dict[str, CodeInfo]:
    """Every code of the GDELT CAMEO table."""
    text = resources.files("foreigndesk.data").joinpath("cameo/codes.tsv").read_text("utf-8")
    out: dict[str, CodeInfo] = {}
    header = True
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        code, name, quad, goldstein = line.split("\t")
        out[code] = CodeInfo(code, code[:2], name, int(quad), float(goldstein))
    return out


def root_of(code: str) -> str:
    """The two-digit root of an event code ("0874" -> "08", "1721" -> "17")."""
    return code[:2]


def info(code: str) -> CodeInfo:
    """Name, root, QuadClass and Goldstein of ``code`` (from its longest known prefix)."""
    t = table()
    for n in range(len(code), 1, -1):
        hit = t.get(code[:n])
        if hit is not None:
            return CodeInfo(code, root_of(code), hit.name, hit.quad_class, hit.goldstein)
    return CodeInfo(code, root_of(code), "", 0, 0.0)


def is_event_code(code: str | None) -> bool:
    """True for a real event code (digits), False for PETRARCH's null code "---" or empty."""
    return bool(code) and code[0].isdigit()  # type: ignore[index]
