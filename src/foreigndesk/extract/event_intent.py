"""Intent versus action: an act that is only intended is coded as the intent (03x / 13x), by
the table of ``data/cameo/intent.yaml``."""

from __future__ import annotations

import functools
from importlib import resources

from foreigndesk.built_cache import load_yaml


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], frozenset[str]]:
    raw = load_yaml(resources.files("foreigndesk.data").joinpath("cameo/intent.yaml")
                         .read_text(encoding="utf-8"))
    table = {str(k): str(v) for part in ("cooperative", "conflictual")
             for k, v in (raw.get(part) or {}).items()}
    return table, frozenset(raw.get("modalities") or ())


def intent_code(code: str, modality: str) -> str:
    """The code of an act of this modality: its intent's code when the act is only intended
    and the table knows its family, else the act's own code."""
    table, modalities = _table()
    if modality not in modalities:
        return code
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit
    return code
