"""The summary of a brief: a few plain sentences written by rule from the data, each citing
the sentences it rests on. A sentence is written only when its data exist."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from foreigndesk.analyze.relations import COUNTED
from foreigndesk.report import dates
from foreigndesk.report.brief import Stmt

if TYPE_CHECKING:
    from foreigndesk.report.gather import Gatherer

SHORT_QUOTE = 25  # words of a claim quoted in the summary


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _and(items: list[Any]) -> list[Any]:
    """Parts joined as "x [1], y [2] and z [3]" (each item is a list of parts)."""
    out: list[Any] = []
    for i, parts in enumerate(items):
        if i:
            out.append(" and " if i == len(items) - 1 else ", ")
        out += parts
    return out


def summarise(g: Gatherer) -> list[Stmt]:
    from foreigndesk.report.gather import _item_label, excerpt, source_label

    out: list[Stmt] = []
    c = g.cites
    # the timeline's span
    items = g.tl_rows
    if items:
        first, last = items[0], items[-1]
        if first["date"] != last["date"]:
            out.append(Stmt([
                f"The timeline holds {_plural(len(items), 'dated item')}, from "
                f"{_item_label(first)}", c.cite(first["doc_id"], first["sentence_index"]),
                f" to {_item_label(last)}", c.cite(last["doc_id"], last["sentence_index"]),
                "."]))
        else:
            out.append(Stmt([f"Every dated item falls in {dates.label(first['date'])}",
                             c.cite(first["doc_id"], first["sentence_index"]), "."]))
    # the actors named most
    top = g.actor_stats()[:3]
    if top:
        named = [[f"{a['name']} ({_plural(a['mentions'], 'mention')} in "
                  f"{_plural(len(a['docs']), 'document')})",
                  c.cite(a["first_doc"], a["first_sentence"])] for a in top]
        lead = "The actor named most often is " if len(top) == 1 else \
            "The actors named most often are "
        out.append(Stmt([lead, *_and(named), "."]))
    # the main pair of states
    if g.main_dyad:
        a, b = g.main_dyad
        events = [e for e in g.events if {e["source_country"], e["target_country"]} == {a, b}]
        if not events:
            events = g._events(dyad=(a, b))
        # only events that happened are counted (negated, hypothetical and future ones not)
        happened = [e for e in events if e["modality"] in COUNTED]
        other = len(events) - len(happened)
        events = happened
        if events:
            dated = [e for e in events if e["date"]]
            coop = sum(1 for e in events if e["quad_class"] in (1, 2))
            conf = sum(1 for e in events if e["quad_class"] in (3, 4))
            if g.dyad:
                lead = f"Between {g.country(a)} and {g.country(b)}, the documents report "
            elif g.actor_filter:
                lead = (f"Of the coded events involving {', '.join(g.actor_filter)}, most are "
                        f"between {g.country(a)} and {g.country(b)}: ")
            else:
                lead = (f"The pair of states with the most coded events is {g.country(a)} and "
                        f"{g.country(b)}: ")
            counts = (f"{_plural(len(events), 'event')} that happened ({coop} of "
                      f"cooperation, {conf} of conflict"
                      + (f"; {other} more negated, hypothetical or future, not counted"
                         if other else "") + ")")
            if len(dated) >= 2 and dated[0]["date"] != dated[-1]["date"]:
                out.append(Stmt([lead + counts + f", from {dates.label(dated[0]['date'])}",
                                 g.cite_event(dated[0]),
                                 f" to {dates.label(dated[-1]['date'])}",
                                 g.cite_event(dated[-1]), "."]))
            elif dated:
                out.append(Stmt([lead + counts + (", dated " if len(dated) == len(events)
                                                  else ", those dated on ")
                                 + dates.label(dated[0]["date"]),
                                 *dict.fromkeys([g.cite_event(dated[0]),
                                                 g.cite_event(dated[-1])]), "."]))
            else:
                out.append(Stmt([lead + counts, g.cite_event(events[0]), "."]))
    # who speaks
    if g.claims:
        by: dict[str, list[dict[str, Any]]] = {}
        for cl in g.claims:
            if cl["speaker"]:
                by.setdefault(cl["speaker"], []).append(cl)
        if by:
            name, claims = min(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            out.append(Stmt([
                f"The documents attribute {_plural(len(g.claims), 'claim')} to "
                f"{_plural(len(by), 'speaker')}; {name} is quoted most "
                f"({_plural(len(claims), 'claim')}), first in "
                f"{source_label(claims[0]['outlet'], claims[0]['published'], claims[0]['title'], claims[0]['doc_id'])}",
                c.cite(claims[0]["doc_id"], claims[0]["sentence_index"]), "."]))
    # who repeats whom
    if g.clusters:
        big = min(g.clusters, key=lambda m: (-len(m), g.clusters.index(m)))
        first, last = big[0], big[-1]
        out.append(Stmt([
            f"{_plural(len(g.clusters), 'claim')} reappear{'s' if len(g.clusters) == 1 else ''}"
            f" elsewhere; the most repeated, “{excerpt(first['content'], SHORT_QUOTE)}”, was "
            f"first made by {first['speaker'] or 'an unnamed speaker'} "
            f"({source_label(first['outlet'], first['published'], first['title'], first['doc_id'])})",
            c.cite(first["doc_id"], first["sentence_index"]),
            f" and repeated {_plural(len(big) - 1, 'time')}, last by "
            f"{last['speaker'] or 'an unnamed speaker'} "
            f"({source_label(last['outlet'], last['published'], last['title'], last['doc_id'])})",
            c.cite(last["doc_id"], last["sentence_index"]), "."]))
    if g.echoes:
        e = g.echoes[0]
        out.append(Stmt([
            f"{_plural(len(g.echoes), 'sentence')} say{'s' if len(g.echoes) == 1 else ''} "
            f"outright that one speaker repeats another, for example {e['speaker'] or 'a speaker'}"
            f" repeating {e['echoes'] or 'someone'}", c.cite(e["doc_id"], e["sentence_index"]),
            "."]))
    # figures that disagree
    if g.conflicts:
        k = g.conflicts[0]
        unit = f" {k['unit']}" if k["unit"] else ""
        from foreigndesk.report.gather import _num

        out.append(Stmt([
            f"{_plural(len(g.conflicts), 'pair')} of figures disagree"
            f"{'s' if len(g.conflicts) == 1 else ''}; the best founded concerns "
            f"{k['measure']}: {_num(k['value_a'])}{unit} according to {k['source_a']}",
            c.cite(k["doc_a"], k["sentence_index_a"]),
            f" against {_num(k['value_b'])}{unit} according to {k['source_b']}",
            c.cite(k["doc_b"], k["sentence_index_b"]),
            f" (comparable: {k['basis']})." if k.get("basis") else "."]))
    # text reuse
    if g.reuse:
        r = g.reuse[0]
        e, lt = r["earlier"], r["later"]
        out.append(Stmt([
            f"{_plural(len(g.reuse), 'passage')} of earlier documents reappear"
            f"{'s' if len(g.reuse) == 1 else ''} in later ones; the longest, "
            f"{_plural(r['words'], 'word')} from "
            f"{source_label(e.get('outlet'), e.get('published'), e.get('title'), r['earlier_doc'])}",
            c.cite(r["earlier_doc"], r["sentence_earlier"]),
            ", reappears in "
            f"{source_label(lt.get('outlet'), lt.get('published'), lt.get('title'), r['later_doc'])}",
            c.cite(r["later_doc"], r["sentence_later"]), "."]))
    return out
