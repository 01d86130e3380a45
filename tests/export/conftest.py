from __future__ import annotations

import pytest

from tests.conftest import BACKENDS, store_location
from tests.export.made_store import make_store


@pytest.fixture(scope="session", params=BACKENDS)
def made_db(request, tmp_path_factory):
    return make_store(store_location(request, tmp_path_factory.mktemp("made"), "made.db"))
