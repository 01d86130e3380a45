"""The attribute ruler through arrays gives what spaCy's ruler gives, token by token."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG

from foreigndesk.extract.attribute_arrays import ArrayRuler
from foreigndesk.extract.nlp import MODEL, load

# written for this test: contractions, pronouns, determiners, two-token exceptions, spaces
TEXTS = [
    "I didn't think they'd come, but we're gonna see what y'all got.",
    "The ministers said it was theirs; nothin' ain't changed since 2019.",
    "Let's go.  There are   two delegations here\n\nand that one won't sign.",
    "She has had enough of those talks, he does not know which ones.",
    "",
    "   ",
]


def _tagged(nlp: spacy.language.Language, texts: list[str]) -> list[spacy.tokens.Doc]:
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        return list(nlp.pipe(texts))


def test_same_annotations_as_the_ruler() -> None:
    nlp = spacy.load(MODEL, disable=["parser", "ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = ArrayRuler(ruler)
    assert fast.compiled
    docs = _tagged(nlp, TEXTS)
    for doc in docs:
        a, b = doc.copy(), doc.copy()
        ruler(a)
        fast(b)
        cols = [POS, MORPH, LEMMA, TAG]
        assert a.to_array(cols).tolist() == b.to_array(cols).tolist(), doc.text
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        expected = [(int(ruler.vocab.strings[m]), s, e) for _, m, s, e in ruler.match(doc)]
        assert fast.matches(doc) == expected


def test_the_loaded_pipeline_uses_it() -> None:
    nlp = load()
    assert "foreigndesk_attribute_arrays" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names  # kept, disabled
    doc = nlp("We didn't sign it.")
    assert [t.pos_ for t in doc][:3] == ["PRON", "AUX", "PART"]
    assert doc[1].lemma_ == "do"


def test_pipe_matches_each_document_alone() -> None:
    """Documents matched together (stacked) get what each gets alone: no match runs across
    two of them ("gon" ending one, "na" opening the next)."""
    nlp = spacy.load(MODEL, disable=["parser", "ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = ArrayRuler(ruler)
    texts = TEXTS + ["We were gon", "na see.", "They ai", "n't here."]
    docs = _tagged(nlp, texts)
    alone = [d.copy() for d in docs]
    for d in alone:
        ruler(d)
    together = list(fast.pipe([d.copy() for d in docs], batch_size=4))
    cols = [POS, MORPH, LEMMA, TAG]
    assert [d.to_array(cols).tolist() for d in together] == [d.to_array(cols).tolist() for d in alone]
