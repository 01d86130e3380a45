"""Event scorers: PETRARCH2 validation records (``foreigndesk eval events``) and the dossier
gold's events (``evaluation/dossier_events.py``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from foreigndesk.evaluation.dossier_events import actor_matches, score
from foreigndesk.evaluation.events import Record, read_records
from foreigndesk.evaluation.events import score as score_records
from foreigndesk.evaluation.textmatch import date_matches
from foreigndesk.model import Event
from tests.conftest import run_cli, shared_path


def test_gold_actor_rule():
    assert actor_matches("CHNGOV", "CHNGOV")
    assert not actor_matches("CHN", "CHNGOV") and not actor_matches("CHNMIL", "CHNGOV")
    assert actor_matches("CHNMIL", "CHN") and actor_matches("CHN", "CHN")
    assert not actor_matches("CUBGOV", "CHN")
    assert actor_matches("IGO", "IGO") and not actor_matches("USAGOV", "IGO")
    assert not actor_matches(None, "CHN")


def test_gold_date_rule():
    assert date_matches("2022-11-25", "2022-11") and date_matches("2022-11", "2022-11")
    assert not date_matches("2022", "2022-11") and not date_matches("2022-12-01", "2022-11")
    assert date_matches("1989", "198X") and date_matches("198X", "198X")
    assert not date_matches("1979", "198X")
    assert date_matches("1964", 1964)  # YAML reads a bare year as a number


RECORDS = """<Validation><Sentences>
<Sentence date="19950101" id="T-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored ties with Gondor.</Text>
</Sentence>
<Sentence date="19950102" id="T-2" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>The weather was fine.</Text>
</Sentence>
</Sentences></Validation>"""


def test_read_and_score_records(tmp_path: Path):
    p = tmp_path / "r.xml"
    p.write_text(RECORDS, encoding="utf-8")
    recs = read_records(p)
    assert [(r.id, r.date, r.codings) for r in recs] == [
        ("T-1", "1995-01-01", [("ARN", "064", "GON")]), ("T-2", "1995-01-02", [])]
    ev = Event("d", 0, 0, 5, "x", source_code="ARN", target_code="GON", code="0641")
    result = score_records(recs, [[ev], []])
    assert (result["items"], result["root_correct"], result["exact_correct"]) == (2, 2, 1)
    result = score_records(recs, [[], [ev]])
    assert (result["root_correct"], result["exact_correct"]) == (0, 0)
    assert isinstance(recs[0], Record)


def test_eval_events_on_petrarch_unit_tests():
    records = shared_path("eval", "petrarch2_validation", "PETR.UnitTest.records.xml")
    out = run_cli("eval", "events", "--petrarch", str(records), "--dictionaries",
                  str(records.parent)).output
    root = float(re.search(r"root-code accuracy\s+([\d.]+)", out).group(1))
    exact = float(re.search(r"exact accuracy\s+([\d.]+)", out).group(1))
    assert root >= 0.7, out
    assert exact >= 0.6, out


def test_eval_events_reports_a_bad_directory(tmp_path: Path):
    p = tmp_path / "r.xml"
    p.write_text(RECORDS, encoding="utf-8")
    r = run_cli("eval", "events", "--petrarch", str(p), "--dictionaries", str(tmp_path), ok=False)
    assert r.exit_code != 0 and "no verb dictionary" in r.output
    assert "Traceback" not in r.output


def test_dossier_events_reach_the_targets(dossier_store, dossier_gold):
    from foreigndesk.evaluation.dossier import match_articles

    docs = match_articles(dossier_store, dossier_gold)
    result = score(dossier_store, dossier_gold, docs)
    wanted = [e for e in dossier_gold["events"] if not e.get("optional")]
    assert result["gold_events"] == len(wanted)
    assert result["recall"] >= 0.7, result["details"]
    assert result["precision"] >= 0.7, result["details"]


def test_raters_confusion_counts_only(tmp_path: Path):
    # three sentences written for this test, with made-up rater codes
    lines = [
        {"id": "1", "text": "Pakistan ordered the expulsion of two Afghan diplomats.",
         "root": "16", "relevant": True, "roots_any": ["16", "17"],
         "raters": [{"rater": "a", "action1": "16", "relevant": True},
                    {"rater": "b", "action1": "16", "relevant": True},
                    {"rater": "c", "action1": "17", "relevant": True}]},
        {"id": "2", "text": "The weather was mild in Oslo on Sunday.", "root": None,
         "relevant": False, "roots_any": [],
         "raters": [{"rater": "a", "action1": None, "relevant": False},
                    {"rater": "b", "action1": None, "relevant": False}]},
        {"id": "3", "text": "Iran voiced strong displeasure at the sanctions.", "root": "11",
         "relevant": True, "roots_any": ["11"],
         "raters": [{"rater": "a", "action1": "11", "relevant": True},
                    {"rater": "b", "action1": "11", "relevant": True}]},
    ]
    path = tmp_path / "rated.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    got = json.loads(run_cli("eval", "events", "--raters", str(path), "--confusion",
                             "--json").output)
    table = got["confusion"]
    assert sum(n for row in table.values() for n in row.values()) == 2  # sentence 2: no root
    assert set(table) == {"16", "11"}
    assert "details" not in got
    text = run_cli("eval", "events", "--raters", str(path), "--confusion").output
    assert "confusion (rows: majority root" in text
    assert "Pakistan" not in text and "Iran" not in text  # counts only, no sentence


def test_raters_coded_root_is_the_first_event_that_happened():
    # sentences written for this test: a negated or hypothetical act codes no root; a
    # statement about an act that did not happen codes the statement
    from foreigndesk.evaluation.raters import RatedSentence, code_sentences, coded_root

    texts = ["The Mexican government could impose tariffs on American steel.",
             "Kenya's army said it had not fired on the protesters in Nairobi.",
             "Pakistan expelled two Afghan diplomats on Monday."]
    rated = [RatedSentence(id=str(k), text=t, root=None, relevant=None, roots_any=set(),
                           rater_roots={}) for k, t in enumerate(texts)]
    coded = code_sentences(rated)
    assert [e.modality for e in coded[0].events] == ["hypothetical"]
    assert [coded_root(ex) for ex in coded] == [None, "01", "16"]
