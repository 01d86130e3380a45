"""``foreigndesk eval events --gold``: events and claims against the public-domain gold.

The perfect and the wrong system outputs are built from the gold itself (its codes, dates,
spans and speakers) and stored in a real SQLite store beside the real texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from foreigndesk.evaluation import text_gold as tg
from foreigndesk.ingest import ReadError, read_paths
from foreigndesk.model import Claim, Event, Extraction, Sentence
from foreigndesk.store import Store
from tests.conftest import REPO, run_cli

GOLD = REPO / "eval" / "public_domain.gold.yaml"


def test_date_rule_by_precision():
    assert tg.date_ok("2023-06-09", None) and tg.date_ok(None, None)
    assert tg.date_ok("2023-06-09", "2023-W23") and tg.date_ok("2023-W23", "2023-W23")
    assert not tg.date_ok("2023-06-12", "2023-W23")  # Monday of the next week
    assert not tg.date_ok("2023-06", "2023-W23")
    assert tg.date_ok("2021-07-11", "2021-07") and not tg.date_ok("2021-07", "2021-07-11")
    assert tg.date_ok("2006-05-01", 2006) and not tg.date_ok(None, "2006")


def test_actor_rule_with_lists_and_mutual_events():
    one_way = {"source": "USAGOV", "target": ["CUBOPP", "CUBCVL"]}
    assert tg.actors_ok("USAGOV", "CUBCVL", one_way) and tg.actors_ok("USAGOV", "CUBOPP", one_way)
    assert not tg.actors_ok("USAGOV", "CUBGOV", one_way)
    assert not tg.actors_ok("CUBCVL", "USAGOV", one_way)
    both = {"source": "USAGOV", "target": "CHNGOV", "mutual": True}
    assert tg.actors_ok("CHNGOV", "USAGOV", both) and not tg.actors_ok("CHNGOV", "CHNGOV", both)
    assert tg.actors_ok("UKRGOV", "RUSMIL", {"source": "UKR", "target": "RUS"})


def _system_output(gold: dict[str, Any], paths: dict[str, Path],
                   spoil: str | None = None) -> list[Extraction]:
    """One extraction per gold text holding exactly the gold's events and claims (one
    sentence per paragraph). ``spoil``: "roots" codes every event with a root the gold does
    not accept, "direction" swaps source and target of one-way events, "modality" codes the
    events that did not happen as asserted, "one-sided" drops every target, "speakers" gives
    every claim a stranger."""
    out = []
    for article, path in paths.items():
        doc = next(d for d in read_paths([str(path)]) if not isinstance(d, ReadError))
        sentences, at = [], 0
        for para in doc.text.split("\n"):
            if para.strip():
                sentences.append(Sentence(doc.id, len(sentences), at, at + len(para), para))
            at += len(para) + 1

        def where(span: str, text: str = doc.text,
                  sentences: list[Sentence] = sentences) -> tuple[int, int, int]:
            start = text.find(span.split("...")[0].strip())
            s = next(s for s in sentences if s.start <= start < s.end)
            return s.sentence, start, start + len(span)

        ex = Extraction(document=doc, sentences=sentences)
        for i, e in enumerate(g for g in gold["events"] if g["article"] == article):
            idx, start, end = where(e["text"])
            src, tgt = tg.codes(e["source"])[0], tg.codes(e["target"])[0]
            root = e["cameo"][0]
            modality = e.get("modality") or "asserted"
            if spoil == "roots":
                root = next(r for r in ("01", "04", "14", "19") if r not in e["cameo"])
            if spoil == "direction" and not e.get("mutual"):
                src, tgt = tgt, src
            if spoil == "modality":
                modality = "asserted"
            if spoil == "one-sided":
                tgt = None
            ex.events.append(Event(
                doc.id, idx, start, end, e["text"], source_code=src, target_code=tgt,
                code=root + "0", root=root, modality=modality, trigger=f"t{i}",
                date=str(e["date"]) if e.get("date") is not None else doc.published))
        for c in (g for g in gold["claims"] if g["article"] == article):
            idx, start, end = where(c["content"])
            speaker = c["speaker"][0] if isinstance(c["speaker"], list) else str(c["speaker"])
            is_code = speaker.isupper() and len(speaker) in (3, 6)
            if spoil == "speakers":
                speaker, is_code = "Nobody Else", False
            ex.claims.append(Claim(
                doc.id, idx, start, end, c["content"], content=c["content"], cue=str(c["cue"]),
                speaker_text=None if is_code else speaker,
                speaker_code=speaker if is_code else None))
        out.append(ex)
    return out


def _scores(db: str, spoil: str | None = None) -> dict[str, dict[str, Any]]:
    gold = tg.load_gold(GOLD)
    paths = tg.text_paths(gold, GOLD)
    with Store.open(db) as store:
        docs = {}
        for article, ex in zip(paths, _system_output(gold, paths, spoil), strict=True):
            store.add(ex)
            docs[article] = ex.document.id
        return tg.score(store, gold, docs)


def test_the_gold_itself_scores_one(db_url: str):
    r = _scores(db_url)
    ev, cl = r["events"], r["claims"]
    gold = tg.load_gold(GOLD)
    required = [e for e in gold["events"] if tg.happened(e) and not e.get("optional")]
    assert ev["gold_events"] == len(required) and ev["found"] == len(required)
    assert (ev["precision"], ev["recall"], ev["f1"], ev["date_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert ev["counted_as_happening"] == 0
    assert ev["kept_with_modality"] == ev["not_happened"] > 0
    assert cl["gold"] == len(gold["claims"]) and cl["recall"] == 1.0


@pytest.mark.parametrize("spoil", ["roots", "direction", "modality"])
def test_a_wrong_output_scores_lower(db_url: str, spoil: str):
    ev = _scores(db_url, spoil)["events"]
    assert ev["f1"] < 1.0
    if spoil in ("roots", "direction"):  # a spoiled event may still fit another gold event
        assert ev["recall"] < 0.25 and ev["precision"] < 0.5  # of its paragraph
    if spoil == "modality":
        assert ev["recall"] == 1.0 and ev["precision"] < 1.0
        # (one of them may be taken by a happened gold event of its paragraph instead)
        assert ev["counted_as_happening"] >= ev["not_happened"] - 1 > 0


def test_one_sided_events_are_no_predictions(db_url: str):
    ev = _scores(db_url, "one-sided")["events"]
    assert (ev["predicted"], ev["recall"], ev["precision"]) == (0, 0.0, 0.0)
    assert ev["one_sided"] == ev["gold_events"] + ev["optional"]  # every event that happened
    assert ev["one_sided_fitting"] >= ev["gold_events"]


def test_wrong_speakers_lose_the_claims(db_url: str):
    cl = _scores(db_url, "speakers")["claims"]
    assert cl["content_recall"] == 1.0 and cl["recall"] == 0.0


def test_eval_events_gold_runs_the_pipeline(db_url):
    result = run_cli("eval", "events", "--gold", str(GOLD), "--json", "--db", db_url)
    r = json.loads(result.output)
    gold = tg.load_gold(GOLD)
    assert r["events"]["gold_events"] == sum(
        1 for e in gold["events"] if tg.happened(e) and not e.get("optional"))
    assert set(r["events"]["per_article"]) == {a["id"] for a in gold["articles"]}
    assert 0.0 <= r["events"]["precision"] <= 1.0 and 0.0 <= r["events"]["recall"] <= 1.0
    assert r["claims"]["gold"] == len(gold["claims"])
    assert r["claims"]["claims"] > 0  # the texts were ingested and their claims stored


def test_a_missing_text_is_an_error(tmp_path: Path):
    gold = tmp_path / "g.yaml"
    gold.write_text("articles:\n  - {id: nowhere}\nevents: []\nclaims: []\n", encoding="utf-8")
    result = run_cli("eval", "events", "--gold", str(gold), "--texts", str(tmp_path), ok=False)
    assert result.exit_code != 0 and "nowhere" in result.output
