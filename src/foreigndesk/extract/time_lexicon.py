"""The time vocabulary (``data/en/time.yaml``) loaded once, with the regular-expression
fragments built from it for :mod:`foreigndesk.extract.time_rules`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml

# whitespace that does not cross a line break
S = r"[^\S\n]+"


def _alt(words: list[str], abbrev_dot: bool = False) -> str:
    """A regex alternation of ``words`` (longest first; spaces match any run of spaces)."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", S).replace("'", "['’]")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def _key(text: str) -> str:
    """Lookup key of a matched word or phrase: lower case, single spaces, plain apostrophe,
    no trailing period."""
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).rstrip(".").strip()


@dataclass
class Lexicon:
    months: dict[str, int] = field(default_factory=dict)
    ambiguous_months: set[str] = field(default_factory=set)
    full_month_names: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    full_weekday_names: set[str] = field(default_factory=set)
    seasons: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    parts_of_day_before_of: dict[str, str] = field(default_factory=dict)
    month_context: list[str] = field(default_factory=list)
    month_determiners: set[str] = field(default_factory=set)
    month_modifier_not_before: set[str] = field(default_factory=set)
    daypart_nouns: set[str] = field(default_factory=set)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    unit_forms: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    vague: set[str] = field(default_factory=set)
    ordinals: dict[str, int] = field(default_factory=dict)
    decade_words: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    relative_times: dict[str, tuple[int, str]] = field(default_factory=dict)
    shifts: dict[str, int] = field(default_factory=dict)
    part_modifiers: dict[str, str] = field(default_factory=dict)
    approximations: dict[str, str] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    clock_references: set[str] = field(default_factory=set)  # TIME, not DATE ("minutes ago")
    sets: dict[str, str] = field(default_factory=dict)
    holidays_fixed: dict[str, str] = field(default_factory=dict)
    holidays_computed: dict[str, str] = field(default_factory=dict)
    modals: set[str] = field(default_factory=set)
    modals_ahead: set[str] = field(default_factory=set)
    present_before_to: set[str] = field(default_factory=set)
    negations: set[str] = field(default_factory=set)
    refused_after_would_not: set[str] = field(default_factory=set)
    present_states: set[str] = field(default_factory=set)
    before_to: set[str] = field(default_factory=set)
    likely_before_to: set[str] = field(default_factory=set)
    not_before_planned_infinitive: set[str] = field(default_factory=set)
    scheduling: set[str] = field(default_factory=set)
    deferring: set[str] = field(default_factory=set)
    before_expression: list[str] = field(default_factory=list)
    past_before_expression: list[str] = field(default_factory=list)
    reporting: set[str] = field(default_factory=set)
    verb_last_after: set[str] = field(default_factory=set)
    election_words: list[str] = field(default_factory=list)
    election_nouns: list[str] = field(default_factory=list)
    title_abbreviations: set[str] = field(default_factory=set)
    adjective_participles: set[str] = field(default_factory=set)
    contract_month_nouns: set[str] = field(default_factory=set)
    contract_month_not_after: set[str] = field(default_factory=set)
    programme_words: set[str] = field(default_factory=set)
    around_words: list[str] = field(default_factory=list)
    decade_number_words: set[str] = field(default_factory=set)
    present_age_nouns: set[str] = field(default_factory=set)
    long_weekend_names: dict[str, str] = field(default_factory=dict)
    period_verbs: set[str] = field(default_factory=set)
    title_nouns_before_of: set[str] = field(default_factory=set)
    stretch_prepositions: set[str] = field(default_factory=set)
    report_period_not_before: list[str] = field(default_factory=list)
    compared_day_nouns: list[str] = field(default_factory=list)
    day_idiom_verbs: set[str] = field(default_factory=set)
    holiday_thing_nouns: set[str] = field(default_factory=set)
    clock_prepositions: set[str] = field(default_factory=set)
    clock_zones: list[str] = field(default_factory=list)
    arrangement_prepositions: set[str] = field(default_factory=set)
    reporting_events: set[str] = field(default_factory=set)
    concluded_participles: set[str] = field(default_factory=set)
    future_clause_openers: set[str] = field(default_factory=set)
    present_until: set[str] = field(default_factory=set)
    deferring_to: set[str] = field(default_factory=set)
    term_verbs: set[str] = field(default_factory=set)
    frame_year_prepositions: list[str] = field(default_factory=list)
    imperative_lead_words: set[str] = field(default_factory=set)
    participle_openers: set[str] = field(default_factory=set)
    game_words: set[str] = field(default_factory=set)
    quarter_compounds: set[str] = field(default_factory=set)
    thinking: set[str] = field(default_factory=set)
    result_before_to: set[str] = field(default_factory=set)
    observance_verbs: set[str] = field(default_factory=set)
    that_conjunction_before: set[str] = field(default_factory=set)
    copula_time_links: set[str] = field(default_factory=set)
    completed_predicates: set[str] = field(default_factory=set)
    copula_time_adjectives: set[str] = field(default_factory=set)
    term_verb_words: set[str] = field(default_factory=set)
    due_prepositions: set[str] = field(default_factory=set)
    holidays_of_a_nation: set[str] = field(default_factory=set)
    month_after_possessive_nouns: set[str] = field(default_factory=set)
    possessive_day_events: set[str] = field(default_factory=set)
    same_time_before_to: set[str] = field(default_factory=set)
    clause_conjunctions: set[str] = field(default_factory=set)
    clause_question_words: set[str] = field(default_factory=set)
    gerund_prepositions: set[str] = field(default_factory=set)
    year_end_prepositions: set[str] = field(default_factory=set)
    head_seasons: set[str] = field(default_factory=set)
    season_context: set[str] = field(default_factory=set)
    holiday_nation_words: set[str] = field(default_factory=set)
    future_words: set[str] = field(default_factory=set)
    past_words: set[str] = field(default_factory=set)
    completed: set[str] = field(default_factory=set)
    year_back_same: list[str] = field(default_factory=list)
    year_back_year: list[str] = field(default_factory=list)
    year_back_periods: list[str] = field(default_factory=list)
    year_back_phrases: list[str] = field(default_factory=list)
    # (month, day) -> (the day of history, the nouns after it); the slash forms of those days
    named_days: dict[tuple[int, int], tuple[str, frozenset[str]]] = field(default_factory=dict)
    named_day_slash: dict[str, str] = field(default_factory=dict)

    # regex fragments
    re_month: str = ""
    re_weekday: str = ""
    re_season: str = ""
    re_part: str = ""
    re_part_before_of: str = ""
    re_unit: str = ""
    re_number: str = ""
    re_vague: str = ""
    re_ordinal: str = ""
    re_decade_word: str = ""
    re_shift: str = ""
    re_part_mod: str = ""
    re_approx: str = ""
    re_month_context: str = ""
    re_completed: str = ""
    re_year_back_same: str = ""
    re_year_back_year: str = ""
    re_year_back_period: str = ""
    re_year_back_phrase: str = ""
    re_around: str = ""
    re_report_period_not_before: str = ""

    def month(self, text: str) -> int | None:
        return self.months.get(_key(text))

    def weekday(self, text: str) -> int | None:
        return self.weekdays.get(_key(text))

    def unit(self, text: str) -> str | None:
        """Canonical unit name of a unit word (``Years`` -> ``year``)."""
        return self.unit_forms.get(_key(text).replace("-", " "))

    def number(self, text: str) -> float | None:
        """Value of a number written in digits or words; None for vague amounts."""
        k = _key(text).replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", k):
            return float(k)
        if k in self.numbers:
            return self.numbers[k]
        # "twenty-five", "twenty five"
        parts = re.split(r"[- ]+", k)
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, ones = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens >= 20 and tens % 10 == 0 and 0 < ones < 10:
                return tens + ones
        if len(parts) == 2 and parts[1] == "hundred" and parts[0] in self.numbers:
            return self.numbers[parts[0]] * 100
        return None


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of ``data/en/time.yaml`` (once per process; built once, then loaded from the
    on-disk cache, see :mod:`foreigndesk.built_cache`)."""
    from foreigndesk.built_cache import cached

    source = resources.files("foreigndesk").joinpath("data/en/time.yaml")
    return cached("time", [source], lambda: build_lexicon(source.read_text("utf-8")))


def build_lexicon(text: str) -> Lexicon:
    """Build the lexicon from the text of ``data/en/time.yaml``."""
    raw = load_yaml(text)
    lx = Lexicon()
    for num, names in raw["months"].items():
        lx.full_month_names.add(names[0])
        for n in names:
            lx.months[n] = int(num)
    lx.ambiguous_months = set(raw.get("ambiguous_months", []))
    for num, names in raw["weekdays"].items():
        lx.full_weekday_names.add(names[0])
        for n in names:
            lx.weekdays[n] = int(num)
    lx.seasons = dict(raw["seasons"])
    lx.parts_of_day = dict(raw["parts_of_day"])
    lx.parts_of_day_before_of = dict(raw.get("parts_of_day_before_of", {}))
    lx.month_context = list(raw["month_context"])
    lx.month_determiners = set(raw.get("month_determiners", []))
    lx.month_modifier_not_before = set(raw.get("month_modifier_not_before", []))
    lx.daypart_nouns = set(raw.get("daypart_nouns", []))
    lx.units = {k: dict(v) for k, v in raw["units"].items()}
    plurals = {v: k for k, v in raw.get("unit_plurals", {}).items()}
    for u in lx.units:
        lx.unit_forms[u] = u
        lx.unit_forms[plurals.get(u, u + "s")] = u
    for plural, u in raw.get("unit_plurals", {}).items():
        lx.unit_forms[plural] = u
    lx.numbers = {str(k): float(v) for k, v in raw["number_words"].items()}
    # spelled multiples: "three hundred years", "two thousand years" (not a year then: the
    # duration is the longer match)
    for mult, factor in raw.get("number_multipliers", {}).items():
        for word, v in list(lx.numbers.items()):
            if 1 <= v < 100 and v == int(v) and " " not in word and word not in ("a", "an"):
                lx.numbers[f"{word} {mult}"] = v * float(factor)
        lx.numbers.setdefault(f"a {mult}", float(factor))
    lx.vague = set(raw["vague_numbers"])
    lx.ordinals = {str(k): int(v) for k, v in raw["ordinals"].items()}
    lx.decade_words = {str(k): int(v) for k, v in raw["decade_words"].items()}
    lx.relative_days = {str(k): int(v) for k, v in raw["relative_days"].items()}
    lx.relative_times = {str(k): (int(v[0]), str(v[1])) for k, v in raw["relative_times"].items()}
    lx.shifts = {str(k): int(v) for k, v in raw["shifts"].items()}
    lx.part_modifiers = dict(raw["part_modifiers"])
    lx.approximations = dict(raw["approximations"])
    for ref, words in raw["references"].items():
        for w in words:
            lx.references[w] = ref
    lx.clock_references = set(raw.get("clock_references", []))
    lx.sets = dict(raw["sets"])
    lx.holidays_fixed = dict(raw["holidays_fixed"])
    lx.holidays_computed = dict(raw["holidays_computed"])
    fc = raw["future_cues"]
    lx.modals = set(fc["modals"])
    lx.modals_ahead = set(fc.get("modals_ahead", []))
    lx.present_before_to = set(fc.get("present_before_to", []))
    lx.negations = set(fc.get("negations", []))
    lx.refused_after_would_not = set(fc.get("refused_after_would_not", []))
    lx.present_states = set(fc.get("present_states", []))
    lx.before_to = set(fc["before_to"])
    lx.likely_before_to = set(fc.get("likely_before_to", []))
    lx.not_before_planned_infinitive = set(fc.get("not_before_planned_infinitive", []))
    lx.scheduling = set(fc.get("scheduling", []))
    lx.deferring = set(fc.get("deferring", []))
    lx.before_expression = list(fc.get("before_expression", []))
    lx.past_before_expression = list(fc.get("past_before_expression", []))
    lx.reporting = set(fc.get("reporting", []))
    lx.reporting_events = set(fc.get("reporting_events", []))
    lx.concluded_participles = set(fc.get("concluded_participles", []))
    lx.future_clause_openers = set(fc.get("future_clause_openers", []))
    lx.present_until = set(fc.get("present_until", []))
    lx.deferring_to = set(fc.get("deferring_to", []))
    lx.term_verbs = set(fc.get("term_verbs", []))
    lx.frame_year_prepositions = list(fc.get("frame_year_prepositions", []))
    lx.imperative_lead_words = set(fc.get("imperative_lead_words", []))
    lx.participle_openers = set(fc.get("participle_openers", []))
    lx.game_words = set(fc.get("game_words", []))
    lx.quarter_compounds = set(fc.get("quarter_compounds", []))
    lx.thinking = set(fc.get("thinking", []))
    lx.result_before_to = set(fc.get("result_before_to", []))
    lx.observance_verbs = set(fc.get("observance_verbs", []))
    lx.that_conjunction_before = set(fc.get("that_conjunction_before", []))
    lx.copula_time_links = set(fc.get("copula_time_links", []))
    lx.completed_predicates = set(fc.get("completed_predicates", []))
    lx.copula_time_adjectives = set(fc.get("copula_time_adjectives", []))
    lx.term_verb_words = set(fc.get("term_verb_words", []))
    lx.verb_last_after = set(fc.get("verb_last_after", []))
    lx.same_time_before_to = set(fc.get("same_time_before_to", []))
    clauses = raw.get("clause_openers", {})
    lx.clause_conjunctions = set(clauses.get("conjunctions", []))
    lx.clause_question_words = set(clauses.get("question_words", []))
    lx.gerund_prepositions = set(raw.get("gerund_prepositions", []))
    lx.year_end_prepositions = set(raw.get("year_end_prepositions", []))
    lx.head_seasons = set(raw.get("head_seasons", []))
    lx.season_context = set(raw.get("season_context", []))
    lx.election_words = list(raw.get("election_words", []))
    lx.election_nouns = list(raw.get("election_nouns", []))
    lx.title_abbreviations = set(raw.get("title_abbreviations", []))
    lx.adjective_participles = set(raw.get("adjective_participles", []))
    lx.contract_month_nouns = set(raw.get("contract_month_nouns", []))
    lx.contract_month_not_after = set(raw.get("contract_month_not_after", []))
    lx.programme_words = set(raw.get("programme_words", []))
    lx.around_words = list(raw.get("around_words", []))
    lx.decade_number_words = set(raw.get("decade_number_words", []))
    lx.present_age_nouns = set(raw.get("present_age_nouns", []))
    lx.long_weekend_names = {str(k): str(v) for k, v in (raw.get("long_weekend_names") or {}).items()}
    lx.period_verbs = set(raw.get("period_verbs", []))
    lx.title_nouns_before_of = set(raw.get("title_nouns_before_of", []))
    lx.stretch_prepositions = set(raw.get("stretch_prepositions", []))
    lx.report_period_not_before = list(raw.get("report_period_not_before", []))
    lx.compared_day_nouns = list(raw.get("compared_day_nouns", []))
    lx.day_idiom_verbs = set(raw.get("day_idiom_verbs", []))
    lx.holiday_thing_nouns = set(raw.get("holiday_thing_nouns", []))
    lx.clock_prepositions = set(raw.get("clock_prepositions", []))
    lx.clock_zones = list(raw.get("clock_zones", []))
    lx.arrangement_prepositions = set(raw.get("arrangement_prepositions", []))
    lx.due_prepositions = set(raw.get("due_prepositions", []))
    lx.month_after_possessive_nouns = set(raw.get("month_after_possessive_nouns", []))
    lx.possessive_day_events = set(raw.get("possessive_day_events", []))
    own = raw.get("holidays_of_a_nation", {})
    lx.holidays_of_a_nation = set(own.get("names", []))
    lx.holiday_nation_words = {str(w).lower() for w in own.get("default_nation_words", [])}
    lx.future_words = set(fc["future_words"])
    lx.past_words = set(fc["past_words"])
    lx.completed = set(raw.get("completed_period", []))
    for entry in raw.get("named_days", []):
        iso = str(entry["day"])
        month_day = (int(iso[5:7]), int(iso[8:10]))
        lx.named_days[month_day] = (iso, frozenset(entry.get("nouns", [])))
        for form in entry.get("slash", []):
            lx.named_day_slash[form] = iso
    back = raw.get("year_back", {})
    lx.year_back_same = list(back.get("same_words", []))
    lx.year_back_year = list(back.get("year_words", []))
    lx.year_back_periods = list(back.get("periods", []))
    lx.year_back_phrases = list(back.get("phrases", []))

    month_words = []
    for name in lx.months:
        if name in lx.full_month_names:
            month_words.append(name)
        else:
            month_words.append(name + ".")
            month_words.append(name)
    lx.re_month = _alt(month_words) + r"(?!\w|['’][a-rt-z])"
    lx.re_weekday = _alt(list(lx.full_weekday_names))
    lx.re_season = _alt(list(lx.seasons))
    lx.re_part = _alt(list(lx.parts_of_day))
    lx.re_part_before_of = _alt(list(lx.parts_of_day_before_of))
    lx.re_unit = _alt(list(lx.unit_forms))
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # "6,300 hours" is one number
    # "twenty-four" and, as transcripts write it, "twenty four"
    lx.re_number = "(?:" + digits + "|" + _alt(list(lx.numbers) + [
        f"{t}{sep}{o}" for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                 "ninety")
        for o in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
        for sep in ("-", " ")]) + ")"
    lx.re_vague = _alt(list(lx.vague))
    lx.re_ordinal = "(?:" + r"\d{1,2}(?:st|nd|rd|th)|" + _alt(list(lx.ordinals)) + ")"
    lx.re_decade_word = _alt(list(lx.decade_words))
    lx.re_shift = _alt(list(lx.shifts))
    lx.re_part_mod = _alt(list(lx.part_modifiers))
    lx.re_approx = _alt(list(lx.approximations))
    lx.re_month_context = _alt(lx.month_context)
    lx.re_completed = _alt(list(lx.completed))
    lx.re_year_back_same = _alt(lx.year_back_same)
    lx.re_year_back_year = _alt(lx.year_back_year)
    lx.re_year_back_period = _alt(lx.year_back_periods)
    lx.re_year_back_phrase = _alt(lx.year_back_phrases)
    lx.re_around = _alt(lx.around_words)
    lx.re_report_period_not_before = _alt(lx.report_period_not_before)
    return lx


key = _key
