"""``foreigndesk eval events``: the event coder on PETRARCH2 validation records.

The records (``PETR.UnitTest.records.xml`` of openeventdata/petrarch2) are stylised
sentences about fictional actors (Arnor, Gondor ...), each with its date and gold codings
``<EventCoding sourcecode= targetcode= eventcode=>`` (or ``noevents="True"``). They test the
coding logic: compound actors, passives, agents, patterns, synsets, date-limited actor codes.

``--raters`` scores news sentences coded by several human raters (:mod:`.raters`), ``--gold``
whole texts against a hand-made gold of events and claims (:mod:`.text_gold`).

Each sentence runs through foreigndesk's pipeline (the one spaCy pass, parse on demand) with
the PETRARCH dictionaries of ``--dictionaries`` in place of foreigndesk's own: their actors
and agents as the actor source, their verbs as the event dictionary, states not promoted to
their governments and a missing target taken from the first actor after the verb (PETRARCH's
conventions). Scores, over the gold codings plus one item per
record that expects no event:

- root-code accuracy: a gold coding is right when the sentence has a coded event with the
  same two-digit root (a no-event record when nothing is coded);
- exact accuracy: an event with the same source code, target code and full event code.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from foreigndesk.evaluation.scratch import db_option
from foreigndesk.model import Event


@dataclass
class Record:
    id: str
    date: str | None
    category: str
    text: str
    codings: list[tuple[str, str, str]] = field(default_factory=list)  # source, code, target

    @property
    def expects_none(self) -> bool:
        return not self.codings


def read_records(path: Path) -> list[Record]:
    """The ``<Sentence>`` records of a PETRARCH validation file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise click.ClickException(f"{path}: not a PETRARCH records file ({e})") from e
    out = []
    for s in root.iter("Sentence"):
        text_el = s.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        raw = s.get("date") or ""
        date = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if re.match(r"^\d{8}$", raw) else None
        rec = Record(s.get("id") or "", date, s.get("category") or "",
                     " ".join((text_el.text or "").split()))
        for ec in s.findall("EventCoding"):
            code = ec.get("eventcode")
            if code and ec.get("noevents") != "True":
                rec.codings.append((ec.get("sourcecode") or "", code, ec.get("targetcode") or ""))
        out.append(rec)
    return out


def code_records(records: list[Record], dictionaries: Path) -> list[list[Event]]:
    """The events foreigndesk codes in each record's text, with PETRARCH dictionaries."""
    from foreigndesk.extract import sentences
    from foreigndesk.extract.event_petrarch import ActorTagger, load_dir
    from foreigndesk.extract.events import EventExtractor
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.pipeline import extract
    from foreigndesk.model import Document

    try:
        dicts = load_dir(dictionaries)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    nlp = load()
    tagger = ActorTagger(dicts, tokenize=lambda s: [t.text for t in nlp.tokenizer(s)])
    extractors = [sentences.EXTRACTOR, tagger,
                  EventExtractor(dicts.verbs, promote_states=False, loose_targets=True,
                                 statements=False)]
    docs = [Document(text=r.text, published=r.date, source=f"#{r.id}") for r in records]
    return [ex.events for ex in extract(docs, nlp, extractors)]  # type: ignore[arg-type]


def score(records: list[Record], coded: list[list[Event]]) -> dict[str, Any]:
    items = root_ok = exact_ok = 0
    details = []
    for rec, events in zip(records, coded, strict=True):
        got = [(e.source_code or "", e.code, e.target_code or "") for e in events]
        if rec.expects_none:
            items += 1
            good = not got
            root_ok += good
            exact_ok += good
            if not good:
                details.append(f"{rec.id}: want no event, got {got}")
            continue
        roots = {c[:2] for _, c, _ in got}
        for s, c, t in rec.codings:
            items += 1
            r_ok = c[:2] in roots
            x_ok = (s, c, t) in got
            root_ok += r_ok
            exact_ok += x_ok
            if not x_ok:
                details.append(f"{rec.id}: want {s} {c} {t}, got {got or 'nothing'}"
                               + ("" if r_ok else "  [root missed]"))
    return {"records": len(records), "items": items,
            "root_accuracy": root_ok / items if items else 0.0,
            "exact_accuracy": exact_ok / items if items else 0.0,
            "root_correct": root_ok, "exact_correct": exact_ok, "details": details}


@click.command(name="events")
@click.option("--petrarch", "records_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="PETRARCH validation records (XML), e.g. PETR.UnitTest.records.xml.")
@click.option("--dictionaries", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Directory of PETRARCH dictionaries (*verbs*.txt or "
              "CAMEO*.txt, *actors*.txt, *agents*.txt, *discards*.txt); default: the "
              "records' directory.")
@click.option("--raters", "raters_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="News sentences coded by several human raters (JSON Lines, e.g. "
              "../shared/eval/cameo_news_raters/dev.jsonl): coverage, root accuracy, end to "
              "end and false alarms, beside the human ceiling.")
@click.option("--gold", "gold_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A gold of separate texts (eval/public_domain.gold.yaml): ingests its "
              "texts and prints event precision / recall / F1, date accuracy and claims "
              "recall with the right speaker.")
@click.option("--texts", "texts_dir", default=None,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Where the --gold texts are (<DIR>/<article id>.txt); default: the "
              "gold's 'texts' key.")
@click.option("--details", is_flag=True, help="Also list every coding missed.")
@click.option("--confusion", "show_confusion", is_flag=True,
              help="With --raters: also print the counts of majority root against coded "
              "root (counts only, no sentence).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@db_option
def COMMAND(records_path: Path | None, dictionaries: Path | None, raters_path: Path | None,
            gold_path: Path | None, texts_dir: Path | None, details: bool,
            show_confusion: bool, as_json: bool, db: str | None) -> None:
    """Score the event coder: on PETRARCH2 validation records with their dictionaries
    (root-code and exact source+target+code accuracy, ``--petrarch``), on news
    sentences coded by human raters (``--raters``), and on a gold of whole texts
    (events and claims, ``--gold``)."""
    if records_path is None and raters_path is None and gold_path is None:
        raise click.UsageError("give --petrarch FILE, --raters FILE or --gold FILE")
    if gold_path is not None:
        from foreigndesk.evaluation import text_gold

        result = text_gold.evaluate(gold_path, texts_dir, db)
        if as_json:
            click.echo(json.dumps({k: {f: v for f, v in r.items() if details or f != "details"}
                                   for k, r in result.items()}, indent=2))
        else:
            text_gold.print_result(result, details)
    if raters_path is not None:
        from foreigndesk.evaluation import raters

        rated = raters.evaluate(raters_path)
        if show_confusion:
            rated["confusion"] = raters.confusion(rated)
        if as_json:
            click.echo(json.dumps({k: v for k, v in rated.items()
                                   if details or k != "details"}, indent=2))
        else:
            raters.print_result(rated, details)
            if show_confusion:
                raters.print_confusion(rated["confusion"])
    if records_path is None:
        return
    records = read_records(records_path)
    if not records:
        raise click.ClickException(f"{records_path}: no <Sentence> records")
    coded = code_records(records, dictionaries or records_path.parent)
    result = score(records, coded)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"records {result['records']}  items {result['items']} (gold codings + "
               f"records expecting no event)")
    click.echo(f"root-code accuracy   {result['root_accuracy']:.3f} "
               f"({result['root_correct']}/{result['items']})")
    click.echo(f"exact accuracy       {result['exact_accuracy']:.3f} "
               f"({result['exact_correct']}/{result['items']})  source+target+code")
    if details:
        for line in result["details"]:
            click.echo(f"    {line}")
