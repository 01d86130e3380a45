"""The extractors (one module each; :mod:`foreigndesk.extract.pipeline` runs them in order).

This package is also what ``foreigndesk.extract`` names once it is imported, so it is
callable: ``fd.extract(text, published=...)`` is :func:`foreigndesk.notebook.extract`
whether or not the package was imported first.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, text: str, **kwargs: Any) -> Any:
        from foreigndesk.notebook import extract

        return extract(text, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
