"""PDF and DOCX as documents arrive: a dossier PDF and DOCX split into their articles, page
numbers as provenance, a scan refused in one line."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_cli
from tests.ingest.made_documents import INTRO, make_docx, make_pdf


@pytest.fixture(scope="module")
def pdf_store(module_db_url, tmp_path_factory):
    d = tmp_path_factory.mktemp("pdf")
    pdf = d / "dossier.pdf"
    arts = make_pdf(pdf)
    db = module_db_url
    run_cli("ingest", str(pdf), "--db", str(db), "--workers", "1", "--quiet")
    return pdf, db, arts


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s).strip()


def test_pdf_dossier_splits_into_its_articles(pdf_store):
    from foreigndesk.store import Store

    _pdf, db, arts = pdf_store
    with Store.open(db) as s:
        docs = s.query("SELECT * FROM documents ORDER BY source")
    assert [d["source"].rsplit("#", 1)[1] for d in docs] == ["1", "2", "3", "4"]
    assert docs[0]["title"] == INTRO[0] and docs[0]["outlet"] is None
    for d, a in zip(docs[1:], arts, strict=True):
        assert (d["outlet"], d["published"], d["url"], d["title"]) == (
            "White House", a.date, a.url, a.title)
        # the body is there, reflowed into the source's paragraphs
        assert _norm(a.paragraphs[-1]) in _norm(d["text"])
        assert d["text"].count("\n\n") >= len(a.paragraphs) - 1


def test_pdf_sentences_know_their_page(pdf_store):
    import pypdfium2 as pdfium

    from foreigndesk.store import Store

    pdf_path, db, _arts = pdf_store
    pdf = pdfium.PdfDocument(str(pdf_path))
    raw = [_norm(pdf[i].get_textpage().get_text_range().replace("\ufffe", "-"))
           for i in range(len(pdf))]
    with Store.open(db) as s:
        rows = s.query("SELECT s.page, s.text, d.source FROM sentences s "
                       "JOIN documents d ON d.id = s.doc_id ORDER BY d.source, s.idx")
    assert rows and all(r["page"] is not None for r in rows)
    for r in rows:  # the sentence's first words are printed on its page
        words = " ".join(_norm(r["text"]).split()[:4])
        assert words in raw[r["page"] - 1], (r["page"], r["text"])
    first = {}
    for r in rows:
        first.setdefault(r["source"].rsplit("#", 1)[1], r["page"])
    assert first == {"1": 1, "2": 2, "3": 3, "4": 4}  # each article starts a page
    last = [r["page"] for r in rows if r["source"].endswith("#4")]
    assert max(last) == len(pdf) > 4  # the long readout runs onto the next page


def test_citations_give_the_page(pdf_store):
    import csv
    import io

    _pdf, db, _arts = pdf_store
    out = run_cli("events", "--db", str(db), "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(re.search(r", p\. [1-5]$", r["cited"]) for r in rows)


def test_scanned_pdf_is_refused_in_one_line(tmp_path, db_url):
    import pypdfium2 as pdfium

    text_pdf = tmp_path / "text.pdf"
    make_pdf(text_pdf)
    image = pdfium.PdfDocument(str(text_pdf))[1].render(scale=1).to_pil()
    scan = tmp_path / "scan.pdf"
    image.save(scan)  # an image of the page: no text layer
    r = run_cli("ingest", str(scan), "--db", db_url, "--quiet", ok=False)
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if "scan.pdf" in ln]
    assert len(lines) == 1 and "without a text layer" in lines[0] and "OCR" in lines[0]


def test_docx_dossier_and_single_document(tmp_path):
    from foreigndesk.ingest.dispatch import read_path

    arts = make_docx(tmp_path / "dossier.docx")
    docs = list(read_path(tmp_path / "dossier.docx"))
    assert len(docs) == 4 and docs[0].title == INTRO[0]
    for d, a in zip(docs[1:], arts, strict=True):
        assert (d.outlet, d.published, d.url, d.title) == ("White House", a.date, a.url,
                                                           a.title)
    make_docx(tmp_path / "one.docx", dossier=False)
    (one,) = list(read_path(tmp_path / "one.docx"))
    assert (one.reader, one.outlet, one.published, one.url) == (
        "docx", "The White House", arts[0].date, arts[0].url)
    assert one.author == "A. Compiler" and one.title == arts[0].title
    assert "Sanctioned | Cuban Ministry of the Interior" in one.text
    assert _norm(arts[0].paragraphs[0]) in _norm(one.text)


def test_a_zip_that_is_not_docx_is_still_refused(tmp_path):
    import zipfile

    from foreigndesk.ingest.dispatch import read_path

    z = tmp_path / "notes.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("a.txt", "hello")
    (err,) = list(read_path(z))
    assert "ZIP" in str(err)


def test_damaged_pdf_is_one_error(tmp_path):
    from foreigndesk.ingest.dispatch import read_path

    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    (err,) = list(read_path(p))
    assert str(err).startswith(str(p)) and "PDF" in str(err)




def test_timeline_claims_and_figures_cite_the_page(pdf_store):
    import csv
    import io

    _pdf, db, _arts = pdf_store
    for cmd in ("timeline", "claims"):
        out = run_cli(cmd, "--db", str(db)).output
        assert re.search(r", p\. [1-5]\b", out), cmd
        rows = list(csv.DictReader(io.StringIO(run_cli(cmd, "--db", str(db), "--format",
                                                       "csv").output)))
        assert rows and all(r["page"] in {"1", "2", "3", "4", "5"} for r in rows), cmd


def test_the_reader_marks_where_each_page_begins(pdf_store, tmp_path):
    import httpx

    from foreigndesk.store import Store
    from tests.conftest import copy_of_store
    from tests.web.server import Server

    _pdf, db, _arts = pdf_store
    copy = copy_of_store(db, tmp_path, "reader.db")
    with Store.open(copy) as s:
        doc = s.query("SELECT id FROM documents WHERE source LIKE '%#4'")[0]["id"]
        pages = [r["page"] for r in s.query(
            "SELECT DISTINCT page FROM sentences WHERE doc_id = ? ORDER BY page", (doc,))]
    server = Server(copy)
    try:
        html = httpx.get(f"{server.base}/documents/{doc}", timeout=60).text
    finally:
        server.stop()
    marks = re.findall(r'class="page-mark"[^>]*>p\. (\d+)<', html)
    assert [int(m) for m in marks] == pages == [4, 5]


def test_the_claims_page_cites_the_page(pdf_store, tmp_path):
    import httpx

    from tests.conftest import copy_of_store
    from tests.web.server import Server

    _pdf, db, _arts = pdf_store
    copy = copy_of_store(db, tmp_path, "pages.db")
    server = Server(copy)
    try:
        claims = httpx.get(f"{server.base}/claims", params={"about": "the"}, timeout=60).text
    finally:
        server.stop()
    assert 'class="claim-row"' in claims
    assert re.search(r"</a>, [^<]*, p\. [1-5]\b", claims)
