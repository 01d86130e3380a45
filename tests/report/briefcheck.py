"""Reading briefs back: the citations of an HTML, Markdown or PDF brief, and checks of each
against the store (read directly with sqlite3, not through foreigndesk)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from foreigndesk.report.render import md_unescape
from tests.conftest import connect

MD_CITE = re.compile(r"(?<!\\)\[(\d+)\]")


def store_rows(db: Path) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, int], str]]:
    """Documents by id, and sentence text by (doc_id, idx)."""
    conn = connect(db, readonly=True, rows=True)
    docs = {r["id"]: dict(r) for r in conn.execute(
        "SELECT id, outlet, published, url, title FROM documents")}
    sents = {(r["doc_id"], r["idx"]): r["text"] for r in conn.execute(
        "SELECT doc_id, idx, text FROM sentences")}
    conn.close()
    return docs, sents


def is_web_url(url: str | None) -> bool:
    if not url or any(c in url for c in "\"'<>\\` ") or any(ord(c) < 0x21 for c in url):
        return False
    p = urlsplit(url)
    return p.scheme in ("http", "https") and bool(p.netloc)


# -- HTML -------------------------------------------------------------------------------------

def by_class(el: Any, tag: str, cls: str) -> list[Any]:
    """Descendants ``tag.cls`` of ``el`` (``*`` for any tag)."""
    return el.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


def html_tree(path: Path) -> Any:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def html_refs(tree: Any) -> dict[int, dict[str, Any]]:
    out = {}
    for li in by_class(by_class(tree, "ol", "refs")[0], "li", "ref"):
        n = int(li.get("id").removeprefix("ref-"))
        link = by_class(li, "a", "url")
        text = by_class(li, "*", "url-text")
        out[n] = {
            "n": n, "marker": by_class(li, "*", "n")[0].text_content(),
            "doc": li.get("data-doc"), "idx": int(li.get("data-sentence")),
            "doc_shown": by_class(li, "code", "doc")[0].text_content(),
            "idx_shown": int(by_class(li, "*", "idx")[0].text_content()),
            "outlet": by_class(li, "*", "outlet")[0].text_content(),
            "date": by_class(li, "*", "date")[0].text_content(),
            "sentence": by_class(li, "q", "sentence")[0].text_content(),
            "href": link[0].get("href") if link else None,
            "url_text": text[0].text_content() if text else None,
        }
    return out


def html_cites(tree: Any) -> list[int]:
    """Citation numbers of the body, in reading order (the reference list left out)."""
    out = []
    for a in by_class(tree, "a", "cite"):
        href = a.get("href")
        assert href.startswith("#ref-"), href
        assert a.text_content() == f"[{href.removeprefix('#ref-')}]"
        out.append(int(href.removeprefix("#ref-")))
    return out


def check_html_refs(tree: Any, db: Path) -> dict[int, dict[str, Any]]:
    """Every citation resolves to a real sentence of a stored document; returns the refs."""
    docs, sents = store_rows(db)
    refs = html_refs(tree)
    assert refs, "no reference list"
    for n, r in refs.items():
        assert r["marker"] == f"[{n}]"
        assert r["doc"] == r["doc_shown"] and r["idx"] == r["idx_shown"]
        assert (r["doc"], r["idx"]) in sents, f"[{n}] cites no stored sentence"
        assert r["sentence"] == sents[(r["doc"], r["idx"])], f"[{n}] misquotes its sentence"
        d = docs[r["doc"]]
        assert r["outlet"] == (d["outlet"] or ""), n
        assert r["date"] == (d["published"] or "undated"), n
        if is_web_url(d["url"]):
            assert r["href"] == d["url"], n
        else:
            assert r["href"] is None, f"[{n}] links a URL that is not http(s): {r['href']!r}"
            assert r["url_text"] == (d["url"] or "no URL"), n
    check_numbering(html_cites(tree), refs)
    return refs


def check_numbering(cites: list[int], refs: dict[int, Any]) -> None:
    """Numbers run 1..N in order of first use, each is used, each used one is listed."""
    assert cites, "no citation in the body"
    first_use: list[int] = []
    for n in cites:
        if n not in first_use:
            first_use.append(n)
    assert first_use == list(range(1, len(first_use) + 1)), first_use[:20]
    assert set(first_use) == set(refs), set(first_use) ^ set(refs)


def unsafe_html(tree: Any, allowed_urls: set[str]) -> list[str]:
    """Anything in the page that could run, load or navigate somewhere unexpected."""
    bad = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ("script", "iframe", "object", "embed", "link", "base", "form", "input",
                   "svg", "math", "frame", "frameset", "button", "textarea", "details",
                   "video", "audio", "source", "noscript", "template", "b"):
            bad.append(f"element <{tag}>")
        if tag == "style" and el.getparent().tag != "head":
            bad.append("<style> outside head")
        if tag == "meta" and el.get("http-equiv", "").lower() == "refresh":
            bad.append("meta refresh")
        for name, value in el.attrib.items():
            lname = name.lower()
            if lname.startswith("on") or lname in ("style", "formaction", "srcdoc", "srcset"):
                bad.append(f"attribute {name}={value!r} on <{tag}>")
            if lname == "href" and not (value.startswith("#ref-") or value in allowed_urls):
                bad.append(f"href {value!r}")
            if lname == "src" and not value.startswith(("data:image/svg+xml;base64,",
                                                         "data:image/png;base64,")):
                bad.append(f"src {value[:60]!r}")
    return bad


# -- Markdown ---------------------------------------------------------------------------------

REF_HEAD = re.compile(r"^\*\*\[(\d+)\]\*\* (.*?) · (\S+?)(?: · \*(.*)\*)?\\$")
REF_SENTENCE = re.compile(r"^“(.*)”\\$")
REF_WHERE = re.compile(r"^Document `([0-9a-f]+)`, sentence (\d+) · (.*)$")


def md_sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def md_refs(text: str) -> dict[int, dict[str, Any]]:
    block = md_sections(text)["Sources"]
    out = {}
    for para in re.split(r"\n\s*\n", block.strip()):
        lines = para.splitlines()
        if not lines or not lines[0].startswith("**["):
            continue
        assert len(lines) == 3, para
        h, s, w = REF_HEAD.match(lines[0]), REF_SENTENCE.match(lines[1]), REF_WHERE.match(lines[2])
        assert h and s and w, para
        n = int(h.group(1))
        out[n] = {"n": n, "outlet": md_unescape(h.group(2)), "date": h.group(3),
                  "sentence": md_unescape(s.group(1)), "doc": w.group(1), "idx": int(w.group(2)),
                  "url": w.group(3)}
    return out


def md_cites(text: str) -> list[int]:
    body = text.split("\n## Sources\n")[0]
    return [int(m.group(1)) for m in MD_CITE.finditer(body)]


def check_md_refs(text: str, db: Path) -> dict[int, dict[str, Any]]:
    docs, sents = store_rows(db)
    refs = md_refs(text)
    assert refs, "no reference list"
    for n, r in refs.items():
        assert (r["doc"], r["idx"]) in sents, f"[{n}] cites no stored sentence"
        assert r["sentence"] == sents[(r["doc"], r["idx"])], f"[{n}] misquotes its sentence"
        d = docs[r["doc"]]
        assert r["outlet"] == (d["outlet"] or "no outlet").replace("\n", " "), n
        assert r["date"] == (d["published"] or "undated"), n
        if is_web_url(d["url"]):
            assert r["url"] == f"<{d['url'].replace('|', '%7C')}>", n
        elif d["url"]:
            assert md_unescape(r["url"]) == f"{d['url']} (not a web link)", n
        else:
            assert r["url"] == "no URL", n
    check_numbering(md_cites(text), refs)
    return refs


# -- PDF --------------------------------------------------------------------------------------

def pdf_text(path: Path) -> tuple[str, int, list[str]]:
    """The text of every page (read by PDFium: pypdf garbles the text of a font that lacks a
    glyph, as WeasyPrint embeds it), the page count, and the targets of its link annotations
    other than links inside the document (read by pypdf)."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    doc = pdfium.PdfDocument(str(path))
    try:
        texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    uris = []
    for page in PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            action = a.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/S") == "/URI":
                    uris.append(str(action.get("/URI")))
                elif action.get("/S") != "/GoTo":
                    uris.append(f"action {action.get('/S')}")
    return "\n".join(texts), len(texts), uris


def pdf_page_ink(path: Path, page: int = 0) -> float:
    """Share of the pixels of a page, rendered by PDFium, that are not white."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        img = doc[page].render(scale=0.5).to_pil().convert("L")
    finally:
        doc.close()
    hist = img.histogram()
    return 1 - sum(hist[245:]) / (img.width * img.height)


def compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def involves(db, doc: str, idx: int, countries: set[str]) -> bool:
    """The sentence mentions an actor of one of ``countries`` or holds an event of theirs."""
    con = connect(db)
    try:
        marks = ",".join("?" * len(countries))
        mention = con.execute(
            f"SELECT 1 FROM mentions WHERE doc_id = ? AND sentence = ? AND country IN ({marks})",
            (doc, idx, *countries)).fetchone()
        event = con.execute(
            "SELECT 1 FROM event_mentions m JOIN events e ON e.id = m.event_id "
            f"WHERE m.doc_id = ? AND m.sentence = ? AND (e.source_country IN ({marks}) "
            f"OR e.target_country IN ({marks}))", (doc, idx, *countries, *countries)).fetchone()
        return bool(mention or event)
    finally:
        con.close()
