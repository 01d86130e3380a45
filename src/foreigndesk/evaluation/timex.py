"""``foreigndesk eval timex DIR``: score temporal extraction on TimeML (TempEval-3) files.

Each ``*.tml`` file under DIR (recursively) is read as follows:

- raw text: the text content of ``<TEXT>`` with every tag removed (XML entities decoded);
- gold: every ``<TIMEX3>`` inside ``<TEXT>`` with its character span in the raw text, its
  ``type`` and ``value``;
- document creation time (DCT): the ``value`` of ``<DCT><TIMEX3>`` (its date part).

The real pipeline (:func:`foreigndesk.extract.pipeline.extract`: the spaCy pass, then the
``sentences`` and ``time`` extractors) runs on the raw text with ``Document.published`` set to
the DCT, and the time values it returns are scored:

- **extent** precision / recall / F1, *relaxed* as in TempEval-3: a system expression is
  correct when it overlaps a gold one, a gold expression is found when a system one overlaps
  it (over all TIMEX3 types);
- **value accuracy for DATE** at the gold's granularity, over the matched pairs whose gold
  type is DATE (each gold paired with the system expression overlapping it most): our value,
  truncated to the gold's length, equals the gold value; an ``X`` in the gold matches any
  character (``1989-WXX`` accepts ``1989-W43``), trailing ``X`` of ours are ignored (our
  ``199X`` equals gold ``199``), week numbers are compared zero-padded. Values that are
  not calendar values (``PAST_REF``, ``P1W``) must be equal. Trailing unknown parts of the
  gold (``1968-XX``, ``1994-XX-XX``) only say what is not known: the gold is compared at the
  granularity of what it knows (``1968``);
- **exact value accuracy** over all matched pairs (any type), for reference;
- per-type counts: gold, system, found and value-correct per type.
"""

from __future__ import annotations

import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import click

from foreigndesk.model import Document, TimeValue


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    path: Path
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)
    # where the annotation stops (MEANTIME annotates the first sentences only): system
    # expressions from here on are neither right nor wrong
    annotated_end: int | None = None


def _collect(elem: ET.Element, parts: list[str], pos: list[int], out: list[GoldTimex]) -> None:
    """Append ``elem``'s text content to ``parts`` (tags removed), recording TIMEX3 spans."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _collect(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if elem.tag == "TIMEX3":
        text = "".join(parts)[start:pos[0]]
        out.append(GoldTimex(start, pos[0], text, elem.get("type", ""), elem.get("value", "")))


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file: raw text of <TEXT>, its TIMEX3 spans, and the DCT."""
    root = ET.parse(path).getroot()
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = [0]
    text_el.tail = None
    _collect(text_el, parts, pos, timexes)
    text = "".join(parts)
    timexes = [t for t in timexes if t.end > t.start]
    timexes.sort(key=lambda t: t.start)
    dct = None
    # the creation time: in <DCT>, or (some exports) any TIMEX3 marked as the creation time
    dct_el = root.find(".//DCT/TIMEX3")
    if dct_el is None:
        dct_el = root.find(".//TIMEX3[@functionInDocument='CREATION_TIME']")
    if dct_el is not None:
        m = re.match(r"\d{4}-\d\d-\d\d", dct_el.get("value", ""))
        dct = m.group(0) if m else None
    return TimeMLDoc(path, text, dct, timexes)


# MEANTIME (NewsReader CAT XML): tokens without their spacing; the text is rebuilt with the
# usual English spacing so that both systems read ordinary prose
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "’s", "n't",
                    "'re", "'ve", "'ll", "'d", "'m", "...", "-", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "#", "£", "€", "-", "/"}
_SENTENCE_END = {".", "!", "?", '"', "'", "”", "’"}


MEANTIME_SENTENCES = 5  # the last annotated sentence (0 is the title)


def read_meantime(path: Path) -> TimeMLDoc:
    """Parse one MEANTIME document (CAT XML): the text rebuilt from its tokens (a sentence
    that does not end with a full stop, a title or a dateline, ends its line), every TIMEX3
    anchored to tokens (the dateline's creation time included: it is in the text) with its
    span, and the DCT (the TIMEX3 whose ``functionInDocument`` is ``CREATION_TIME``).

    MEANTIME annotates sentences 0-5 only (the title, the dateline and the first four
    sentences of the body: no annotation of any layer lies further in any of its documents),
    so ``annotated_end`` is the end of sentence 5; the whole text is still tagged."""
    root = ET.parse(path).getroot()
    if root.tag != "Document" or root.find("token") is None:
        raise ValueError(f"{path}: not a MEANTIME document")
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = annotated_end = 0
    prev: ET.Element | None = None
    quote_open = False
    for tok in root.iter("token"):
        word = tok.text or ""
        sep = ""
        if prev is not None:
            pw = prev.text or ""
            if prev.get("sentence") != tok.get("sentence"):
                sep = " " if pw in _SENTENCE_END else "\n"
            elif word == '"':
                sep = "" if quote_open else " "
            elif not (word in _NO_SPACE_BEFORE or pw in _NO_SPACE_AFTER
                      or (pw == '"' and quote_open)):
                sep = " "
        if word == '"':
            quote_open = not quote_open
        parts.append(sep + word)
        pos += len(sep)
        spans[tok.get("t_id", "")] = (pos, pos + len(word))
        pos += len(word)
        if int(tok.get("sentence", "0")) <= MEANTIME_SENTENCES:
            annotated_end = pos
        prev = tok
    text = "".join(parts)
    timexes: list[GoldTimex] = []
    dct = None
    markables = root.find("Markables")
    for t in markables.iter("TIMEX3") if markables is not None else ():
        if t.get("functionInDocument") == "CREATION_TIME":
            m = re.match(r"\d{4}-\d\d-\d\d", t.get("value", ""))
            dct = m.group(0) if m else dct
        ids = [a.get("t_id", "") for a in t.findall("token_anchor")]
        if not ids or any(i not in spans for i in ids):
            continue
        start, end = min(spans[i][0] for i in ids), max(spans[i][1] for i in ids)
        timexes.append(GoldTimex(start, end, text[start:end], t.get("type", ""),
                                 t.get("value", "")))
    timexes.sort(key=lambda t: t.start)
    if dct is None:  # no creation time marked: the dateline, a full date on its own line
        lines = text.split("\n")
        head = len(lines[0]) + 1 + len(lines[1]) if len(lines) > 1 else 0
        dct = next((t.value[:10] for t in timexes if t.start < head and t.type == "DATE"
                    and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)), None)
    return TimeMLDoc(path, text, dct, timexes, annotated_end)


def read_gold_dir(directory: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """The annotated documents under ``directory`` (recursively, sorted by path): TimeML
    ``*.tml`` files, or else MEANTIME ``*.xml`` files; unreadable files are reported and
    skipped."""
    paths = sorted(directory.rglob("*.tml"))
    reader = read_timeml
    if not paths:
        paths, reader = sorted(directory.rglob("*.xml")), read_meantime
    if limit:
        paths = paths[:limit]
    if not paths:
        raise click.ClickException(f"no *.tml or MEANTIME *.xml files under {directory}")
    out = []
    for p in paths:
        try:
            out.append(reader(p))
        except (ET.ParseError, ValueError) as e:
            click.echo(f"skipped {p}: {e}", err=True)
    return out


_WEEK = re.compile(r"-W(\d)(?=\D|$)")
_GOLD_UNKNOWN = re.compile(r"(?:-XX)+$")  # "1968-XX", "1994-XX-XX": the year is all that is known
_CAL = re.compile(r"^[\dX]{2,4}(-(\d\d|XX|W[\dX]{2}|Q[\dX]|H[\dX]|SP|SU|FA|WI))?(-[\dX]{2}|-WE)?(T.*)?$")


def _norm(value: str) -> str:
    return _WEEK.sub(r"-W0\1", value.strip().upper())


def value_matches(ours: str | None, gold: str) -> bool:
    """Our value equals the gold's at the gold's granularity (see the module docstring):
    ours is truncated to the gold's length, an ``X`` in the gold matches anything."""
    if not ours:
        return False
    o, g = _norm(ours), _GOLD_UNKNOWN.sub("", _norm(gold))
    if o == g:
        return True
    if not _CAL.match(g) or not _CAL.match(o) or len(o) < len(g):
        return False
    return all(gc == "X" or gc == oc for gc, oc in zip(g, o[: len(g)], strict=True))


TYPES = ("DATE", "TIME", "DURATION", "SET")


class Spanned(Protocol):
    """A system expression: a character span with a TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    gold_found: int = 0
    system_correct: int = 0
    date_pairs: int = 0
    date_value_ok: int = 0
    pairs: int = 0
    exact_ok: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    sys_by_type: Counter[str] = field(default_factory=Counter)
    sys_ok_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    value_ok_by_type: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)
    tagger_seconds: float = 0.0  # of the time extractor alone (after the spaCy pass)

    @property
    def precision(self) -> float:
        return self.system_correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def date_value_accuracy(self) -> float:
        return self.date_value_ok / self.date_pairs if self.date_pairs else 0.0

    @property
    def exact_value_accuracy(self) -> float:
        return self.exact_ok / self.pairs if self.pairs else 0.0

    def of_type(self, t: str) -> dict[str, float]:
        """Extent precision (system expressions of type ``t`` overlapping a gold one), recall
        (gold expressions of type ``t`` overlapped) and F1, and value accuracy over the found
        gold ones of that type (DATE at the gold's granularity, others exact)."""
        p = self.sys_ok_by_type[t] / self.sys_by_type[t] if self.sys_by_type[t] else 0.0
        r = self.found_by_type[t] / self.gold_by_type[t] if self.gold_by_type[t] else 0.0
        v = self.value_ok_by_type[t] / self.found_by_type[t] if self.found_by_type[t] else 0.0
        return {"precision": p, "recall": r, "f1": _f1(p, r), "value_accuracy": v}

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "gold": self.gold, "system": self.system, "gold_found": self.gold_found,
            "system_correct": self.system_correct,
            "date_value_accuracy": self.date_value_accuracy, "date_pairs": self.date_pairs,
            "exact_value_accuracy": self.exact_value_accuracy, "pairs": self.pairs,
            "by_type": {t: {"gold": self.gold_by_type[t], "system": self.sys_by_type[t],
                            "found": self.found_by_type[t],
                            "value_ok": self.value_ok_by_type[t], **self.of_type(t)}
                        for t in sorted(set(self.gold_by_type) | set(self.sys_by_type))},
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def score_document(doc: TimeMLDoc, system: Sequence[Spanned], score: Score,
                   details: bool = False) -> None:
    """Add one document's counts to ``score``."""
    name = doc.path.name
    if doc.annotated_end is not None:
        system = [s for s in system if s.start < doc.annotated_end]
    score.gold += len(doc.timexes)
    score.system += len(system)
    for s in system:
        score.sys_by_type[s.type] += 1
        if any(_overlap(s.start, s.end, g.start, g.end) > 0 for g in doc.timexes):
            score.system_correct += 1
            score.sys_ok_by_type[s.type] += 1
        elif details:
            score.details.append(f"FP  {name}: {s.text!r} -> {s.type} {s.value}")
    for g in doc.timexes:
        score.gold_by_type[g.type] += 1
        best = max(system, key=lambda s: _overlap(s.start, s.end, g.start, g.end), default=None)
        if best is None or _overlap(best.start, best.end, g.start, g.end) <= 0:
            if details:
                score.details.append(f"FN  {name}: {g.text!r} {g.type} {g.value} (dct {doc.dct})")
            continue
        score.gold_found += 1
        score.found_by_type[g.type] += 1
        score.pairs += 1
        score.exact_ok += _norm(best.value or "") == _norm(g.value)
        if g.type == "DATE":
            score.date_pairs += 1
            ok = value_matches(best.value, g.value)
            score.date_value_ok += ok
            score.value_ok_by_type[g.type] += ok
        else:
            ok = _norm(best.value or "") == _norm(g.value)
            score.value_ok_by_type[g.type] += ok
        if not ok and details:
            score.details.append(f"VAL {name}: {g.text!r} {g.type} gold {g.value} | ours "
                                 f"{best.text!r} {best.value!r} (dct {doc.dct})")


def evaluate_docs(tml: list[TimeMLDoc], details: bool = False,
                  batch_size: int = 16) -> tuple[Score, float]:
    """Run our pipeline (one spaCy pass with what the ``sentences`` and ``time`` extractors
    need: sentences, the tagger only on the sentences the time rules read; then
    the two extractors) over the documents; return the score and the seconds taken (model
    loading excluded). The seconds of the time extractor alone (its tagging included) are in
    ``score.tagger_seconds``."""
    from foreigndesk.extract.nlp import ParsedDoc, load, pipe
    from foreigndesk.extract.pipeline import default_extractors, pass_skips
    from foreigndesk.model import Extraction

    docs = [Document(text=t.text, published=t.dct, source=str(t.path)) for t in tml]
    extractors = default_extractors(("sentences", "time"))
    nlp = load()
    skip = pass_skips(nlp, extractors)
    t0 = time.perf_counter()
    score = Score()
    for t, (document, doc) in zip(tml, pipe(nlp, docs, batch_size=batch_size, skip=skip),
                                  strict=True):
        pd = ParsedDoc(document=document, doc=doc, nlp=nlp, extraction=Extraction(document),
                       tagged="tagger" not in skip)
        for ex in extractors:
            t1 = time.perf_counter()
            ex(pd)
            if ex.name == "time":
                score.tagger_seconds += time.perf_counter() - t1
        score_document(t, pd.extraction.times, score, details)
    return score, time.perf_counter() - t0


def evaluate(directory: Path, limit: int | None = None, details: bool = False,
             batch_size: int = 16) -> tuple[Score, int, float]:
    """Run the pipeline over the annotated files under ``directory`` (TimeML or MEANTIME);
    return the score, the number of documents and the seconds taken."""
    tml = read_gold_dir(directory, limit)
    score, secs = evaluate_docs(tml, details, batch_size)
    return score, len(tml), secs


@dataclass
class Baseline:
    """HeidelTime's score on the same documents: seconds of tagging, and of its one start."""

    score: Score
    seconds: float
    startup_seconds: float


def evaluate_heideltime(tml: list[TimeMLDoc], details: bool = False) -> Baseline:
    """Run HeidelTime (one process for all documents) over the documents and score it; the
    seconds include its start (JVM, resources, TreeTagger)."""
    from foreigndesk.evaluation.heideltime import HeidelTime

    t0 = time.perf_counter()
    score = Score()
    with HeidelTime() as ht:
        for t in tml:
            score_document(t, ht.tag(t.text, t.dct), score, details)
        startup = ht.startup_seconds
    return Baseline(score, time.perf_counter() - t0, startup)


def score_spacy_entities(directory: Path, limit: int | None = None) -> Score:
    """The extent score of spaCy's own DATE and TIME entities on the same files (a second
    spaCy pass, for comparison only)."""
    from foreigndesk.extract.nlp import load

    tml = read_gold_dir(directory, limit)
    score = Score()
    for t, doc in zip(tml, load().pipe(x.text for x in tml), strict=True):
        system = [TimeValue("", 0, e.start_char, e.end_char, e.text, type=e.label_)
                  for e in doc.ents if e.label_ in ("DATE", "TIME")]
        score_document(t, system, score)
    return score


def format_score(score: Score, n_docs: int, seconds: float) -> list[str]:
    lines = [
        f"documents {n_docs}  gold timexes {score.gold}  system {score.system}  ({seconds:.1f}s; "
        f"the time tagger alone {score.tagger_seconds:.2f}s)",
        f"extent (relaxed, overlap, all types): precision {score.precision:.3f}  "
        f"recall {score.recall:.3f}  F1 {score.f1:.3f}",
        f"DATE value accuracy at gold granularity: {score.date_value_accuracy:.3f} "
        f"({score.date_value_ok}/{score.date_pairs} matched gold-DATE pairs)",
        f"exact value accuracy: {score.exact_value_accuracy:.3f} "
        f"({score.exact_ok}/{score.pairs} matched pairs, all types)",
        "per type:      gold  system  found  value-ok      P      R     F1  value",
    ]
    d = score.as_dict()["by_type"]
    for t, c in d.items():
        lines.append(f"  {t:<10} {c['gold']:>6} {c['system']:>7} {c['found']:>6} {c['value_ok']:>9}"
                     f" {c['precision']:>6.3f} {c['recall']:>6.3f} {c['f1']:>6.3f} "
                     f"{c['value_accuracy']:>6.3f}")
    return lines


def format_side_by_side(ours: Score, ours_secs: float, base: Baseline, n_docs: int,
                        name: str = "HeidelTime") -> list[str]:
    """Both systems per TIMEX3 type: extent P/R/F1 (relaxed) and value accuracy (DATE at the
    gold's granularity, other types exact), and documents/s."""
    head = f"{'':<9}{'gold':>5} | {'foreigndesk':^30} | {name:^30}"
    sub = f"{'type':<9}{'':>5} | " + " | ".join([f"{'P':>6} {'R':>6} {'F1':>6} {'value':>7}"] * 2)
    lines = [head, sub]

    def cells(s: Score, t: str | None) -> str:
        if t is None:
            return (f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                    f"{s.date_value_accuracy:>7.3f}")
        if not s.gold_by_type[t] and not s.sys_by_type[t]:
            return f"{'-':>6} {'-':>6} {'-':>6} {'-':>7}"
        f = s.of_type(t)
        return (f"{f['precision']:>6.3f} {f['recall']:>6.3f} {f['f1']:>6.3f} "
                f"{f['value_accuracy']:>7.3f}")

    for t in TYPES:
        lines.append(f"{t:<9}{ours.gold_by_type[t]:>5} | {cells(ours, t)} | {cells(base.score, t)}")
    lines.append(f"{'all':<9}{ours.gold:>5} | {cells(ours, None)} | {cells(base.score, None)}")
    lines.append("(all: extent over every type; value = DATE value accuracy at the gold's granularity)")
    def rate(secs: float) -> float:
        return n_docs / secs if secs > 0 else 0.0

    ours_rate, base_rate = rate(ours_secs), rate(base.seconds - base.startup_seconds)
    tagger_rate = rate(ours.tagger_seconds)
    lines.append(f"documents/s, starts excluded (model load; JVM, HeidelTime and TreeTagger "
                 f"start {base.startup_seconds:.1f}s):")
    lines.append(f"  foreigndesk {ours_rate:.2f} (its spaCy pass, sentences only, and the time "
                 f"tagger, {ours_secs:.1f}s); the time tagger alone {tagger_rate:.1f} "
                 f"({ours.tagger_seconds:.2f}s, tagging the sentences its rules read included)")
    lines.append(f"  {name} {base_rate:.2f} ({base.seconds - base.startup_seconds:.1f}s)")
    lines.append(f"  ratio: {ours_rate / base_rate if base_rate else 0.0:.1f}x with the spaCy "
                 f"pass, {tagger_rate / base_rate if base_rate else 0.0:.0f}x the tagger alone")
    return lines


@click.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N files (sorted by path).")
@click.option("--details", is_flag=True,
              help="Also list every miss (FN), false positive (FP) and wrong value (VAL).")
@click.option("--spacy-baseline", is_flag=True,
              help="Also score spaCy's own DATE/TIME entities on the same files (extent only).")
@click.option("--baseline", "baseline", type=click.Choice(["heideltime"]), default=None,
              help="Also run this system on the same documents and print both side by side "
                   "(heideltime: the optional extra foreigndesk[heideltime] and Java).")
def COMMAND(directory: Path, limit: int | None, details: bool, spacy_baseline: bool,
            baseline: str | None) -> None:
    """Score temporal extraction on the annotated files under DIRECTORY: TimeML (*.tml,
    TempEval-3) or MEANTIME (CAT *.xml).

    Prints extent precision / recall / F1 (relaxed: overlapping spans count, all TIMEX3
    types), DATE value accuracy at the gold's granularity over matched DATE pairs, exact
    value accuracy over all matched pairs, and per-type counts. With --baseline heideltime,
    HeidelTime runs on the same documents with the same document dates, and both systems
    are printed per type (DATE, TIME, DURATION, SET) with their documents/s."""
    tml = read_gold_dir(directory, limit)
    score, secs = evaluate_docs(tml, details=details)
    if details:
        for line in score.details:
            click.echo(line)
    for line in format_score(score, len(tml), secs):
        click.echo(line)
    if spacy_baseline:
        b = score_spacy_entities(directory, limit)
        click.echo(f"baseline: spaCy DATE/TIME entities, extent (relaxed): precision "
                   f"{b.precision:.3f}  recall {b.recall:.3f}  F1 {b.f1:.3f}")
    if baseline == "heideltime":
        from foreigndesk.evaluation.heideltime import VERSION, unavailable

        why = unavailable()
        if why:
            click.echo(f"baseline {VERSION} skipped: {why}")
        else:
            base = evaluate_heideltime(tml, details=details)
            if details:
                click.echo("-- HeidelTime errors --")
                for line in base.score.details:
                    click.echo(line)
            click.echo("")
            for line in format_side_by_side(score, secs, base, len(tml), VERSION):
                click.echo(line)
    sys.stdout.flush()
