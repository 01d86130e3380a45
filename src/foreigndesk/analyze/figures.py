"""Figures, and figures that conflict.

Two figures *conflict* only when they measure the same thing and disagree. Measuring the same
thing means every anchor holds:

- **the same measured noun or unit**: the same ``kind`` (money, count, deaths, casualties,
  percent); money is compared in US dollars when both have a dollar value, otherwise only in
  the same currency; a count needs the same counted noun ("13 Cubans" and "700,000 Cubans"
  pass this anchor, "28 visas" and "31 people" do not); other kinds need the same unit or
  none;
- **the same event or population**: the words of the two sentences, beyond the figures,
  their units, the places, dates and the words of reporting (``data/en/figures.yaml``),
  share at least one word ("mother", "boat"; the Cubans who tried to cross and the Cubans
  who live in Florida share none); or the writer sets the two side by side: same document,
  at most :data:`NEAR_SENTENCES` sentences apart, each with its own named source, counting
  the same noun or with measures sharing a word beyond their kind ("Official sources said ... 8,529 ... However,
  independent estimates place the number ... at 62,000"); or, with an embedding backend
  (:mod:`foreigndesk.analyze.embed`), the two measures, each saying more than its unit,
  read alike (cosine at least the backend's ``measure`` threshold: "deaths from the pandemic
  in Cuba" and "COVID-19 deaths in Cuba");
- **the same place**: when both sentences name places, they share a country (the deaths of
  the embassy bombings in Kenya and Tanzania are not the deaths of a boat from Cuba);
- **overlapping time**: when both sentences carry dates, they share a year;
- **different sources**: the figures name different sources (``stated_by``, a pronoun is no
  name), or, when either names none, they come from different documents.

Disagreeing means the values, read as intervals, do not overlap: a range is its span; "at
least"/"more than" is open above, "at most"/"under" below; "about", a round figure (a
multiple of 100), money and percentages carry the ``tolerance`` (1.25) either way; an exact
count is itself (10 dead against 11 dead disagree). A count of "N others" is counted with
the people named beside it ("his mother, stepfather and eight other people" is 10).

Each conflict carries ``basis``: why the two figures are comparable, anchor by anchor. Pairs
that disagree on the same two values about the same measure are one conflict (``pairs`` of
them; the others' sources in ``also_a``/``also_b``). Conflicts are ranked by the strength of
their basis (shared event words, same place, same year, side by side, named sources), then
by the ratio of their values: the best-founded conflict comes first, not the widest gap.

Vote tallies are not compared (they are counts of one event, read from one source).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from foreigndesk.analyze import embed as embedding
from foreigndesk.analyze.clusters import content_words, features
from foreigndesk.store import Store
from foreigndesk.store.quantity_rows import cited_quantities

TOLERANCE = 1.25
MAX_POSTING = 2000
NEAR_SENTENCES = 2
COMPARABLE_KINDS = ("money", "count", "deaths", "casualties", "percent")
ROUND = 100          # an exact count that is a multiple of this is a round figure
MAX_LIST_WORDS = 4   # words of one person named beside "N others"

def quantity_rows(store: Store, kinds: list[str] | None = None) -> list[dict[str, Any]]:
    """Stored quantities with their citation (outlet, date, URL, sentence)."""
    return cited_quantities(store, kinds)


_TIME_QUALIFIER = re.compile(
    r"\b(?:by|in|as of|since|until|through|from|during|for)\s+(?:the\s+)?(?:end of\s+)?"
    r"(?:[A-Za-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}\b", re.I)
_NUMBER = re.compile(r"\d[\d,.]*")
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
             "who", "which", "one", "some", "others"}


def measure_text(measure: str) -> str:
    """A measure without its time qualifier ("by August 2022")."""
    return " ".join(_TIME_QUALIFIER.sub(" ", measure).split())


def measure_features(measure: str) -> frozenset[str]:
    """Word features of a measure without its time qualifier and numbers."""
    return features(_NUMBER.sub(" ", measure_text(measure)))


@dataclass(frozen=True)
class _Words:
    reporting: frozenset[str]
    time: frozenset[str]
    people: frozenset[str]
    list_boundaries: frozenset[str]
    measure_words: frozenset[str]  # death and injury words: the measure, not the event


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    from foreigndesk.extract.quantity_numbers import words as quantity_words

    raw: dict[str, Any] = yaml.safe_load(resources.files("foreigndesk.data").joinpath(
        "en/figures.yaml").read_text(encoding="utf-8"))
    qw = quantity_words()

    def norm(ws: Any) -> frozenset[str]:
        return frozenset(w for x in ws for w in content_words(str(x)))

    return _Words(norm(raw["reporting"]), norm(raw["time"]), norm(raw["people"]),
                  frozenset(str(w).lower() for w in raw["list_boundaries"]),
                  norm(qw.deaths | qw.casualties | set(qw.number_words)))


def _norm_source(s: str | None) -> str:
    """A named source, normalised; '' for none or a pronoun ("He", "they")."""
    n = re.sub(r"\W+", " ", (s or "").casefold()).strip()
    return "" if n in _PRONOUNS else n


def _source(q: dict[str, Any]) -> str:
    named = q["stated_by"] if _norm_source(q["stated_by"]) else None
    return named or q["outlet"] or q["title"] or q["doc_id"]


_OTHERS = re.compile(r"\bothers?\b", re.I)
_WITH = re.compile(r"\b(?:along|together)?\s*with\s*$", re.I)
_AND = re.compile(r"(,?)\s+and\s*$", re.I)
_LEADING_NUMBER = re.compile(r"^\s*(\d+|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


def companions(q: dict[str, Any]) -> int:
    """How many people a count of "N other(s)" leaves out: those named beside it in its
    sentence ("his mother, stepfather and eight other people" -> 2; "two Cuban exile leaders
    and 133 other people" -> 2; "who died with nine other adults" -> 1); 0 when the figure
    counts no "others" or the list cannot be read."""
    if not _OTHERS.search(q["text"] or "") or not q.get("sentence"):
        return 0
    at = q["start"] - (q.get("sentence_start") or 0)
    before = q["sentence"][:max(0, at)]
    if _WITH.search(before):
        return 1
    m = _AND.search(before)
    if not m or m.group(1):  # ", and 72 others were hurt": another clause, not a list
        return 0
    words = re.findall(r"[\w'’-]+|[.;:()\"“”]|--|,", before[:m.start()])
    items: list[list[str]] = [[]]
    for w in reversed(words):
        if w.lower() in _words().list_boundaries or w in ".;:()\"“”--":
            break
        if w == ",":
            items.append([])
        else:
            items[-1].insert(0, w)
    items = [i for i in items if i]
    if not items or len(items) > 3:
        return 0
    total = 0
    for item in items:
        at_number = next((n for n, w in enumerate(item) if _LEADING_NUMBER.match(w)), None)
        if at_number is not None:  # "two union leaders": as many as it says
            g = item[at_number].lower()
            total += int(g) if g.isdigit() else _SMALL[g]
        elif len(item) > MAX_LIST_WORDS:
            return 0  # a clause, not a name ("Police held the organisers")
        else:
            total += 1
    return total


_TOKEN = re.compile(r"[^\W_]+")


def _event_words(q: dict[str, Any], place_names: set[str]) -> frozenset[str]:
    """The words of a figure's sentence that tell its event or population: its common
    content words, without the figure itself, its unit, names (capitalised words after the
    first: places and people are anchors of their own), dates and reporting words."""
    sent = q.get("sentence") or ""
    at = q["start"] - (q.get("sentence_start") or 0)
    if 0 <= at <= len(sent):
        sent = sent[:at] + " " + sent[at + len(q["text"] or ""):]
    tokens = _TOKEN.findall(sent)
    sent = " ".join(t for k, t in enumerate(tokens) if k == 0 or not t[:1].isupper())
    w = _words()
    drop = set(w.reporting | w.time | w.people | w.measure_words)
    drop |= set(content_words(q["unit"] or ""))
    for name in place_names:
        drop |= set(content_words(name))
    return frozenset(x for x in content_words(sent) if x not in drop and not x[0].isdigit())


@dataclass
class _Figure:
    q: dict[str, Any]
    add: int                   # people named beside "N others"
    words: frozenset[str]      # event words
    countries: frozenset[str]
    names: frozenset[str]      # place names of the sentence
    years: frozenset[int]
    source: str                # the named source, normalised ('' when none)


def _interval(q: dict[str, Any], key: str, add: int = 0) -> tuple[float, float] | None:
    """The value (or range) of a quantity in the compared unit."""
    if key == "usd":
        if q["usd"] is None:
            return None
        v = float(q["usd"])
        if q["low"] is not None and q["high"] is not None and q["value"]:
            scale = v / float(q["value"])
            return float(q["low"]) * scale, float(q["high"]) * scale
        return v, v
    if q["low"] is not None and q["high"] is not None:
        return float(q["low"]) + add, float(q["high"]) + add
    if q["value"] is None:
        return None
    return float(q["value"]) + add, float(q["value"]) + add


def _bounds(q: dict[str, Any], iv: tuple[float, float], tolerance: float) -> tuple[float, float]:
    """What a figure allows: its interval widened by its qualifier, or by the tolerance when
    it is approximate (about, round, money, a percentage)."""
    lo, hi = iv
    if q["approx"] == "over":
        return lo, math.inf
    if q["approx"] == "under":
        return 0.0, hi
    exact_count = q["kind"] in ("count", "deaths", "casualties") and lo == hi and \
        not (lo >= ROUND and lo % ROUND == 0)
    if q["approx"] == "about" or not exact_count:
        return lo / tolerance, hi * tolerance
    return lo, hi


def _unit_key(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """Which field to compare, or None when the units are not comparable."""
    if a["kind"] == "money":
        if a["usd"] is not None and b["usd"] is not None:
            return "usd"
        return "value" if a["unit"] and a["unit"] == b["unit"] else None
    if a["kind"] == "count" and not (a["unit"] and a["unit"] == b["unit"]):
        return None  # a count needs the same counted noun
    if a["unit"] and b["unit"] and a["unit"] != b["unit"]:
        return None
    return "value"


def _qualified(f: _Figure, places: bool = True) -> frozenset[str]:
    """The words of a measure beyond its unit and kind ("pandemic", "cuba" of "deaths from
    the pandemic in Cuba"; nothing of "Cubans"), without the names of places unless
    ``places``: without them two measures cannot be compared by their wording."""
    w = _words()
    drop = set(w.people | w.measure_words | {f.q["kind"]})
    drop |= set(content_words(f.q["unit"] or ""))
    if not places:
        for name in f.names:
            drop |= set(content_words(name))
    return frozenset(x for x in content_words(measure_text(f.q["measure"] or ""))
                     if x not in drop and not x[0].isdigit())


def _side_by_side(a: _Figure, b: _Figure) -> bool:
    """Two figures a writer sets against each other: same document, at most
    :data:`NEAR_SENTENCES` sentences apart, each with its own named source, counting the
    same noun or with measures sharing a word beyond their kind ("Cuba" of COVID-19 deaths in
    Cuba and deaths from the pandemic in Cuba; not flood deaths in the north)."""
    return (a.q["doc_id"] == b.q["doc_id"] and bool(a.source) and bool(b.source)
            and abs(a.q["sentence_index"] - b.q["sentence_index"]) <= NEAR_SENTENCES
            and (a.q["kind"] == "count" or bool(_qualified(a) & _qualified(b))))


def _figures(store: Store, rows: list[dict[str, Any]]) -> list[_Figure]:
    settings = store.sentence_settings((q["doc_id"], q["sentence_index"]) for q in rows)
    out = []
    for q in rows:
        s = settings.get((q["doc_id"], q["sentence_index"]),
                         {"countries": set(), "names": set(), "years": set()})
        out.append(_Figure(q, companions(q), _event_words(q, s["names"]),
                           frozenset(s["countries"]), frozenset(s["names"]),
                           frozenset(s["years"]), _norm_source(q["stated_by"])))
    return out


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


def _basis(a: _Figure, b: _Figure, key: str, shared: frozenset[str], side: bool,
           cos: float | None, embedder: embedding.Embedder | None
           ) -> tuple[list[str], int] | None:
    """Why a and b measure the same thing (one phrase per anchor) and how strongly (the
    ranking score), or None when an anchor fails."""
    if a.years and b.years and not a.years & b.years:
        return None  # different times
    if a.countries and b.countries and not a.countries & b.countries:
        return None  # different places
    similar = (embedder is not None and cos is not None and cos >= embedder.measure
               and bool(_qualified(a, places=False)) and bool(_qualified(b, places=False)))
    if not (shared or side or similar):
        return None  # nothing ties the two to one event or population
    kind, unit = a.q["kind"], ("US dollars" if key == "usd" else a.q["unit"])
    why = [f"both {kind}" + (f" ({unit})" if unit else "")]
    score = 0
    if shared:
        why.append("same event or population: " + ", ".join(sorted(shared)[:5]))
        score += min(3, len(shared))
    if side:
        why.append("set side by side in one document, each with its own source")
        score += 2
    if similar and not shared:
        why.append(f"measures alike ({a.q['measure']} / {b.q['measure']})")
        score += 1
    common = a.countries & b.countries
    if common:
        names = sorted(n for n in a.names | b.names if n)[:3]
        why.append("same place: " + ", ".join(names or sorted(common)))
        score += 1
    if a.years & b.years:
        why.append("same year: " + ", ".join(map(str, sorted(a.years & b.years))))
        score += 1
    else:
        why.append("no conflicting dates")
    if a.source and b.source:
        score += 1
        why.append(f"different sources: {_source(a.q)} / {_source(b.q)}")
    else:
        why.append("different documents: " + " / ".join(
            " ".join(x for x in (f.q["outlet"] or f.q["title"] or f.q["doc_id"],
                                 f.q["published"]) if x) for f in (a, b)))
    for f in (a, b):
        if f.add:
            why.append(f"“{f.q['text']}” counted with the {f.add} named beside "
                       f"{'it' if f.add == 1 else 'them'}: {_fmt(float(f.q['value']) + f.add)}")
    return why, score


def conflicts(store: Store, tolerance: float = TOLERANCE, backend: str | None = None
              ) -> list[dict[str, Any]]:
    """Conflicting figures (see the module doc), best-founded first. ``backend``: the
    embedding backend for measures (see :func:`embedding.load`); one that cannot load
    leaves the other anchors alone."""
    rows = [q for q in quantity_rows(store, list(COMPARABLE_KINDS)) if q["measure"]]
    if not rows:
        return []
    figs = _figures(store, rows)
    vecs = embedder = None
    try:
        embedder = embedding.load(backend)
    except embedding.EmbedUnavailable:
        embedder = None
    if embedder is not None:
        vecs = embedder.embed([measure_text(q["measure"]) for q in rows])
    # candidate pairs: same kind and a shared event or measure word, or one document
    # (never all pairs)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(figs):
        keys = set(f.words) | {w for w in measure_features(f.q["measure"]) if "_" not in w}
        keys.add("#" + f.q["doc_id"])
        for w in keys:
            index[(f.q["kind"], w)].append(i)
    pairs: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > MAX_POSTING:  # a word in most sentences does not pair them alone
            continue
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                pairs.add((posting[x], posting[y]))
    found = []
    for i, j in sorted(pairs):
        fa, fb = figs[i], figs[j]
        a, b = fa.q, fb.q
        if fa.source and fb.source:
            if fa.source == fb.source:
                continue
        elif a["doc_id"] == b["doc_id"]:
            continue
        key = _unit_key(a, b)
        if key is None:
            continue
        ia, ib = _interval(a, key, fa.add), _interval(b, key, fb.add)
        if ia is None or ib is None or min(ia[0], ib[0]) <= 0:
            continue
        ba, bb = _bounds(a, ia, tolerance), _bounds(b, ib, tolerance)
        if ba[0] <= bb[1] and bb[0] <= ba[1]:  # the values allow each other
            continue
        cos = float(vecs[i] @ vecs[j]) if vecs is not None else None
        basis = _basis(fa, fb, key, fa.words & fb.words, _side_by_side(fa, fb), cos, embedder)
        if basis is None:
            continue
        why, score = basis
        va, vb = (ia[0] + ia[1]) / 2, (ib[0] + ib[1]) / 2
        if va > vb:  # the smaller figure first
            fa, fb, a, b, va, vb = fb, fa, b, a, vb, va
        found.append((score, vb / va, fa, fb, va, vb, key, why))
    return _grouped(found)


def _grouped(found: list[tuple[int, float, _Figure, _Figure, float, float, str, list[str]]]
             ) -> list[dict[str, Any]]:
    """One conflict per measure and pair of values, ranked by basis then ratio."""
    found.sort(key=lambda c: (-c[0], -c[1], c[2].q["id"], c[3].q["id"]))
    groups: dict[tuple[str, str, float, float], dict[str, Any]] = {}
    for score, ratio, fa, fb, va, vb, key, why in found:
        a, b = fa.q, fb.q
        unit = "USD" if key == "usd" else a["unit"]
        gk = (a["kind"], unit or "", round(va, 6), round(vb, 6))
        g = groups.get(gk)
        if g is not None:
            g["pairs"] += 1
            g["_measures"].extend(q["measure"] for q in (a, b) if q["measure"])
            for side, q in (("a", a), ("b", b)):
                if q["id"] not in g[f"_ids_{side}"]:
                    g[f"_ids_{side}"].add(q["id"])
                    g[f"also_{side}"].append({"quantity": q["id"], "source": _source(q),
                                              "doc": q["doc_id"], "text": q["text"]})
            continue
        groups[gk] = {
            "measure": a["measure"] or b["measure"] or a["kind"], "kind": a["kind"],
            "unit": unit, "value_a": va, "source_a": _source(a),
            "value_b": vb, "source_b": _source(b),
            "ratio": round(ratio, 3), "basis": "; ".join(why), "score": score,
            "text_a": a["text"], "text_b": b["text"],
            "quantity_a": a["id"], "quantity_b": b["id"],
            "doc_a": a["doc_id"], "outlet_a": a["outlet"], "published_a": a["published"],
            "url_a": a["url"], "sentence_a": a["sentence"],
            "doc_b": b["doc_id"], "outlet_b": b["outlet"], "published_b": b["published"],
            "url_b": b["url"], "sentence_b": b["sentence"],
            "pairs": 1, "also_a": [], "also_b": [],
            "_ids_a": {a["id"]}, "_ids_b": {b["id"]},
            "_measures": [q["measure"] for q in (a, b) if q["measure"]],
        }
    out = list(groups.values())
    for g in out:
        if g["pairs"] > 1:  # the measure most of its figures give
            g["measure"] = Counter(g["_measures"]).most_common(1)[0][0]
        del g["_ids_a"], g["_ids_b"], g["_measures"]
    return out
