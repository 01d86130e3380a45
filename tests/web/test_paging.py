"""Listings page, and the numbers the network, the map and the actor list show are the
store's: a real server over the dossier store plus GDELT rows imported through the real
importer; every expected figure is counted here, in Python, from the raw rows."""

from __future__ import annotations

import random
from collections import defaultdict

import httpx
import pytest

from foreigndesk.importers.gdelt import GDELT2_COLUMNS
from tests.conftest import connect, copy_of_store, run_cli
from tests.web.server import Server

STATES = ["USA", "CHN", "CUB", "RUS", "VEN", "MEX", "BRA", "ESP"]
FIPS = {"USA": "US", "CHN": "CH", "CUB": "CU", "RUS": "RS", "VEN": "VE", "MEX": "MX",
        "BRA": "BR", "ESP": "SP"}


def _gdelt_file(path, n: int = 260) -> None:
    """GDELT 2.0 rows: states drawn unevenly, a few rows with no target country (their end
    is then the actor code), places that round together (lat/lon within 0.0004)."""
    rnd = random.Random(3)
    col = {c: i for i, c in enumerate(GDELT2_COLUMNS)}
    lines = []
    for i in range(n):
        a = rnd.choices(STATES, weights=[8, 6, 4, 2, 1, 1, 1, 1])[0]
        b = rnd.choice([s for s in STATES if s != a])
        root = rnd.randint(1, 20)
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        cells = [""] * len(GDELT2_COLUMNS)
        day = f"20{rnd.randint(15, 21)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
        values = {"GLOBALEVENTID": str(900000 + i), "SQLDATE": day,
                  "Actor1Code": a + rnd.choice(["", "GOV"]), "Actor1CountryCode": a,
                  "Actor2Code": b + rnd.choice(["", "MIL"]),
                  "Actor2CountryCode": "" if i % 17 == 0 else b,
                  "EventCode": f"{root:02d}{rnd.randint(0, 9)}", "EventRootCode": f"{root:02d}",
                  "QuadClass": str(quad), "GoldsteinScale": f"{rnd.uniform(-9, 9):.1f}",
                  "NumMentions": "3", "NumSources": "1", "NumArticles": "2",
                  "AvgTone": "-1.5", "IsRootEvent": "1", "DATEADDED": day + "000000",
                  "SOURCEURL": f"https://example.org/{i}"}
        if i % 5:
            k = rnd.randrange(6)
            values.update({"ActionGeo_Type": "4", "ActionGeo_FullName": f"Town {k}",
                           "ActionGeo_CountryCode": FIPS[a],
                           "ActionGeo_Lat": f"{10 + k + rnd.choice([0, 0.0001, 0.0003]):.4f}",
                           "ActionGeo_Long": f"{-70 - k:.4f}"})
        for k, v in values.items():
            cells[col[k]] = v
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def mixed(dossier_db, tmp_path_factory):
    """(server, db path) over the dossier store with 260 GDELT rows imported."""
    d = tmp_path_factory.mktemp("paging")
    db = copy_of_store(dossier_db, d, "mixed.db")  # a file or a PostgreSQL database
    _gdelt_file(d / "rows.export.CSV")
    run_cli("import", "gdelt", str(d / "rows.export.CSV"), "--db", str(db), "--quiet")
    server = Server(db)
    yield server, db
    server.stop()


def _rows(db, sql: str, params=()) -> list[dict]:
    conn = connect(db, readonly=True, rows=True)
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _get(server, path: str, **params) -> httpx.Response:
    r = httpx.get(server.base + path, params=params, timeout=60)
    assert r.status_code == 200, r.text
    return r


def test_a_listing_without_a_page_size_returns_the_default_page_and_says_the_total(mixed):
    server, db = mixed
    n_events = len(_rows(db, "SELECT id FROM events"))
    assert n_events > 200
    r = _get(server, "/api/events")
    assert len(r.json()) == 100
    assert int(r.headers["X-Total-Count"]) == n_events
    assert 'rel="next"' in r.headers["Link"]
    docs = _get(server, "/api/documents").json()
    assert docs["limit"] == 100 and len(docs["documents"]) <= 100
    timeline = _get(server, "/api/timeline")
    assert len(timeline.json()) == min(100, int(timeline.headers["X-Total-Count"]))
    for path in ("/api/actors", "/api/claims", "/api/reuse"):
        got = _get(server, path)
        assert len(got.json()) <= 100
        assert int(got.headers["X-Total-Count"]) >= len(got.json())
    assert httpx.get(server.base + "/api/events", params={"limit": 1001}).status_code == 422


def test_the_next_page_continues_where_the_first_ended(mixed):
    server, db = mixed
    first = _get(server, "/api/events", limit=70)
    link = first.headers["Link"]
    url = link[link.index("<") + 1:link.index(">")]
    second = httpx.get(url, timeout=60)
    assert second.status_code == 200
    both = _get(server, "/api/events", limit=140).json()
    assert [e["id"] for e in first.json() + second.json()] == [e["id"] for e in both]
    total = int(first.headers["X-Total-Count"])
    last = _get(server, "/api/events", limit=100, offset=total - 5)
    assert len(last.json()) == 5 and "Link" not in last.headers
    # every event once, in the listing's order: dated ones by date, undated ones last
    seen, offset = [], 0
    while True:
        page = _get(server, "/api/events", limit=1000, offset=offset)
        seen += [(e["date"], e["id"]) for e in page.json()]
        if "Link" not in page.headers:
            break
        offset += 1000
    want = _rows(db, "SELECT id, date FROM events")
    assert sorted(i for _, i in seen) == sorted(r["id"] for r in want)
    dated = [d for d, _ in seen if d is not None]
    assert dated == sorted(dated) and seen[:len(dated)] == [x for x in seen if x[0]]


def test_events_of_an_actor_within_dates_are_those_the_rows_say(mixed):
    server, db = mixed
    names = {r["id"]: (r["name"] or "").casefold() for r in _rows(db, "SELECT id, name FROM actors")}
    want = set()
    for e in _rows(db, "SELECT * FROM events"):
        if not e["date"] or not ("2017-03" <= e["date"] and e["date"][:7] <= "2019-06"):
            continue
        for side in ("source", "target"):
            if (e[f"{side}_country"] == "CUB" or (e[f"{side}_code"] or "").startswith("CUB")
                    or e[f"{side}_actor"] == "CUB"
                    or names.get(e[f"{side}_actor"]) == "cub"):
                want.add(e["id"])
    r = _get(server, "/api/events", actor="CUB", since="2017-03", until="2019-06", limit=1000)
    assert want and {e["id"] for e in r.json()} == want
    assert int(r.headers["X-Total-Count"]) == len(want)


def _end(e: dict, side: str) -> str | None:
    for k in (f"{side}_actor", f"{side}_country", f"{side}_code", f"{side}_name"):
        if e.get(k):
            return e[k]
    return None


def test_the_network_counts_the_events_between_two_ends(mixed):
    server, db = mixed
    pairs: dict[tuple[str, str], list] = defaultdict(lambda: [0, []])
    for e in _rows(db, "SELECT * FROM events"):
        a, b = _end(e, "source"), _end(e, "target")
        if not a or not b or a == b:
            continue
        p = pairs[(min(a, b), max(a, b))]
        p[0] += 1
        if e["goldstein"] is not None:
            p[1].append(e["goldstein"])
    g = _get(server, "/api/graph", max_nodes=300).json()
    keys = {n["key"] for n in g["nodes"]}
    want = {k: v for k, v in pairs.items() if k[0] in keys and k[1] in keys}
    got = {(e["a"], e["b"]): e for e in g["edges"]}
    assert set(got) == set(want)
    for k, (n, gs) in want.items():
        assert got[k]["events"] == n
        assert got[k]["goldstein_mean"] == pytest.approx(sum(gs) / len(gs))
    degree = defaultdict(int)
    for (a, b), (n, _) in pairs.items():
        degree[a] += n
        degree[b] += n
    assert {n["key"]: n["events"] for n in g["nodes"]} == {k: degree[k] for k in keys}
    assert any(e["events"] > 1 for e in g["edges"])


def test_the_map_counts_located_events_and_places(mixed):
    server, db = mixed
    groups: dict[tuple, list] = defaultdict(list)
    for e in _rows(db, "SELECT * FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"):
        groups[(e["place"], round(e["lat"], 3), round(e["lon"], 3))].append(e)
    got = _get(server, "/api/places", limit=1000).json()
    assert got["events_total"] == len(groups)
    seen = {}
    for g in got["events"]:
        seen[(g["place"], round(g["lat"], 3), round(g["lon"], 3))] = g
    assert set(seen) == set(groups)
    for key, evs in groups.items():
        assert seen[key]["events"] == len(evs)
        gs = [e["goldstein"] for e in evs if e["goldstein"] is not None]
        assert seen[key]["goldstein_mean"] == pytest.approx(sum(gs) / len(gs))
        first = min(evs, key=lambda e: (e["date"] or "~"))
        assert seen[key]["items"][0]["date"] == first["date"]
    places: dict[tuple, list] = defaultdict(list)
    for p in _rows(db, "SELECT * FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL"):
        places[(p["name"], p["country"], round(p["lat"], 4), round(p["lon"], 4))].append(p)
    assert got["places_total"] == len(places)
    for p in got["places"]:  # SQLite rounds halves away from zero, Python to even
        key = min(places, key=lambda k: (k[:2] != (p["name"], p["country"]),
                                         abs(k[2] - p["lat"]) + abs(k[3] - p["lon"])))
        assert key[:2] == (p["name"], p["country"])
        rows = places[key]
        assert p["mentions"] == len(rows)
        assert p["documents"] == len({r["doc_id"] for r in rows})


def test_the_actor_list_counts_mentions_documents_and_events(mixed):
    server, db = mixed
    mentions = _rows(db, "SELECT actor_id, doc_id FROM mentions WHERE actor_id IS NOT NULL")
    events = _rows(db, "SELECT id, source_actor, target_actor FROM events")
    r = _get(server, "/api/actors", limit=1000)
    rows = r.json()
    assert int(r.headers["X-Total-Count"]) == len({m["actor_id"] for m in mentions}) == len(rows)
    for a in rows:
        mine = [m for m in mentions if m["actor_id"] == a["id"]]
        assert a["mentions"] == len(mine)
        assert a["documents"] == len({m["doc_id"] for m in mine})
        assert a["events"] == sum(1 for e in events if a["id"] in (e["source_actor"],
                                                                  e["target_actor"]))
    assert [a["mentions"] for a in rows] == sorted((a["mentions"] for a in rows), reverse=True)
    assert any(a["events"] for a in rows)
