"""Write a brief as Markdown, HTML or PDF.

* HTML: one self-contained page: CSS inline, the chart embedded as an SVG data URI, no script
  and no external resource (a Content-Security-Policy meta tag forbids them); every value from
  a document is escaped by Jinja2's autoescape, and a link is made only from an http(s) URL.
* PDF: the same HTML laid out by WeasyPrint, which may fetch nothing but ``data:`` URIs.
* Markdown: document text is Markdown-escaped; the chart is written as an SVG file next to the
  brief (``NAME.relations.svg``) and linked by its file name.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from foreigndesk.numbers import ratio_label
from foreigndesk.report.brief import Brief

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
           ".pdf": "pdf"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")
_LINE_BREAKS = re.compile(r"[\r\n\v\f\u2028\u2029\x85]+")


class RenderError(RuntimeError):
    """A brief that cannot be written (format unknown, PDF engine missing...)."""


def format_of(path: str | Path) -> str:
    """The format named by the file's extension."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise RenderError(f"cannot tell the format of {str(path)!r}: end the name with .md, "
                          ".html or .pdf")
    return fmt


def md_escape(text: str) -> str:
    """Text that Markdown shows as it is: line breaks become spaces and every character with
    a meaning inline (emphasis, links, code, HTML, tables) is backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", text))


def md_unescape(text: str) -> str:
    """The inverse of :func:`md_escape` (for a text without line breaks)."""
    return re.sub(r"\\([\\`*_\[\]<>&|~#])", r"\1", text)


@contextlib.contextmanager
def quiet(*names: str, level: int = logging.ERROR) -> Iterator[None]:
    """Silence the progress and font messages of these libraries' loggers meanwhile (a
    missing glyph is not the reader's problem)."""
    loggers = [logging.getLogger(n) for n in names]
    before = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(level)
    try:
        yield
    finally:
        for lg, lv in zip(loggers, before, strict=True):
            lg.setLevel(lv)


def _environment(markdown: bool) -> Any:
    from jinja2 import Environment, PackageLoader
    from markupsafe import Markup

    if not markdown:
        env = Environment(loader=PackageLoader("foreigndesk.report", "templates"),
                          autoescape=True, trim_blocks=False, lstrip_blocks=False)
        env.filters["ratio"] = ratio_label
        return env

    def finalize(value: Any) -> str:
        if isinstance(value, Markup):
            return str(value)
        if value is None:
            return ""
        return md_escape(str(value))

    env = Environment(loader=PackageLoader("foreigndesk.report", "templates"),
                      autoescape=False, finalize=finalize, keep_trailing_newline=True)
    # a link from an http(s) URL (safe_url refused spaces, <, >, quotes); | would end a
    # table cell
    env.filters["ratio"] = ratio_label
    env.globals["autolink"] = lambda url: Markup("<" + url.replace("|", "%7C") + ">")
    return env


def _data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def html(brief: Brief, chart: bool = True) -> str:
    """The brief as one self-contained HTML page."""
    svg = brief.relations.chart() if chart and brief.relations else None
    env = _environment(markdown=False)
    return str(env.get_template("brief.html.j2").render(
        b=brief, chart=_data_uri(svg, "image/svg+xml") if svg else None))


def markdown(brief: Brief, chart_file: str | None = None) -> str:
    """The brief in Markdown; ``chart_file`` is the relative name of the chart image."""
    from markupsafe import Markup

    env = _environment(markdown=True)
    return str(env.get_template("brief.md.j2").render(
        b=brief, chart=Markup("<" + quote(chart_file) + ">") if chart_file else None))


def pdf(html_text: str, path: str | Path) -> None:
    """Lay the HTML out with WeasyPrint into ``path``; nothing but data: URIs is fetched."""
    try:
        with quiet("weasyprint", "fontTools"):  # it parses its stylesheets on import
            import weasyprint
    except (ImportError, OSError) as e:  # OSError: a system library (Pango) is missing
        raise RenderError(f"PDF output needs WeasyPrint and its system libraries ({e}); "
                          "pip install 'foreigndesk[report]', or write .html") from None
    try:
        from weasyprint.urls import URLFetcher

        fetcher: Any = URLFetcher(allowed_protocols={"data"})
    except ImportError:  # WeasyPrint before 68: a function
        from weasyprint import default_url_fetcher

        def fetcher(url: str, *args: Any, **kw: Any) -> Any:
            if not url.startswith("data:"):
                raise ValueError("a brief fetches no external resource")
            return default_url_fetcher(url, *args, **kw)
    with quiet("weasyprint", "fontTools"):
        weasyprint.HTML(string=html_text, url_fetcher=fetcher).write_pdf(str(path))


def write(brief: Brief, path: str | Path, chart: bool = True) -> list[Path]:
    """Write the brief in the format its file name says; returns the files written (the
    Markdown brief comes with its chart image)."""
    path = Path(path)
    fmt = format_of(path)
    written = [path]
    if fmt == "markdown":
        chart_name = None
        svg = brief.relations.chart() if chart and brief.relations else None
        if svg:
            chart_path = path.with_name(path.stem + ".relations.svg")
            chart_path.write_bytes(svg)
            chart_name = chart_path.name
            written.append(chart_path)
        path.write_text(markdown(brief, chart_name), encoding="utf-8")
    elif fmt == "html":
        path.write_text(html(brief, chart), encoding="utf-8")
    else:
        pdf(html(brief, chart), path)
    return written
