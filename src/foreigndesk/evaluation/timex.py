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
  not calendar values (``PAST_REF``, ``P1W``) must be equal;
- **exact value accuracy** over all matched pairs (any type), for reference;
- per-type counts: gold, system, found and value-correct per type.
"""

from __future__ import annotations

import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    dct_el = root.find(".//DCT/TIMEX3")
    if dct_el is not None:
        m = re.match(r"\d{4}-\d\d-\d\d", dct_el.get("value", ""))
        dct = m.group(0) if m else None
    return TimeMLDoc(path, text, dct, timexes)


_WEEK = re.compile(r"-W(\d)(?=\D|$)")
_CAL = re.compile(r"^[\dX]{2,4}(-(\d\d|XX|W[\dX]{2}|Q[\dX]|H[\dX]|SP|SU|FA|WI))?(-[\dX]{2}|-WE)?(T.*)?$")


def _norm(value: str) -> str:
    return _WEEK.sub(r"-W0\1", value.strip().upper())


def value_matches(ours: str | None, gold: str) -> bool:
    """Our value equals the gold's at the gold's granularity (see the module docstring):
    ours is truncated to the gold's length, an ``X`` in the gold matches anything."""
    if not ours:
        return False
    o, g = _norm(ours), _norm(gold)
    if o == g:
        return True
    if not _CAL.match(g) or not _CAL.match(o) or len(o) < len(g):
        return False
    return all(gc == "X" or gc == oc for gc, oc in zip(g, o[: len(g)], strict=True))


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
    found_by_type: Counter[str] = field(default_factory=Counter)
    value_ok_by_type: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.system_correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_value_accuracy(self) -> float:
        return self.date_value_ok / self.date_pairs if self.date_pairs else 0.0

    @property
    def exact_value_accuracy(self) -> float:
        return self.exact_ok / self.pairs if self.pairs else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "gold": self.gold, "system": self.system, "gold_found": self.gold_found,
            "system_correct": self.system_correct,
            "date_value_accuracy": self.date_value_accuracy, "date_pairs": self.date_pairs,
            "exact_value_accuracy": self.exact_value_accuracy, "pairs": self.pairs,
            "by_type": {t: {"gold": self.gold_by_type[t], "system": self.sys_by_type[t],
                            "found": self.found_by_type[t],
                            "value_ok": self.value_ok_by_type[t]}
                        for t in sorted(set(self.gold_by_type) | set(self.sys_by_type))},
        }


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def score_document(doc: TimeMLDoc, system: list[TimeValue], score: Score,
                   details: bool = False) -> None:
    """Add one document's counts to ``score``."""
    name = doc.path.name
    score.gold += len(doc.timexes)
    score.system += len(system)
    for s in system:
        score.sys_by_type[s.type] += 1
        if any(_overlap(s.start, s.end, g.start, g.end) > 0 for g in doc.timexes):
            score.system_correct += 1
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
            if not ok and details:
                score.details.append(f"VAL {name}: {g.text!r} gold {g.value} | ours {best.text!r} "
                                     f"{best.value!r} (dct {doc.dct})")
        else:
            score.value_ok_by_type[g.type] += _norm(best.value or "") == _norm(g.value)


def evaluate(directory: Path, limit: int | None = None, details: bool = False,
             batch_size: int = 16) -> tuple[Score, int, float]:
    """Run the pipeline over the TimeML files under ``directory``; return the score, the
    number of documents and the seconds taken."""
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.pipeline import default_extractors, extract

    paths = sorted(directory.rglob("*.tml"))
    if limit:
        paths = paths[:limit]
    if not paths:
        raise click.ClickException(f"no *.tml files under {directory}")
    tml = []
    for p in paths:
        try:
            tml.append(read_timeml(p))
        except (ET.ParseError, ValueError) as e:
            click.echo(f"skipped {p}: {e}", err=True)
    docs = [Document(text=t.text, published=t.dct, source=str(t.path)) for t in tml]
    extractors = default_extractors(("sentences", "time"))
    t0 = time.perf_counter()
    score = Score()
    for t, ex in zip(tml, extract(docs, nlp=load(), extractors=extractors, batch_size=batch_size),
                     strict=True):
        score_document(t, ex.times, score, details)
    return score, len(tml), time.perf_counter() - t0


def score_spacy_entities(directory: Path, limit: int | None = None) -> Score:
    """The extent score of spaCy's own DATE and TIME entities on the same files (a second
    spaCy pass, for comparison only)."""
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.time import time_entities

    paths = sorted(directory.rglob("*.tml"))[:limit] if limit else sorted(directory.rglob("*.tml"))
    tml = [read_timeml(p) for p in paths]
    score = Score()
    for t, doc in zip(tml, load().pipe(x.text for x in tml), strict=True):
        system = [TimeValue("", 0, a, b, t.text[a:b], type=label)
                  for a, b, label in time_entities(doc)]
        score_document(t, system, score)
    return score


def format_score(score: Score, n_docs: int, seconds: float) -> list[str]:
    lines = [
        f"documents {n_docs}  gold timexes {score.gold}  system {score.system}  ({seconds:.1f}s)",
        f"extent (relaxed, overlap, all types): precision {score.precision:.3f}  "
        f"recall {score.recall:.3f}  F1 {score.f1:.3f}",
        f"DATE value accuracy at gold granularity: {score.date_value_accuracy:.3f} "
        f"({score.date_value_ok}/{score.date_pairs} matched gold-DATE pairs)",
        f"exact value accuracy: {score.exact_value_accuracy:.3f} "
        f"({score.exact_ok}/{score.pairs} matched pairs, all types)",
        "per type:      gold  system  found  value-ok",
    ]
    d = score.as_dict()["by_type"]
    for t, c in d.items():
        lines.append(f"  {t:<10} {c['gold']:>6} {c['system']:>7} {c['found']:>6} {c['value_ok']:>9}")
    return lines


@click.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N files (sorted by path).")
@click.option("--details", is_flag=True,
              help="Also list every miss (FN), false positive (FP) and wrong DATE value (VAL).")
@click.option("--spacy-baseline", is_flag=True,
              help="Also score spaCy's own DATE/TIME entities on the same files (extent only).")
def COMMAND(directory: Path, limit: int | None, details: bool, spacy_baseline: bool) -> None:
    """Score temporal extraction on the TimeML (*.tml) files under DIRECTORY.

    Prints extent precision / recall / F1 (relaxed: overlapping spans count, all TIMEX3
    types), DATE value accuracy at the gold's granularity over matched DATE pairs, exact
    value accuracy over all matched pairs, and per-type counts."""
    score, n, secs = evaluate(directory, limit=limit, details=details)
    if details:
        for line in score.details:
            click.echo(line)
    for line in format_score(score, n, secs):
        click.echo(line)
    if spacy_baseline:
        b = score_spacy_entities(directory, limit)
        click.echo(f"baseline: spaCy DATE/TIME entities, extent (relaxed): precision "
                   f"{b.precision:.3f}  recall {b.recall:.3f}  F1 {b.f1:.3f}")
    sys.stdout.flush()
