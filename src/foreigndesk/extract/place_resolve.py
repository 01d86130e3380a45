"""Choosing among the gazetteer candidates of a place name.

The score of a candidate adds a prior (what the name usually means: a country before a US
state before a city; among cities, larger ones and capitals first; a rank given in
``data/places.yaml``) and the document's context: countries mentioned elsewhere in the same
document count, those of the same or adjacent sentences count more, and a place related in the
text to another ("a town outside Havana", "just west of Havana") counts most. So "Lourdes"
near "Havana" is not the French town, and "Georgia" in a story about Atlanta is the state.
"""

from __future__ import annotations

import math
from collections.abc import Set
from dataclasses import dataclass, field

from foreigndesk.extract.place_gazetteer import Candidate, Gazetteer

FEATURE_PRIOR = {"country": 70.0, "admin1": 35.0, "region": 50.0, "facility": 50.0}
# ties go to the broader reading
FEATURE_ORDER = {"country": 0, "admin1": 1, "region": 2, "facility": 3, "city": 4}
CONTEXT_DOC = 30.0  # the candidate's country is mentioned elsewhere in the document
CONTEXT_SENTENCE = 15.0  # ... in the same or an adjacent sentence
CONTEXT_NEIGHBOUR = 15.0  # a neighbour of a country mentioned in the document
CONTEXT_ANCHOR = 40.0  # the text relates this place to a place in that country ("outside X")
CONTEXT_ADMIN1 = 30.0  # ... to its first-level division ("Columbus, Ga.")
ALT_NAME_PENALTY = 10.0
CAPITAL_MIN_POPULATION = 100_000  # the capitals of micro-states are not household names
FAME = 40.0  # countries, capitals and big cities: what a name means anywhere


def famous(c: Candidate) -> bool:
    """Known to every reader: a country, a capital, a city of a million, a ranked entry.
    A city reached by one of its other names is not."""
    if c.alt:
        return False
    return (c.feature == "country" or (c.capital and c.population >= CAPITAL_MIN_POPULATION)
            or c.population >= 1_000_000 or (c.rank is not None and c.rank >= 60))


def prior(c: Candidate) -> float:
    """What a name means with no context."""
    if c.rank is not None:
        p = float(c.rank)
    elif c.feature == "city":
        p = 10.0 + 4.0 * math.log10(c.population + 1)
        if not c.alt:
            if c.capital and c.population >= CAPITAL_MIN_POPULATION:
                p += 20.0
            if c.population >= 1_000_000:
                p += 10.0
    else:
        p = FEATURE_PRIOR.get(c.feature, 40.0)
    if famous(c):
        p += FAME
    if c.alt:
        p -= ALT_NAME_PENALTY
    return p


@dataclass
class Context:
    """Countries mentioned in a document, with the name keys that mention them, for the
    whole document and per sentence (so a name does not vote for its own reading)."""

    doc: dict[str, set[str]] = field(default_factory=dict)  # country -> keys
    by_sentence: dict[int, dict[str, set[str]]] = field(default_factory=dict)
    _memo: dict[tuple[str, int], set[str]] = field(default_factory=dict)

    def add(self, sentence: int, country: str, key: str) -> None:
        self.doc.setdefault(country, set()).add(key)
        self.by_sentence.setdefault(sentence, {}).setdefault(country, set()).add(key)
        self._memo.clear()

    @staticmethod
    def _others(table: dict[str, set[str]], exclude_key: str) -> set[str]:
        return {c for c, keys in table.items() if len(keys) > 1 or exclude_key not in keys}

    def countries(self, exclude_key: str, sentences: range | None = None) -> set[str]:
        """Countries mentioned by other names, in the document or in ``sentences``."""
        if sentences is None:
            memo_key = (exclude_key, -1)
            if memo_key not in self._memo:
                self._memo[memo_key] = self._others(self.doc, exclude_key)
            return self._memo[memo_key]
        out: set[str] = set()
        for i in sentences:
            table = self.by_sentence.get(i)
            if table:
                out |= self._others(table, exclude_key)
        return out


def score(c: Candidate, key: str, sentence: int, ctx: Context, gz: Gazetteer,
          anchors: Set[str] = frozenset(), admin1: Set[str] = frozenset()) -> float:
    s = prior(c)
    if c.admin1 and c.admin1 in admin1:
        s += CONTEXT_ADMIN1
    if not c.country:
        return s
    doc = ctx.countries(key)
    if c.country in anchors:
        s += CONTEXT_ANCHOR
    if c.country in doc:
        s += CONTEXT_DOC
        if c.country in ctx.countries(key, range(sentence - 1, sentence + 2)):
            s += CONTEXT_SENTENCE
    elif gz.neighbours.get(c.country, set()) & doc:
        s += CONTEXT_NEIGHBOUR
    return s


def choose(cands: list[Candidate], key: str, sentence: int, ctx: Context, gz: Gazetteer,
           anchors: Set[str] = frozenset(),
           admin1: Set[str] = frozenset()) -> tuple[Candidate, float]:
    """The best candidate and a confidence from the margin over the runner-up (of another
    country; among namesakes of one country the confidence is that of the country)."""
    scored = sorted(((score(c, key, sentence, ctx, gz, anchors, admin1),
                      FEATURE_ORDER.get(c.feature, 5), c) for c in cands),
                    key=lambda t: (-t[0], t[1]))
    best_score, _, best = scored[0]
    if best.feature == "city" and best.capital:
        # a city-state ("Hong Kong", "Singapore"): the territory, not its capital
        for c in cands:
            if c.feature == "country" and c.country == best.country:
                best = c
                break
    if len(scored) == 1 or all(c.country == best.country for _, _, c in scored[1:]):
        conf = 0.95 if best.feature in ("country", "admin1") else 0.9
    else:
        runner_up = next(sc for sc, _, c in scored[1:] if c.country != best.country)
        margin = best_score - runner_up
        conf = round(min(0.9, 0.5 + margin / 50.0), 3)
    return best, conf
