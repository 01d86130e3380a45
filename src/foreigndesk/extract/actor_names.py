"""Name normalisation for actor matching: accent folding, word pieces, person-name variants.

Matching works on *pieces*: maximal runs of letters and digits, accent-folded and lower-cased
("Díaz-Canel" -> ``diaz``, ``canel``; "U.S." -> ``u``, ``s``; "People’s" -> ``people``,
``s``). Punctuation, hyphens and quotes never take part, so "Díaz-Canel", "Diaz Canel" and
"DIAZ_CANEL" match alike, whatever the tokenizer did with them.

Person names compare by their *name pieces*: pieces without initials ("G."), without the
Spanish conjunction "y" of double surnames, without honorifics. Two forms name the same person
when one is the other, or the other with a second surname dropped, or a surname (or, for
names written surname first, the family name) of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

PIECE = re.compile(r"[^\W_]+", re.UNICODE)

# Names written family name first: a one-piece back reference may be the first piece.
SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "JPN", "SGP", "HUN",
                           "KHM", "MNG"})
PARTICLES = frozenset({"y", "e", "i"})  # "Díaz-Canel y Bermúdez"
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "jr", "sr",
                        "ii", "iii", "iv", "phd", "esq", "hon"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents removed ("Bermúdez" -> "bermudez")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def pieces(text: str) -> list[str]:
    """The folded word pieces of ``text``."""
    return PIECE.findall(fold(text))


def pieces_with_case(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(folded piece, original piece, start, end) for every piece of ``text``."""
    for m in PIECE.finditer(text):
        orig = m.group(0)
        yield fold(orig), orig, m.start(), m.end()


def slug(text: str) -> str:
    return "-".join(pieces(text)) or "x"


def name_pieces(name: str) -> tuple[str, ...]:
    """The pieces that identify a person: no initials, honorifics or "y"."""
    out = []
    for p in pieces(name):
        if len(p) == 1 and not p.isdigit():
            continue  # initials "G." and stray "s" of possessives
        if p in PARTICLES or p in HONORIFICS:
            continue
        out.append(p)
    return tuple(out)


def person_slug(name: str) -> str:
    return "person:" + ("-".join(name_pieces(name)) or slug(name))


def same_person(full: tuple[str, ...], other: tuple[str, ...], loose: bool = False) -> bool:
    """Do two full names (two pieces or more each) name the same person? Equal, or equal
    once the longer's trailing second surname is dropped ("Miguel Diaz Canel" vs "Miguel Diaz
    Canel Bermudez"). ``loose`` (names in one document) also allows a dropped middle name
    ("James Charles Kopp" and "James Kopp")."""
    if not full or not other:
        return False
    if full == other:
        return True
    short, long_ = (full, other) if len(full) <= len(other) else (other, full)
    if len(short) < 2:
        return False
    if long_[: len(short)] == short:
        return True
    # within one document, a middle name dropped: "James Charles Kopp" and "James Kopp"
    return loose and len(short) == 2 and short[0] == long_[0] and short[1] == long_[-1]


def is_back_reference(short: tuple[str, ...], full: tuple[str, ...], country: str | None) -> bool:
    """Is ``short`` a shortened reference to the person named ``full``? Its surname(s) (from
    the second piece on, or the last pieces), or its family name for names written surname
    first ("Xi" of "Xi Jinping")."""
    n = len(short)
    if not short or n >= len(full):
        return False
    if full[1 : 1 + n] == short or full[-n:] == short:
        return True
    return full[:n] == short and (country in SURNAME_FIRST or n >= 2)
