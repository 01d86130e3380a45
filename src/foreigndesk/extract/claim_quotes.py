"""Quotations in a document: straight and curly double quotes, paired inside a paragraph.

A paragraph is the text between line breaks. Curly quotes pair by shape (“ opens, ” closes),
and so do the typewriter marks of Penn Treebank style text (`` opens, '' closes); straight
quotes alternate (open, close, open ...). A quotation left open at
the end of a paragraph runs to the paragraph's end (the convention for quotes running over
several paragraphs, where each new paragraph re-opens the quote). Single quotes are left
alone: in news prose they are nested quotes, scare quotes or apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+")
_QUOTE_MARKS = re.compile(r"``|'''|''|[\"“”„«»]")
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»", "''", "'''"}  # "'''": a nested single quote closing with the double


@dataclass(frozen=True)
class Quote:
    """A quotation. ``start``/``end`` include the quote marks; ``inner_start``/``inner_end``
    are the quoted words without the marks and without a trailing comma."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    n_words: int
    closed: bool = True

    def contains(self, char: int) -> bool:
        return self.inner_start <= char < self.inner_end

    @property
    def sentence_like(self) -> bool:
        """Long enough to be a statement rather than a scare quote ("cautious")."""
        return self.n_words >= 3


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted passage in ``text``, in order."""
    out: list[Quote] = []
    for para in _PARA.finditer(text):
        p_start, p_end = para.start(), para.end()
        open_at: int | None = None
        open_len = 1
        for m in _QUOTE_MARKS.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group(0)
            if open_at is None:
                if mark in _CLOSERS and i > p_start and text[i - 1].isalnum():
                    continue  # a closer with no opener (inches, a stray mark)
                open_at, open_len = i, len(mark)
                continue
            if mark in _OPENERS:
                after = text[m.end():m.end() + 1]
                if mark == "“" and i > p_start and not text[i - 1].isspace() and (not after or after.isspace()):
                    # a closing quote typed in the opening shape ("… for her here,“ said Jim …")
                    out.append(_make(text, open_at, m.end(), True, open_len, len(mark)))
                    open_at = None
                continue  # an opener while open (nested or malformed): keep the first
            out.append(_make(text, open_at, m.end(), True, open_len, len(mark)))
            open_at = None
        if open_at is not None:
            end = p_end
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            if end - open_at > open_len:
                out.append(_make(text, open_at, end, False, open_len, 0))
    return out


def _make(text: str, start: int, end: int, closed: bool, open_len: int = 1, close_len: int = 1) -> Quote:
    inner_start = start + open_len
    inner_end = end - close_len
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] == ","):
        inner_end -= 1
    n_words = len(_WORD.findall(text, inner_start, inner_end))
    return Quote(start, end, inner_start, inner_end, n_words, closed)
