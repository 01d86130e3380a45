"""foreigndesk's time-expression normaliser and actor resolver as spaCy components.

Registered as spaCy factories (entry points ``spacy_factories`` in pyproject), so that any
English pipeline with a tagger, NER and sentence boundaries can use them::

    import spacy
    nlp = spacy.load("en_core_web_sm")          # or any pipeline with tagger + ner + sents
    nlp.add_pipe("foreigndesk_timex", config={"reference_date": "2023-02-06"})
    nlp.add_pipe("foreigndesk_actors")
    doc = nlp("Beijing said on Monday that the balloon was a civilian airship.")
    for span in doc.spans["timex"]:
        print(span.text, span.label_, span._.timex["value"])     # Monday DATE 2023-02-06
    for span in doc.spans["actors"]:
        print(span.text, span.label_, span._.actor["code"])      # Beijing ACTOR CHNGOV

What each assigns:

- ``foreigndesk_timex``: ``doc.spans["timex"]`` (label: the TIMEX3 type DATE / TIME /
  DURATION / SET) and ``span._.timex``: ``{"value", "precision", "type", "modifier",
  "anchored"}``. Relative expressions ("Monday", "last week") are resolved against
  ``doc._.reference_date`` when set, else the component's ``reference_date`` (``YYYY-MM-DD``);
  without either they keep their span with an underspecified value.
- ``foreigndesk_actors``: ``doc.spans["actors"]`` (label ``ACTOR``) and ``span._.actor``:
  ``{"id", "name", "kind", "country", "sector", "code"}`` (CAMEO country + sector code).

Both read token tags, entities and sentence boundaries; the actor resolver also needs the
pipeline's ``parser`` (enabled or not: it parses the sentences it resolves on demand). They are the same code
that ``foreigndesk ingest`` runs, so they give the same answers.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

REQUIRES = ["token.tag", "token.sent_start", "doc.ents"]


def _extensions() -> None:
    if not Doc.has_extension("reference_date"):
        Doc.set_extension("reference_date", default=None)
    for name in ("timex", "actor"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _parsed_doc(nlp: Language, doc: Doc, reference_date: str | None) -> Any:
    from foreigndesk.extract.nlp import ParsedDoc
    from foreigndesk.model import Document, Extraction

    document = Document(text=doc.text, published=doc._.reference_date or reference_date)
    return ParsedDoc(document=document, doc=doc, nlp=nlp, extraction=Extraction(document))


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


class TimexComponent:
    """Finds and normalises time expressions (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, reference_date: str | None) -> None:
        from foreigndesk.extract.time import TimeExtractor

        _extensions()
        self.nlp, self.name, self.reference_date = nlp, name, reference_date
        self.extractor = TimeExtractor()

    def __call__(self, doc: Doc) -> Doc:
        pd = _parsed_doc(self.nlp, doc, self.reference_date)
        self.extractor(pd)
        spans = []
        for t in pd.extraction.times:
            span = _span(doc, t.start, t.end, t.type or "DATE")
            if span is None:
                continue
            span._.timex = {"value": t.value, "precision": t.precision, "type": t.type,
                            "modifier": t.modifier, "anchored": t.anchored}
            spans.append(span)
        doc.spans["timex"] = spans
        return doc


class ActorComponent:
    """Resolves actor mentions to CAMEO actors (see the module docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        from foreigndesk.extract.actors import ActorExtractor

        if "parser" not in nlp.component_names:
            raise ValueError("foreigndesk_actors needs a pipeline with a 'parser' (it parses the "
                             "sentences it resolves on demand)")
        _extensions()
        self.nlp, self.name = nlp, name
        self.extractor = ActorExtractor()

    def __call__(self, doc: Doc) -> Doc:
        pd = _parsed_doc(self.nlp, doc, None)
        self.extractor(pd)
        actors = pd.extraction.actors
        spans = []
        for m in pd.extraction.mentions:
            if not m.actor_id:
                continue
            span = _span(doc, m.start, m.end, "ACTOR")
            if span is None:
                continue
            a = actors.get(m.actor_id)
            span._.actor = {"id": m.actor_id, "name": m.actor_name or (a.name if a else None),
                            "kind": m.actor_kind, "country": m.country, "sector": m.sector,
                            "code": m.code}
            spans.append(span)
        doc.spans["actors"] = spans
        return doc


@Language.factory("foreigndesk_timex", default_config={"reference_date": None},
                  requires=REQUIRES, assigns=["doc.spans", "span._.timex"])
def make_timex(nlp: Language, name: str, reference_date: str | None) -> TimexComponent:
    return TimexComponent(nlp, name, reference_date)


@Language.factory("foreigndesk_actors", requires=REQUIRES, assigns=["doc.spans", "span._.actor"])
def make_actors(nlp: Language, name: str) -> ActorComponent:
    return ActorComponent(nlp, name)
