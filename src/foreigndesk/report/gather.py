"""Collect a brief's content from the store through the existing analyses (timeline,
relations, claim clusters and echoes, conflicting figures, text reuse) and cite every
statement.

Sections are assembled in the order they are read (summary, timeline, actors, relations,
claims and echoes, figures, reuse), so citation numbers run in order of first use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from foreigndesk import __version__
from foreigndesk.analyze import relations as rel
from foreigndesk.analyze.clusters import cited_claims, cluster_rows, echo_rows
from foreigndesk.analyze.events import code_name
from foreigndesk.analyze.figures import conflicts as figure_conflicts
from foreigndesk.analyze.reuse import Tokeniser
from foreigndesk.analyze.timeline import timeline as build_timeline
from foreigndesk.links import safe_url
from foreigndesk.report import dates
from foreigndesk.report.brief import (
    ActorRow,
    Brief,
    Cluster,
    Conflict,
    DocRow,
    Echo,
    EventRow,
    Member,
    Relations,
    ReusePair,
    SpeakerRow,
    Stmt,
    TimelineItem,
)
from foreigndesk.report.citations import Citations
from foreigndesk.report.scope import Scope, build_scope
from foreigndesk.report.summary import summarise
from foreigndesk.store import Store
from foreigndesk.store.actor_rows import mentioned_actors, state_names
from foreigndesk.store.backends import display_name
from foreigndesk.store.document_rows import (
    document_citations,
    has_documents,
    sentences_overlapping,
)
from foreigndesk.store.event_rows import event_mention_rows, event_rows, has_events_between
from foreigndesk.store.filters import EventFilter
from foreigndesk.store.quantity_rows import quantity_sentences
from foreigndesk.store.reuse_rows import reuse_rows
from foreigndesk.timevalue import compatible

MAX_TIMELINE = 80
MAX_ACTORS = 12
MAX_EVENTS = 40
MAX_SPEAKERS = 6
MAX_CLUSTERS = 15
MAX_CONFLICTS = 15
MAX_REUSE = 12
EXCERPT_WORDS = 45


class ReportError(ValueError):
    """A brief that cannot be made (bad filter, empty store...)."""


def source_label(outlet: str | None, published: str | None, title: str | None = None,
                 doc_id: str | None = None) -> str:
    """"Newsweek, 16 July 2021"; a document without outlet goes by its title."""
    who = outlet or (f"“{title}”" if title else f"document {doc_id or '?'}")
    return f"{who}, {dates.label(published)}"


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    ws = " ".join(text.split()).split(" ")
    return " ".join(ws) if len(ws) <= words else " ".join(ws[:words]) + " …"


def event_name(code: str) -> str:
    """The CAMEO name of an event code, without CAMEO's ", not specified below"."""
    name = code_name(code) or f"CAMEO {code}"
    return re.sub(r",?\s*not specified below$", "", name)


def _compatible(a: str | None, b: str | None) -> bool:
    """Whether two date values can name the same day (a missing one can be any)."""
    return not a or not b or compatible(a, b)


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _country_names() -> dict[str, str]:
    """ISO alpha-3 code -> country name (data/countries/iso2_iso3.tsv), for states the store
    has no actor row for."""
    from foreigndesk.ingest.country_codes import _rows

    try:
        return {r["iso3"]: r["name"] for r in _rows("iso2_iso3.tsv") if r.get("name")}
    except (OSError, KeyError, IndexError):
        return {}


def _item_label(r: dict[str, Any]) -> str:
    """The date of a timeline item in words; an event dated by its article's publication
    reads "reported 25 June 2015" (it happened then or before)."""
    words = dates.label(r["date"])
    if r.get("date_source") in ("document", "publication", "published"):
        return f"reported {words}"
    return words


def _one_per_date(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline items, one per sentence and date; a date that a more precise one of the same
    sentence contains ("October 1960" beside "19 October 1960") is left out."""
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for r in rows:
        by_sentence.setdefault((r["doc_id"], r["sentence_index"]), set()).add(r["date"])
    seen, out = set(), []
    for r in rows:
        key = (r["doc_id"], r["sentence_index"], r["date"])
        others = by_sentence[key[:2]] - {r["date"]}
        if key in seen or any(o.startswith(r["date"]) for o in others):
            continue
        seen.add(key)
        out.append(r)
    return out


class Gatherer:
    """Builds one :class:`Brief`."""

    def __init__(self, store: Store, actors: Sequence[str] = (), dyad: tuple[str, str] | None
                 = None, since: str | None = None, until: str | None = None) -> None:
        self.store = store
        self.actor_filter = [a.strip() for a in actors if a.strip()]
        if dyad and not self.actor_filter:
            # a brief on a pair is about that pair: every section is scoped to its two states
            self.actor_filter = [dyad[0], dyad[1]]
        self.dyad = dyad
        self.since, self.until = since, until
        self.cites = Citations(store)
        self._actor_stats: list[dict[str, Any]] | None = None
        self.states = _country_names()
        self.states.update(state_names(store))

    # -- raw material ----------------------------------------------------------------------
    def collect(self) -> None:
        self.tl_rows = _one_per_date(build_timeline(self.store, self.actor_filter, self.since,
                                                    self.until))
        self.scope: Scope = build_scope(self.store, self.actor_filter, self.since, self.until,
                                        {r["doc_id"] for r in self.tl_rows})
        self.events = self._events(actors=self.actor_filter)
        self.main_dyad = self.dyad or self._main_dyad()
        self.claims = [c for c in cited_claims(self.store)
                       if self.scope.has_doc(c["doc_id"])
                       and self.scope.about(c["doc_id"], c["sentence_index"])
                       and (not self.scope.dated
                            or self.scope.in_range(c["claim_date"] or c["published"]))]
        in_scope = {c["claim_id"] for c in self.claims}
        groups: dict[int, list[dict[str, Any]]] = {}
        for r in cluster_rows(self.store):
            groups.setdefault(r["cluster"], []).append(r)
        self.clusters = [g for g in groups.values()
                         if len(g) > 1 and any(m["claim_id"] in in_scope for m in g)]
        self.echoes = [e for e in echo_rows(self.store) if e["claim_id"] in in_scope
                       and (e["echoes"] or e["stance"] == "repeats")]
        self.conflicts = self._conflicts()
        self.reuse = self._reuse()

    def _events(self, actors: Sequence[str] = (), dyad: tuple[str, str] | None = None
                ) -> list[dict[str, Any]]:
        """News events in the date range (with one of ``actors`` as source or target, or
        between the two states of ``dyad``), each with its first mention; events without a
        stored mention are left out (they cannot be cited)."""
        flt = EventFilter(actors=tuple(actors), dyad=dyad, undirected=True,
                          since=self.since, until=self.until, origin="news")
        rows = event_rows(self.store, flt, labels=True)
        first = event_mention_rows(self.store, [r["id"] for r in rows], all_of_them=False)
        out = []
        for r in rows:
            m = first.get(r["id"])
            if m and m[0]["sentence"] is not None:
                r["mention"] = m[0]
                out.append(r)
        return out

    def _main_dyad(self) -> tuple[str, str] | None:
        pairs: Counter[tuple[str, str]] = Counter()
        happened = [e for e in self.events if e["modality"] in rel.COUNTED]
        for e in happened or self.events:  # the pair the index has most to say about
            a, b = e["source_country"], e["target_country"]
            if a and b and a != b and len(a) == 3 and len(b) == 3:
                pairs[(a, b) if a < b else (b, a)] += 1
        if not pairs:
            return None
        return min(pairs, key=lambda p: (-pairs[p], p))

    def _conflicts(self) -> list[dict[str, Any]]:
        rows = figure_conflicts(self.store)
        if not rows:
            return []
        ids = sorted({r["quantity_a"] for r in rows} | {r["quantity_b"] for r in rows})
        where = quantity_sentences(self.store, ids)
        out = []
        for r in rows:
            r["sentence_index_a"] = where.get(r["quantity_a"])
            r["sentence_index_b"] = where.get(r["quantity_b"])
            if r["sentence_index_a"] is None or r["sentence_index_b"] is None:
                continue
            if not (self.scope.has_doc(r["doc_a"]) or self.scope.has_doc(r["doc_b"])):
                continue
            if not (self.scope.about(r["doc_a"], r["sentence_index_a"])
                    or self.scope.about(r["doc_b"], r["sentence_index_b"])):
                continue
            out.append(r)
        return out

    def _reuse(self) -> list[dict[str, Any]]:
        tok = Tokeniser()
        docs = document_citations(self.store)
        out = []
        for r in reuse_rows(self.store):
            if not (self.scope.has_doc(r["earlier_doc"]) or self.scope.has_doc(r["later_doc"])):
                continue
            se = self.cites.sentence_at(r["earlier_doc"], r["earlier_start"])
            sl = self.cites.sentence_at(r["later_doc"], r["later_start"])
            if se is None or sl is None:
                continue
            if self.scope.about_actors is not None and not self._passage_about(r):
                continue
            r["sentence_earlier"], r["sentence_later"] = se, sl
            r["words"] = len(tok.ids(r["later_text"] or ""))
            r["earlier"] = docs.get(r["earlier_doc"], {})
            r["later"] = docs.get(r["later_doc"], {})
            out.append(r)
        out.sort(key=lambda r: (-r["words"], r["earlier_doc"], r["earlier_start"]))
        return out

    def _passage_about(self, r: dict[str, Any]) -> bool:
        for side in ("earlier", "later"):
            for idx in sentences_overlapping(self.store, r[f"{side}_doc"], r[f"{side}_start"],
                                             r[f"{side}_end"]):
                if self.scope.about(r[f"{side}_doc"], idx):
                    return True
        return False

    # -- words -------------------------------------------------------------------------------
    def country(self, code: str | None) -> str:
        if not code:
            return "?"
        return self.states.get(code[:3], code) if len(code) >= 3 else code

    def party(self, e: dict[str, Any], side: str) -> str:
        """An event's source or target: the actor's name, else its country, else its code."""
        if e.get(f"{side}_label"):
            return str(e[f"{side}_label"])
        if e.get(f"{side}_country"):
            return self.country(e[f"{side}_country"])
        return str(e.get(f"{side}_code") or "?")

    def cite_event(self, e: dict[str, Any]) -> int:
        m = e["mention"]
        return self.cites.cite(m["doc_id"], m["sentence_index"])

    # -- sections, in reading order --------------------------------------------------------
    def timeline_items(self) -> tuple[list[TimelineItem], int]:
        rows = self.tl_rows
        left_out = 0
        if len(rows) > MAX_TIMELINE:  # items with events first, then with two actors
            ranked = sorted(range(len(rows)), key=lambda i: (
                not rows[i]["events"], len(rows[i]["actors"]) < 2, i))
            keep = sorted(ranked[:MAX_TIMELINE])
            left_out = len(rows) - len(keep)
            rows = [rows[i] for i in keep]
        items = []
        for r in rows:
            evs: list[str] = []
            for e in r["events"]:
                if not _compatible(e["date"], r["date"]):
                    continue  # an event of the sentence dated otherwise
                name = event_name(e["code"])
                label = (f"{self.country(e['source_code'])} → {self.country(e['target_code'])}: "
                           f"{name}" + ("" if e["modality"] == "asserted"
                                        else f" ({e['modality']})"))
                if label not in evs:
                    evs.append(label)
            items.append(TimelineItem(r["date"], _item_label(r), r["expression"],
                                      r["sentence"], list(r["actors"]), evs,
                                      self.cites.cite(r["doc_id"], r["sentence_index"])))
        return items, left_out

    def actor_stats(self) -> list[dict[str, Any]]:
        """Actors named in the documents in scope, most mentioned first, each with its
        mention and document counts and its first mention (document, sentence)."""
        if self._actor_stats is not None:
            return self._actor_stats
        docs = list(self.scope.docs)
        order = {d: i for i, d in enumerate(docs)}
        counts: dict[str, dict[str, Any]] = {}
        for r in mentioned_actors(self.store, docs):
            if not self.scope.about(r["doc_id"], r["sentence"]):
                continue  # counted where the brief's actors are, not the whole document
            c = counts.setdefault(r["id"], {**r, "mentions": 0, "docs": set(), "first": None})
            c["mentions"] += 1
            c["docs"].add(r["doc_id"])
            key = (order[r["doc_id"]], r["sentence"], r["start"])
            if c["first"] is None or key < c["first"]:
                c["first"] = key
        for c in counts.values():
            c["first_doc"], c["first_sentence"] = docs[c["first"][0]], c["first"][1]
        self._actor_stats = sorted(counts.values(), key=lambda c: (-c["mentions"], c["name"]))
        return self._actor_stats

    def actor_rows(self) -> list[ActorRow]:
        in_events: Counter[str] = Counter()
        for e in self.events:
            for side in ("source_actor", "target_actor"):
                if e[side]:
                    in_events[e[side]] += 1
        return [ActorRow(c["name"], c["kind"], (c["country"] or "") + (c["sector"] or ""),
                         c["mentions"], len(c["docs"]), in_events[c["id"]],
                         self.cites.cite(c["first_doc"], c["first_sentence"]))
                for c in self.actor_stats()[:MAX_ACTORS]]

    def relations(self) -> Relations | None:
        if not self.main_dyad:
            return None
        a, b = self.main_dyad
        events = self._events(dyad=(a, b))
        na, nb = self.country(a), self.country(b)
        news = rel.event_series(self.store, a, b, by="year", origin="news", undirected=True,
                                since=self.since, until=self.until)
        # every year from the first to the last with an event: a year without any is a gap
        years = [{"year": r["period"], "events": r["events"], "mark": r["mark"],
                  "cooperation": r["q1"] + r["q2"], "conflict": r["q3"] + r["q4"],
                  "goldstein_mean": r["goldstein_mean"]} for r in news.rows]
        sources = [f"News: events between {na} and {nb} coded from the documents, only those "
                   f"that happened (asserted or reported; negated, hypothetical and future "
                   f"ones are not counted), one per real-world event, by year, with the "
                   f"number each year rests on"
                   + (f" ({news.skipped} dated less precisely than a year left out)"
                      if news.skipped else "") + "."]
        gdelt: rel.Series | None = None
        if has_events_between(self.store, "gdelt", a, b):
            gdelt = rel.event_series(self.store, a, b, by="year", origin="gdelt",
                                     undirected=True, since=self.since, until=self.until)
            sources.append("GDELT: imported GDELT event rows between the two, mean Goldstein "
                           "score by year (GDELT counts reports, not events).")
        votes: rel.Series | None = rel.vote_series(self.store, a, b, by="year",
                                                   since=self.since, until=self.until)
        if votes is None or not any(r["roll_calls"] for r in votes.rows):
            votes = None
        else:
            sources.append("UN votes: share of the UN General Assembly roll calls both voted "
                           "on where they cast the same vote, by year.")
        statements = self._relations_statements(events, na, nb, a, b)
        charted = sum(y["events"] for y in years)
        last = statements[0].parts[-1] if statements else None
        happened = sum(1 for e in events if e["modality"] in rel.COUNTED)
        if isinstance(last, str) and charted != happened:
            statements[0].parts[-1] = last.rstrip(".") + (
                f"; the chart and the table by year count the {charted} that happened "
                f"(asserted or reported) and are dated to a year.")
        rows = events
        left_out = 0
        if len(rows) > MAX_EVENTS:  # the most reported events, shown in date order
            keep = sorted(sorted(range(len(rows)), key=lambda i: (-rows[i]["n_mentions"], i))
                          [:MAX_EVENTS])
            left_out = len(rows) - len(keep)
            rows = [rows[i] for i in keep]
        table = [EventRow(dates.label(e["date"]) if e["date"] else "undated", e["date"],
                          self.party(e, "source"), event_name(e["code"]),
                          e["code"], self.party(e, "target"), e["goldstein"], e["modality"],
                          e["n_mentions"], self.cite_event(e)) for e in rows]
        marks = list(dict.fromkeys(line for s in (news, gdelt, votes) if s is not None
                                   for line in rel.legend(s)))
        return Relations(a, b, na, nb, statements, years, table, left_out, sources,
                         marks=marks, news=news, gdelt=gdelt, votes=votes)

    def _relations_statements(self, events: list[dict[str, Any]], na: str, nb: str, a: str,
                              b: str) -> list[Stmt]:
        if not events:
            return []
        out = []
        # only events that happened are counted as cooperation or conflict; the others
        # (negated, hypothetical, future) are listed in the table with their modality
        happened = [e for e in events if e["modality"] in rel.COUNTED]
        other = len(events) - len(happened)
        if happened:
            events = happened
        dated = [e for e in events if e["date"]]
        n = len(happened)
        ab = sum(1 for e in happened if e["source_country"] == a)
        coop = sum(1 for e in happened if e["quad_class"] in (1, 2))
        conf = sum(1 for e in happened if e["quad_class"] in (3, 4))
        counts = (f"{n} event{'s' if n != 1 else ''} that happened between {na} and {nb} "
                  f"({ab} from {na} to {nb}, {n - ab} from {nb} to {na}): {coop} of "
                  f"cooperation and {conf} of conflict" if n else
                  f"no event that happened between {na} and {nb}")
        if other:
            counts += (f", and {other} negated, hypothetical or future "
                       f"one{'s' if other != 1 else ''} (not counted)" if n else
                       f", only {other} negated, hypothetical or future "
                       f"one{'s' if other != 1 else ''} (not counted)")
        if len(dated) >= 2 and dated[0]["date"] != dated[-1]["date"]:
            first, last = dated[0], dated[-1]
            out.append(Stmt([f"From {dates.label(first['date'])}", self.cite_event(first),
                             f" to {dates.label(last['date'])}", self.cite_event(last),
                             f", the documents report {counts}."]))
        elif dated:
            out.append(Stmt([f"On {dates.label(dated[0]['date'])}", *dict.fromkeys(
                [self.cite_event(dated[0]), self.cite_event(dated[-1])]),
                f", the documents report {counts}" + (
                    "" if len(dated) == len(events) else " (the others undated)") + "."]))
        else:
            out.append(Stmt([f"The documents report {counts}", self.cite_event(events[0]), "."]))
        scored = [e for e in happened if e["goldstein"] is not None]
        if len(scored) >= 2:
            hi = max(scored, key=lambda e: (e["goldstein"], -e["id"]))
            lo = min(scored, key=lambda e: (e["goldstein"], e["id"]))
            if hi["goldstein"] != lo["goldstein"]:
                mean = sum(e["goldstein"] for e in scored) / len(scored)
                tone = ("cooperative on balance" if mean > 1 else "conflictual on balance"
                        if mean < -1 else "mixed")
                if len(scored) < rel.THIN:
                    tone += f" (on only {len(scored)} events: thin, too few to read much into)"
                out.append(Stmt([
                    f"On the Goldstein scale (−10 most conflictual, +10 most cooperative) the "
                    f"reported events average {mean:+.1f}, {tone}; the most cooperative is "
                    f"“{event_name(hi['code'])}” ({self.party(hi, 'source')} → "
                    f"{self.party(hi, 'target')}, {dates.label(hi['date'])})",
                    self.cite_event(hi),
                    f", the most conflictual “{event_name(lo['code'])}” "
                    f"({self.party(lo, 'source')} → {self.party(lo, 'target')}, "
                    f"{dates.label(lo['date'])})", self.cite_event(lo), "."]))
        return out

    def speaker_rows(self) -> list[SpeakerRow]:
        by: dict[str, list[dict[str, Any]]] = {}
        for c in self.claims:
            if c["speaker"]:
                by.setdefault(c["speaker"], []).append(c)
        top = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_SPEAKERS]
        return [SpeakerRow(s, len(cs), cs[0]["content"],
                           source_label(cs[0]["outlet"], cs[0]["published"], cs[0]["title"],
                                        cs[0]["doc_id"]),
                           self.cites.cite(cs[0]["doc_id"], cs[0]["sentence_index"]))
                for s, cs in top]

    def cluster_list(self) -> list[Cluster]:
        groups = sorted(self.clusters, key=lambda g: -len(g))[:MAX_CLUSTERS]
        groups.sort(key=lambda g: self.clusters.index(g))  # first appearance first
        out = []
        for g in groups:
            members = [Member(m["role"], m["speaker"] or "unnamed speaker",
                              source_label(m["outlet"], m["published"], m["title"], m["doc_id"]),
                              m["content"], self.cites.cite(m["doc_id"], m["sentence_index"]),
                              m.get("language") or "en", _gloss(m["content"], m.get("language")))
                       for m in g]
            out.append(Cluster(g[0]["content"], members))
        return out

    def echo_list(self) -> list[Echo]:
        return [Echo(e["speaker"] or "unnamed speaker", e["echoes"] or "someone", e["content"],
                     source_label(e["outlet"], e["published"], e["title"], e["doc_id"]),
                     self.cites.cite(e["doc_id"], e["sentence_index"]))
                for e in self.echoes]

    def conflict_list(self) -> list[Conflict]:
        out = []
        for c in self.conflicts[:MAX_CONFLICTS]:
            unit = f" {c['unit']}" if c["unit"] else ""
            out.append(Conflict(
                c["measure"], c["kind"],
                f"{_num(c['value_a'])}{unit}", c["source_a"],
                source_label(c["outlet_a"], c["published_a"], None, c["doc_a"]),
                self.cites.cite(c["doc_a"], c["sentence_index_a"]),
                f"{_num(c['value_b'])}{unit}", c["source_b"],
                source_label(c["outlet_b"], c["published_b"], None, c["doc_b"]),
                self.cites.cite(c["doc_b"], c["sentence_index_b"]),
                c["ratio"], c.get("basis", "")))
        return out

    def reuse_list(self) -> list[ReusePair]:
        out = []
        for r in self.reuse[:MAX_REUSE]:
            e, lt = r["earlier"], r["later"]
            out.append(ReusePair(
                source_label(e.get("outlet"), e.get("published"), e.get("title"),
                             r["earlier_doc"]),
                self.cites.cite(r["earlier_doc"], r["sentence_earlier"]),
                source_label(lt.get("outlet"), lt.get("published"), lt.get("title"),
                             r["later_doc"]),
                self.cites.cite(r["later_doc"], r["sentence_later"]),
                r["words"], r["score"], r["direction_rule"] or "",
                excerpt(r["later_text"] or "")))
        return out

    def figures(self) -> list[tuple[str, str, str]]:
        """Key figures: label, value, and a note under the value."""
        docs = list(self.scope.docs.values())
        published = sorted(d["published"] for d in docs if d["published"])
        undated = sum(1 for d in docs if not d["published"])
        if published:
            first, last = published[0][:4], published[-1][:4]
            span = first if first == last else f"{first}–{last}"
        else:
            span = "–"
        outlets = {d["outlet"] for d in docs if d["outlet"]}
        speakers = {c["speaker"] for c in self.claims if c["speaker"]}
        return [
            ("Documents", f"{len(docs)}", f"from {len(outlets)} outlet"
                                          f"{'s' if len(outlets) != 1 else ''}"),
            ("Published", span, f"{undated} undated" if undated else
             (f"{dates.label(published[0])} to {dates.label(published[-1])}"
              if published else "no dates")),
            ("Actors", f"{len(self.actor_stats())}", "named in them"),
            ("Events", f"{len(self.events)}", "coded from the news"),
            ("Claims", f"{len(self.claims)}", f"by {len(speakers)} speaker"
                                              f"{'s' if len(speakers) != 1 else ''}"),
        ]

    def documents(self) -> list[DocRow]:
        return [DocRow(d["id"], d["published"], d["outlet"], d["title"], d["url"],
                       safe_url(d["url"]), d["n_words"]) for d in self.scope.docs.values()]


def scope_words(actors: Sequence[str], dyad: tuple[str, str] | None, since: str | None,
                until: str | None) -> list[str]:
    out = []
    if dyad and list(actors) == [dyad[0], dyad[1]]:
        out.append(f"Relations of {dyad[0]} and {dyad[1]}: every section")
    else:
        if actors:
            out.append("Actors: " + ", ".join(actors))
        if dyad:
            out.append(f"Relations chart: {dyad[0]}–{dyad[1]}")
    if since or until:
        out.append("Dates: " + (f"from {dates.label(since)} " if since else "")
                   + (f"until {dates.label(until)}" if until else "").strip())
    return out or ["Everything in the store"]


def gather(store: Store, actors: Sequence[str] = (), dyad: tuple[str, str] | None = None,
           since: str | None = None, until: str | None = None, title: str | None = None,
           store_name: str | None = None) -> Brief:
    """The brief of ``store`` for the given filters (see :mod:`foreigndesk.report.scope`)."""
    for d in (since, until):
        if d and not dates.DATE_OPTION.match(d):
            raise ReportError(f"not a date: {d!r} (write YYYY, YYYY-MM or YYYY-MM-DD)")
    if not has_documents(store):
        raise ReportError("the store has no documents (ingest some first)")
    g = Gatherer(store, actors, dyad, since, until)
    g.collect()
    if title is None:
        if g.main_dyad and (dyad or not actors):
            title = f"{g.country(g.main_dyad[0])} and {g.country(g.main_dyad[1])}: a sourced brief"
        elif actors:
            title = f"{', '.join(actors)}: a sourced brief"
        else:
            title = "A sourced brief"
    brief = Brief(title=title, scope=scope_words(g.actor_filter, dyad, since, until),
                  generated=dt.date.today().isoformat(),
                  store=store_name or display_name(store.path), version=__version__,
                  figures=g.figures())
    # reading order: summary, timeline, actors, relations, claims and echoes, figures, reuse
    brief.summary = summarise(g)
    brief.timeline, brief.timeline_left_out = g.timeline_items()
    brief.actors = g.actor_rows()
    brief.relations = g.relations()
    brief.speakers = g.speaker_rows()
    brief.clusters = g.cluster_list()
    brief.echoes = g.echo_list()
    brief.conflicts = g.conflict_list()
    brief.reuse = g.reuse_list()
    brief.documents = g.documents()
    brief.references = g.cites.references
    return brief


def _gloss(text: str, language: str | None) -> str:
    """The English gloss of a content in another language ("" for English)."""
    if not language or language == "en":
        return ""
    from foreigndesk.analyze.gloss import gloss

    g = gloss(text, language)
    return "" if g == text else g
