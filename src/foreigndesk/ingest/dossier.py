"""Split a compilation of articles (a "dossier") into one :class:`Document` per article.

The shape recognised, with nothing tied to particular outlets or wording::

    compiler's own text (optional)          -> a Document: outlet None, undated,
                                               title = its first line (kept in its text too)
    <Outlet>, <date>                        -> header line of an article
    [section labels, date lines, byline]       ("News > World", "Opinion", "Research: X")
    <title line>                            -> title
    body ...
    https://...                             -> closing URL line(s): url, urls
    [https://...]

**Header line**: a short line at the start of a paragraph, ``<Name>, <date>`` and nothing else,
where the name looks like a proper name (at most 8 words, every word of 4+ letters capitalised,
no sentence punctuation, not an all-capitals dateline such as ``WASHINGTON``) and the date is a
full day in any shape :func:`~foreigndesk.ingest.dates.parse_date` reads ("January 18, 2023",
"Jan. 18, 2023", "18 January 2023", "2023-01-18").

**A compilation** needs at least one article whose header is followed by a body and closed by
lines that are only a URL (``Source: https://...`` is accepted too). A later header only starts
a new article when a URL line stands between it and the previous header (so a header-like line
inside an article does not cut it); the last article may lack its URL. Text between an
article's closing URLs and the next header is the compiler's again and becomes a Document of
its own. Anything else is not a compilation: :func:`split_dossier` returns None and the file
stays one document.

**Texts and offsets**: each split Document's text is its own: from its title line to the end of
its body. The header line, section labels before the title and the closing URL lines are left
out (they are metadata); a byline or date line after the title stays in the text.

**URL**: all closing URLs are kept in ``urls`` in file order; ``url`` is the first one whose web
address names the outlet (``securefreesociety.org`` for "Center for a Secure Free Society"),
else the first. Share-tracking fragments (``#sthash...``) and ``utm_`` parameters are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from foreigndesk.ingest.dates import is_weekday, month_number, parse_date
from foreigndesk.model import Document

MAX_HEADER_CHARS = 120
MAX_NAME_WORDS = 8
MAX_NAME_CHARS = 70
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
MAX_INTRO_TITLE_CHARS = 200

_URL_LINE = re.compile(
    r"^\s*(?:[^\W\d_][\w ]{0,20}:\s*)?<?(?P<url>https?://[^\s<>]+?)>?[.,;]?\s*$")
_NAME_OK = re.compile(r"^[^\W_][\w&'’.()\-/+! ]*$")
_LONG_CAPS = re.compile(r"\b[^\W\d_a-z]{6,}\b")
_CRUMB = re.compile(r"\s+[>»›|/]\s+")
_BULLETS = "•·▪‣◦*-–—"
_DATE_PREFIX = re.compile(r"(?i)^(?:(?:published|updated|posted|on|date)\b:?\s*)+")
_BY = re.compile(r"(?i)^by\s+(?P<rest>.+)$")
_BY_SPLIT = re.compile(r"\s*(?:,|\||\band\b|\s[-–—]\s)\s*")
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")


@dataclass
class _Line:
    start: int
    end: int  # end of the text, before the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _clean(s: str) -> str:
    return " ".join(s.replace("\xa0", " ").split())


def url_of_line(line: str) -> str | None:
    """The URL when ``line`` is nothing but a URL (optionally after a short label), else None."""
    m = _URL_LINE.match(line)
    return clean_url(m.group("url")) if m else None


def clean_url(url: str) -> str:
    """Drop share-tracking fragments (``#sthash.``) and ``utm_`` parameters."""
    parts = urlsplit(url.rstrip(".,;"))
    fragment = "" if parts.fragment.startswith("sthash.") else parts.fragment
    query = parts.query
    if "utm_" in query:
        query = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
                           if not k.startswith("utm_")])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, fragment))


def _outlet_like(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(name) > MAX_NAME_CHARS:
        return False
    if not _NAME_OK.match(name) or not (name[0].isupper() or name[0].isdigit()):
        return False
    if name[-1] in ".!" and len(words[-1]) > 4:  # "Inc." and "U.S." may end a name
        return False
    if any(len(w) >= 4 and w[0].isalpha() and not w[0].isupper() for w in words):
        return False
    if _LONG_CAPS.search(name):  # "WASHINGTON, Jan. 5, 2023" is a dateline, not an outlet
        return False
    if len(words) == 1 and (is_weekday(name) or month_number(name)):
        return False
    return parse_date(name, partial=True) is None


def parse_header(line: str) -> tuple[str, str] | None:
    """``(outlet, ISO date)`` when ``line`` is an article header ``<Name>, <date>``."""
    s = _clean(line)
    if not s or len(s) > MAX_HEADER_CHARS:
        return None
    pos = s.find(",")
    while pos > 0:
        name = s[:pos].strip()
        date = parse_date(s[pos + 1:])
        if date and _outlet_like(name):
            return name, date
        pos = s.find(",", pos + 1)
    return None


def _person(s: str) -> bool:
    tokens = s.split()
    if not 2 <= len(tokens) <= 5 or len(s) > 50:
        return False
    for i, t in enumerate(tokens):
        if not _NAME_TOKEN.match(t):
            return False
        if not t[0].isupper() and (i in (0, len(tokens) - 1) or len(t) > 3):
            return False
        if month_number(t) or is_weekday(t):
            return False
    return True


def byline(line: str) -> str | None:
    """The author's name when ``line`` is an obvious byline: ``By Name``, ``• Name``,
    ``Name, role``."""
    s = _clean(line)
    bullet = bool(s) and s[0] in _BULLETS
    s = s.lstrip(_BULLETS + " ").strip()
    m = _BY.match(s)
    if m:
        first = _BY_SPLIT.split(m.group("rest"), maxsplit=1)[0].strip()
        return first if _person(first) else None
    if "," in s and len(s.split()) <= 10:
        name, role = s.split(",", 1)
        if _person(name.strip()) and not any(c.isdigit() for c in role):
            return name.strip()
    if bullet and _person(s):
        return s
    return None


def _date_line(line: str) -> bool:
    s = _DATE_PREFIX.sub("", _clean(line).lstrip(_BULLETS + " "))
    return parse_date(s) is not None


def _label(line: str) -> bool:
    """A section label ("Opinion", "News > Cuba", "Research: Security"), not a title."""
    s = _clean(line)
    words = s.split()
    if len(words) <= 2:
        return True
    parts = _CRUMB.split(s)
    if len(parts) > 1 and all(len(p.split()) <= 3 for p in parts):
        return True
    return ":" in s and len(words) <= 4 and s[-1] not in ".?!"


def _title_like(line: str) -> bool:
    s = _clean(line)
    return (len(s.split()) <= MAX_TITLE_WORDS and len(s) <= MAX_TITLE_CHARS
            and any(c.isalpha() for c in s))


def _pick_url(urls: list[str], outlet: str | None) -> list[str]:
    """``urls`` with the one whose host names the outlet first."""
    if not outlet:
        return urls
    key = re.sub(r"[^\w]", "", outlet.lower())
    for u in urls:
        host = (urlsplit(u).hostname or "").lower().removeprefix("www.")
        for label in host.split("."):
            if label == key or (len(label) >= 5 and label in key) or (len(key) >= 5 and key in label):
                return [u] + [x for x in urls if x != u]
    return urls


def _span_text(text: str, lines: list[_Line], a: int, b: int) -> tuple[int, int] | None:
    """Character span of the non-blank lines in ``lines[a:b]`` (None when all blank)."""
    idx = [i for i in range(a, b) if not lines[i].blank]
    if not idx:
        return None
    last = lines[idx[-1]]
    return lines[idx[0]].start, last.start + len(last.text.rstrip())


def _compiler_doc(text: str, lines: list[_Line], a: int, b: int) -> Document | None:
    span = _span_text(text, lines, a, b)
    if span is None:
        return None
    body = text[span[0]:span[1]]
    first = _clean(body.split("\n", 1)[0])
    if len(first) > MAX_INTRO_TITLE_CHARS:
        first = first[:MAX_INTRO_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return Document(text=body, title=first or None, outlet=None, published=None,
                    reader="dossier")


def _article_doc(text: str, lines: list[_Line], h: int, a: int, b: int,
                 urls: list[str]) -> Document | None:
    name, date = parse_header(lines[h].text) or ("", "")
    author: str | None = None
    title: str | None = None
    start: int | None = None
    i = a
    while i < b:  # labels, date lines and bylines before the title
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        who = byline(ln.text)
        if who or _date_line(ln.text) or _label(ln.text):
            author = author or who
            i += 1
            continue
        if _title_like(ln.text):
            title = _clean(ln.text)
        start = ln.start
        break
    if start is None:
        return None
    seen = 0
    for j in range(i + 1, b):  # a byline just after the title
        if lines[j].blank:
            continue
        seen += 1
        if author is None:
            author = byline(lines[j].text)
        if author or seen >= 3 or len(lines[j].text.split()) > 12:
            break
    span = _span_text(text, lines, i, b)
    if span is None:
        return None
    urls = _pick_url(urls, name)
    return Document(text=text[start:span[1]], title=title, outlet=name, published=date,
                    author=author, url=urls[0] if urls else None, urls=list(urls),
                    reader="dossier")


def split_dossier(text: str) -> list[Document] | None:
    """One Document per article of a compilation (see the module docstring), in file order;
    None when ``text`` is not a compilation. ``source`` and ``reader`` are left to the caller
    (``reader`` is "dossier")."""
    lines = _lines(text)
    n = len(lines)
    is_url = [url_of_line(ln.text) for ln in lines]
    cands = [i for i, ln in enumerate(lines)
             if (i == 0 or lines[i - 1].blank) and is_url[i] is None and parse_header(ln.text)]
    if not cands:
        return None
    heads = [cands[0]]
    for c in cands[1:]:
        if any(is_url[j] for j in range(heads[-1] + 1, c)):
            heads.append(c)
    docs: list[Document] = []
    closed = 0
    intro = _compiler_doc(text, lines, 0, heads[0])
    if intro:
        docs.append(intro)
    for k, h in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else n
        last = next((j for j in range(end - 1, h, -1) if is_url[j]), None)
        urls: list[str] = []
        body_end, trail = end, None
        if last is not None:
            first = last
            while first - 1 > h and (is_url[first - 1] or lines[first - 1].blank):
                first -= 1
            while not is_url[first]:
                first += 1
            urls = [u for u in is_url[first:last + 1] if u]
            urls = list(dict.fromkeys(urls))
            body_end, trail = first, last + 1
        art = _article_doc(text, lines, h, h + 1, body_end, urls)
        if art is None:
            continue
        docs.append(art)
        closed += bool(urls)
        if trail is not None:
            extra = _compiler_doc(text, lines, trail, end)
            if extra:
                docs.append(extra)
    if not closed:
        return None
    return docs
