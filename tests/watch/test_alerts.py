"""Watches and alerts: the shift test on series whose answer is computed by hand; watch
definitions; and, end to end over a real site on 127.0.0.1, a planted dyad shift and a claim
repeated by a second outlet each raise exactly one alert with citations, never again on the
next cycles, delivered to a webhook receiver on 127.0.0.1 and a JSON Lines file."""

from __future__ import annotations

import json
import math

import pytest

from foreigndesk.alerts.definitions import WatchError, load_file, normalise
from foreigndesk.alerts.notify import post_json
from foreigndesk.alerts.shift import alarm_rate, shift_test
from tests.conftest import connect, run_cli
from tests.watch.conftest import FAST
from tests.watch.corpus import CLAIM, claim_articles, conflict_article, relations_articles
from tests.watch.receiver import Receiver

# -- the shift test ----------------------------------------------------------------------


def _months(values, n=5):
    return [(f"2023-{i + 1:02d}", v, n) for i, v in enumerate(values)]


def test_shift_z_score_by_hand():
    # baseline 1, 2, 3, 4: mean 2.5, sd (n - 1) = sqrt(5/3); latest 10
    s = shift_test(_months([1, 2, 3, 4, 10]), "month", window=12, threshold=2.5,
                   min_events=3, min_baseline=4)
    assert s is not None and s.fired and s.period == "2023-05"
    assert s.z == pytest.approx((10 - 2.5) / math.sqrt(5 / 3), abs=1e-3)
    assert s.direction == "up"
    # within the threshold: no alarm
    s = shift_test(_months([1, 2, 3, 4, 4.5]), "month", threshold=2.5, min_baseline=4)
    assert s is not None and not s.fired


def test_shift_floor_window_thin_and_short_baselines():
    flat = _months([5, 5, 5, 5, 4])
    s = shift_test(flat, "month", threshold=2.5, min_baseline=4, sd_floor=1.0)
    assert s is not None and s.z == pytest.approx(-1.0) and not s.fired  # sd 0 -> floor 1
    # the window keeps the last 2 periods only: too short a baseline
    assert shift_test(_months([1, 2, 3, 4, 10]), "month", window=2, min_baseline=3) is None
    # a thin latest period (2 events, fewer than min_events) is not tested
    assert shift_test(_months([1, 2, 3, 4]) + [("2023-05", 10.0, 2)], "month",
                      min_events=3, min_baseline=4) is None
    # thin and missing baseline periods are left out of the baseline
    vals = _months([1, 2, 3, 4]) + [("2023-05", 100.0, 1), ("2023-06", None, 0),
                                    ("2023-07", 10.0, 5)]
    s = shift_test(vals, "month", min_events=3, min_baseline=4)
    assert s is not None and s.baseline_periods == ["2023-01", "2023-02", "2023-03", "2023-04"]
    # every period tested as the latest in turn: only the jump fires
    assert alarm_rate(_months([1, 2, 3, 4, 10, 3]), "month", min_baseline=4) == (1, 2)


def test_watch_definitions_are_checked(tmp_path):
    w = normalise({"kind": "shift", "dyad": "china-cuba"})
    assert w.spec["dyad"] == "CHN-CUB" and w.key.startswith("shift-")
    assert normalise({"kind": "shift", "dyad": "CHN-CUB"}).key == w.key  # stable key
    w = normalise({"kind": "event", "source": "chnmil", "target": "CUB", "roots": "19,4"})
    assert w.spec == {"source": "CHNMIL", "target": "CUB", "roots": ["04", "19"],
                      "undirected": False}
    for bad, msg in [({"kind": "nope"}, "kind: one of"),
                     ({"kind": "shift"}, "dyad is required"),
                     ({"kind": "shift", "dyad": "CHN"}, "not a dyad"),
                     ({"kind": "shift", "dyad": "CHN-CUB", "window": 0}, "out of range"),
                     ({"kind": "shift", "dyad": "CHN-CUB", "colour": 1}, "unknown field"),
                     ({"kind": "event", "source": "CHN", "target": "CUB", "roots": ["21"]},
                      "not a CAMEO root"),
                     ({"kind": "echo", "claim": "x", "cluster": 3}, "not both"),
                     ({"kind": "figures"}, "topic is required"),
                     ({"kind": "echo", "name": "bad name!"}, "name:")]:
        with pytest.raises(WatchError, match=msg):
            normalise(bad)
    f = tmp_path / "w.yaml"
    f.write_text("watches:\n  - {kind: shift, dyad: CHN-CUB, name: a}\n"
                 "  - {kind: echo, name: a}\n")
    with pytest.raises(WatchError, match="watch 2: the name 'a' is used twice"):
        load_file(f)
    f.write_text("- {kind: shift, dyad: CHN-CUB}\n- [1, 2]\n")
    with pytest.raises(WatchError, match="watch 2: a watch is a mapping"):
        load_file(f)


def test_alert_add_list_remove(db_url, tmp_path):
    db = str(db_url)
    r = run_cli("alert", "add", "shift", "--dyad", "CHN-CUB", "--window", "6", "--name",
                "cc", "--db", db)
    assert "added watch cc" in r.output
    r = run_cli("alert", "add", "event", "--source", "CHN", "--target", "CUB", "--roots",
                "11", "--db", db)
    assert "added watch event-" in r.output
    r = run_cli("alert", "add", "shift", "--dyad", "CHN-CUB", "--name", "cc", "--db", db,
                ok=False)
    assert r.exit_code == 1 and "exists already" in r.stderr
    r = run_cli("alert", "add", "echo", "--dyad", "CHN-CUB", "--db", db, ok=False)
    assert r.exit_code == 1 and "--dyad does not apply to a echo watch" in r.stderr
    rows = json.loads(run_cli("alert", "list", "--db", db, "--format", "json").output)
    assert [(x["key"], x["kind"]) for x in rows][0] == ("cc", "shift")
    assert rows[0]["spec"]["window"] == 6 and len(rows) == 2
    run_cli("alert", "remove", "cc", "--db", db)
    rows = json.loads(run_cli("alert", "list", "--db", db, "--format", "json").output)
    assert [x["kind"] for x in rows] == ["event"]
    r = run_cli("alert", "remove", "cc", "--db", db, ok=False)
    assert r.exit_code == 1


def test_failed_webhook_is_retried_then_reported():
    rec = Receiver(status=500)
    try:
        err = post_json(rec.url, {"a": 1}, timeout=2, retries=2, backoff=0.05)
        assert err == "HTTP 500" and rec.requests == 3
    finally:
        rec.close()
    # nobody listening: a clear error, no exception
    err = post_json(rec.url, {"a": 1}, timeout=1, retries=1, backoff=0.05)
    assert err is not None and err.startswith("cannot deliver")


# -- end to end: planted shift and echo ------------------------------------------------------

WATCHES = f"""
- name: chn-cub
  kind: shift
  dyad: CHN-CUB
  by: month
  window: 6
  threshold: 2.5
  min_events: 3
- name: blockade
  kind: echo
  claim: "{CLAIM}"
- name: chn-disapproves-cub
  kind: event
  source: CHN
  target: CUB
  roots: ["11"]
"""


def _alerts(db) -> list[dict]:
    return json.loads(run_cli("alerts", "--db", str(db), "--format", "json").output)


def test_planted_shift_and_echo_fire_once_each(db_url, site, tmp_path):
    db = db_url
    watches = tmp_path / "watches.yaml"
    watches.write_text(WATCHES)
    jsonl = tmp_path / "alerts.jsonl"
    rec = Receiver()
    feed = site.base + "/feed.xml"
    try:
        def cycle():
            return run_cli("watch", feed, "--db", str(db), "--once", "--alerts", str(watches),
                           "--jsonl", str(jsonl), "--webhook", rec.url, *FAST)

        for a in relations_articles():
            site.add(a)
        r = cycle()  # six cooperative months (and the fixture's February article): no alert
        assert "done: 7 new, 0 failed, 0 alerts" in r.stdout, r.stdout
        assert _alerts(db) == []

        site.add(conflict_article())  # July: the relation turns
        first, repeat = claim_articles()
        site.add(first)  # the claim, carried by one outlet only
        r = cycle()
        got = _alerts(db)
        shift = [a for a in got if a["watch"] == "chn-cub"]
        assert len(shift) == 1, got
        s = shift[0]
        assert s["detail"]["period"] == "2023-07" and s["detail"]["z"] <= -2.5
        assert s["detail"]["baseline_periods"] == [f"2023-{m:02d}" for m in range(1, 7)]
        cited = {c["text"] for c in s["citations"]}
        for verb in ("condemned", "accused", "threatened"):
            assert any(verb in t for t in cited), (verb, cited)
        con = connect(db)
        july = con.execute("SELECT id FROM documents WHERE published='2023-07-12'").fetchone()[0]
        assert {c["doc_id"] for c in s["citations"]} == {july}
        for c in s["citations"]:  # each citation is that sentence of that document
            assert con.execute("SELECT text FROM sentences WHERE doc_id=? AND idx=?",
                               (c["doc_id"], c["sentence"])).fetchone()[0] == c["text"]
        events = [a for a in got if a["watch"] == "chn-disapproves-cub"]
        assert sorted(a["detail"]["code"] for a in events) == ["111", "112"]
        assert not [a for a in got if a["watch"] == "blockade"]  # one outlet is no echo

        site.add(repeat)  # a second outlet repeats the claim
        r = cycle()
        got2 = _alerts(db)
        new = [a for a in got2 if a["id"] not in {x["id"] for x in got}]
        assert [a["watch"] for a in new] == ["blockade"], new
        echo = new[0]
        assert echo["detail"]["outlet"] == "Caribbean Courier"
        assert echo["detail"]["first_outlet"] == "Havana Ledger"
        assert [c["outlet"] for c in echo["citations"]] == ["Caribbean Courier", "Havana Ledger"]
        assert all("4.8 billion dollars" in c["text"] for c in echo["citations"])

        r = cycle()  # nothing new: nothing fires again
        assert "done: 0 new, 0 failed, 0 alerts" in r.stdout
        r = run_cli("alerts", "check", "--db", str(db), "--alerts", str(watches))
        assert "0 new alerts" in r.stderr
        assert len(_alerts(db)) == len(got2) == 4

        # every alert reached the webhook and the JSON Lines file, once
        assert sorted(b["id"] for b in rec.bodies) == sorted(a["id"] for a in got2)
        lines = [json.loads(x) for x in jsonl.read_text().splitlines()]
        assert sorted(x["id"] for x in lines) == sorted(a["id"] for a in got2)
        hook = next(b for b in rec.bodies if b["watch"] == "chn-cub")
        assert hook["citations"] == s["citations"] and hook["title"] == s["title"]
        notified = con.execute("SELECT DISTINCT notified FROM alerts").fetchall()
        assert [json.loads(n[0]) for n in notified] == [{"jsonl": "written",
                                                         "webhook": "delivered"}]
        # the CLI's listing shows each alert with its cited sentences
        out = run_cli("alerts", "--db", str(db), "--watch", "chn-cub").output
        assert f"{july}#s" in out and "condemned" in out
    finally:
        rec.close()


def test_conflict_of_figures_after_an_ingest_fires_once(db_url, tmp_path):
    """`alerts check` after a plain ingest: two outlets give 3 and 30 deaths for one
    hurricane; the figures watch on "hurricane" fires once, one on "earthquake" never."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Title: Hurricane toll\nOutlet: Havana Ledger\nDate: 2023-09-02\n\n"
        "Hurricane Ian killed 3 people in Cuba, the Cuban government said on Friday. "
        "The storm destroyed homes in Pinar del Rio province.\n")
    (src / "b.txt").write_text(
        "Title: Storm deaths rise\nOutlet: Caribbean Courier\nDate: 2023-09-04\n\n"
        "Hurricane Ian killed 30 people in Cuba, local officials said on Sunday. "
        "Rescue teams were still searching the western provinces.\n")
    db = str(db_url)
    run_cli("alert", "add", "figures", "--topic", "hurricane", "--name", "storm", "--db", db)
    run_cli("alert", "add", "figures", "--topic", "earthquake", "--name", "quake", "--db", db)
    r = run_cli("alerts", "check", "--db", db)
    assert "0 new alerts" in r.stderr  # an empty store
    run_cli("ingest", str(src / "a.txt"), "--db", db, "--workers", "1", "-q")
    assert "0 new alerts" in run_cli("alerts", "check", "--db", db).stderr  # one figure only
    run_cli("ingest", str(src / "b.txt"), "--db", db, "--workers", "1", "-q")
    r = run_cli("alerts", "check", "--db", db)
    assert "1 new alert" in r.stderr and "[storm]" in r.stdout
    got = _alerts(db)
    assert len(got) == 1 and got[0]["watch"] == "storm"
    assert sorted((got[0]["detail"]["value_a"], got[0]["detail"]["value_b"])) == [3, 30]
    assert sorted(c["outlet"] for c in got[0]["citations"]) == ["Caribbean Courier",
                                                                 "Havana Ledger"]
    assert {c["text"].split(" people")[0] for c in got[0]["citations"]} == \
        {"Hurricane Ian killed 3", "Hurricane Ian killed 30"}
    assert "0 new alerts" in run_cli("alerts", "check", "--db", db).stderr
