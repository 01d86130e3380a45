"""The language of a document, detected offline when its reader does not know it.

The detector is ``py3langid`` (a fork of langid.py; its model ships inside the PyPI wheel,
nothing is downloaded). A text mostly in Han characters is Chinese without asking the model
(short Chinese headlines are where statistical detectors waver). Only the first
:data:`SAMPLE_CHARS` characters are read. Returns an ISO 639-1 code ("en", "es", "zh") or
None for an empty text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

SAMPLE_CHARS = 4000
_HAN = re.compile(r"[\u3400-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=1)
def _classify() -> Any:
    """py3langid's classifier. Its model ships LZMA-compressed and takes half a second to
    unpack at every start: the unpacked identifier is kept in the cache of built objects
    (:mod:`foreigndesk.built_cache`), keyed by the model file and py3langid's own code."""
    from pathlib import Path

    from py3langid import langid

    from foreigndesk.built_cache import cached

    model = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    identifier = cached("langid", [model, Path(langid.__file__)],
                        lambda: langid.LanguageIdentifier.from_model_file(model))
    return identifier.classify


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in (None when it has no
    letters)."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    if len(_HAN.findall(sample)) / letters >= 0.3:
        return "zh"
    lang, _p = _classify()(sample)
    return str(lang)


def ensure_language(document: Any) -> None:
    """Set ``document.language`` by detection when the reader left it unknown (None)."""
    if not getattr(document, "language", None):
        document.language = detect(document.text) or None
