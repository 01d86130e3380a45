"""Each export format read back by the library that consumes it, on a store whose right
answers are known (tests/export/made_store.py)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.export.made_store import HAVANA


def _export(db: Path, tmp_path: Path, fmt: str, *args: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    run_cli("export", fmt, "--db", str(db), "-o", str(out), *args)
    return out


def test_ftm_entities_are_valid_followthemoney(made_db, tmp_path):
    from followthemoney import model
    from followthemoney.types import registry

    lines = _export(made_db, tmp_path, "ftm").read_text("utf-8").splitlines()
    seen: dict[str, object] = {}
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        schema = proxy.schema
        schema.validate(data)  # raises InvalidData on a bad value or a missing required one
        for prop_name, values in data["properties"].items():
            prop = schema.get(prop_name)
            assert prop is not None, f"{schema.name} has no property {prop_name}"
            if prop.type == registry.entity:  # links point to entities already written
                for v in values:
                    assert v in seen, f"{prop_name} -> {v} before it was written"
                    assert seen[v].schema.is_a(prop.range), (prop_name, seen[v].schema)
        for req in schema.required:
            assert proxy.get(req), f"{schema.name} lacks {req}"
        seen[proxy.id] = proxy
    by_schema: dict[str, list] = {}
    for p in seen.values():
        by_schema.setdefault(p.schema.name, []).append(p)
    assert len(by_schema["Event"]) == 5
    assert {p.first("title") for p in by_schema["Article"]} == {"Wang Yi in Havana", "Reactions"}
    assert {p.first("name") for p in by_schema["Person"]} == {"Xi Jinping"}
    assert {p.first("name") for p in by_schema["Organization"]} == {"Sherritt"}
    assert {p.first("name") for p in by_schema["PublicBody"]} == {"China", "Government of Cuba"}
    assert {p.first("country") for p in by_schema["Territory"]} >= {"cn", "cu"}
    visit = next(p for p in by_schema["Event"] if p.first("date") == "2023-02-10")
    assert len(visit.get("proof")) == 2  # reported by both documents
    assert seen[visit.first("organizer")].first("name") == "China"
    assert {seen[i].first("name") for i in visit.get("involved")} == {"China",
                                                                       "Government of Cuba"}
    assert visit.first("location") == "Havana"
    assert "visited Havana" in visit.first("description")
    demand = next(p for p in by_schema["Event"] if "1056" in p.first("summary"))
    assert demand.first("recordId").endswith(":2 p.2")  # the sentence and its page


def test_ftm_follows_the_filters(made_db, tmp_path):
    lines = _export(made_db, tmp_path, "ftm", "--dyad", "china-cuba").read_text().splitlines()
    events = [json.loads(x) for x in lines if json.loads(x)["schema"] == "Event"]
    # the visit, and Xi Jinping's demand (CHNGOV -> CUBGOV); not Cuba's acts toward China
    assert sorted(e["properties"]["date"][0] for e in events) == ["2023-02-10", "2023-02-11"]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_reads_back_in_networkx(made_db, tmp_path, fmt):
    import networkx as nx

    g = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(_export(made_db, tmp_path, fmt))
    assert g.is_directed()
    assert set(g.nodes) == {"CHN", "CUBGOV", "person:xi-jinping", "org:sherritt"}
    assert g.nodes["person:xi-jinping"]["label"] == "Xi Jinping"
    # one real-world visit though two documents report it
    assert int(g.edges["CHN", "CUBGOV"]["weight"]) == 1
    assert float(g.edges["CHN", "CUBGOV"]["goldstein_mean"]) == pytest.approx(1.9)
    # the agreement (8.0) and the negated meeting (4.0)
    back = g.edges["CUBGOV", "CHN"]
    assert int(back["weight"]) == 2 and float(back["goldstein_mean"]) == pytest.approx(6.0)
    assert int(g.edges["CHN", "org:sherritt"]["q4"]) == 1
    asserted = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(
        _export(made_db, tmp_path, fmt, "--modality", "asserted"))
    assert int(asserted.edges["CUBGOV", "CHN"]["weight"]) == 1
    assert float(asserted.edges["CUBGOV", "CHN"]["goldstein_mean"]) == pytest.approx(8.0)


def test_parquet_listings_have_typed_columns(made_db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(_export(made_db, tmp_path, "parquet"))
    assert t.num_rows == 5
    types = dict(zip(t.schema.names, t.schema.types, strict=True))
    assert types["id"] == pa.int64() and types["quad_class"] == pa.int64()
    assert types["goldstein"] == pa.float64() and types["lat"] == pa.float64()
    assert types["code"] == pa.string() and types["page"] == pa.int64()
    rows = {r["code"]: r for r in t.to_pylist()}
    assert rows["042"]["mentions"] == 2 and rows["042"]["documents"] == 2
    assert rows["042"]["lat"] == pytest.approx(HAVANA[0])
    assert rows["1056"]["page"] == 2 and rows["057"]["date_precision"] == "month"
    assert rows["163"]["date"] is None
    docs = pq.read_table(_export(made_db, tmp_path, "parquet", "--listing", "documents"))
    assert docs.schema.field("paged").type == pa.bool_()
    assert sorted(docs.column("paged").to_pylist()) == [False, True]
    assert docs.schema.field("n_words").type == pa.int64()
    places = pq.read_table(_export(made_db, tmp_path, "parquet", "--listing", "places"))
    assert places.column("name").to_pylist() == ["Havana"]


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt1"])
def test_gdelt_tsv_imports_back(made_db, tmp_path, fmt):
    from foreigndesk.store import Store

    tsv = _export(made_db, tmp_path, fmt)
    header = tsv.read_text().splitlines()[0].split("\t")
    assert header[0] == "GLOBALEVENTID" and header[-1] == "FD_SentenceText"
    assert header.index("SOURCEURL") == (60 if fmt == "gdelt" else 57)
    db = tmp_path / "back.db"
    run_cli("import", "gdelt", str(tsv), "--db", str(db), "--quiet")
    with Store.open(made_db) as a, Store.open(db) as b:
        ours = {r["id"]: r for r in a.query("SELECT * FROM events")}
        back = b.query("SELECT * FROM events ORDER BY CAST(external_id AS INTEGER)")
    assert len(back) == 4  # the undated embargo cannot be a GDELT row
    for r in back:
        e = ours[int(r["external_id"])]
        for k in ("code", "root", "quad_class", "goldstein", "source_code", "target_code",
                  "source_country", "target_country"):
            assert r[k] == e[k], (k, r[k], e[k])
        assert r["date"] == (e["date"] if len(e["date"]) == 10 else e["date"] + "-01")
        if e["lat"] is not None:
            assert (r["lat"], r["lon"], r["place_country"]) == (e["lat"], e["lon"], "CUB")
    visit = next(r for r in back if r["code"] == "042")
    assert visit["n_mentions"] == 2 and visit["n_articles"] == 2 and visit["n_sources"] == 2
    assert visit["source_url"] == "https://example.org/one"
    assert visit["source_name"] == "CHINA"


def test_geojson_points(made_db, tmp_path):
    data = json.loads(_export(made_db, tmp_path, "geojson").read_text())
    assert data["type"] == "FeatureCollection"
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds.count("place") == 1 and kinds.count("event") == 1  # one located event
    for f in data["features"]:  # Havana, longitude first
        lon, lat = f["geometry"]["coordinates"]
        assert math.isclose(lat, HAVANA[0], abs_tol=1e-4)
        assert math.isclose(lon, HAVANA[1], abs_tol=1e-4)
    event = next(f for f in data["features"] if f["properties"]["kind"] == "event")
    assert event["properties"]["code"] == "042" and event["properties"]["source"] == "China"


def test_plover_types(made_db, tmp_path):
    recs = [json.loads(x) for x in
            _export(made_db, tmp_path, "plover").read_text().splitlines()]
    by_code = {r["cameo_code"]: r for r in recs}
    assert (by_code["042"]["event_type"], by_code["042"]["event_mode"]) == ("CONSULT", "visit")
    assert by_code["057"]["event_type"] == "AGREE"
    assert by_code["163"]["event_type"] == "SANCTION"
    assert by_code["1056"]["event_type"] == "REQUEST"
    assert by_code["036"]["modality"] == "negated"
    assert by_code["042"]["actor_country"] == "CHN"
    assert by_code["042"]["recipient_sector"] == "GOV"
    assert by_code["1056"]["page"] == 2 and by_code["042"]["mentions"] == 2


def test_web_export_streams_with_filters(made_db, tmp_path):
    import httpx
    import networkx as nx

    from tests.conftest import copy_of_store
    from tests.web.server import Server

    db = copy_of_store(made_db, tmp_path, "web.db")
    server = Server(db)
    try:
        r = httpx.get(f"{server.base}/api/export",
                      params={"format": "gexf", "dyad": "china-cuba"}, timeout=60)
        assert r.status_code == 200 and "gexf" in r.headers["content-type"]
        path = tmp_path / "web.gexf"
        path.write_bytes(r.content)
        g = nx.read_gexf(path)
        assert sorted(g.edges) == [("CHN", "CUBGOV"), ("person:xi-jinping", "CUBGOV")]
        r = httpx.get(f"{server.base}/api/export",
                      params={"format": "parquet", "listing": "events"}, timeout=60)
        assert r.status_code == 200 and r.content[:4] == b"PAR1" and r.content[-4:] == b"PAR1"
        for bad in ({"format": "nope"}, {"format": "ftm", "dyad": "narnia-cuba"},
                    {"format": "parquet", "listing": "nope"}, {"format": "ftm", "limit": "0"},
                    {"format": "parquet", "listing": "claims", "actor": "CHN"},
                    {"format": "gdelt", "since": "yesterday"}):
            r = httpx.get(f"{server.base}/api/export", params=bad, timeout=60)
            assert 400 <= r.status_code < 500, (bad, r.status_code)
    finally:
        server.stop()


def test_event_filters_on_other_listings_are_refused(made_db, tmp_path):
    r = run_cli("export", "parquet", "--db", str(made_db), "-o", str(tmp_path / "d.parquet"),
                "--listing", "documents", "--dyad", "CHN-CUB", ok=False)
    assert r.exit_code == 1 and "dyad" in r.stderr and len(r.stderr.splitlines()) == 1
    r = run_cli("export", "ftm", "--db", str(made_db), "--dyad", "narnia-cuba", ok=False)
    assert r.exit_code == 1 and "narnia" in r.stderr
    r = run_cli("export", "ftm", "--db", str(tmp_path / "none.db"), ok=False)
    assert r.exit_code == 1 and "no such store" in r.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("cmd", [["export", "ftm"], ["serve", "--port", "1"]])
def test_an_unreachable_postgresql_store_is_named_without_its_password(cmd):
    # nothing listens on port 1: the store cannot be reached, and the message names it
    url = "postgresql://analyst:s3cret-pw@127.0.0.1:1/newsroom"
    r = run_cli(*cmd, "--db", url, ok=False)
    assert r.exit_code != 0 and "no such store" in r.output + r.stderr
    assert "s3cret-pw" not in r.output + r.stderr
    assert "analyst@127.0.0.1:1/newsroom" in r.output + r.stderr


@pytest.mark.parametrize("fmt,module", [("gexf", "networkx"), ("ftm", "followthemoney"),
                                        ("parquet", "pyarrow")])
def test_missing_extra_gives_a_one_line_hint(made_db, tmp_path, fmt, module):
    """Without the library (made unimportable in a fresh interpreter), one line says which
    extra to install."""
    import subprocess
    import sys

    code = (f"import sys; sys.modules[{module!r}] = None; "
            "from foreigndesk.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", code, "export", fmt, "--db", str(made_db),
                        "-o", str(tmp_path / f"x.{fmt}")], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"foreigndesk: this export needs {module}: pip install 'foreigndesk[export]'"]


def test_parquet_timeline_listing(tmp_path, db_url):
    """The timeline listing as Parquet: one row per timeline item, typed, with the dates the
    text gives (written here, so the answer is known)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tests.conftest import run_cli

    text = tmp_path / "note.txt"
    text.write_text("Title: Talks\nDate: 2023-02-08\n\nChina and Cuba signed a trade accord on "
                    "6 February 2023 in Havana. The two countries first established relations "
                    "in September 1960.\n", encoding="utf-8")
    db = db_url
    run_cli("ingest", str(text), "--db", str(db), "--workers", "1", "--quiet")
    out = tmp_path / "timeline.parquet"
    run_cli("export", "parquet", "--listing", "timeline", "--db", str(db), "-o", str(out))
    t = pq.read_table(out)
    assert t.schema.field("sentence_index").type == pa.int64()
    assert t.schema.field("anchored").type == pa.bool_()
    dates = set(t.column("date").to_pylist())
    assert {"2023-02-06", "1960-09"} <= dates
    shown = json.loads(run_cli("timeline", "--db", str(db), "--format", "json").output)
    assert t.num_rows == len(shown)
    cuba = tmp_path / "cuba.parquet"
    run_cli("export", "parquet", "--listing", "timeline", "--actor", "CUB", "--since", "2000",
            "--db", str(db), "-o", str(cuba))
    assert set(pq.read_table(cuba).column("date").to_pylist()) == {"2023-02-06"}
