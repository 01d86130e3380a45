"""Per-actor monthly counts of imported events (table ``actor_months``): the counts an
import keeps are the counts of the events an actor filter selects, on both backends."""

from __future__ import annotations

from tests.conftest import FIXTURES, run_cli

from foreigndesk.store import Store, actor_months, event_rows
from foreigndesk.store.filters import EventFilter

GDELT2 = FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"


def _selected(rows: list[dict], key: str, since: str | None, until: str | None) -> tuple[int, int]:
    def hit(e: dict) -> bool:
        sides = (e["source_country"], e["target_country"], e["source_code"], e["target_code"])
        if not any(v and (v == key or v.startswith(key)) for v in sides):
            return False
        if since or until:
            d = e["date"]
            return d is not None and (not since or d >= since) and \
                (not until or d[:len(until)] <= until)
        return True
    chosen = [e for e in rows if hit(e)]
    return len(chosen), sum(1 for e in chosen if e["date"])


def test_imported_counts_match_the_actor_filter(db_url) -> None:
    run_cli("import", "gdelt", str(GDELT2), "--db", db_url, ok=False)
    run_cli("import", "gdelt", str(GDELT2), "--db", db_url, ok=False)  # adds nothing
    with Store.open(db_url) as s:
        rows = s.query("SELECT * FROM events WHERE origin = 'gdelt'")
        assert rows
        keys = sorted({v[:3] for e in rows for v in (e["source_country"], e["target_country"],
                                                      e["source_code"], e["target_code"])
                       if v and len(v) >= 3 and v[:3].isalpha() and v[:3].isupper()})
        months = sorted({e["date"][:7] for e in rows if e["date"]})
        assert keys and months
        for key in keys:
            for since, until in ((None, None), (months[0], months[0]), (months[0][:4], None)):
                assert actor_months.answers([key], since, until)
                got = event_rows.event_totals(s, EventFilter(actors=(key,), since=since,
                                                             until=until))
                assert got == _selected(rows, key, since, until), (key, since, until)
                # the same filter counted from the events themselves
                union, params = EventFilter(actors=(key,), since=since,
                                            until=until).actor_union("e.id, e.date")
                n, d = s.conn.execute(f"SELECT count(*), count(date) FROM ({union}) AS u",
                                      params).fetchone()
                assert got == (n, d)


def test_filters_it_cannot_answer() -> None:
    assert not actor_months.answers(["CHNGOV"], None, None)
    assert not actor_months.answers(["CHN", "USA"], None, None)
    assert not actor_months.answers(["CHN"], "2018-01-15", None)
    assert actor_months.answers(["china"], "2018", "2019-06")
