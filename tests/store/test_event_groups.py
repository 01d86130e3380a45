"""Event grouping in the store (store/event_groups.py): a news event mention finds its group
by an index lookup, whatever the imported rows, and missing actor codes group too."""

from __future__ import annotations

from foreigndesk.model import Document, Event, Extraction, Sentence
from foreigndesk.store import Store
from foreigndesk.store.event_groups import group_query
from foreigndesk.store.transaction import write_transaction


def _doc(text: str, *events: tuple[str | None, str | None, str, str]) -> Extraction:
    """A document reporting events given as (source code, target code, root, date)."""
    d = Document(text=text, title=text[:20], published="2024-03-01")
    ex = Extraction(d)
    ex.sentences.append(Sentence(d.id, 0, 0, len(text), text, "test", "1"))
    for src, tgt, root, date in events:
        ex.events.append(Event(d.id, 0, 0, 4, text[:4], "test", "1", source_code=src,
                               target_code=tgt, code=root + "0", root=root, date=date,
                               date_source="text", trigger="x"))
    return ex


def _mentions(store: Store) -> dict[tuple[str | None, str | None, str], int]:
    rows = store.query("SELECT source_code, target_code, root, n_mentions FROM events "
                       "WHERE origin = 'news'")
    return {(r["source_code"], r["target_code"], r["root"]): r["n_mentions"] for r in rows}


def test_events_with_a_missing_code_group_apart_from_those_with_one(db_url) -> None:
    store = Store.open(db_url)
    store.add(_doc("Norway protested to an unnamed party on March 3.",
                   ("NOR", None, "11", "2024-03-03"), ("NOR", "SWE", "11", "2024-03-03")))
    store.add(_doc("On March 3 Oslo lodged a protest, its ministry said.",
                   ("NOR", None, "11", "2024-03-03"), (None, None, "11", "2024-03-03")))
    store.add(_doc("Sweden received a Norwegian protest on 3 March 2024.",
                   ("NOR", "SWE", "11", "2024-03-03"), (None, None, "11", "2024-03")))
    assert _mentions(store) == {("NOR", None, "11"): 2, ("NOR", "SWE", "11"): 2,
                                (None, None, "11"): 2}
    store.close()


def test_the_group_lookup_reads_the_news_group_index(db_url) -> None:
    store = Store.open(db_url)
    store.add(_doc("Peru and Chile met in Lima in May 2021.", ("PER", "CHL", "04", "2021-05")))
    # a table the planner has statistics of: many news events of other groups and dates
    codes = ["ARG", "BRA", "BOL", "ECU", "COL", "VEN", "URY", None]
    with write_transaction(store):
        store.conn.executemany(
            "INSERT INTO events(origin, root, code, source_code, target_code, date) "
            "VALUES ('news', ?, ?, ?, ?, ?)",
            [(f"{k % 20 + 1:02d}", f"{k % 20 + 1:02d}0", codes[k % 8], codes[k // 8 % 8],
              f"20{k % 10:02d}-0{k % 9 + 1}") for k in range(3000)])
    store.refresh_statistics()
    for src, tgt in (("PER", "CHL"), ("PER", None), (None, None)):
        e = Event("d", 0, 0, 1, "x", "test", "1", source_code=src, target_code=tgt,
                  code="040", root="04", date="2021-05-02", date_source="text")
        sql, params = group_query(e)
        plan = " ".join(str(v) for r in store.query("EXPLAIN " + (
            "" if store.postgres else "QUERY PLAN ") + sql, params) for v in r.values())
        assert "events_news_group" in plan, (src, tgt, plan)
    store.close()
