"""A word-by-word English gloss of a Spanish or Chinese text, for cross-lingual echoes and
for the views (shown beside the original, marked as a gloss, never as a translation).

Offline and by dictionary: actor names become the English phrase of ``data/<lang>/actors.yaml``
("Pekín" -> "Beijing", "古巴政府" -> "the Cuban government"), figures are written the
English way ("8.529" -> "8,529", "100 millones de dólares" -> "100 million dollars", "1亿美元"
-> "100 million dollars"), and the words of ``data/<lang>/lexicon.tsv`` (the CAMEO and cue
vocabulary and the key terms of the dossier's topics) their English words; any other word is
kept as it is. Chinese is segmented by jieba first. Word order is the source's.

Claims are compared across languages on these glosses
(:func:`foreigndesk.analyze.clusters.matching_text`): the actors, figures and key terms are
the anchors two claims in different languages share.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from foreigndesk.extract.intl_data import actor_pattern, actor_phrases, raw, spaced

_NUM_ES = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s+(mil millones|millones|"
                     r"millón|mil)\b(?:\s+de\b)?)?")
_NUM_ZH = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|亿|千万|百万|万)?")
_SCALES = {"mil millones": 1e9, "millones": 1e6, "millón": 1e6, "mil": 1e3,
           "万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
_WORD = re.compile(r"\d+(?:[,.]\d+)*|\w+(?:[-.]\w+)*|[^\w\s]", re.U)


def english_number(value: float) -> str:
    """A figure as an English text writes it (8529 -> "8,529", 1e8 -> "100 million")."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    if value < 10_000:  # "2023" stays a year, "2000" is "2000" (a figure all the same)
        return f"{value:.0f}" if value == int(value) else f"{value}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


@functools.lru_cache(maxsize=8)
def lexicon(language: str) -> dict[str, str]:
    """``data/<language>/lexicon.tsv``: term -> English words."""
    f = resources.files("foreigndesk").joinpath(f"data/{language}/lexicon.tsv")
    if not f.is_file():
        return {}
    out = {}
    for line in f.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, _tab, english = line.partition("\t")
        out[term.strip().lower()] = english.strip()
    return out


def _numbers(text: str, language: str) -> str:
    if language == "zh":
        return _NUM_ZH.sub(lambda m: f" {english_number(float(m.group(1)) * _SCALES.get(m.group(2) or '', 1))} ", text)

    def es(m: re.Match[str]) -> str:
        v = float(m.group(1).replace(".", "") + ("." + m.group(2) if m.group(2) else ""))
        return english_number(v * _SCALES.get((m.group(3) or "").lower(), 1))  # "de" dropped
    return _NUM_ES.sub(es, text)


def gloss(text: str, language: str | None) -> str:
    """The English gloss of ``text`` (``text`` itself for English or an unknown language
    without word lists)."""
    if not language or language == "en" or not raw(language, "actors"):
        return text
    phrases = actor_phrases(language)
    parts: list[str] = []
    pos = 0
    for m in actor_pattern(language).finditer(text):
        parts.append(_words(text[pos:m.start()], language))
        parts.append(phrases[m.group(0).lower()])
        pos = m.end()
    parts.append(_words(text[pos:], language))
    return re.sub(r"\s+([,.;:!?])", r"\1", " ".join(p for p in parts if p).strip())


def _words(text: str, language: str) -> str:
    lex = lexicon(language)
    if spaced(language):
        words = _WORD.findall(_numbers(text, language))
    else:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        figures: list[str] = []  # kept whole through segmentation ("2,000" is one word)

        def hold(m: re.Match[str]) -> str:
            figures.append(_numbers(m.group(0), language).strip())
            return f" qqfig{len(figures) - 1}qq "
        held = _NUM_ZH.sub(hold, text)
        words = [w for w in jieba.cut(held) if w.strip()]
        words = [figures[int(w[5:-2])] if re.fullmatch(r"qqfig\d+qq", w) else w for w in words]
    out = []
    i = 0
    while i < len(words):
        two = f"{words[i]} {words[i + 1]}".lower() if i + 1 < len(words) else ""
        if two in lex:
            out.append(lex[two])
            i += 2
            continue
        w = words[i]
        out.append(lex.get(w.lower(), _PUNCT.get(w, w)))
        i += 1
    return " ".join(out)


_PUNCT = {"，": ",", "。": ".", "：": ":", "；": ";", "“": '"', "”": '"', "、": ",", "（": "(",
          "）": ")", "！": "!", "？": "?", "«": '"', "»": '"'}
