"""The web layer's own pieces, on hand-made inputs: link rule, highlighting cuts, date spans,
chart ticks, graph layout, filters."""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from foreigndesk.charts.geometry import nice_ticks
from foreigndesk.links import safe_url
from foreigndesk.web.filters import filters
from foreigndesk.web.graph import Edge, Node, layout
from foreigndesk.web.highlight import runs
from foreigndesk.web.narratives import _shared
from foreigndesk.web.timeline_view import span


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" javascript:x", False),
    ("java\tscript:alert(1)", False), ("data:text/html,<script>x</script>", False),
    ("vbscript:x", False), ("//evil.example/x", False), ("/relative", False), ("", False),
    ("https://", False), ('https://e.org/"onmouseover="x', False), ("https://e.org/<x>", False),
    (None, False), (42, False), ("ftp://example.org/f", False), ("file:///etc/passwd", False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_runs_cover_every_character_once():
    text = "Alpha beta gamma.\n\nDelta epsilon, zeta eta. Theta"
    sentences = [{"idx": 0, "start": 0, "end": 17}, {"idx": 1, "start": 19, "end": 43},
                 {"idx": 2, "start": 44, "end": 49}]
    notes = [  # overlapping, nested, crossing a sentence boundary, empty and out of range
        {"id": 0, "kind": "mention", "start": 0, "end": 5},
        {"id": 1, "kind": "claim", "start": 6, "end": 30},
        {"id": 2, "kind": "time", "start": 11, "end": 16},
        {"id": 3, "kind": "event", "start": 25, "end": 38},
        {"id": 4, "kind": "quantity", "start": 40, "end": 200},
    ]
    out = runs(text, sentences, notes)
    assert "".join(p.text for r in out for p in r.pieces) == text
    pos = 0
    for r in out:
        for p in r.pieces:
            covering = {n["id"] for n in notes if n["start"] <= pos and n["end"] >= pos + len(p.text)}
            assert set(p.ids) == covering, (p.text, p.ids, covering)
            if r.idx is not None:
                s = sentences[r.idx]
                assert s["start"] <= pos and pos + len(p.text) <= s["end"]
            pos += len(p.text)
    assert [r.idx for r in out if r.idx is not None] == [0, 1, 2]
    gamma = next(p for r in out for p in r.pieces if p.text == "gamma")
    assert gamma.kinds == ["time", "claim"]


@pytest.mark.parametrize("value,expected", [
    ("2022-11-25", (2022 + 328 / 365, 2022 + 328 / 365 + 1 / 365.25)),
    ("2021-07", (2021 + 181 / 365, 2021 + 212 / 365)), ("2021-12", (2021 + 334 / 365, 2022.0)),
    ("2022", (2022.0, 2023.0)), ("198X", (1980.0, 1990.0)), ("19XX", (1900.0, 2000.0)),
    ("2022-Q3", (2022 + 181 / 365, 2022 + 273 / 365)),  # 1 July to 1 October
])
def test_span(value, expected):
    got = span(value)
    assert got is not None and got == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P3Y"])
def test_span_without_a_year(value):
    assert span(value) is None


def test_nice_ticks():
    assert nice_ticks(-10, 10) == [-10, -5, 0, 5, 10]
    assert nice_ticks(0, 1) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    t = nice_ticks(3.3, 47.1)
    assert t[0] >= 3.3 and t[-1] <= 47.1 and len(t) >= 3


def test_layout_is_deterministic_and_in_the_box():
    def make():
        nodes = [Node(k, k, "state", k, events=i + 1) for i, k in enumerate("ABCDEFG")]
        edges = [Edge("A", "B", 5), Edge("B", "C", 1), Edge("C", "A", 2), Edge("D", "E", 1)]
        layout(nodes, edges)
        return nodes
    a, b = make(), make()
    assert [(n.x, n.y) for n in a] == [(n.x, n.y) for n in b]
    assert all(0 <= n.x <= 900 and 0 <= n.y <= 560 for n in a)
    assert len({(round(n.x), round(n.y)) for n in a}) == len(a)  # no two nodes on one spot
    # linked nodes end up closer than unlinked ones on average
    pos = {n.key: (n.x, n.y) for n in a}

    def d(p, q):
        return ((pos[p][0] - pos[q][0]) ** 2 + (pos[p][1] - pos[q][1]) ** 2) ** 0.5
    assert d("A", "B") < d("A", "G")


def test_shared_passages():
    a, b = _shared("the cat sat on the mat today", "the cat sat on a mat")
    assert "".join(t for t, _ in a) == "the cat sat on the mat today"
    assert [t for t, same in a if same] and ("today", False) in [(t.strip(), s) for t, s in a]
    assert any(t.strip() == "a" and not same for t, same in b)


def test_filters_validate():
    f = filters(actor=[" CHN "], dyad="chn-cub", undirected=True, code=["05"], since="2020",
                until="2021-06", source="news", modality=["asserted"])
    assert f.actors == ["CHN"] and f.dyad == ("CHN", "CUB") and f.codes == ["05"]
    for bad in (dict(dyad="CHINA"), dict(code=["5x"]), dict(since="June"),
                dict(modality=["maybe"])):
        kw = dict(actor=[], dyad=None, undirected=False, code=[], since=None, until=None,
                  source="all", modality=[])
        kw.update(bad)
        with pytest.raises(HTTPException) as e:
            filters(**kw)
        assert e.value.status_code == 422


def test_memo_forgets_when_the_store_changes(db_url):
    import os
    import time

    from foreigndesk.store import Store
    from foreigndesk.store.backends import is_postgres
    from foreigndesk.web.cache import memo

    db = db_url
    Store.open(db).close()
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert memo(db, "k", compute) == 1
    assert memo(db, "k", compute) == 1  # cached
    assert memo(db, "other", compute) == 2
    with Store.open(db) as s:
        s.conn.execute("INSERT INTO meta(key, value) VALUES ('x', '1')")
    if not is_postgres(db):
        st = os.stat(db)
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # coarse clocks
    time.sleep(0.01)
    assert memo(db, "k", compute) == 3
