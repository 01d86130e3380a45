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


# words whose lemma depends on the index of known words (a rule's candidate kept only when it
# is a word: "wolves" -> "wolf", not "wolve"; "axes", "leaves", "hoping"/"hopping"), and forms
# no rule or index knows (made-up and hyphenated words, figures)
INDEXED = [
    "The wolves and calves crossed two axes while the leaves fell on sheaves of wheat.",
    "They were hoping, hopping and mopping; the diplomats' wives flew home.",
    "Blorfs and snarked zibbles out-negotiated the twenty-somethings in 1990s talks.",
    "Analyses of the crises show the indices rose; criteria changed, data were lost.",
]


def test_index_as_sets_gives_the_lemmas_of_an_untouched_model() -> None:
    """Lemmas from the set-backed index equal those of a model whose index is still lists."""
    from foreigndesk.extract.lemma_arrays import _IndexList, index_as_sets

    plain = spacy.load(MODEL, disable=["parser", "ner"])
    fast_nlp = spacy.load(MODEL, disable=["parser", "ner"])
    lemmatizer = fast_nlp.get_pipe("lemmatizer")
    lemmatizer(fast_nlp("warm up"))  # loads the tables
    index_as_sets(lemmatizer)  # type: ignore[arg-type]
    index_as_sets(lemmatizer)  # type: ignore[arg-type]  # a second call changes nothing
    table = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    assert all(type(v) is _IndexList for v in table.values())
    ref = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    assert all(type(v) is list for v in ref.values())  # the reference model is untouched
    for key, words in table.items():
        assert list(words) == ref[key]
    texts = TEXTS + INDEXED
    assert [[t.lemma_ for t in d] for d in plain.pipe(texts)] == \
        [[t.lemma_ for t in d] for d in fast_nlp.pipe(texts)]


def test_the_loaded_pipeline_reads_the_index_from_sets() -> None:
    from foreigndesk.extract.lemma_arrays import _IndexList

    nlp = load()
    nlp("The wolves crossed.")
    nlp("The leaves fell.")
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    assert table and all(type(v) is _IndexList for v in table.values())
    words = next(iter(table.values()))
    assert words[0] in words and "zzzz-not-a-word" not in words
