"""The lemmatizer through arrays gives what spaCy's lemmatizer gives, token by token."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA

from foreigndesk.extract.lemma_arrays import ArrayLemmatizer
from foreigndesk.extract.nlp import MODEL, load

# written for this test: inflections, base forms, irregular verbs and plurals, repeated words
# (a memo hit), contractions (lemmas the attribute rules set), names, numbers, spaces
TEXTS = [
    "The ministers were meeting; the minister met them and has met others since.",
    "Delegations signed two accords, sign one more and are signing a third.",
    "I didn't think they'd come, but we're gonna see what y'all got.",
    "Geese, mice and children fled better-armed militias faster than expected.",
    "Let's go.  There are   two delegations here\n\nand that one won't sign.",
    "Kenya's 12,000 troops withdrew; Ethiopia's forces are withdrawing too.",
    "",
]


def _ruled(nlp: spacy.language.Language, texts: list[str]) -> list[spacy.tokens.Doc]:
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler"]):
        return list(nlp.pipe(texts))


def test_same_lemmas_as_the_lemmatizer() -> None:
    nlp = spacy.load(MODEL, disable=["parser", "ner"])
    lemmatizer = nlp.get_pipe("lemmatizer")
    fast = ArrayLemmatizer(lemmatizer)  # type: ignore[arg-type]
    docs = _ruled(nlp, TEXTS)
    for _ in range(2):  # the second round reads the memo
        for doc in docs:
            a, b = doc.copy(), doc.copy()
            lemmatizer(a)
            fast(b)
            assert a.to_array([LEMMA]).tolist() == b.to_array([LEMMA]).tolist(), doc.text
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert fast.memo


def test_the_loaded_pipeline_uses_it() -> None:
    nlp = load()
    assert "foreigndesk_lemma_arrays" in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names  # kept, disabled
    for _ in range(2):
        doc = nlp("The envoys were meeting their counterparts and signed accords.")
        assert [t.lemma_ for t in doc][1:5] == ["envoy", "be", "meet", "their"]
        assert doc[-2].lemma_ == "accord"
