from __future__ import annotations

import pytest

from tests.export.made_store import make_store


@pytest.fixture(scope="session")
def made_db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("made") / "made.db")
