"""A sector code alone has no country; a country or an international prefix does."""

from __future__ import annotations

import pytest
from tests.conftest import connect

from foreigndesk.store.codes import code_country


@pytest.mark.parametrize("code,country", [
    ("CHNGOV", "CHN"), ("CUB", "CUB"), ("USAMIL", "USA"), ("MIL", None), ("CVL", None),
    ("GOV", None), ("IGOUNO", "IGO"), ("NGOAMN", "NGO"), ("NGO", None), (None, None), ("", None),
])
def test_code_country(code: str | None, country: str | None) -> None:
    assert code_country(code) == country


def test_a_sector_alone_stores_no_country(db_url) -> None:
    """Soldiers of no named country firing on Havana: the event keeps its codes, but the
    store gives its source no country (so no 'MIL-CUB' dyad in the relations or exports)."""
    from foreigndesk.model import Document, Event, Extraction, Sentence
    from foreigndesk.store import Store

    text = "Soldiers opened fire on Havana."
    doc = Document(text=text, published="2023-03-01")
    ex = Extraction(doc, sentences=[Sentence(doc.id, 0, 0, len(text), text)],
                    events=[Event(doc.id, 0, 0, len(text), text, source_code="MIL",
                                  target_code="CUB", code="190", root="19", quad_class=4,
                                  goldstein=-10.0, date="2023-03-01", trigger="opened fire")])
    with Store.open(db_url) as store:
        assert store.add(ex)
        row = store.query("SELECT source_code, source_country, target_country FROM events")[0]
        dyads = store.top_dyads(10, ("asserted",))
    assert (row["source_code"], row["source_country"], row["target_country"]) == \
        ("MIL", None, "CUB")
    assert not dyads


def test_older_stores_lose_their_sector_countries(db_url) -> None:
    from foreigndesk.store import Store
    from foreigndesk.store.backends import is_postgres

    con = connect(db_url)
    con.execute("INSERT INTO events(origin, source_code, target_code, source_country, "
                "target_country, code, root, modality) VALUES ('news', 'MIL', 'CUBGOV', 'MIL', "
                "'CUB', '190', '19', 'asserted')")
    # as a store made before migration 008 ...
    if is_postgres(db_url):
        con.execute("UPDATE schema_version SET version = 7")
    else:
        con.execute("PRAGMA user_version=7")
    # ... and so without the columns later migrations add (they run again on open)
    con.execute("ALTER TABLE documents DROP COLUMN language_note")  # 010
    con.execute("ALTER TABLE claim_contents DROP COLUMN matching")  # 013
    con.execute("ALTER TABLE claim_contents DROP COLUMN root")  # 015
    con.commit()
    con.close()
    with Store.open(db_url) as store:
        row = store.query("SELECT source_country, target_country FROM events")[0]
    assert (row["source_country"], row["target_country"]) == (None, "CUB")
