"""The grammatical gender a person mention takes ("he" or "she"), for pronoun agreement.

Evidence, in order: an honorific before or in the name ("Mr. Netanyahu", "Mrs. Clinton"), a
gendered title just before it ("congresswoman Ana Ruiz", "spokesman Zhao Lijian"), the given
name (data/en/first_names.yaml, then the census names of data/en/given_names_census.yaml). No
evidence gives ``None``, which agrees with either pronoun:
a pronoun never loses an antecedent for want of a listed name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from foreigndesk.built_cache import load_yaml

_HONORIFIC = re.compile(r"\b(mr|mrs|ms|miss|madam|sir|lady|lord)\.?\s*$", re.I)
_MALE_HONORIFICS = {"mr", "sir", "lord"}
_TITLE = re.compile(r"\b(\w+(?:man|woman)|king|queen|prince|princess|sister|brother|wife|"
                    r"husband|mother|father|son|daughter)\s*,?\s*$", re.I)
_FEMALE_TITLES = {"queen", "princess", "sister", "wife", "mother", "daughter"}
_NOT_GENDERED_MAN = {"human"}
HONORIFIC_BEFORE = 6  # characters before a name where an honorific may stand
TITLE_BEFORE = 30


@lru_cache(maxsize=1)
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """The male and female lists of data/en/first_names.yaml (lower case), read once."""
    raw = load_yaml(resources.files("foreigndesk.data").joinpath("en/first_names.yaml")
                    .read_text(encoding="utf-8"))
    return (frozenset(str(n).lower() for n in raw.get("male") or []),
            frozenset(str(n).lower() for n in raw.get("female") or []))


@lru_cache(maxsize=1)
def _census_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The male, female and both lists of data/en/given_names_census.yaml (lower case): the
    census's given names that first_names.yaml leaves out, read once."""
    raw = load_yaml(resources.files("foreigndesk.data").joinpath("en/given_names_census.yaml")
                    .read_text(encoding="utf-8"))
    male, female, both = (frozenset(str(n).lower() for n in raw.get(k) or []) for k in ("male", "female", "both"))
    return male, female, both


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lower case) -> "m" or "f": first_names.yaml, where a name listed under both
    is left out, then the census names of one sex (given_names_census.yaml)."""
    male, female = _first_names()
    c_male, c_female, _ = _census_names()
    out = {n: "m" for n in c_male - male - female}
    out.update({n: "f" for n in c_female - male - female})
    out.update({n: "m" for n in male - female})
    out.update({n: "f" for n in female - male})
    return out


@lru_cache(maxsize=1)
def listed_given_names() -> frozenset[str]:
    """Every given name (lower case) of data/en/first_names.yaml and given_names_census.yaml,
    of either list or both: whether a word opens a person's name, whatever the gender."""
    male, female = _first_names()
    return male | female | frozenset().union(*_census_names())


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """The word lists of data/en/name_words.yaml (lower case), by key."""
    raw = load_yaml(resources.files("foreigndesk.data").joinpath("en/name_words.yaml")
                    .read_text(encoding="utf-8"))
    return {str(k): frozenset(str(w).lower() for w in v or []) for k, v in raw.items()}


def _honorific(word: str) -> str | None:
    w = word.lower().rstrip(".")
    if w in _MALE_HONORIFICS:
        return "m"
    if w in ("mrs", "ms", "miss", "madam", "lady"):
        return "f"
    return None


def gender_of(text: str, start: int, end: int, given: bool = True) -> str | None:
    """"m", "f" or None for the person named at ``text[start:end]``; without its given name's
    evidence unless ``given`` (a bare surname: "Howard" is no given name there)."""
    name = text[start:end]
    words = re.findall(r"[A-Za-z][\w'’-]*\.?", name)
    if words:
        g = _honorific(words[0])
        if g:
            return g
    m = _HONORIFIC.search(text[max(0, start - HONORIFIC_BEFORE):start])
    if m is not None:
        return _honorific(m.group(1))
    before = text[max(0, start - TITLE_BEFORE):start]
    t = _TITLE.search(before)
    if t is not None and "\n" not in before[t.start():]:
        w = t.group(1).lower()
        if w.endswith("woman") or w in _FEMALE_TITLES:
            return "f"
        if w not in _NOT_GENDERED_MAN and not w.endswith(("woman",)):
            if w.endswith("man") and len(w) > 4 or w in ("king", "prince", "brother", "husband",
                                                           "father", "son"):
                return "m"
    if not given:
        return None
    names = given_names()
    for w in words:
        low = w.lower().rstrip(".")
        if len(low) < 2 or _honorific(low) or w.endswith(".") or low in _TITLE_WORDS:
            continue  # "Sen.", "Gov.", "President"
        return names.get(low)  # only the first word of the name is the given name
    return None


_TITLE_WORDS = {"president", "senator", "sen", "rep", "gov", "governor", "secretary", "dr",
                "former", "vice", "speaker", "minister", "prime", "general", "gen", "judge",
                "justice", "mayor", "chairman", "chairwoman", "ambassador", "rev", "sir", "lt",
                "col", "sgt", "capt", "adm", "the", "candidate", "democratic", "republican",
                "presidential", "nominee", "attorney", "first", "lady"}


_FEMALE_NOUNS = _FEMALE_TITLES | {"woman", "girl", "lady", "grandmother", "actress", "widow", "mom",
                                   "aunt", "niece", "girlfriend", "bride", "heiress", "granddaughter"}
_MALE_NOUNS = {"man", "boy", "king", "prince", "brother", "husband", "father", "son", "grandfather",
               "dad", "uncle", "nephew", "boyfriend", "gentleman", "grandson", "guy"}


def noun_gender(lemma: str) -> str | None:
    """The gender a common noun for a person gives ("woman", "congresswoman", "wife" -> "f";
    "husband", "businessman" -> "m"; "voter", "nurse" -> None)."""
    w = lemma.lower()
    if w.endswith("woman") or w in _FEMALE_NOUNS:
        return "f"
    if w in _MALE_NOUNS or (w.endswith("man") and len(w) > 4 and w not in _NOT_GENDERED_MAN):
        return "m"
    return None


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}


def agrees(pronoun: str, gender: str | None) -> bool:
    """Does a person of ``gender`` (None: unknown) agree with ``pronoun``?"""
    want = PRONOUN_GENDER.get(pronoun.lower())
    return want is None or gender is None or gender == want
