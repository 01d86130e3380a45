"""Event dictionaries: trigger words (verbs and event nouns) with patterns -> CAMEO codes.

One in-memory form serves two file formats: foreigndesk's own TSV dictionaries
(``data/cameo/verbs.tsv`` and ``data/cameo/nouns.tsv``, read here) and PETRARCH/TABARI verb
dictionaries (read by :mod:`foreigndesk.extract.event_petrarch`).

A trigger has a default code (``---``: the bare word is no event) and patterns. A pattern is
``PRE * POST``: the words of PRE must occur, in order, before the trigger in its clause; the
words of POST, in order, among its complements (objects, prepositional phrases, particles,
the subject of a passive). Words match a token's text or lemma, case-insensitively; a word
may be ``a|b|c`` (alternatives), ``&NAME`` (a synset), or ``w1_w2`` (consecutive words).
The matching pattern with the most words wins; its code may be ``code:code2`` where code2
is the paired event from the target back to the source (PETRARCH's ``[042:043]``).

TSV format (``#`` starts a comment)::

    &AGREEMENT<TAB>agreement, accord, treaty, memorandum of understanding
    sign<TAB>*<TAB>---
    sign<TAB>* &AGREEMENT<TAB>057<TAB>symmetric

Flags (comma-separated, 4th column): ``symmetric`` (coordinated subjects act on each other),
``territorial`` (an agentless passive is done by the state of the place), ``recipient`` (the
subject receives: the source comes with "from"), ``light`` (a verb that takes its event from
an event-noun object: "pay a visit", "hold talks"), ``theme`` (the object is the thing given:
the target is the recipient, "provided aid to Cuba"), ``object`` (on a pattern line: its first
POST word must head the verb's direct object, "attacked the plan" but not "attacked a
checkpoint over the plan"; read by the event coder).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

NULL = "---"
Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Element:
    """One slot of a pattern: any of several phrases (tuples of consecutive words)."""

    phrases: frozenset[Phrase]

    @property
    def size(self) -> int:
        return min((len(p) for p in self.phrases), default=0)


@dataclass(frozen=True, eq=False)
class Pattern:
    code: str
    pre: tuple[Element, ...] = ()
    post: tuple[Element, ...] = ()
    flags: frozenset[str] = frozenset()
    target_slot: int | None = None  # '+' after this many POST elements
    source_slot: int | None = None  # '$' after this many POST elements
    pre_roles: frozenset[str] = frozenset()  # "source"/"target": '$'/'+' before the verb
    line: str = ""

    @property
    def weight(self) -> int:
        return sum(e.size for e in self.pre) + sum(e.size for e in self.post)

    @functools.cached_property
    def anchors(self) -> tuple[frozenset[str], ...]:
        """For each element, the words one of its phrases must start with."""
        return tuple(frozenset(p[0] for p in e.phrases if p) for e in self.pre + self.post)

    def possible(self, words: frozenset[str] | set[str]) -> bool:
        """Could this pattern match a sentence holding ``words``? (a cheap test before any
        parse: every element's first word occurs)"""
        return all(a & words for a in self.anchors)


@dataclass
class Entry:
    """A trigger word with its default code, patterns and flags."""

    word: str
    code: str = NULL
    patterns: list[Pattern] = field(default_factory=list)
    flags: frozenset[str] = frozenset()
    pre: tuple[str, ...] = ()  # multi-word verbs: words right before ("wire" tap)
    post: tuple[str, ...] = ()  # and right after ("cordon" off)
    line: str = ""

    @property
    def is_trigger(self) -> bool:
        """Can this word produce an event (by itself or through a pattern)? A light verb
        ("pay", "hold") is not: the event noun it takes is."""
        return self.code != NULL or any(p.code != NULL for p in self.patterns)

    def possible(self, words: frozenset[str] | set[str]) -> bool:
        """Could this trigger code an event in a sentence holding ``words`` (lower-case
        texts and lemmas)? Yes when the bare word is coded, or when a coded pattern's
        words all occur."""
        if self.code != NULL:
            return True
        return any(p.code != NULL and p.possible(words) for p in self.patterns)


@dataclass
class Match:
    code: str
    reverse: str | None
    flags: frozenset[str]
    pattern: Pattern | None
    tokens: tuple[int, ...]  # indices (into the POST token list) the pattern used
    target_at: int | None = None  # POST token index the '+' of the pattern points after
    source_at: int | None = None
    pre_roles: frozenset[str] = frozenset()


@dataclass
class Dictionary:
    """Verb and noun triggers keyed by lemma (lower case)."""

    name: str
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    synsets: dict[str, Element] = field(default_factory=dict)

    def add(self, kind: str, entry: Entry) -> None:
        table = self.verbs if kind == "verb" else self.nouns
        table.setdefault(entry.word, []).append(entry)

    def merge(self, other: Dictionary) -> Dictionary:
        """A dictionary with ``other``'s entries after this one's (ours take precedence)."""
        out = Dictionary(f"{self.name}+{other.name}")
        for src in (self, other):
            for k, v in src.verbs.items():
                out.verbs.setdefault(k, []).extend(v)
            for k, v in src.nouns.items():
                out.nouns.setdefault(k, []).extend(v)
            for k, e in src.synsets.items():
                out.synsets.setdefault(k, e)
        return out

    @functools.cached_property
    def verb_triggers(self) -> frozenset[str]:
        return frozenset(k for k, es in self.verbs.items() if any(e.is_trigger for e in es))

    @functools.cached_property
    def noun_triggers(self) -> frozenset[str]:
        return frozenset(k for k, es in self.nouns.items() if any(e.is_trigger for e in es))

    def verb_entries(self, low: str, lemma: str) -> list[Entry]:
        """The entries of a verb from its text and lemma, and, when the lemmatizer got it
        wrong ("staged" -> "stag"), from the regular inflections of its text."""
        hit = self.verbs.get(low) or self.verbs.get(lemma)
        if hit:
            return hit
        for base in inflection_bases(low):
            hit = self.verbs.get(base)
            if hit:
                return hit
        return []

    def synset(self, name: str) -> frozenset[str]:
        """The one-word members of a synset (empty when undefined)."""
        el = self.synsets.get(name.lstrip("&").upper())
        return frozenset(p[0] for p in el.phrases if len(p) == 1) if el else frozenset()

    def synset_phrases(self, name: str) -> frozenset[Phrase]:
        el = self.synsets.get(name.lstrip("&").upper())
        return el.phrases if el else frozenset()


def inflection_bases(word: str) -> list[str]:
    """Possible bases of a regularly inflected verb: "staged" -> stage, "stopped" -> stop,
    "tries" -> try, "raising" -> raise."""
    out: list[str] = []
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"),
                         ("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if not repl and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> stop
    return out


# -- matching -------------------------------------------------------------------------------

Words = Sequence[tuple[str, str]]  # (lower text, lower lemma) per token


def _phrase_at(words: Words, i: int, phrase: Phrase) -> bool:
    if i + len(phrase) > len(words):
        return False
    for k, w in enumerate(phrase):
        text, lemma = words[i + k]
        if w != text and w != lemma:
            return False
    return True


def _match_seq(elements: Sequence[Element], words: Words) -> list[tuple[int, int]] | None:
    """Match elements in order (gaps allowed); the (start, end) of each, or None."""
    out: list[tuple[int, int]] = []
    pos = 0
    for el in elements:
        found = None
        for i in range(pos, len(words)):
            for ph in el.phrases:
                if _phrase_at(words, i, ph):
                    found = (i, i + len(ph))
                    break
            if found:
                break
        if found is None:
            return None
        out.append(found)
        pos = found[1]
    return out


def _fixed_words(words: Words, start: int, want: Sequence[str]) -> bool:
    for k, w in enumerate(want):
        if not (0 <= start + k < len(words)) or w not in words[start + k]:
            return False
    return True


def match(entries: Iterable[Entry], pre: Words, post: Words,
          before: Words = (), after: Words = ()) -> Match | None:
    """The best code for a trigger given the words before it in its clause (``pre``, in text
    order) and its complements (``post``). ``before``/``after`` are the tokens right next to
    the trigger (for multi-word verbs). None when no entry applies or the code is null."""
    best: tuple[int, Match] | None = None
    for entry in entries:
        if entry.pre and not _fixed_words(before, len(before) - len(entry.pre), entry.pre):
            continue
        if entry.post and not _fixed_words(after, 0, entry.post):
            continue
        bonus = len(entry.pre) + len(entry.post)
        cand: tuple[int, Match] | None = None
        for pat in entry.patterns:
            if pat.weight + bonus <= (cand[0] if cand else -1):
                continue
            if pat.pre and _match_seq(pat.pre, pre) is None:
                continue
            spans = _match_seq(pat.post, post) if pat.post else []
            if spans is None:
                continue
            used = tuple(i for s, e in spans for i in range(s, e))
            tgt = _slot(spans, pat.target_slot)
            src = _slot(spans, pat.source_slot)
            code, rev = split_code(pat.code)
            cand = (pat.weight + bonus, Match(code, rev, pat.flags | entry.flags, pat, used,
                                              tgt, src, pat.pre_roles))
        if cand is None:
            code, rev = split_code(entry.code)
            cand = (bonus, Match(code, rev, entry.flags, None, ()))
        if best is None or cand[0] > best[0] or (
                cand[0] == best[0] and best[1].code == NULL and "light" not in best[1].flags
                and cand[1].code != NULL):
            best = cand  # a later file's coded bare verb fills an earlier one's null bare
    if best is None:
        return None
    m = best[1]
    if m.code == NULL and "light" not in m.flags:
        return None
    return m


def _slot(spans: list[tuple[int, int]], slot: int | None) -> int | None:
    if slot is None:
        return None
    return 0 if slot == 0 or not spans else spans[min(slot, len(spans)) - 1][1]


def split_code(code: str) -> tuple[str, str | None]:
    """"042:043" -> ("042", "043"); ":043" -> ("---", "043"); "057" -> ("057", None)."""
    if ":" in code:
        a, _, b = code.partition(":")
        return (a or NULL), (b if b and b != NULL else None)
    return code or NULL, None


# -- our TSV format -------------------------------------------------------------------------

_WORD = re.compile(r"[^\s]+")


def parse_words(spec: str, synsets: dict[str, Element]) -> Element | None:
    """One pattern word: ``w``, ``a|b``, ``&SYN`` or ``w1_w2`` -> Element (None if the synset
    is undefined)."""
    phrases: set[Phrase] = set()
    for alt in spec.split("|"):
        if alt.startswith("&"):
            el = synsets.get(alt[1:].upper().rstrip("_"))
            if el is None:
                return None
            phrases |= el.phrases
        else:
            words = tuple(w for w in alt.lower().split("_") if w)
            if words:
                phrases.add(words)
    return Element(frozenset(phrases)) if phrases else None


def parse_pattern(spec: str, code: str, flags: frozenset[str], synsets: dict[str, Element],
                  line: str = "") -> Pattern | None:
    """``PRE * POST`` in our syntax -> Pattern (None when it uses an undefined synset)."""
    pre: list[Element] = []
    post: list[Element] = []
    seen_star = False
    target_slot = source_slot = None
    pre_roles: set[str] = set()
    for tok in _WORD.findall(spec):
        if tok == "*":
            seen_star = True
            continue
        if tok in ("+", "$"):
            role = "target" if tok == "+" else "source"
            if not seen_star:
                pre_roles.add(role)
            elif role == "target":
                target_slot = len(post)
            else:
                source_slot = len(post)
            continue
        el = parse_words(tok, synsets)
        if el is None:
            return None
        (post if seen_star else pre).append(el)
    return Pattern(code, tuple(pre), tuple(post), flags, target_slot, source_slot,
                   frozenset(pre_roles), line)


def _synset_line(rest: str) -> Element:
    phrases = {tuple(w.lower().split()) for w in rest.split(",") if w.strip()}
    return Element(frozenset(phrases))


def load_tsv(paths: Iterable[Path | str], name: str = "foreigndesk") -> Dictionary:
    """Read our TSV dictionaries. A file whose name starts with ``noun`` holds event nouns;
    any other holds verbs. Synsets (``&NAME<TAB>words``) are shared by all files."""
    d = Dictionary(name)
    texts = [(Path(p).name, Path(p).read_text(encoding="utf-8")) for p in paths]
    # synsets first, so any file may use any synset
    for _fname, text in texts:
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if line.startswith("&"):
                label, _, rest = line.partition("\t")
                d.synsets[label[1:].strip().upper()] = _synset_line(rest)
    for fname, text in texts:
        kind = "noun" if fname.startswith("noun") else "verb"
        entries: dict[str, Entry] = {}
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip() or line.startswith("&"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if cols[0] == "verb" or cols[0] == "noun":  # header
                continue
            if len(cols) < 3:
                raise ValueError(f"{fname}:{n}: want WORD<TAB>PATTERN<TAB>CODE[<TAB>FLAGS]")
            word, spec, code = cols[0].lower(), cols[1], cols[2]
            flags = frozenset(f.strip() for f in cols[3].split(",") if f.strip()) \
                if len(cols) > 3 else frozenset()
            entry = entries.get(word)
            if entry is None:
                entry = entries[word] = Entry(word, line=f"{fname}:{n}")
                d.add(kind, entry)
            if spec.strip() == "*":
                entry.code = code
                entry.flags = entry.flags | flags
                continue
            pat = parse_pattern(spec, code, flags, d.synsets, f"{fname}:{n}")
            if pat is None:
                raise ValueError(f"{fname}:{n}: undefined synset in {spec!r}")
            entry.patterns.append(pat)
    return d


@functools.lru_cache(maxsize=1)
def default() -> Dictionary:
    """foreigndesk's own verb and noun dictionaries (``data/cameo``; ``verbs_phoenix.tsv``
    holds verbs selected from the Phoenix dictionary, MIT)."""
    from foreigndesk.built_cache import cached

    base = resources.files("foreigndesk.data").joinpath("cameo")
    paths = [Path(str(base.joinpath(n))) for n in ("verbs.tsv", "verbs_phoenix.tsv",
                                                    "nouns.tsv")]
    return cached("cameo", paths, lambda: load_tsv(paths))
