"""PETRARCH/TABARI dictionaries: bring your own verbs, actors and agents.

Reads the dictionary formats of PETRARCH2 (openeventdata/petrarch2, documented in its
``docs/source/dictionaries.rst``):

- verb dictionaries (``*.verbs.txt``, ``CAMEO.2.0.txt``): synsets (``&NAME`` then ``+word``
  lines), verb blocks (``--- NAME [code] ---``, verb lines ``WORD {forms} [code]``,
  multi-word verbs ``+CORDON_OFF`` / ``WIRE_+TAP``) and patterns (``- PRE * POST [code]``)
  -> a :class:`~foreigndesk.extract.event_dictionary.Dictionary`;
- actor dictionaries (``*.actors.txt``): a phrase, ``+synonyms``, and codes, possibly
  limited in time (``[HOBGOV 19950601-19990815]``, ``[HOB < 950601]``, ``[HOBREB > 990816]``);
- agent dictionaries (``*.agents.txt``): generic nouns with an agent code added after
  (``[~GOV]``) or before (``[NGO~]``) the actor's code, with ``!SUBST! = a, b`` markers;
- discard lists (``*.discards.txt``): phrases whose sentence is not coded.

:class:`ActorTagger` is an extractor that emits the actors and agents of those dictionaries
as :class:`~foreigndesk.model.Mention` facts, so the event coder can run with them in place
of foreigndesk's actor layer (``foreigndesk eval events --dictionaries DIR``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from foreigndesk.extract.event_dictionary import NULL, Dictionary, Element, Entry, Pattern
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Mention

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT_XML = re.compile(r"<!--.*?-->", re.S)


def _lines(path: Path) -> list[tuple[int, str]]:
    """Lines without comments (``<!-- -->``, ``#`` and legacy ``;``), numbered from 1."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = _COMMENT_XML.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0]
        if ";" in line and not line.lstrip().startswith("-"):
            line = line.split(";", 1)[0]
        if line.strip():
            out.append((n, line.rstrip()))
    return out


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# -- verbs ------------------------------------------------------------------------------------

def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[_\s]+", text.lower()) if w)


def _chain(tok: str, synsets: dict[str, Element]) -> Element | None:
    """A pattern token: a word, a synset, or words and synsets joined by ``_`` (consecutive)."""
    parts = [p for p in tok.split("_") if p]
    if not parts:
        return None
    options: list[list[tuple[str, ...]]] = []
    for p in parts:
        if p.startswith("&"):
            el = synsets.get(p[1:].upper().rstrip("_"))
            if el is None:
                return None
            options.append(sorted(el.phrases))
        else:
            options.append([(p.lower(),)])
    phrases = set()
    for combo in itertools.islice(itertools.product(*options), 2000):
        phrases.add(tuple(w for ph in combo for w in ph))
    return Element(frozenset(phrases))


def parse_petrarch_pattern(body: str, code: str, synsets: dict[str, Element],
                           line: str) -> Pattern | None:
    """``PRE * POST`` in PETRARCH syntax -> Pattern. Parentheses (prepositional phrases)
    and braces (noun phrases) group words; ``$ + % ^`` mark source, target, compound and
    skipped phrases. Legacy disjunctions (``|``) are not supported: such patterns are
    skipped, as PETRARCH2 skips them."""
    if "|" in body:
        return None
    body = body.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    # "IN_AND_*_OUT_AGAIN": the verb inside a chain of consecutive words
    body = re.sub(r"_?\*_?", " * ", body)
    pre: list[Element] = []
    post: list[Element] = []
    seen_star = False
    target_slot = source_slot = None
    pre_roles: set[str] = set()
    flags: set[str] = set()

    def mark(marks: set[str]) -> None:
        nonlocal target_slot, source_slot
        if "%" in marks:
            flags.add("symmetric")
        for sym, role in (("+", "target"), ("$", "source")):
            if sym not in marks:
                continue
            if not seen_star:
                pre_roles.add(role)
            elif role == "target":
                target_slot = len(post)
            else:
                source_slot = len(post)

    for tok in body.split():
        if tok == "*":
            seen_star = True
            continue
        lead = set(tok[: len(tok) - len(tok.lstrip("+$%^_"))])
        trail = set(tok[len(tok.rstrip("+$%^_")):])
        core = re.sub(r"[+$%^]", "", tok).strip("_")
        mark(lead)
        if core and any(c.isalnum() for c in core):
            el = _chain(core, synsets)
            if el is None:
                return None
            (post if seen_star else pre).append(el)
        mark(trail)
    if not seen_star:
        return None
    return Pattern(code, tuple(pre), tuple(post), frozenset(flags), target_slot, source_slot,
                   frozenset(pre_roles), line)


def _verb_forms(word_field: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``CORDON_+OFF``-style multi-word verb -> (verb, words before, words after)."""
    w = word_field.lower().strip("_")
    if "_" not in w:
        return w.lstrip("+"), (), ()
    parts = [p for p in w.split("_") if p]
    idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    return parts[idx], tuple(parts[:idx]), tuple(parts[idx + 1:])


def _clean_code(code: str) -> str | None:
    """A usable code ("064", "042:043", "174K", "---"), or None for the placeholder codes
    some test dictionaries use ("+++", "###", "xxy")."""
    code = code.replace("?", "").strip()
    if not code or code == NULL:
        return NULL
    parts = code.split(":")
    if all(p == "" or p == NULL or re.match(r"^\d{2,4}[A-Z]?$", p) for p in parts):
        return code
    return None


def _regular_forms(verb: str) -> list[str]:
    """The regular inflections PETRARCH generates for a verb: -s, -ed, -ing."""
    out = [plural(verb)]
    out.append(verb + "d" if verb.endswith("e") else verb + "ed")
    if verb.endswith("e") and len(verb) > 2 and verb[-2] not in "aeiou":
        out.append(verb[:-1] + "ing")
    else:
        out.append(verb + "ing")
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        out.append(verb[:-1] + "ied")
    return out


def read_verbs(path: Path | str, name: str | None = None) -> Dictionary:
    """A PETRARCH verb dictionary -> Dictionary (verb triggers only)."""
    path = Path(path)
    d = Dictionary(name or path.name)
    block_code = NULL
    block_patterns: list[Pattern] = []
    synset_label: str | None = None
    synset_plurals = True
    members: set[tuple[str, ...]] = set()

    def close_synset() -> None:
        nonlocal synset_label, members
        if synset_label is not None:
            d.synsets[synset_label] = Element(frozenset(members))
        synset_label, members = None, set()

    for n, line in _lines(path):
        s = line.strip()
        where = f"{path.name}:{n}"
        if s.startswith("&"):
            close_synset()
            label = s.split()[0][1:].upper()
            synset_plurals = not label.endswith("_")
            synset_label = label.rstrip("_")
            continue
        if synset_label is not None and s.startswith("+"):
            term = s[1:].strip()
            no_plural = term.endswith("_") or not synset_plurals
            ph = _phrase(term)
            if ph:
                members.add(ph)
                if not no_plural:
                    members.add(ph[:-1] + (plural(ph[-1]),))
            continue
        close_synset()
        if s.startswith("---"):
            m = _CODE.search(s)
            block_code = m.group(1).strip() if m else NULL
            block_patterns = []
            continue
        if s.startswith("-"):
            m = _CODE.search(s)
            if m is None:
                continue
            body = s[1: m.start()]
            pcode = _clean_code(m.group(1).strip())
            pat = parse_petrarch_pattern(body, pcode, d.synsets, where) if pcode else None
            if pat is not None:
                block_patterns.append(pat)
            continue
        if s.startswith("~"):  # verb transformations: not supported
            continue
        # a verb line: WORD {FORMS} [CODE]
        code_m = _CODE.search(s)
        code = code_m.group(1).strip() if code_m else block_code
        head = s[: code_m.start()] if code_m else s
        forms: list[str] = []
        if "{" in head:
            head, _, rest = head.partition("{")
            forms = rest.replace("}", " ").split()
        words = head.split()
        if not words:
            continue
        verb, pre, post = _verb_forms(words[0])
        code = _clean_code(code)
        if code is None:
            continue
        keys = [verb] + ([] if forms or pre or post else _regular_forms(verb))
        for k in keys:
            d.add("verb", Entry(k, code, block_patterns, frozenset(), pre, post, where))
        for f in forms:
            fv, fpre, fpost = _verb_forms(f)
            if fv:
                d.add("verb", Entry(fv, code, block_patterns, frozenset(), fpre, fpost, where))
    close_synset()
    return d


# -- actors and agents -----------------------------------------------------------------------

@dataclass
class ActorEntry:
    phrase: tuple[str, ...]
    codes: list[tuple[str, str | None, str | None]]  # (code, from YYYYMMDD, until YYYYMMDD)
    agent: bool = False

    def code_at(self, date: str | None) -> str | None:
        default = None
        for code, lo, hi in self.codes:
            if lo is None and hi is None:
                default = default or code
                continue
            if date is None:
                continue
            if (lo is None or date >= lo) and (hi is None or date <= hi):
                return code
        return default


def _date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:  # YYMMDD
        yy = int(s[:2])
        s = ("19" if yy > 30 else "20") + s
    return s


def _parse_code(spec: str) -> tuple[str, str | None, str | None] | None:
    spec = spec.strip()
    if not spec:
        return None
    code, _, rest = spec.partition(" ")
    rest = rest.strip()
    if not code or not re.match(r"^[A-Za-z0-9~]+$", code):
        return None
    if not rest:
        return code.upper(), None, None
    if rest.startswith("<"):
        return code.upper(), None, _date(rest[1:])
    if rest.startswith(">"):
        return code.upper(), _date(rest[1:]), None
    if "-" in rest:
        lo, _, hi = rest.partition("-")
        return code.upper(), _date(lo), _date(hi)
    return code.upper(), None, None


def read_actors(path: Path | str) -> list[ActorEntry]:
    """A PETRARCH actor dictionary -> entries (every synonym shares its record's codes)."""
    path = Path(path)
    out: list[ActorEntry] = []
    current: list[ActorEntry] = []
    codes: list[tuple[str, str | None, str | None]] = []

    def close() -> None:
        nonlocal current, codes
        for e in current:
            e.codes = list(codes)
        out.extend(e for e in current if e.codes)
        current, codes = [], []

    for _n, line in _lines(path):
        if line[0] in " \t" and line.strip().startswith("["):  # a code line
            for c in _CODE.findall(line):
                p = _parse_code(c)
                if p:
                    codes.append(p)
            continue
        s = line.strip()
        if s.startswith("+"):
            name = s[1:]
            m = _CODE.search(name)
            if m:
                name = name[: m.start()]
            ph = _phrase(name)
            if ph:
                current.append(ActorEntry(ph, []))
            continue
        close()
        m = _CODE.search(s)
        name = s[: m.start()] if m else s
        ph = _phrase(name)
        if ph:
            current.append(ActorEntry(ph, []))
        if m:
            for c in _CODE.findall(s):
                p = _parse_code(c)
                if p:
                    codes.append(p)
    close()
    return out


def read_agents(path: Path | str) -> list[ActorEntry]:
    """A PETRARCH agent dictionary -> entries (plurals generated unless given in ``{}``)."""
    path = Path(path)
    subst: dict[str, list[str]] = {}
    out: list[ActorEntry] = []
    for _n, line in _lines(path):
        s = line.strip()
        sm = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", s)
        if sm:
            subst[sm.group(1)] = [w.strip() for w in sm.group(2).split(",") if w.strip()]
            continue
        m = _CODE.search(s)
        if not m:
            continue
        code = m.group(1).strip().upper().replace(" ", "")
        head = s[: m.start()]
        plurals: list[str] | None = None
        if "{" in head:
            head, _, rest = head.partition("{")
            plurals = rest.replace("}", " ").split()
        names = [head.strip()]
        for marker, repl in subst.items():
            if marker in names[0]:
                names = [names[0].replace(marker, r) for r in repl]
        for name in names:
            ph = _phrase(name)
            if not ph:
                continue
            out.append(ActorEntry(ph, [(code, None, None)], agent=True))
            if plurals is None and "!" not in head:
                out.append(ActorEntry(ph[:-1] + (plural(ph[-1]),), [(code, None, None)],
                                      agent=True))
            for p in plurals or []:
                out.append(ActorEntry(_phrase(p), [(code, None, None)], agent=True))
    return out


def read_discards(path: Path | str) -> list[tuple[str, ...]]:
    return [_phrase(line.strip().lstrip("+")) for _n, line in _lines(Path(path))
            if _phrase(line.strip().lstrip("+"))]


# -- a dictionary directory ------------------------------------------------------------------

@dataclass
class PetrarchDictionaries:
    verbs: Dictionary
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[ActorEntry] = field(default_factory=list)
    discards: list[tuple[str, ...]] = field(default_factory=list)


def load_dir(directory: Path | str) -> PetrarchDictionaries:
    """Every PETRARCH dictionary in ``directory``: ``*verbs*.txt`` or ``CAMEO*.txt`` (verbs),
    ``*actors*.txt``, ``*agents*.txt``, ``*discards*.txt``."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: not a directory")
    verb_files = sorted(p for p in directory.iterdir()
                        if p.suffix == ".txt" and ("verbs" in p.name.lower()
                                                   or p.name.upper().startswith("CAMEO")))
    if not verb_files:
        raise FileNotFoundError(f"{directory}: no verb dictionary (*verbs*.txt or CAMEO*.txt)")
    verbs = read_verbs(verb_files[0])
    for extra in verb_files[1:]:
        verbs = verbs.merge(read_verbs(extra))
    out = PetrarchDictionaries(verbs)
    for p in sorted(directory.iterdir()):
        low = p.name.lower()
        if p.suffix != ".txt":
            continue
        if "actors" in low:
            out.actors += read_actors(p)
        elif "agents" in low:
            out.agents += read_agents(p)
        elif "discards" in low:
            out.discards += read_discards(p)
    return out


class ActorTagger:
    """An extractor emitting the actors and agents of PETRARCH dictionaries as mentions
    (longest match; an actor's code chosen by the document's date). Sentences holding a
    discard phrase get no mentions."""

    name = "petrarch_actors"
    version = "1"

    def __init__(self, dicts: PetrarchDictionaries,
                 tokenize: Callable[[str], Iterable[str]] | None = None) -> None:
        self.dicts = dicts
        self.table: dict[tuple[str, ...], ActorEntry] = {}
        self.discards = {ph for ph in dicts.discards}
        for e in dicts.actors + dicts.agents:
            phrase = e.phrase
            if tokenize is not None:
                phrase = tuple(t.lower() for t in tokenize(" ".join(phrase)))
            self.table.setdefault(phrase, e)  # first definition wins
        self.longest = max((len(p) for p in self.table), default=0)

    def _match(self, words: list[str], i: int) -> tuple[int, ActorEntry] | None:
        for n in range(min(self.longest, len(words) - i), 0, -1):
            e = self.table.get(tuple(words[i:i + n]))
            if e is not None:
                return i + n, e
        return None

    def __call__(self, pd: ParsedDoc) -> None:
        date = (pd.document.published or "").replace("-", "") or None
        for si, sent in enumerate(pd.sents):
            toks = [t for t in sent]
            words = [t.lower_ for t in toks]
            if self._discarded(words):
                continue
            i = 0
            while i < len(toks):
                hit = self._match(words, i)
                if hit is None:
                    i += 1
                    continue
                j, entry = hit
                code = entry.code_at(date)
                if code and code != NULL:
                    start, end = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
                    if entry.agent:
                        country, sector = None, (code if "~" in code else "~" + code)
                    else:
                        country, sector = code, None
                    pd.extraction.mentions.append(Mention(
                        pd.doc_id, si, start, end, pd.document.text[start:end], self.name,
                        self.version, 1.0, label="AGENT" if entry.agent else "ACTOR",
                        actor_id=code, actor_name=" ".join(entry.phrase),
                        actor_kind="agent" if entry.agent else "petrarch",
                        country=country, sector=sector))
                i = j

    def _discarded(self, words: list[str]) -> bool:
        for ph in self.discards:
            n = len(ph)
            for k in range(len(words) - n + 1):
                if tuple(words[k:k + n]) == ph:
                    return True
        return False
