"""``foreigndesk eval events --gold FILE``: events and claims against a gold of separate texts.

The gold (``eval/public_domain.gold.yaml``; its header gives the annotation conventions) names
its texts by article id: each article is the file ``<texts>/<id>.txt``, where ``texts`` is
the gold's ``texts`` key (relative to the gold file) or ``--texts DIR``. The texts are
ingested by the whole pipeline into a temporary store and scored.

Events. A coded event (an event mention of the store) matches a gold event when

- it comes from the gold event's article, and from a sentence holding (part of) the gold
  event's ``text`` (the whole article when that span cannot be found in the stored text).
  Matching anywhere in the article, as first planned, credited a wrong coding of one
  sentence to a gold event of another with the same dyad and a listed root (a "signed"
  NSPM coded 05 was credited to the Obama deal two paragraphs later);
- its root is one of the gold's ``cameo`` roots;
- its source and target satisfy the gold's codes by the rule of
  :func:`foreigndesk.evaluation.dossier_events.actor_matches` (a country-and-sector code needs
  that country and sector, a bare country accepts any sector, ``IGO`` any IGO); a list of
  codes accepts any one of them; ``mutual: true`` accepts either direction;
- its date equals the gold date at the gold's precision (day ``2021-07-22``, ISO week
  ``2023-W23`` — a day of that week is accepted —, month ``2021-07``, year ``2006``); a null
  gold date accepts any date.

Matching is one to one (a maximum bipartite matching). Only two-sided events the system
codes as having happened (modality asserted or reported) are predictions; as in the dossier
scorer, an event coded in both directions from one trigger is one prediction. One-sided
events (source or target unknown) can match no gold event, which always has both; they are
left out of precision and counted apart (``one_sided``; ``one_sided_fitting``: those whose
root and known side fit a required gold event of their sentence). Recall is over the
gold events that happened and are not ``optional``. Precision is over every prediction in
the gold's articles (the gold is exhaustive): right when it matches a gold event that
happened, optional ones included (the matching of the required ones, grown over the
optional ones).
Gold events with a modality (negated, hypothetical, future, questioned) did not happen: a
prediction matching one of them (root and actors) is a wrong prediction, and is counted as
``counted_as_happening``. ``date_accuracy``: of the gold events whose date is given and
that are matched on root and actors alone (the full matching grown with dates ignored),
the share whose coded date is right.

Claims are scored by :mod:`foreigndesk.evaluation.dossier_claims` (content covered, speaker
right; a gold speaker may be a list of acceptable names or codes).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date as Date
from pathlib import Path
from typing import Any

import click
import yaml

from foreigndesk.evaluation import dossier_claims
from foreigndesk.evaluation.dossier_events import COUNTED, actor_matches
from foreigndesk.evaluation.scratch import scratch_store
from foreigndesk.evaluation.textmatch import contains, date_matches
from foreigndesk.store import Store

HAPPENED = ("asserted", "reported")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


# -- the gold -----------------------------------------------------------------------------
def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise click.ClickException(f"{path}: not a readable gold YAML ({e})") from e
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        raise click.ClickException(f"{path}: a gold needs an 'articles' list")
    return gold


def text_paths(gold: dict[str, Any], gold_path: Path, texts: Path | None = None
               ) -> dict[str, Path]:
    """Article id -> the text file it names (``<texts>/<id>.txt``)."""
    folder = texts or (gold_path.parent / str(gold.get("texts", ".")))
    out = {}
    for a in gold["articles"]:
        p = folder / f"{a['id']}.txt"
        if not p.is_file():
            raise click.ClickException(f"{p}: the text of gold article {a['id']!r} is missing")
        out[str(a["id"])] = p
    return out


def codes(value: Any) -> list[str]:
    """A gold actor field as a list of acceptable codes."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def happened(gold_event: dict[str, Any]) -> bool:
    return str(gold_event.get("modality") or "asserted") in HAPPENED


# -- matching rules -----------------------------------------------------------------------
def date_ok(got: str | None, gold: Any) -> bool:
    """``got`` equals the gold date at the gold's precision; a null gold date accepts any.
    A week ("2023-W23") accepts that week and any day in it."""
    if gold is None:
        return True
    if not got:
        return False
    want = str(gold)
    w = _WEEK.match(want)
    if w:
        if got.startswith(want):
            return True
        if _DAY.match(got):
            try:
                iso = Date.fromisoformat(got[:10]).isocalendar()
            except ValueError:
                return False
            return (iso[0], iso[1]) == (int(w.group(1)), int(w.group(2)))
        return False
    return date_matches(got, want)


def actors_ok(source: str | None, target: str | None, gold: dict[str, Any]) -> bool:
    """Source and target satisfy the gold's codes (either direction when ``mutual``)."""
    src, tgt = codes(gold.get("source")), codes(gold.get("target"))

    def fits(s: str | None, t: str | None) -> bool:
        return (any(actor_matches(s, c) for c in src)
                and any(actor_matches(t, c) for c in tgt))

    return fits(source, target) or bool(gold.get("mutual")) and fits(target, source)


def tg_side(gold: dict[str, Any], row: dict[str, Any]) -> list[str]:
    """The gold codes the known side of a one-sided row should satisfy (either side of a
    mutual event)."""
    if gold.get("mutual"):
        return codes(gold.get("source")) + codes(gold.get("target"))
    return codes(gold.get("source") if row["source_code"] else gold.get("target"))


def root_of(row: dict[str, Any]) -> str:
    return str(row.get("mention_code") or row.get("code") or row.get("root") or "")[:2]


def pred_matches(row: dict[str, Any], gold: dict[str, Any], with_date: bool = True) -> bool:
    roots = {str(c).zfill(2) for c in gold.get("cameo", [])}
    return (root_of(row) in roots
            and actors_ok(row.get("source_code"), row.get("target_code"), gold)
            and (not with_date or date_ok(row.get("date"), gold.get("date"))))


def max_matching(n_left: int, edges: Callable[[int], list[int]],
                 start: dict[int, int] | None = None) -> dict[int, int]:
    """A maximum bipartite matching (augmenting paths): right node -> left node. ``edges(i)``
    lists the right nodes left node ``i`` may take. Grown from ``start`` (a matching of the
    same graph): a right node matched there stays matched."""
    owner: dict[int, int] = dict(start or {})
    done = set(owner.values())

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges(i):
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_left):
        if i not in done:
            augment(i, set())
    return owner


# -- scoring ------------------------------------------------------------------------------
def partial(row: dict[str, Any]) -> bool:
    """A one-sided event: its source or its target is unknown."""
    return not row["source_code"] or not row["target_code"]


def units_of(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Predictions: counted two-sided event mentions grouped by document, sentence, trigger,
    root and unordered dyad (an event coded both ways from one trigger is one prediction)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["modality"] not in COUNTED or partial(r):
            continue
        dyad = frozenset((r["source_code"] or "", r["target_code"] or ""))
        groups[(r["doc_id"], r["sentence"], r["trigger"] or "", root_of(r), dyad)].append(r)
    return list(groups.values())


def score_events(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    """Event precision / recall / F1, date accuracy and modality figures (module docstring)."""
    events = [e for e in gold.get("events", []) or [] if e.get("article") in docs]
    required = [i for i, e in enumerate(events) if happened(e) and not e.get("optional")]
    optional = [i for i, e in enumerate(events) if happened(e) and e.get("optional")]
    not_happened = [i for i, e in enumerate(events) if not happened(e)]

    sent_of = {i: gold_sentences(store, docs[e["article"]], str(e.get("text") or ""))
               for i, e in enumerate(events)}
    rows = store.event_mentions_of(sorted(set(docs.values())))
    units = units_of(rows)

    def near(g: int, r: dict[str, Any]) -> bool:
        """Row ``r`` lies where gold event ``g`` is (its sentences, else its article)."""
        where = sent_of[g]
        return (r["doc_id"] == docs[events[g]["article"]]
                and (where is None or r["sentence"] in where))

    def candidates(pool: list[int], with_date: bool) -> Callable[[int], list[int]]:
        def edges(u: int) -> list[int]:
            members = units[u]
            return [g for g in pool if near(g, members[0])
                    and any(pred_matches(m, events[g], with_date) for m in members)]
        return edges

    # the required events first; then grown over the optional ones too (growing a matching
    # never unmatches a gold event, so the required ones found stay found)
    first = max_matching(len(units), candidates(required, True))
    full = max_matching(len(units), candidates(required + optional, True), first)
    right_units = set(full.values())
    found_required = [g for g in full if g in set(required)]

    undated = max_matching(len(units), candidates(required, False), first)
    dated = [g for g in undated if events[g].get("date") is not None]
    date_right = [g for g in dated
                  if any(date_ok(m.get("date"), events[g].get("date")) for m in units[undated[g]])]

    wrongly_happened = [g for g in not_happened
                        if any(u not in right_units and near(g, units[u][0])
                               and any(pred_matches(m, events[g], False) for m in units[u])
                               for u in range(len(units)))]
    one_sided = [r for r in rows if r["modality"] in COUNTED and partial(r)]
    one_sided_fit = [r for r in one_sided
                     if any(near(g, r) and root_of(r) in {str(c).zfill(2) for c in events[g]["cameo"]}
                            and any(actor_matches(r["source_code"] or r["target_code"], c)
                                    for c in tg_side(events[g], r))
                            for g in required)]
    kept = [g for g in not_happened
            if any(r["modality"] not in COUNTED and near(g, r)
                   and pred_matches(r, events[g], False) for r in rows)]

    found = len(found_required)
    precision = len(right_units) / len(units) if units else 0.0
    recall = found / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    per_article: dict[str, dict[str, int]] = {}
    for a in docs:
        per_article[a] = {"gold": sum(events[g]["article"] == a for g in required),
                          "found": sum(events[g]["article"] == a for g in found_required),
                          "predicted": sum(units[u][0]["doc_id"] == docs[a]
                                           for u in range(len(units)))}
    details = _details(events, required, full, units, right_units, sent_of, docs)
    return {
        "gold_events": len(required), "optional": len(optional),
        "not_happened": len(not_happened), "found": found, "predicted": len(units),
        "correct": len(right_units), "precision": precision, "recall": recall, "f1": f1,
        "dated_matches": len(dated),
        "date_accuracy": len(date_right) / len(dated) if dated else 0.0,
        "counted_as_happening": len(wrongly_happened), "kept_with_modality": len(kept),
        "not_asserted_predictions": sum(r["modality"] not in COUNTED for r in rows),
        "one_sided": len(one_sided), "one_sided_fitting": len(one_sided_fit),
        "per_article": per_article, "details": details,
    }


def gold_sentences(store: Store, doc_id: str, text: str) -> set[int] | None:
    """The stored sentences overlapping the gold span (each part of a "..." span), found
    verbatim in the document text, else by normalised containment; None when not found."""
    body = (store.document(doc_id) or {}).get("text") or ""
    sentences = store.sentences_of(doc_id)
    found: set[int] = set()
    for part in (p.strip() for p in re.split(r"\.\.\.|…", text)):
        if not part:
            continue
        at = body.find(part)
        while at >= 0:
            found |= {s["idx"] for s in sentences if s["start"] < at + len(part) and s["end"] > at}
            at = body.find(part, at + 1)
        if not found:
            found |= {s["idx"] for s in sentences if contains(s["text"], part)}
    return found or None


def _details(events: list[dict[str, Any]], required: list[int], first: dict[int, int],
             units: list[list[dict[str, Any]]], right: set[int],
             sent_of: dict[int, set[int] | None], docs: dict[str, str]) -> list[str]:
    def show(r: dict[str, Any]) -> str:
        return (f"{r['source_code']}>{r.get('mention_code') or r['code']}>{r['target_code']}"
                f"@{r['date']}/{r['modality']}")

    out = []
    for g in required:
        if g in first:
            continue
        e = events[g]
        near = sorted({show(r) for u in units for r in u
                       if r["doc_id"] == docs[e["article"]]
                       and (sent_of[g] is None or r["sentence"] in (sent_of[g] or ()))})
        out.append(f"missed {e['article'][:13]}: {codes(e.get('source'))}>{e.get('cameo')}>"
                   f"{codes(e.get('target'))}@{e.get('date')} {str(e.get('text'))[:60]!r}"
                   f" -> {near or 'nothing in its sentence'}")
    for u, members in enumerate(units):
        if u not in right:
            r = members[0]
            out.append(f"extra {r['doc_id'][:8]}#{r['sentence']}: {show(r)} ({r['trigger']})")
    return out


# -- running ------------------------------------------------------------------------------
@contextmanager
def ingested(paths: dict[str, Path], db: str | None = None
             ) -> Iterator[tuple[Store, dict[str, str]]]:
    """The texts run through the whole pipeline into a temporary store (or ``db``: see
    :mod:`.scratch`); yields the store and the map article id -> document id."""
    from foreigndesk.config import ExtractConfig
    from foreigndesk.ingest import ReadError, read_paths
    from foreigndesk.run.executors import Inline
    from foreigndesk.run.service import ingest

    docs: dict[str, str] = {}
    read = []
    for article, path in paths.items():
        items = [d for d in read_paths([str(path)]) if not isinstance(d, ReadError)]
        if len(items) != 1:
            raise click.ClickException(f"{path}: read as {len(items)} documents, want one")
        docs[article] = items[0].id
        read.append(items[0])
    with scratch_store(db) as store:  # no budget: a slow machine must not change a score
        report = ingest(read, store, Inline(), ExtractConfig(doc_seconds=0, doc_memory_mb=0))
        if report.errors:
            raise click.ClickException(report.errors[0])
        yield store, docs


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Both sections against an already filled store."""
    claims_gold = {"claims": [c for c in gold.get("claims", []) or [] if c.get("article") in docs]}
    return {"events": score_events(store, gold, docs),
            "claims": dossier_claims.score(store, claims_gold, docs)}


def evaluate(gold_path: Path, texts: Path | None = None, db: str | None = None
             ) -> dict[str, dict[str, Any]]:
    gold = load_gold(gold_path)
    with ingested(text_paths(gold, gold_path, texts), db) as (store, docs):
        return score(store, gold, docs)


def print_result(result: dict[str, dict[str, Any]], details: bool) -> None:
    ev, cl = result["events"], result["claims"]
    click.echo(f"events   gold {ev['gold_events']} (+{ev['optional']} optional, "
               f"{ev['not_happened']} not happened)  predicted {ev['predicted']}")
    click.echo(f"         precision {ev['precision']:.3f} ({ev['correct']}/{ev['predicted']})  "
               f"recall {ev['recall']:.3f} ({ev['found']}/{ev['gold_events']})  "
               f"F1 {ev['f1']:.3f}")
    click.echo(f"         date accuracy {ev['date_accuracy']:.3f} over {ev['dated_matches']} "
               f"dated events matched on root and actors")
    click.echo(f"         not-happened gold events coded as happening {ev['counted_as_happening']}"
               f"/{ev['not_happened']}, kept with a modality {ev['kept_with_modality']}")
    for a, n in ev["per_article"].items():
        click.echo(f"         {a[:48]:<48} found {n['found']}/{n['gold']}  "
                   f"predicted {n['predicted']}")
    click.echo(f"claims   gold {cl['gold']}  right speaker {cl['right_speaker']} "
               f"(recall {cl['recall']:.3f})  content found {cl['found']} "
               f"({cl['content_recall']:.3f})  system claims {cl['claims']}")
    if details:
        for line in ev["details"] + cl["details"]:
            click.echo(f"    {line}")
