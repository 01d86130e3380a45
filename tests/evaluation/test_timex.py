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


def test_read_timeml_finds_a_creation_time_outside_dct(tmp_path: Path) -> None:
    # an export without the <DCT> wrapper: the TIMEX3 marked as the creation time counts
    p = tmp_path / "doc.tml"
    p.write_text(TML.replace("<DCT>", "").replace("</DCT>", ""), encoding="utf-8")
    assert read_timeml(p).dct == "2023-01-18"


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


# -- MEANTIME (CAT XML) -----------------------------------------------------------------------

# A MEANTIME-style document written for this test: a title, a dateline that is the creation
# time, and one body sentence with a weekday; sentence 6 lies beyond the annotated part.
_TOKENS = [
    (0, "Talks"), (0, "resume"),
    (1, "March"), (1, "3"), (1, ","), (1, "2008"),
    (2, "The"), (2, "talks"), (2, "resumed"), (2, "on"), (2, "Monday"), (2, "("), (2, "Geneva"),
    (2, ")"), (2, "."),
    (6, "They"), (6, "end"), (6, "today"), (6, "."),
]


def _meantime(creation: bool = True) -> str:
    toks = "\n".join(f'<token t_id="{i + 1}" sentence="{s}" number="{i}">{w}</token>'
                     for i, (s, w) in enumerate(_TOKENS))
    role = "CREATION_TIME" if creation else "NONE"
    return (f'<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en" url="x">\n{toks}\n'
            '<Markables>\n'
            f'<TIMEX3 m_id="1" type="DATE" value="2008-03-03" functionInDocument="{role}">'
            '<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/>'
            '<token_anchor t_id="6"/></TIMEX3>\n'
            '<TIMEX3 m_id="2" type="DATE" value="2008-03-03" functionInDocument="NONE">'
            '<token_anchor t_id="11"/></TIMEX3>\n'
            '<TIMEX3 m_id="3" type="DATE" value="2008-03-01" functionInDocument="NONE" '
            'TAG_DESCRIPTOR="not in the text"/>\n'
            '</Markables>\n</Document>\n')


@pytest.mark.parametrize("creation", [True, False])
def test_read_meantime_rebuilds_text_spans_and_dct(tmp_path: Path, creation: bool) -> None:
    from foreigndesk.evaluation.timex import read_meantime

    p = tmp_path / "doc.xml"
    p.write_text(_meantime(creation), encoding="utf-8")
    doc = read_meantime(p)
    assert doc.text.startswith("Talks resume\nMarch 3, 2008\nThe talks resumed on Monday (Geneva).")
    assert doc.dct == "2008-03-03"  # marked, or else the dateline under the title
    assert [(t.text, t.value) for t in doc.timexes] == [("March 3, 2008", "2008-03-03"),
                                                        ("Monday", "2008-03-03")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    # sentence 6 ("They end today.") is not annotated: a system "today" there is not scored
    assert doc.annotated_end is not None and doc.text.index("today") >= doc.annotated_end
    today = doc.text.index("today")
    system = [TimeValue("d", 0, today, today + 5, "today", value="2008-03-03", type="DATE")]
    score = Score()
    score_document(doc, system, score)
    assert (score.system, score.gold, score.gold_found) == (0, 2, 0)


# -- HeidelTime, the baseline --------------------------------------------------------------------

def test_heideltime_timeml_output_gives_spans_in_the_input() -> None:
    from foreigndesk.evaluation.heideltime import parse_timeml

    text = "Talks began on Monday & ended in June.\nA <b> tag stays."
    out = ('<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
           'Talks began on <TIMEX3 tid="t1" type="DATE" value="1998-07-13">Monday</TIMEX3> & '
           'ended in <TIMEX3 tid="t2" type="DATE" value="1998-06">June</TIMEX3>.\n'
           'A <b> tag stays.\n</TimeML>\n')
    got = parse_timeml(out, text)
    assert [(t.text, t.type, t.value) for t in got] == [("Monday", "DATE", "1998-07-13"),
                                                       ("June", "DATE", "1998-06")]
    # should HeidelTime change the text (here: a space dropped), spans are carried over
    got = parse_timeml(out.replace("Talks began", "Talksbegan"), text)
    assert [text[t.start:t.end] for t in got] == ["Monday", "June"]


def test_eval_timex_baseline_is_skipped_with_a_reason_without_java(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path))  # no java here
    out = run_cli("eval", "timex", str(tmp_path), "--baseline", "heideltime").output
    assert "documents 1" in out
    assert "skipped: Java is not installed" in out


def test_eval_timex_prints_heideltime_side_by_side(tmp_path: Path) -> None:
    """The real HeidelTime (one JVM) on a document written for this test."""
    from foreigndesk.evaluation.heideltime import unavailable

    why = unavailable()
    if why:
        pytest.skip(f"HeidelTime cannot run here: {why}")
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    out = run_cli("eval", "timex", str(tmp_path), "--baseline", "heideltime").output
    assert "HeidelTime 2.2.1" in out
    rows = {m.group(1): m.group(0) for m in
            re.finditer(r"^(DATE|TIME|DURATION|SET|all)\s+\d+ \|.*$", out, re.M)}
    assert set(rows) == {"DATE", "TIME", "DURATION", "SET", "all"}, out
    # HeidelTime finds "Wednesday" (the DCT itself), "three days" and "last year": recall 1
    date_cells = rows["DATE"].split("|")[2].split()
    assert float(date_cells[1]) == 1.0, out
    m = re.search(r"foreigndesk ([\d.]+) .*\n\s+HeidelTime 2.2.1 ([\d.]+)", out)
    assert m and float(m.group(1)) > 0 and float(m.group(2)) > 0, out
    assert re.search(r"ratio: [\d.]+x with the spaCy pass, \d+x the tagger alone", out), out
