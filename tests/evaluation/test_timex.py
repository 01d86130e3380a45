"""``foreigndesk eval timex``: the TimeML reader, the value comparison, and the scores on the
TempEval-3 toolkit sample (an accuracy gate)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foreigndesk.evaluation.timex import Score, read_timeml, score_document, value_matches
from foreigndesk.model import TimeValue
from tests.conftest import run_cli, shared_path

# A TimeML document written for this test (same layout as TempEval-3 files)
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-01-18" temporalFunction="false" functionInDocument="CREATION_TIME">January 18, 2023</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
China and Cuba <EVENT eid="e1" class="OCCURRENCE">signed</EVENT> a deal <TIMEX3 tid="t1" type="DATE" value="2023-01-18">Wednesday</TIMEX3> &amp; talks lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.

Trade fell <TIMEX3 tid="t3" type="DATE" value="2022">last year</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml_gives_raw_text_spans_and_dct(tmp_path: Path) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_timeml(p)
    assert doc.dct == "2023-01-18"
    assert "<" not in doc.text and "Not part of the text" not in doc.text
    assert "deal Wednesday & talks" in doc.text  # entity decoded, tags removed
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Wednesday", "DATE", "2023-01-18"), ("three days", "DURATION", "P3D"),
        ("last year", "DATE", "2022")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


@pytest.mark.parametrize(("ours", "gold", "ok"), [
    ("2022-11-25", "2022-11-25", True),
    ("2022-11-25", "2022-11", True),        # finer than the gold: compared at the gold's month
    ("2022-11", "2022-11-25", False),       # coarser than the gold
    ("198X", "198", True),                  # decade: TimeML writes 198, we write 198X
    ("19XX", "19", True),                   # century
    ("1989-W43", "1989-WXX", True),         # X in the gold matches anything
    ("1968", "1968-XX", True),              # unknown trailing parts: the gold knows the year
    ("1994", "1994-XX-XX", True),
    ("1995", "1994-XX-XX", False),
    ("1989", "1989-WXX", False),            # the gold knows it is a week
    ("2000-W07", "2000-W7", True),          # week numbers compared zero-padded
    ("1989-Q3", "1989-Q4", False),
    ("PAST_REF", "PAST_REF", True),
    ("PAST_REF", "PRESENT_REF", False),
    ("P1W", "P1W", True),
    ("", "2022", False),
    ("2021", "2022", False),
])
def test_value_matches_at_gold_granularity(ours: str, gold: str, ok: bool) -> None:
    assert value_matches(ours, gold) is ok


def test_relaxed_extent_scoring_counts_overlaps(tmp_path: Path) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_timeml(p)
    w = doc.text.index("Wednesday")
    ly = doc.text.index("last year")
    system = [
        TimeValue("d", 0, w - 4, w + 9, "on Wednesday", value="2023-01-18", type="DATE"),  # overlaps
        TimeValue("d", 1, ly, ly + 9, "last year", value="2021", type="DATE"),  # wrong value
        TimeValue("d", 0, 0, 5, "China", value="2020", type="DATE"),  # false positive
    ]
    score = Score()
    score_document(doc, system, score)
    assert (score.gold, score.system, score.gold_found, score.system_correct) == (3, 3, 2, 2)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)
    assert (score.date_pairs, score.date_value_ok) == (2, 1)


def _figure(output: str, label: str) -> float:
    m = re.search(label + r"\s+([01]\.\d+)", output)
    assert m, f"{label} not in output:\n{output}"
    return float(m.group(1))


@pytest.mark.shared
def test_eval_timex_on_toolkit_sample_prints_scores_above_the_floor() -> None:
    """Measured on the 4 AFP documents (31 timexes): F1 0.952, DATE value accuracy 0.966.
    The floors leave a margin of about three expressions."""
    sample = shared_path("eval", "tempeval3_toolkit_gold_sample")
    out = run_cli("eval", "timex", str(sample), "--spacy-baseline").output
    assert "documents 4" in out
    p, r, f1 = (_figure(out, k) for k in ("precision", "recall", "F1"))
    acc = _figure(out, "DATE value accuracy at gold granularity:")
    for v in (p, r, f1, acc):
        assert 0.0 <= v <= 1.0
    assert f1 >= 0.85, out
    assert acc >= 0.85, out
    assert re.search(r"DATE\s+30\s+\d+\s+\d+\s+\d+", out), out  # per-type counts: 30 gold DATEs
    baseline = re.search(r"baseline: spaCy DATE/TIME entities.*F1 ([01]\.\d+)", out)
    assert baseline and 0.0 <= float(baseline.group(1)) <= 1.0, out


def test_eval_timex_fails_cleanly_without_tml_files(tmp_path: Path) -> None:
    result = run_cli("eval", "timex", str(tmp_path), ok=False)
    assert result.exit_code != 0
    assert "no *.tml or MEANTIME *.xml files" in result.output
