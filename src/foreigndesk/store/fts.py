"""The user's search words as a full-text (SQLite FTS5) query, never raw FTS5.

Syntax (the same in ``docs --search``, ``/api/documents?q=`` and the documents page):

- words: every word must appear (``balloon China``); punctuation inside a word is part of
  it (``U.S.-China`` looks for the words u, s, china in a row);
- ``"a phrase"``: the words in this order;
- ``word*``: any word that begins so;
- ``OR`` (upper case) between two terms: either; ``NOT word`` or ``-word``: without it;
  ``AND`` (upper case) is allowed and changes nothing.

Parentheses and other FTS5 syntax are plain characters; control characters are spaces. A
query is bounded:
:data:`MAX_CHARS` characters and :data:`MAX_TERMS` terms; more raises
:class:`SearchSyntaxError`, as does a query without a word or one that only excludes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 500
MAX_TERMS = 16

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORDY = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


class SearchSyntaxError(ValueError):
    """A search the user has to change; the message says how."""


def _phrase(text: str, prefix: bool = False) -> str | None:
    words = text.strip()
    if not _WORDY.search(words):
        return None
    return '"' + words.replace('"', '""') + '"' + ("*" if prefix else "")


def fts_query(text: str) -> str:
    """The FTS5 query for the user's search ``text`` (see the module docstring); raises
    :class:`SearchSyntaxError`."""
    if len(text) > MAX_CHARS:
        raise SearchSyntaxError(f"search too long ({len(text):,} characters; the limit is "
                                f"{MAX_CHARS})")
    text = _CONTROL.sub(" ", text)  # FTS5 stops reading a query at NUL
    items: list[str] = []  # terms and the operators OR / NOT between them
    terms = 0
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None:  # "a phrase" (an unclosed quote runs to the end)
            term = _phrase(m.group(1))
        else:
            word = m.group(2)
            if word in ("AND",):
                continue
            if word in ("OR", "NOT"):
                items.append(word)
                continue
            negate = word.startswith("-") and len(word) > 1
            if negate:
                word = word[1:]
                items.append("NOT")
            prefix = word.endswith("*")
            term = _phrase(word.rstrip("*"), prefix)
        if term is None:
            if items and items[-1] == "NOT" and m.group(2) and m.group(2).startswith("-"):
                items.pop()
            continue
        terms += 1
        if terms > MAX_TERMS:
            raise SearchSyntaxError(f"search has too many terms (the limit is {MAX_TERMS})")
        items.append(term)
    return _assemble(items)


def _assemble(items: list[str]) -> str:
    """Operators kept only between two terms (``OR`` then ``NOT`` collapse to ``NOT``); a
    query must start with a term."""
    out: list[str] = []
    pending: str | None = None
    for it in items:
        if it in ("OR", "NOT"):
            if out:
                pending = "NOT" if "NOT" in (pending, it) else it
            elif it == "NOT":
                raise SearchSyntaxError("a search cannot start by excluding: give a word to "
                                        "look for first")
            continue
        if pending:
            out.append(pending)
            pending = None
        out.append(it)
    if not out:
        raise SearchSyntaxError("the search has no word to look for")
    return " ".join(out)


# -- the two backends ----------------------------------------------------------------------
_FTS5_ITEM = re.compile(r'"((?:[^"]|"")*)"(\*?)|\b(OR|NOT)\b')
_WORD = re.compile(r"\w+")


def tsquery_text(fts5: str) -> str:
    """PostgreSQL's ``to_tsquery`` text for a query made by :func:`fts_query`: each phrase is
    one quoted operand, which PostgreSQL splits into words with the parser that indexed the
    documents, so both sides agree on the words (its parser reads ``U.S.-China`` as ``u.s``
    then ``china``, where FTS5 reads ``u``, ``s``, ``china``: splitting the phrase here found
    nothing); a phrase's words follow each other (``<->``), ``word*`` is a prefix (``:*``,
    given to every word of a phrase), terms are joined by ``&``, ``OR`` becomes ``|`` and
    ``NOT`` ``& !`` (the precedence is FTS5's: NOT, then AND, then OR)."""
    out: list[str] = []
    op = ""
    for m in _FTS5_ITEM.finditer(fts5):
        if m.group(3):
            op = m.group(3)
            continue
        text = m.group(1).replace('""', '"')
        if not _WORD.search(text):
            continue
        # inside a quoted operand a quote is doubled and a backslash escapes: keep neither
        term = "'" + text.replace("\\", " ").replace("'", "''") + "'" + (":*" if m.group(2)
                                                                         else "")
        if out:
            out.append({"OR": "|", "NOT": "& !"}.get(op, "&"))
        out.append(term)
        op = ""
    return " ".join(out)


@dataclass(frozen=True)
class SearchSQL:
    """How a listing of documents (aliased ``doc``) keeps those matching a search: add
    ``join`` after ``FROM documents doc`` (with ``join_params``), ``where`` to its conditions
    (with ``where_params``), and select ``snippet`` for a fragment around the matches (the
    matches between the characters U+0001 and U+0002)."""

    join: str
    join_params: list[str]
    where: str
    where_params: list[str]
    snippet: str


def search_sql(dialect: str, fts5: str, doc: str = "d") -> SearchSQL:
    """The SQL of a full-text search for a query made by :func:`fts_query`: FTS5's
    ``documents_fts`` on SQLite, ``documents.fts`` (tsvector, GIN index) on PostgreSQL."""
    if dialect == "postgres":
        return SearchSQL(
            " CROSS JOIN to_tsquery('simple', ?) AS fts_q", [tsquery_text(fts5)],
            f"{doc}.fts @@ fts_q", [],
            f"ts_headline('simple', {doc}.text, fts_q, 'StartSel=' || chr(1) || ', StopSel=' "
            f"|| chr(2) || ', MaxWords=16, MinWords=6, MaxFragments=1, "
            f"FragmentDelimiter=…')")
    return SearchSQL(f" JOIN documents_fts ON documents_fts.rowid = {doc}.rowid", [],
                     "documents_fts MATCH ?", [fts5],
                     "snippet(documents_fts, 1, char(1), char(2), '…', 16)")
