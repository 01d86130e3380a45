"""The spaCy pass runs what the extractors need; sentences are tagged on demand."""

from __future__ import annotations

from foreigndesk.extract.nlp import ParsedDoc, load, pipe
from foreigndesk.extract.pipeline import default_extractors, extract, pass_needs, pass_skips
from foreigndesk.model import Document, Extraction

# written for this test: bare months and weekdays anchored by the tense of their verb
TEXT = ("HAVANA, March 3 (Wire) - The delegation arrived on Monday and will leave in June.\n\n"
        "Officials said the talks began in January, two weeks after the vote. "
        "A second round is expected next Friday; the ministers met again that day.\n\n"
        "The trade figures for the first quarter will be published in April.")


def _times(ex: Extraction) -> list[tuple[int, int, str | None, str | None]]:
    return [(t.start, t.end, t.value, t.type) for t in ex.times]


def test_time_needs_no_tagger_in_the_pass() -> None:
    nlp = load()
    time_only = default_extractors(("sentences", "time"))
    assert "tags" not in pass_needs(time_only)
    skip = pass_skips(nlp, time_only)
    # the time rules need sentences only (tags on demand), not even named entities
    assert "tagger" in skip and "tok2vec" in skip and "ner" in skip and "senter" not in skip
    assert pass_skips(nlp, default_extractors()) == []


def test_same_times_with_the_tagger_on_demand() -> None:
    doc = Document(text=TEXT, published="2024-03-03")
    full = next(extract([doc]))
    doc2 = Document(text=TEXT, published="2024-03-03")
    selective = next(extract([doc2], extractors=default_extractors(("sentences", "time"))))
    assert _times(selective) == _times(full)
    assert any(t.anchored for t in selective.times)


def _untagged(text: str, published: str) -> ParsedDoc:
    """The pass the time extractor asks for (sentences, no tags) over ``text``."""
    nlp = load()
    document = Document(text=text, published=published)
    skip = pass_skips(nlp, default_extractors(("sentences", "time")))
    (_, doc), = pipe(nlp, [document], skip=skip)
    return ParsedDoc(document=document, doc=doc, nlp=nlp, extraction=Extraction(document),
                     tagged=False)


def test_tag_writes_back_and_parse_reuses_it() -> None:
    pd = _untagged(TEXT, "2024-03-03")
    doc = pd.doc
    assert len(list(doc.sents)) >= 3 and all(not t.tag_ for t in doc)  # sentences, no tags
    pd.tag([1])
    s = pd.sents[1]
    assert pd.is_tagged(1) and not pd.is_tagged(0)
    assert any(t.tag_ == "VBD" for t in s) and all(not t.tag_ for t in pd.sents[0])
    assert {t.lemma_ for t in s} >= {"say", "begin"}
    parsed = pd.parsed(1)
    assert [t.text for t in parsed] == [t.text for t in s]
    assert any(t.dep_ == "ROOT" for t in parsed)


# written for this test: web text puts no-break spaces (U+00A0) inside names and after commas
NBSP_TEXTS = [
    ("The engineer had worked in Lagos for years,\u00a0Brazilian newspaper Folha de Sao "
     "Paulo\u00a0reported.", "Folha de Sao Paulo"),
    ("The senator later defended the vote,\u00a0calling the bill \u201ca disaster for "
     "farmers.\u201d", "calling"),
]


def test_no_break_spaces_read_as_spaces() -> None:
    docs = [Document(text=t, published="2023-03-12") for t, _ in NBSP_TEXTS]
    for (text, want), ex in zip(NBSP_TEXTS, extract(docs), strict=True):
        # the model reads plain spaces; offsets and the stored text stay the document's
        assert any(want in (c.speaker_text or "", c.cue) for c in ex.claims), text
        assert all(text[c.start:c.end] == c.text for c in ex.claims)
    nlp = load()
    for d, doc in pipe(nlp, docs):
        assert len(doc.text) == len(d.text) and "\u00a0" not in doc.text


# written for this test: some outlets set the horizontal bar (U+2015) for a dash
BAR_TEXTS = [
    ("Other prominent Republicans, like Richard Armitage and Brent Scowcroft \u2015 three former "
     "George W. Bush administration officials \u2015 have also said they are supporting Clinton.",
     "Republicans"),
    ("Two senior diplomats \u2015 both veterans of the Havana talks \u2015 warned that the deal "
     "could collapse.", "diplomats"),
]


def test_a_horizontal_bar_reads_as_a_dash() -> None:
    docs = [Document(text=t, published="2016-08-10") for t, _ in BAR_TEXTS]
    for (text, want), ex in zip(BAR_TEXTS, extract(docs), strict=True):
        assert any(want in (c.speaker_text or "") for c in ex.claims), \
            [(c.speaker_text, c.content) for c in ex.claims]
        assert all(text[c.start:c.end] == c.text for c in ex.claims)


# written for this test: contractions, whose tokenizer norms ("’ll" -> "will", "ca" -> "can")
# are features of the tagger's token vectors
CONTRACTIONS = ("“We’ll be meeting on Friday in St. Louis,” the chairman said.\n\n"
                "The spokesman wouldn’t say Tuesday whether the talks can't resume. "
                "They'll decide, and she won't attend.")


def test_tags_on_demand_equal_the_full_pass_for_contractions() -> None:
    pd = _untagged(CONTRACTIONS, "2016-06-22")
    pd.tag(range(len(pd.sents)))
    (_, full), = pipe(load(), [Document(text=CONTRACTIONS, published="2016-06-22")])
    on_demand = [(t.text, t.tag_) for t in pd.doc]
    assert on_demand == [(t.text, t.tag_) for t in full]
    assert ("’ll", "MD") in on_demand and ("wo", "MD") in on_demand
