"""Who speaks, and who "I" and "we" are: transcript turns, one-speaker documents, signers.

Runs after the actor layer. It finds

- **turns** of transcripts (labels found by :mod:`foreigndesk.extract.turn_labels`): each
  label is resolved to its speaker — a person named elsewhere in the document or in the
  actor data ("MR. KIRBY", "SECRETARY BLINKEN", "Mr. McDERMOTT"), the holder of an office at
  the document's date ("THE PRESIDENT"), or the government of the document's country
  ("SENIOR ADMINISTRATION OFFICIAL"). "Q" turns are reporters' questions: they assert
  nothing, and the claim and event extractors skip them (:func:`in_question`);
- **one-speaker documents**: a statement or remarks whose title names its speaker
  ("Statement by President Joseph R. Biden, Jr. on ...", "Statement from National Security
  Advisor Jake Sullivan on ..."), and orders signed in the first person ("I, DONALD J.
  TRUMP, President of the United States of America", "the authority vested in me as
  President");
- the **first person** inside a turn or a one-speaker document (outside quotations): "I",
  "me", "my" become mentions of the speaker; "we", "us", "our" mentions of the government or
  organisation the speaker speaks for (a government official's "we" is the state's
  government). :func:`first_person` does the same for a quotation whose speaker the claim
  extractor found.

The mentions it adds (extractor ``turns``, label ``TURN`` for a label, ``PRON`` for a
pronoun) are ordinary actor mentions: events and claims read them like any other.
``pd.cache["turns"]`` holds the :class:`Turn` list.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlparse

from spacy.tokens import Span

from foreigndesk.extract.actor_data import held_on, load_index, office_at, office_sector
from foreigndesk.extract.actor_names import fold, name_pieces, person_slug
from foreigndesk.extract.claim_quotes import find_quotes
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.turn_labels import Label, find_labels, norm, title_length, vocabulary
from foreigndesk.model import Actor, Mention

NAME = "turns"
VERSION = "1"
PERSON_SECTORS_OF_STATE = frozenset({"GOV", "LEG", "JUD", "COP", "SPY", None, ""})


@dataclass
class Speaker:
    """Who speaks: an actor with the country and sector of this context, and the group the
    speaker's "we" stands for."""

    actor: Actor
    country: str | None
    sector: str | None
    group: Actor | None = None
    group_sector: str | None = None


TITLE_SENTENCES = 5  # how many of a text's first sentences may hold a statement's title


@dataclass
class Turn:
    """A stretch of text one speaker says: [start, end) with the label at
    [label_start, body). ``question``: a reporter's question."""

    start: int
    body: int
    end: int
    label: str
    question: bool
    speaker: Speaker | None


# -- the document's country -------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _iso2() -> dict[str, str]:
    text = resources.files("foreigndesk").joinpath("data/countries/iso2_iso3.tsv").read_text(
        encoding="utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0]) == 2 and not line.startswith("#"):
            out[parts[0].lower()] = parts[1]
    return out


def url_country(url: str | None) -> str | None:
    """The state a government web address belongs to: ``.gov``/``.mil`` -> USA, ``.gov.cn``,
    ``.gob.mx``, ``.gouv.fr``, ``.cu`` -> that country's ISO3."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower().rstrip(".")
    parts = host.split(".")
    if len(parts) < 2:
        return None
    if parts[-1] in ("gov", "mil"):
        return "USA"
    tld = parts[-1]
    if len(tld) == 2 and tld not in ("io", "co", "tv", "me", "ai", "fm", "ly"):
        return _iso2().get("gb" if tld == "uk" else tld)
    return None


def document_country(pd: ParsedDoc) -> str | None:
    """The state whose officials wrote or speak in the document: from its address, else its
    outlet's words ("U.S. Congress"), else None. Worked out once per document (the actor,
    turn and claim layers all ask)."""
    if "turns.document_country" not in pd.cache:
        pd.cache["turns.document_country"] = _document_country(pd)
    return pd.cache["turns.document_country"]


def _document_country(pd: ParsedDoc) -> str | None:
    doc = pd.document
    for u in [doc.url, *doc.urls]:
        c = url_country(u)
        if c:
            return c
    if doc.outlet:
        from foreigndesk.extract.actors import resolve_name

        for piece in re.split(r"[(),;]", doc.outlet):
            words = piece.split()
            for k in range(len(words)):
                a = resolve_name(" ".join(words[k:k + 2]))
                if a is not None and a.country:
                    return a.country
    return _header_country(doc.text)


HEADER_LINES = 3  # the lines at the top of a document that may name the body issuing it


def _header_country(text: str) -> str | None:
    """The country of the government body a header line at the top of the text is made of
    ("THE WHITE HOUSE", "U.S. DEPARTMENT OF STATE", "Ministry of Foreign Affairs of the
    People's Republic of China"): a pasted transcript or statement with no address. A line
    that is a sentence or a headline ("White House weighs sanctions") names no issuer."""
    from foreigndesk.extract.actors import resolve_name

    for line in [ln.strip() for ln in text[:600].splitlines() if ln.strip()][:HEADER_LINES]:
        if len(line) > 80 or line[-1] in ".?!:,;":
            return None
        a = resolve_name(line, whole=True)
        if a is not None and a.country and a.kind in ("government", "organisation") \
                and a.sector in ("GOV", "LEG", "MIL"):
            return a.country
    return None


# -- speakers ---------------------------------------------------------------------------
class SpeakerFinder:
    """Resolves labels and titles to speakers, with the document's mentions as context."""

    def __init__(self, pd: ParsedDoc) -> None:
        self.pd = pd
        self.ix = load_index()
        self.date = pd.document.published
        self.country = document_country(pd)
        outlet = (pd.document.outlet or "").lower()
        self.legislative = any(w in outlet for w in ("congress", "parliament", "senate",
                                                    "house of", "assembly"))
        self.persons = [m for m in pd.extraction.mentions if m.actor_kind == "person"
                        and m.actor_id]
        # surname (capitals) -> the person a full-name label named no one knew ("JAKE
        # TAPPER:"), for the bare surname labels after it ("TAPPER:")
        self.labelled: dict[str, Speaker] = {}
        self.mention_starts = [m.start for m in pd.extraction.mentions]

    def speaker(self, actor: Actor, sector: str | None = None,
                country: str | None = None) -> Speaker:
        """A speaker for an actor, with the group its "we" stands for."""
        if actor.kind == "person":
            office = office_at(actor, self.date)
            country = country or (office or {}).get("country") or actor.country or self.country
            sector = sector or office_sector(office) or actor.sector
            group = self.ix.actors.get(country) if country else None
            if group is not None and sector in PERSON_SECTORS_OF_STATE:
                return Speaker(actor, country, sector, group, "GOV")
            if group is not None:
                return Speaker(actor, country, sector, group, sector)
            return Speaker(actor, country, sector)
        if actor.kind == "state":
            return Speaker(actor, actor.id, sector or "GOV", actor, sector or "GOV")
        return Speaker(actor, actor.country or country, actor.sector, actor, actor.sector)

    def by_mentions(self, start: int, end: int) -> Speaker | None:
        """The speaker an actor mention inside [start, end) names."""
        best = None
        for m in self.pd.extraction.mentions:
            if m.start >= start and m.end <= end and m.actor_id:
                a = self.pd.extraction.actors.get(m.actor_id) or self.ix.actors.get(m.actor_id)
                if a is None:
                    continue
                if a.kind == "person":
                    return self.speaker(a, m.sector, m.country)
                if best is None and a.kind in ("organisation", "igo", "state", "government"):
                    best = self.speaker(a, m.sector) if a.kind != "state" else \
                        self.speaker(a, m.sector or "GOV")
        return best

    def by_surname(self, words: list[str], sector: str | None) -> Speaker | None:
        """A person of the document (else of the actor data) whose surname is ``words``."""
        # "JEAN-PIERRE", "THOMAS-GREENFIELD": the pieces of a hyphenated surname, as the
        # person's name is split
        key = name_pieces(" ".join(w for w in words if w))
        if not key:
            return None
        for m in self.persons:
            a = self.pd.extraction.actors.get(m.actor_id or "")
            if a is None:
                continue
            pieces = name_pieces(a.name)
            if pieces[-len(key):] == key or (len(key) == 1 and key[0] in pieces[1:]):
                return self.speaker(a, m.sector if m.sector else sector, m.country)
        ids = self.ix.persons_by_last.get(key[-1], [])
        dated = [i for i in ids if self.ix.actors.get(i) is not None]
        if len(dated) == 1:
            return self.speaker(self.ix.actors[dated[0]], sector)
        return None

    def office(self, role: str, country: str | None = None, written: str = "") -> Speaker | None:
        """The holder of ``role`` in the document's country at its date, when the holder's own
        title fits the label's (``written``: "THE PRIME MINISTER" is no American President);
        else the person the document names who holds that office under that title ("Remarks by
        President Biden and Prime Minister Kishida …", then "THE PRIME MINISTER:")."""
        country = country or self.country
        if not self.date:
            return None
        day = self.date[:10]
        for frm, to, pid in self.ix.role_holders().get((country, role), []) if country else []:
            if (not frm or frm <= self.date) and (not to or self.date <= to):
                a = self.ix.actors.get(pid)
                if a is not None and self.ix.title_fits(written, pid, country or "", role, day):
                    return self.speaker(a, None, country)
        return self._named_holder(role, written, day)

    def _named_holder(self, role: str, written: str, day: str) -> Speaker | None:
        """The one person named in the document who holds ``role`` at ``day`` under a title
        that fits ``written``; None when there is none or more than one."""
        found: dict[str, Actor] = {}
        for m in self.persons:
            a = self.ix.actors.get(m.actor_id or "")
            office = office_at(a, day) if a is not None else None
            if a is None or not office or office.get("role") != role:
                continue
            where = str(office.get("country") or office.get("org") or a.country or "")
            if held_on(str(office.get("from") or ""), str(office.get("to") or ""), day) \
                    and self.ix.title_fits(written, a.id, where, role, day):
                found[a.id] = a
        if len(found) != 1:
            return None
        return self.speaker(next(iter(found.values())))

    def anonymous(self) -> Speaker | None:
        """An official who is not named: the government of the document's country."""
        state = self.ix.actors.get(self.country or "")
        if state is None:
            return None
        return Speaker(state, state.id, "GOV", state, "GOV")

    def unknown_person(self, surname: str, sector: str | None) -> Speaker:
        name = " ".join(w.capitalize() if w.isupper() else w for w in surname.split())
        a = Actor(id=person_slug(name), name=name, kind="person", country=self.country,
                  sector=sector)
        return self.speaker(a, sector, self.country)

    def label(self, lab: Label) -> tuple[bool, Speaker | None]:
        """(question?, speaker) of a turn label."""
        v = vocabulary()
        n = norm(lab.text)
        if lab.shape == "question" or n in v["question_labels"]:
            return True, None
        if lab.shape == "answer" or n in v["answer_labels"]:
            return False, self.interviewee(lab.start)
        if n in v["procedural_labels"]:
            return False, None
        # "Mr. SMITH of New Jersey.": the place is the member's state, not the speaker
        of_place = re.search(r"\s+of\s+", lab.text) if lab.shape == "record" else None
        found = self.by_mentions(lab.start, lab.start + of_place.start() if of_place else lab.end)
        if found is not None and found.actor.sector == "MED" and found.actor.kind != "person":
            return True, None  # "AFP:", "Bloomberg:": a news outlet asks
        if n in v["anonymous_labels"]:
            return False, self.anonymous()
        if n.startswith("THE ") and n[4:] in ("SPEAKER", "PRESIDENT", "PRESIDING OFFICER",
                                             "CHAIR", "CHAIRMAN", "CHAIRWOMAN", "CLERK") \
                and lab.shape == "record":
            return False, None  # the chair of the House or the Senate: procedure
        if n.startswith("THE ACTING"):
            return False, None
        office = v["office_labels"].get(n)
        if n in v["office_labels"]:
            if found is not None and found.actor.kind == "person":
                return False, found
            return False, self.office(office, None, n.title()) if office else None
        if found is not None and found.actor.kind == "person":
            return False, found
        words = n.split()
        sector = "LEG" if self.legislative else None
        k = title_length(n)
        if k:
            sector = v["title_sectors"][" ".join(words[:k])] or sector
            words = words[k:]
        if lab.shape == "record":
            words = [w for w in words if w not in ("OF",)][:1]
        if not words:
            return False, None
        person = self.by_surname(words, sector)
        if person is not None:
            return False, person
        if found is not None:
            return False, found
        if len(words) == 1 and words[0] in self.labelled:
            return False, self.labelled[words[0]]
        person = self.unknown_person(" ".join(words), sector or ("GOV" if self.country else None))
        if len(words) > 1:
            self.labelled.setdefault(words[-1], person)
        return False, person

    def interviewee(self, first_label: int) -> Speaker | None:
        """Who answers in a Q&A ("Q&A with Vice President Joe Biden", "A: It's a big
        mistake."): the person the title names, else the person named most often before the
        first question (never the author, who asks), else no one."""
        if not self.pd.sents:
            return None
        title = self.pd.sents[0]
        found = self.by_mentions(title.start_char, title.end_char)
        if found is not None and found.actor.kind == "person":
            return found
        author = fold(self.pd.document.author or "")
        # persons the actor layer knows, and names it does not ("Mayor Ana Ruiz"), by surname
        counts: dict[str, int] = {}
        full: dict[str, Actor] = {}
        for m in self.persons:
            a = self.pd.extraction.actors.get(m.actor_id or "")
            if m.start < first_label and a is not None and not (author and fold(a.name) == author):
                key = name_pieces(a.name)[-1] if name_pieces(a.name) else a.id
                counts[key] = counts.get(key, 0) + 1
                full.setdefault(key, a)
        for e in self.pd.ents:
            if e.label_ != "PERSON" or e.start_char >= first_label or (author and fold(e.text) == author):
                continue
            words = name_pieces(e.text)
            if not words or any(m.start <= e.start_char < m.end for m in self.persons):
                continue
            counts[words[-1]] = counts.get(words[-1], 0) + 1
            if words[-1] not in full and len(words) > 1:
                full[words[-1]] = Actor(id=person_slug(e.text), name=e.text, kind="person",
                                        country=self.country)
        named = [k for k in counts if k in full]
        if not named:
            return None
        best = max(named, key=lambda k: counts[k])  # the first named of the most named
        return self.speaker(full[best])

    # -- one-speaker documents --------------------------------------------------------
    def titled_speaker(self) -> tuple[int, Speaker] | None:
        """(the title's sentence, the speaker) a statement's title names ("Statement by
        President Joseph R. Biden, Jr. on ..."): the first sentence, or a line of its own among
        the first :data:`TITLE_SENTENCES` after header lines ("Date: …", "FOR IMMEDIATE
        RELEASE")."""
        v = vocabulary()
        kinds = {w.lower() for w in v["speaker_titles"]}
        preps = {w.lower() for w in v["speaker_title_preps"]}
        text = self.pd.document.text
        for k, sent in enumerate(self.pd.sents[:TITLE_SENTENCES]):
            end = sent.start_char + len(sent.text.rstrip())
            if k and (text[end:end + 1] not in ("\n", "") or text[sent.start_char - 1:sent.start_char] != "\n"):
                continue  # past the first, only a line of its own is a title
            low = sent.text.lower()
            words = re.findall(r"[a-z][a-z\-]*", low)
            if not words:
                continue
            head = words[0] if words[0] not in ("joint", "official", "white", "press") else \
                (words[1] if len(words) > 1 else "")
            if head not in kinds:
                continue
            m = re.search(r"\b(" + "|".join(sorted(preps)) + r")\b", low)
            if m is None:
                if len(words) > 2:  # "Remarks at a UN Security Council Briefing" (not a page's
                    # label, "PRESS STATEMENT"): a byline of the name alone may follow
                    byline = self._byline(k + 1)
                    if byline is not None:
                        return byline
                continue
            sp = self.by_mentions(sent.start_char + m.end(), sent.end_char)
            return (k, sp) if sp is not None else None
        return None

    def _byline(self, first: int) -> tuple[int, Speaker] | None:
        """(its sentence, the person) of a line of its own among the two after a title that
        names one person and nothing else ("Ambassador Linda Thomas-Greenfield"), else None."""
        text = self.pd.document.text
        for j in range(first, min(first + 2, len(self.pd.sents))):
            sent = self.pd.sents[j]
            line = sent.text.strip()
            end = sent.start_char + len(sent.text.rstrip())
            if text[end:end + 1] not in ("\n", "") or len(line.split()) > 6 or line[-1:] in ".?!:" \
                    or not all(w[:1].isupper() for w in line.split()):
                continue
            sp = self.by_mentions(sent.start_char, sent.end_char)
            if sp is not None and sp.actor.kind == "person":
                if sp.group is None and j + 1 < len(self.pd.sents):
                    # "U.S. Representative to the United Nations" on the next line: the state
                    # a person no list knows speaks for
                    nxt = self.pd.sents[j + 1]
                    country = next((m.country for m in self.pd.extraction.mentions
                                    if nxt.start_char <= m.start < nxt.end_char and m.country), None)
                    if country:
                        sp = self.speaker(sp.actor, "GOV", country)
                return j, sp
        return None

    def signer(self, text: str) -> tuple[int, Speaker] | None:
        """An order's signer: "I, NAME, President of ..." or "vested in me as President"."""
        v = vocabulary()
        offices = "|".join(re.escape(o) for o in sorted(v["signer_offices"]))
        m = re.search(r"\bI,\s+([A-Z][\w.'’\- ]{3,60}?),\s+(" + offices + r")\b", text,
                      flags=re.IGNORECASE)
        if m is not None:
            sp = self.by_mentions(m.start(1), m.end(1))
            if sp is None:
                sp = self.by_surname(m.group(1).replace(".", " ").split()[-1:], "GOV")
            if sp is None:
                role = v["signer_offices"].get(norm(m.group(2)))
                sp = self.office(role, None, m.group(2)) if role else None
            if sp is not None:
                return m.start(), sp
        m = re.search(r"\bvested in me as (" + offices + r")\b", text, flags=re.IGNORECASE)
        if m is not None:
            role = v["signer_offices"].get(norm(m.group(1)))
            date = self.date or signature_date(text)
            country = self.country or self._state_after(m.end())
            sp = self.office_on(role, date, country) if role and date else None
            if sp is not None:
                return m.start(), sp
        return None

    def _state_after(self, char: int, within: int = 160) -> str | None:
        """The state named first after ``char`` ("… by the laws of the United States")."""
        for m in self.pd.extraction.mentions:
            if char <= m.start < char + within and m.actor_kind == "state" and m.country:
                return m.country
        return None

    def office_on(self, role: str, date: str, country: str | None) -> Speaker | None:
        """The holder of ``role`` in ``country`` on ``date`` (YYYY-MM-DD)."""
        if not country:
            return None
        for frm, to, pid in self.ix.role_holders().get((country, role), []):
            if (not frm or frm <= date) and (not to or date <= to):
                a = self.ix.actors.get(pid)
                if a is not None:
                    return self.speaker(a, None, country)
        return None


_MONTHS = {m: k + 1 for k, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_SIGNED = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})\b", re.IGNORECASE)
SIGNATURE_CHARS = 400  # an order's signature block ("THE WHITE HOUSE, June 9, 2021.") closes it


def signature_date(text: str) -> str | None:
    """The date of a signed text's signature block (its last date, in the last
    :data:`SIGNATURE_CHARS` characters), as YYYY-MM-DD; None when there is none."""
    found = list(_SIGNED.finditer(text[-SIGNATURE_CHARS:]))
    if not found:
        return None
    month, day, year = found[-1].groups()
    return f"{int(year):04d}-{_MONTHS[month.lower()]:02d}-{int(day):02d}"


# -- the extractor -------------------------------------------------------------------------
class TurnExtractor:
    """The ``turns`` extractor (see the module docstring)."""

    name = NAME
    version = VERSION
    needs = frozenset({"sentences", "entities", "tags", "lemmas"})

    def __call__(self, pd: ParsedDoc) -> None:
        text = pd.document.text
        labels = find_labels(text)
        finder = SpeakerFinder(pd)
        turns: list[Turn] = []
        for k, lab in enumerate(labels):
            end = labels[k + 1].start if k + 1 < len(labels) else len(text)
            question, speaker = finder.label(lab)
            turns.append(Turn(lab.start, lab.body, end, lab.text, question, speaker))
            if speaker is not None and not any(
                    m.start >= lab.start and m.end <= lab.end and m.actor_id == speaker.actor.id
                    for m in pd.extraction.mentions):
                add_mention(pd, lab.start, lab.end, speaker, person=True, label="TURN")
        if not turns:
            body = pd.sents[1].start_char if len(pd.sents) > 1 else 0
            signed = finder.signer(text)
            titled = finder.titled_speaker()
            if signed is not None:
                turns.append(Turn(0, body, len(text), "", False, signed[1]))
            elif titled is not None:
                k, sp = titled
                body = pd.sents[k + 1].start_char if len(pd.sents) > k + 1 else 0
                turns.append(Turn(0, body, len(text), "", False, sp))
        pd.cache["turns"] = turns
        if not turns:
            return
        quotes = [(q.start, q.end) for q in find_quotes(text)]
        for t in turns:
            if t.speaker is not None and not t.question:
                first_person(pd, t.body, t.end, t.speaker, skip=quotes)


# a stage direction of a transcript: "(BEGIN VIDEO CLIP)", "(LAUGHTER.)", "[Applause]"
_STAGE = re.compile(r"[(\[][^()\[\]]{1,60}[)\]]\.?")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?\.?")


def says_nothing(sent: Span) -> bool:
    """Is this sentence of a turn a pleasantry ("Good afternoon, everyone.", "Thanks,
    Karine.": ``pleasantries`` in ``data/en/turns.yaml`` with no verb after them), a stage
    direction in brackets ("(BEGIN VIDEO CLIP.)", "(LAUGHTER)") or the clock time a
    transcript ends with ("2:05 P.M. EDT")?"""
    text = sent.text.strip()
    if _CLOCK.fullmatch(text) or _STAGE.fullmatch(text):
        return True
    low = " ".join(re.sub(r"[^\w\s'’]", " ", text).lower().split())
    opener = max((p.lower() for p in vocabulary()["pleasantries"]
                  if low == p.lower() or low.startswith(p.lower() + " ")), key=len, default=None)
    if opener is None:
        return False
    skip = len(opener.split())
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return not any(t.tag_.startswith(("VB", "MD")) for t in words[skip:])


def turn_at(pd: ParsedDoc, char: int) -> Turn | None:
    """The turn holding character ``char``, if the document has turns."""
    turns: list[Turn] = pd.cache.get("turns") or []
    starts = [t.start for t in turns]
    k = bisect.bisect_right(starts, char) - 1
    if k >= 0 and turns[k].start <= char < turns[k].end:
        return turns[k]
    return None


def addressee(pd: ParsedDoc, char: int) -> Speaker | None:
    """Whom the holder of the turn at ``char`` addresses as "you": the one other speaker of
    the turns on either side ("TAPPER: … you're supporting Donald Trump …" between two of
    Fallin's turns is Fallin). None outside turns, or when the neighbouring turns are held
    by two different other people (a panel), or by no one else."""
    turns: list[Turn] = pd.cache.get("turns") or []
    here = turn_at(pd, char)
    if here is None or here.speaker is None:
        return None
    k = turns.index(here)
    others = {t.speaker.actor.id: t.speaker for t in turns[max(0, k - 1):k + 2]
              if t.speaker is not None and t.speaker.actor.id != here.speaker.actor.id}
    return next(iter(others.values())) if len(others) == 1 else None


def in_question(pd: ParsedDoc, char: int) -> bool:
    """Is ``char`` inside a reporter's question (or on a turn label)?"""
    t = turn_at(pd, char)
    return t is not None and (t.question or char < t.body)


def first_person(pd: ParsedDoc, start: int, end: int, speaker: Speaker,
                 skip: list[tuple[int, int]] | None = None) -> int:
    """Mentions for "I/me/my" (the speaker) and "we/us/our" (the speaker's group) among the
    tokens in [start, end), outside the ``skip`` spans and not already covered by a mention.
    Returns how many were added."""
    v = vocabulary()
    singular = {w.lower() for w in v["first_singular"]}
    plural = {w.lower() for w in v["first_plural"]}
    doc = pd.doc
    lows, _, _, starts = pd.words()  # from the arrays: a Token only for a first person
    covered = {(m.start, m.end) for m in pd.extraction.mentions}
    skip = sorted(skip or [])
    added = 0
    k = bisect.bisect_left(starts, start)
    n = len(starts)
    while k < n and starts[k] < end:
        low = lows[k]
        k += 1
        if low not in singular and low not in plural:
            continue
        tok = doc[k - 1]
        if tok.text == "US" or (tok.text == "I" and tok.tag_ not in ("PRP", "PRP$")
                                and not (tok.i == 0 or doc[tok.i - 1].is_punct)):
            continue  # the United States; a roman numeral ("World War I"), not ", I, NAME,"
        if any(a <= tok.idx < b for a, b in skip):
            continue
        span = (tok.idx, tok.idx + len(tok.text))
        if span in covered:
            continue
        if low in singular:
            added += add_mention(pd, span[0], span[1], speaker, person=True)
        elif speaker.group is not None:
            added += add_mention(pd, span[0], span[1], speaker, person=False)
    return added


def add_mention(pd: ParsedDoc, start: int, end: int, speaker: Speaker, person: bool,
                label: str = "PRON") -> int:
    """Add a mention of the speaker (``person``) or of the speaker's group at [start, end)."""
    if person:
        actor, country, sector = speaker.actor, speaker.country, speaker.sector
    else:
        if speaker.group is None:
            return 0
        actor, sector = speaker.group, speaker.group_sector
        country = actor.id if actor.kind == "state" else actor.country
    ex = pd.extraction
    if actor.id not in ex.actors:
        ex.actors[actor.id] = Actor(actor.id, actor.name, actor.kind, actor.country,
                                    actor.sector, [actor.name], meta=dict(actor.meta))
    sent = pd.sentence_index(start)
    m = Mention(pd.doc_id, sent, start, end, pd.document.text[start:end], NAME, VERSION, 0.8,
                label=label, actor_id=actor.id, actor_name=actor.name, actor_kind=actor.kind,
                country=country, sector=sector)
    ex.mentions.append(m)
    by = pd.cache.get("actors.by_sentence")
    if by is not None:
        by.setdefault(sent, []).append(m)
        by[sent].sort(key=lambda x: x.start)
    return 1


EXTRACTOR = TurnExtractor()
