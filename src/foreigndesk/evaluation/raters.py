"""``foreigndesk eval events --raters FILE``: the event coder against several human raters.

The file holds real news sentences (JSON Lines), each coded with CAMEO roots by several
raters: every rater's ``action1`` root, the majority ``root`` (given by at least two raters
and strictly most often) and the majority ``relevant`` flag (the format of
``../shared/eval/cameo_news_raters``). Each sentence runs through foreigndesk's whole
pipeline as a document of its own; its *coded root* is the root of its first event (events
are listed main clause first, see :mod:`foreigndesk.extract.events`; an attributed
statement is an event of its own, 01 or the cue verb's code).

Printed, beside the same figures for each human rater scored against the majority of the
other raters (the human ceiling):

- coverage: share of the sentences with a majority root on which something is coded;
- root accuracy on covered: the coded root equals the majority root;
- end to end: right roots over every sentence with a majority root;
- lenient: the coded root is among the roots any rater gave (any action);
- false alarms: share of the sentences the raters call irrelevant on which an event is coded.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from foreigndesk.model import HAPPENED, Extraction


@dataclass
class RatedSentence:
    id: str
    text: str
    root: str | None  # the majority Action1 root
    relevant: bool | None  # the majority relevance
    roots_any: set[str]
    rater_roots: dict[str, str | None]  # rater -> Action1 root
    rater_relevant: dict[str, bool | None] = field(default_factory=dict)


def read_rated(path: Path) -> list[RatedSentence]:
    """The sentences of a raters JSON Lines file; a malformed line is an error naming it."""
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                out.append(RatedSentence(
                    id=str(rec["id"]), text=str(rec["text"]), root=rec.get("root"),
                    relevant=rec.get("relevant"), roots_any=set(rec.get("roots_any") or ()),
                    rater_roots={r["rater"]: r.get("action1") for r in rec.get("raters", ())},
                    rater_relevant={r["rater"]: r.get("relevant")
                                    for r in rec.get("raters", ())}))
            except (ValueError, KeyError, TypeError) as e:
                raise click.ClickException(f"{path}: line {n}: not a rated sentence ({e})") \
                    from e
    return out


def majority(votes: list[str]) -> str | None:
    """The root given by at least two votes and strictly more often than any other."""
    counts = Counter(votes).most_common()
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def coded_root(ex: Extraction) -> str | None:
    """The root foreigndesk codes for a sentence: its first event's that counts as happening
    (statements are events of their own, see :mod:`foreigndesk.extract.event_claims`). "The
    army said it had not fired on civilians" codes the statement, not the firing; "X could
    impose tariffs" codes nothing."""
    return next((e.root for e in ex.events if e.modality in HAPPENED), None)


def score(items: list[tuple[str | None, str | None, set[str], bool | None]]) -> dict[str, Any]:
    """Scores of coded roots against gold: items are (coded root, gold root, roots any
    rater gave, gold relevance)."""
    gold = [(c, g, any_) for c, g, any_, _ in items if g]
    covered = [(c, g, any_) for c, g, any_ in gold if c]
    right = sum(c == g for c, g, _ in covered)
    lenient = sum(c in any_ for c, _, any_ in covered)
    irrelevant = [c for c, _, _, rel in items if rel is False]
    alarms = sum(1 for c in irrelevant if c)
    return {
        "sentences": len(items), "with_root": len(gold), "covered": len(covered),
        "coverage": len(covered) / len(gold) if gold else 0.0,
        "root_correct": right,
        "root_accuracy": right / len(covered) if covered else 0.0,
        "end_to_end": right / len(gold) if gold else 0.0,
        "lenient": lenient / len(covered) if covered else 0.0,
        "irrelevant": len(irrelevant), "false_alarms": alarms,
        "false_alarm_rate": alarms / len(irrelevant) if irrelevant else 0.0,
    }


def human_ceiling(rated: list[RatedSentence]) -> dict[str, Any]:
    """Each rater against the majority of the other raters, pooled over raters."""
    items: list[tuple[str | None, str | None, set[str], bool | None]] = []
    for s in rated:
        for rater, root in s.rater_roots.items():
            others = [r for k, r in s.rater_roots.items() if k != rater and r]
            rel = [v for k, v in s.rater_relevant.items() if k != rater and v is not None]
            yes = sum(rel)
            relevant = None if yes * 2 == len(rel) else yes * 2 > len(rel)
            items.append((root, majority(others), set(s.roots_any), relevant))
    return score(items)


def code_sentences(rated: list[RatedSentence]) -> list[Extraction]:
    """Each sentence through the whole pipeline, as a document of its own."""
    from foreigndesk.extract.pipeline import extract
    from foreigndesk.model import Document

    docs = [Document(text=s.text, source=f"#{s.id}") for s in rated]
    return list(extract(docs))


def evaluate(path: Path) -> dict[str, Any]:
    rated = read_rated(path)
    if not rated:
        raise click.ClickException(f"{path}: no rated sentences")
    coded = code_sentences(rated)
    items = [(coded_root(ex), s.root, s.roots_any, s.relevant)
             for s, ex in zip(rated, coded, strict=True)]
    result = score(items)
    result["human"] = human_ceiling(rated)
    result["details"] = [
        {"id": s.id, "gold": s.root, "coded": c, "relevant": s.relevant,
         "events": [(e.source_code, e.code, e.target_code, e.trigger) for e in ex.events]}
        for s, ex, (c, *_rest) in zip(rated, coded, items, strict=True)]
    return result


def confusion(result: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Counts of (majority root, coded root) over the sentences with a majority root or a
    coded root; ``-`` stands for no root (no majority, or nothing coded). Counts only: the
    raters file is a measure, never a source of rules, so no sentence is shown."""
    table: dict[str, dict[str, int]] = {}
    for d in result["details"]:
        gold, coded = d["gold"] or "-", d["coded"] or "-"
        if gold == "-" and coded == "-":
            continue
        row = table.setdefault(gold, {})
        row[coded] = row.get(coded, 0) + 1
    return table


def print_confusion(table: dict[str, dict[str, int]]) -> None:
    """The confusion counts as a table: rows the raters' majority root, columns ours."""
    cols = sorted({c for row in table.values() for c in row}, key=lambda c: (c == "-", c))
    click.echo("confusion (rows: majority root, columns: coded root; - = none)")
    click.echo("      " + "".join(f"{c:>4}" for c in cols) + "   all  right")
    for gold in sorted(table, key=lambda g: (g == "-", g)):
        row = table[gold]
        click.echo(f"  {gold:>3} " + "".join(f"{row.get(c, 0) or '.':>4}" for c in cols)
                   + f"{sum(row.values()):>6}{row.get(gold, 0) if gold != '-' else 0:>7}")


def print_result(result: dict[str, Any], details: bool = False) -> None:
    h = result["human"]
    click.echo(f"sentences {result['sentences']}  with a majority root {result['with_root']}  "
               f"called irrelevant {result['irrelevant']}")
    click.echo(f"{'':24}{'foreigndesk':>12}{'one rater vs the others':>26}")
    for key, label in (("coverage", "coverage"), ("root_accuracy", "root accuracy (covered)"),
                       ("end_to_end", "end to end"), ("lenient", "lenient (any rater's)"),
                       ("false_alarm_rate", "false alarms")):
        click.echo(f"{label:24}{result[key]:>12.3f}{h[key]:>26.3f}")
    click.echo(f"(covered {result['covered']}/{result['with_root']}, right "
               f"{result['root_correct']}, false alarms {result['false_alarms']}/"
               f"{result['irrelevant']})")
    if details:
        for d in result["details"]:
            if d["gold"] != d["coded"] and (d["gold"] or d["coded"]):
                click.echo(f"    {d['id']}: gold {d['gold']} coded {d['coded']} {d['events']}")
