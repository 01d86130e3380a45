"""Gold, ours and HeidelTime per time expression, on one half of a TimeML set.

The look/measure split of issue #16: the files of DIR sorted by path as ``eval timex``
reads them; ``--half look`` takes the even-indexed ones, ``--half measure`` the odd-indexed
ones. Only the look half may be listed expression by expression (``--list``); the measure
half prints its scores only.

    python tools/timex_side_by_side.py ../shared/eval/tempeval3_tbaq_cleaned --half look \
        --cache /tmp/ht_tbaq.json --list

HeidelTime's output is cached per file in ``--cache`` (JSON), since it never changes: the
first run starts one JVM and tags every file of the half (about 1 s per document).

Printed: our extent F1 and DATE value accuracy on the half (and HeidelTime's); with
``--list`` every gold DATE expression where the two systems disagree on being right
(``HT+ours-`` and ``HT-ours+``), each with its class; a table of the counts by class.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import click

from foreigndesk.evaluation.timex import (
    Score,
    TimeMLDoc,
    _overlap,
    evaluate_docs,
    read_gold_dir,
    score_document,
    value_matches,
)

_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("ref word", re.compile(r"_REF$")),
    ("duration", re.compile(r"^P")),
    ("set", re.compile(r"^XXXX-WXX|^R")),
    ("quarter/half/fiscal", re.compile(r"Q\d|H\d|^FY|-QX|-HX")),
    ("season", re.compile(r"-(SP|SU|FA|WI)$")),
]
_TEXT_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("quarter/half/fiscal", re.compile(r"quarter|half|fiscal", re.I)),
    ("season", re.compile(r"spring|summer|autumn|fall|winter", re.I)),
    ("the day/that day/the time", re.compile(r"^(the|that|this) (day|time|week|month|year)$",
                                              re.I)),
    ("end/early/late of period", re.compile(r"\b(end|early|late|beginning|mid|middle)\b",
                                             re.I)),
    ("weekday", re.compile(r"(mon|tues|wednes|thurs|fri|satur|sun)day", re.I)),
    ("bare month", re.compile(r"^(in |last |next |this )?(jan|feb|mar|apr|may|jun|jul|aug|sep|"
                              r"oct|nov|dec)[a-z]*\.?$", re.I)),
    ("relative (last/next/ago)", re.compile(r"\b(last|next|ago|past|previous|coming|this|"
                                             r"earlier|later|recent|current)\b", re.I)),
    ("year alone", re.compile(r"^\d{4}$")),
    ("full date", re.compile(r"\d")),
    ("today/now", re.compile(r"today|now|tonight|yesterday|tomorrow|currently|present", re.I)),
]


def classify(text: str, value: str, doc: TimeMLDoc, start: int) -> str:
    """A rough class of a gold expression, from its value and its words."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", start)
    line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
    if len(line.split()) < 8 and line_start < 200:
        return "header/dateline"
    for name, rx in _CLASSES:
        if rx.search(value):
            return name
    for name, rx in _TEXT_CLASSES:
        if rx.search(text):
            return name
    return "other"


def heideltime_cached(docs: list[TimeMLDoc], cache: Path | None) -> dict[str, list[dict]]:
    """HeidelTime's expressions per file path, from the cache or by running it."""
    have: dict[str, list[dict]] = {}
    if cache and cache.exists():
        have = json.loads(cache.read_text(encoding="utf-8"))
    todo = [d for d in docs if str(d.path) not in have]
    if todo:
        from foreigndesk.evaluation.heideltime import HeidelTime

        with HeidelTime() as ht:
            for d in todo:
                have[str(d.path)] = [vars(t) for t in ht.tag(d.text, d.dct)]
                if cache:
                    cache.write_text(json.dumps(have), encoding="utf-8")
    return {str(d.path): have[str(d.path)] for d in docs}


class _T:
    def __init__(self, d: dict) -> None:
        self.start, self.end, self.text = d["start"], d["end"], d["text"]
        self.type, self.value = d["type"], d["value"]


def _best(system: list, g_start: int, g_end: int):  # noqa: ANN202
    best = max(system, key=lambda s: _overlap(s.start, s.end, g_start, g_end), default=None)
    if best is None or _overlap(best.start, best.end, g_start, g_end) <= 0:
        return None
    return best


def _ours_per_doc(docs: list[TimeMLDoc]) -> tuple[Score, list[list]]:
    """Our score and our expressions per document (one pipeline run)."""
    import foreigndesk.evaluation.timex as tx

    per_doc: list[list] = []
    real = tx.score_document

    def keep(doc, system, score, details=False):  # noqa: ANN001, ANN202
        per_doc.append(list(system))
        real(doc, system, score, details)

    tx.score_document = keep  # type: ignore[assignment]
    try:
        score, _ = evaluate_docs(docs)
    finally:
        tx.score_document = real  # type: ignore[assignment]
    return score, per_doc


def _other_types(score: Score) -> str:
    return "  ".join(f"{t} {score.value_ok_by_type[t]}/{score.found_by_type[t]}"
                     for t in ("TIME", "DURATION", "SET"))


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--half", type=click.Choice(["look", "measure", "all"]), default="look")
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON file of HeidelTime's output per file (read, and written when new).")
@click.option("--no-heideltime", is_flag=True, help="Score ours only.")
@click.option("--list", "listing", is_flag=True,
              help="List the expressions where one system is right and the other wrong "
                   "(look half only).")
def main(directory: Path, half: str, cache: Path | None, no_heideltime: bool,
         listing: bool) -> None:
    docs = read_gold_dir(directory)
    if half != "all":
        docs = docs[(0 if half == "look" else 1)::2]
    if listing and half != "look":
        raise click.UsageError("--list reads expressions: the look half only")
    score, ours = _ours_per_doc(docs)
    click.echo(f"{half} half, {len(docs)} documents")
    click.echo(f"ours: extent F1 {score.f1:.3f}  DATE value {score.date_value_accuracy:.3f} "
               f"({score.date_value_ok}/{score.date_pairs})  " + _other_types(score))
    if no_heideltime:
        return
    ht_raw = heideltime_cached(docs, cache)
    hs = Score()
    table: Counter[tuple[str, str]] = Counter()
    lines = []
    for d, mine in zip(docs, ours, strict=True):
        theirs = [_T(x) for x in ht_raw[str(d.path)]]
        score_document(d, theirs, hs)
        for g in d.timexes:
            if g.type != "DATE":
                cls = g.type.lower()
            else:
                cls = classify(g.text, g.value, d, g.start)
            o, h = _best(mine, g.start, g.end), _best(theirs, g.start, g.end)
            o_found, h_found = o is not None, h is not None
            if g.type == "DATE":
                o_ok = o_found and value_matches(o.value, g.value)
                h_ok = h_found and value_matches(h.value, g.value)
            else:
                o_ok = o_found and (o.value or "").upper() == g.value.upper()
                h_ok = h_found and (h.value or "").upper() == g.value.upper()
            if h_found and not o_found:
                table[(cls, "extent HT+ ours-")] += 1
            elif o_found and not h_found:
                table[(cls, "extent HT- ours+")] += 1
            if h_ok and not o_ok and o_found:
                table[(cls, "value HT+ ours-")] += 1
            elif o_ok and not h_ok and h_found:
                table[(cls, "value HT- ours+")] += 1
            if listing and (h_ok != o_ok or h_found != o_found):
                tag = ("HT+ours-" if h_ok else "HT-ours+") if h_ok != o_ok else (
                    "extent HT+ours-" if h_found else "extent HT-ours+")
                ctx = d.text[max(0, g.start - 60):g.end + 40].replace("\n", " ")
                lines.append(
                    f"{tag} [{cls}] {d.path.name} dct {d.dct}: {g.text!r} {g.type} gold "
                    f"{g.value} | ours {o.value if o else None!r} {o.text if o else ''!r} | "
                    f"HT {h.value if h else None!r}\n      ...{ctx}...")
    click.echo(f"HeidelTime: extent F1 {hs.f1:.3f}  DATE value {hs.date_value_accuracy:.3f} "
               f"({hs.date_value_ok}/{hs.date_pairs})  " + _other_types(hs))
    if listing:
        for line in lines:
            click.echo(line)
    kinds = sorted({k for _, k in table})
    click.echo("class".ljust(28) + "".join(k.rjust(20) for k in kinds))
    for cls in sorted({c for c, _ in table}):
        click.echo(cls.ljust(28) + "".join(str(table[(cls, k)]).rjust(20) for k in kinds))


if __name__ == "__main__":
    main()
