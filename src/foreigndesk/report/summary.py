"""The summary of a brief: a few plain sentences written by rule from the data, each citing
the sentences it rests on. A sentence is written only when its data exist."""

from __future__ import annotations

from collections.abc import Callable
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


def _docs(rows: list[dict[str, Any]], key: str = "doc_id") -> int:
    return len({r.get(key) for r in rows if r.get(key)})


def _rests_on(stmt: Stmt, what: str) -> Stmt:
    """The statement with what it rests on said before its final full stop."""
    parts = list(stmt.parts)
    end = parts.pop() if parts and parts[-1] == "." else "."
    return Stmt([*parts, f" (rests on {what})", end])


def summarise(g: Gatherer) -> list[Stmt]:
    """The summary: first the findings, strongest first (a finding resting on more events,
    claims or documents before one resting on fewer), each saying what it rests on; then
    the context (the timeline's span, the actors named most). Statements are written in
    that order, so citation numbers still run in order of first use."""
    findings: list[tuple[Support, int, Callable[[], Stmt]]] = []  # (support, order, build)
    context = _context(g)
    for order, (support, build) in enumerate(_findings(g)):
        findings.append((support, order, build))
    findings.sort(key=lambda f: (-f[0][0], -f[0][1], f[1]))
    return [build() for _, _, build in findings] + [build() for build in context]


def _context(g: Gatherer) -> list[Callable[[], Stmt]]:
    from foreigndesk.report.gather import _item_label

    out: list[Callable[[], Stmt]] = []
    c = g.cites
    # the timeline's span
    items = g.tl_rows
    if items:
        first, last = items[0], items[-1]
        if first["date"] != last["date"]:
            out.append(lambda: Stmt([
                f"The timeline holds {_plural(len(items), 'dated item')}, from "
                f"{_item_label(first)}", c.cite(first["doc_id"], first["sentence_index"]),
                f" to {_item_label(last)}", c.cite(last["doc_id"], last["sentence_index"]),
                "."]))
        else:
            out.append(lambda: Stmt([f"Every dated item falls in {dates.label(first['date'])}",
                                     c.cite(first["doc_id"], first["sentence_index"]), "."]))
    # the actors named most
    top = g.actor_stats()[:3]
    if top:
        lead = "The actor named most often is " if len(top) == 1 else \
            "The actors named most often are "
        out.append(lambda: Stmt([lead, *_and([
            [f"{a['name']} ({_plural(a['mentions'], 'mention')} in "
             f"{_plural(len(a['docs']), 'document')})",
             c.cite(a["first_doc"], a["first_sentence"])] for a in top]), "."]))
    return out


# what a finding rests on: (documents, events / claims / sentences); more documents first,
# since independent reports support a finding more than many sentences of one document
Support = tuple[int, int]
Finding = tuple[Support, Callable[[], Stmt]]  # (support, write): write cites only when called


def _findings(g: Gatherer) -> list[Finding]:
    """Each finding with its support (how many events, claims or sentences it rests on)
    and a function that writes it."""
    found = (_pair(g), _speakers(g), _clusters(g), _echoes(g), _conflicts(g), _reuse(g))
    return [f for f in found if f is not None]


def _pair(g: Gatherer) -> Finding | None:
    """The main pair of states: the events that happened between them."""
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
            n_docs = _docs([e["mention"] for e in events if e.get("mention")])
            rests = f"{_plural(len(events), 'coded event')} in {_plural(n_docs, 'document')}"

            def pair() -> Stmt:
                if len(dated) >= 2 and dated[0]["date"] != dated[-1]["date"]:
                    return Stmt([lead + counts + f", from {dates.label(dated[0]['date'])}",
                                 g.cite_event(dated[0]),
                                 f" to {dates.label(dated[-1]['date'])}",
                                 g.cite_event(dated[-1]), "."])
                if dated:
                    return Stmt([lead + counts + (", dated " if len(dated) == len(events)
                                                  else ", those dated on ")
                                 + dates.label(dated[0]["date"]),
                                 *dict.fromkeys([g.cite_event(dated[0]),
                                                 g.cite_event(dated[-1])]), "."])
                return Stmt([lead + counts, g.cite_event(events[0]), "."])

            return ((n_docs, len(events)), lambda: _rests_on(pair(), rests))
    return None


def _speakers(g: Gatherer) -> Finding | None:
    """Who speaks: the speaker quoted most."""
    from foreigndesk.report.gather import source_label

    c = g.cites
    if g.claims:
        by: dict[str, list[dict[str, Any]]] = {}
        for cl in g.claims:
            if cl["speaker"]:
                by.setdefault(cl["speaker"], []).append(cl)
        if by:
            name, claims = min(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            n_docs = _docs(claims)
            rests = (f"{_plural(len(claims), 'claim')} of {name} in "
                     f"{_plural(n_docs, 'document')}")
            return ((n_docs, len(claims)), lambda: _rests_on(Stmt([
                f"The documents attribute {_plural(len(g.claims), 'claim')} to "
                f"{_plural(len(by), 'speaker')}; {name} is quoted most "
                f"({_plural(len(claims), 'claim')}), first in "
                f"{source_label(claims[0]['outlet'], claims[0]['published'], claims[0]['title'], claims[0]['doc_id'])}",
                c.cite(claims[0]["doc_id"], claims[0]["sentence_index"]), "."]), rests))
    return None


def _clusters(g: Gatherer) -> Finding | None:
    """Who repeats whom: the most repeated claim."""
    from foreigndesk.report.gather import excerpt, source_label

    c = g.cites
    if g.clusters:
        big = min(g.clusters, key=lambda m: (-len(m), g.clusters.index(m)))
        first, last = big[0], big[-1]
        rests = (f"{_plural(len(big), 'claim')} with the same content in "
                 f"{_plural(_docs(big), 'document')}")
        return ((_docs(big), len(big)), lambda: _rests_on(Stmt([
            f"{_plural(len(g.clusters), 'claim')} reappear{'s' if len(g.clusters) == 1 else ''}"
            f" elsewhere; the most repeated, “{excerpt(first['content'], SHORT_QUOTE)}”, was "
            f"first made by {first['speaker'] or 'an unnamed speaker'} "
            f"({source_label(first['outlet'], first['published'], first['title'], first['doc_id'])})",
            c.cite(first["doc_id"], first["sentence_index"]),
            f" and repeated {_plural(len(big) - 1, 'time')}, last by "
            f"{last['speaker'] or 'an unnamed speaker'} "
            f"({source_label(last['outlet'], last['published'], last['title'], last['doc_id'])})",
            c.cite(last["doc_id"], last["sentence_index"]), "."]), rests))
    return None


def _echoes(g: Gatherer) -> Finding | None:
    """Sentences that say outright that one speaker repeats another."""
    c = g.cites
    if g.echoes:
        e = g.echoes[0]
        rests = (f"{_plural(len(g.echoes), 'sentence')} in "
                 f"{_plural(_docs(g.echoes), 'document')}")
        return ((_docs(g.echoes), len(g.echoes)), lambda: _rests_on(Stmt([
            f"{_plural(len(g.echoes), 'sentence')} say{'s' if len(g.echoes) == 1 else ''} "
            f"outright that one speaker repeats another, for example {e['speaker'] or 'a speaker'}"
            f" repeating {e['echoes'] or 'someone'}", c.cite(e["doc_id"], e["sentence_index"]),
            "."]), rests))
    return None


def _conflicts(g: Gatherer) -> Finding | None:
    """Figures that disagree: the best-founded pair."""
    c = g.cites
    if g.conflicts:
        k = g.conflicts[0]
        unit = f" {k['unit']}" if k["unit"] else ""
        from foreigndesk.report.gather import _num

        # two figures (one or two documents), whatever the number of pairs: a conflict
        # never outranks a finding that rests on more
        return ((1 if k["doc_a"] == k["doc_b"] else 2, 2), lambda: _rests_on(Stmt([
            f"{_plural(len(g.conflicts), 'pair')} of figures disagree"
            f"{'s' if len(g.conflicts) == 1 else ''}; the best founded concerns "
            f"{k['measure']}: {_num(k['value_a'])}{unit} according to {k['source_a']}",
            c.cite(k["doc_a"], k["sentence_index_a"]),
            f" against {_num(k['value_b'])}{unit} according to {k['source_b']}",
            c.cite(k["doc_b"], k["sentence_index_b"]),
            f" (comparable: {k['basis']})" if k.get("basis") else "", "."]),
            "two sentences in " + ("one document" if k["doc_a"] == k["doc_b"]
                                   else "two documents")))
    return None


def _reuse(g: Gatherer) -> Finding | None:
    """Text reuse: the longest passage reused."""
    from foreigndesk.report.gather import source_label

    c = g.cites
    if g.reuse:
        r = g.reuse[0]
        e, lt = r["earlier"], r["later"]
        return ((2, 2), lambda: _rests_on(Stmt([
            f"{_plural(len(g.reuse), 'passage')} of earlier documents reappear"
            f"{'s' if len(g.reuse) == 1 else ''} in later ones; the longest, "
            f"{_plural(r['words'], 'word')} from "
            f"{source_label(e.get('outlet'), e.get('published'), e.get('title'), r['earlier_doc'])}",
            c.cite(r["earlier_doc"], r["sentence_earlier"]),
            ", reappears in "
            f"{source_label(lt.get('outlet'), lt.get('published'), lt.get('title'), r['later_doc'])}",
            c.cite(r["later_doc"], r["sentence_later"]), "."]),
            f"{_plural(r['words'], 'word')} shared by two documents"))
    return None
