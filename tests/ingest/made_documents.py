"""PDF and DOCX dossiers made by the tests from the public-domain texts in examples/ (each
article: an "Outlet, date" header, its title, its paragraphs and its URL, as a dossier
compiles them); the right answers (outlet, date, URL, title, pages) come from the texts'
own header blocks."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import EXAMPLES

FILES = ["wh_2021-07-22_statement_biden_continuing_crackdown_in_cuba.txt",
         "wh_2021-11-15_statement_sullivan_cuba_november_15_protests.txt",
         "wh_2023-11-15_readout_biden_xi_woodside.txt"]
INTRO = ["Cuba in US statements, 2021-2023",
         "A compilation of public-domain White House texts for the foreigndesk tests."]


@dataclass
class Article:
    date: str
    url: str
    title: str
    paragraphs: list[str]

    @property
    def header(self) -> str:
        d = dt.date.fromisoformat(self.date)
        return f"White House, {d:%B} {d.day}, {d.year}"


def articles() -> list[Article]:
    out = []
    for f in FILES:
        head, body = (EXAMPLES / "public-domain" / f).read_text("utf-8").split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        paras = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
        out.append(Article(meta["Date"], meta["URL"], paras[0], paras[1:]))
    return out


def make_pdf(path: Path) -> list[Article]:
    """A dossier PDF: the compiler's note on page 1, each article from a new page."""
    import weasyprint

    arts = articles()
    parts = [f"<p>{html.escape(p)}</p>" for p in INTRO]
    for a in arts:
        parts.append(f'<p class="art">{a.header}</p>')
        parts += [f"<p>{html.escape(p)}</p>" for p in [a.title, *a.paragraphs, a.url]]
    css = ("@page { size: A4; margin: 2cm } body { font: 11pt serif } "
           "p { margin: 0 0 0.8em } .art { break-before: page }")
    weasyprint.HTML(string=f"<html><head><style>{css}</style></head><body>{''.join(parts)}"
                           "</body></html>").write_pdf(path)
    return arts


def make_docx(path: Path, dossier: bool = True) -> list[Article]:
    """A DOCX dossier (or, with ``dossier=False``, the first article alone with a header
    block of Key: value paragraphs and a table)."""
    import docx

    arts = articles()
    d = docx.Document()
    d.core_properties.author = "A. Compiler"
    if dossier:
        for p in INTRO:
            d.add_paragraph(p)
        for a in arts:
            for p in [a.header, a.title, *a.paragraphs, a.url]:
                d.add_paragraph(p)
    else:
        a = arts[0]
        for p in [f"URL: {a.url}", "Outlet: The White House", f"Date: {a.date}", a.title,
                  *a.paragraphs]:
            d.add_paragraph(p)
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Sanctioned", "Cuban Ministry of the Interior"
        t.cell(1, 0).text, t.cell(1, 1).text = "Date", a.date
    d.save(str(path))
    return arts
