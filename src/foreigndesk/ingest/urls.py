"""Web pages as sources: ``foreigndesk ingest URL…`` and ``--urls FILE``.

Each URL is fetched politely (:mod:`.fetch`) and its main text and metadata (title, date,
outlet, author, canonical URL) are extracted with trafilatura (:func:`.html.document_from_html`),
then the Document goes through the same ingest as a file's. A URL that cannot be fetched or
read is a :class:`~foreigndesk.ingest.errors.ReadError` naming the URL and the reason; the
batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from foreigndesk.ingest.encoding import read_bytes
from foreigndesk.ingest.errors import ReadError, UnreadableInput
from foreigndesk.ingest.fetch import HTML_TYPES, Fetcher, FetchError, Response
from foreigndesk.ingest.html import document_from_html
from foreigndesk.model import Document

Item = Document | ReadError


def is_url(text: str) -> bool:
    """True for an http(s) URL (what ``ingest`` fetches instead of opening a path)."""
    return text.strip().lower().startswith(("http://", "https://"))


def read_url_list(path: str | Path) -> list[str]:
    """The URLs of a list file: one per line; blank lines and ``#`` comments are skipped
    (also after a URL). Raises :class:`UnreadableInput` for a file that is no such list."""
    text = read_bytes(Path(path)).decode("utf-8", "replace")
    out: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.split(" #", 1)[0].strip()
        if not s or s.startswith("#"):
            continue
        if not is_url(s):
            raise UnreadableInput(f"line {n} is not an http(s) URL: {s[:80]!r}")
        out.append(s)
    return out


def page_document(resp: Response) -> Document:
    """The Document of a fetched HTML page (raises :class:`UnreadableInput`)."""
    doc = document_from_html(resp.body, source=resp.url, url=resp.final_url)
    for u in (resp.final_url, resp.url):
        if u not in doc.urls:
            doc.urls.append(u)
    if doc.url is None:
        doc.url = doc.urls[0]
    doc.reader = "url"
    return doc


def fetch_document(url: str, fetcher: Fetcher) -> Document:
    """Fetch one page and read it; raises :class:`FetchError` or :class:`UnreadableInput`."""
    return page_document(fetcher.fetch(url, accept=HTML_TYPES))


def read_urls(urls: Iterable[str], fetcher: Fetcher) -> Iterator[Item]:
    """A Document per URL, or a :class:`ReadError` naming the URL and why it failed."""
    for url in urls:
        try:
            yield fetch_document(url, fetcher)
        except FetchError as e:
            yield ReadError(url, e.reason)
        except UnreadableInput as e:
            yield ReadError(url, str(e))


def read_inputs(paths: Iterable[str], fetcher: Fetcher,
                read_files: Callable[[list[str]], Iterable[Item]] | None = None
                ) -> Iterator[Item]:
    """What ``foreigndesk ingest`` reads: http(s) URLs through ``fetcher``, everything else
    through ``read_files`` (default :func:`foreigndesk.ingest.read_paths`), in order."""
    if read_files is None:
        from foreigndesk.ingest.dispatch import read_paths

        read_files = read_paths
    for p in paths:
        if is_url(p):
            yield from read_urls([p], fetcher)
        else:
            yield from read_files([p])


def read_url_lists(files: Iterable[str]) -> tuple[list[str], list[ReadError]]:
    """The URLs of ``--urls`` files, and a :class:`ReadError` per file that is no list."""
    urls: list[str] = []
    errors: list[ReadError] = []
    for f in files:
        try:
            urls += read_url_list(f)
        except UnreadableInput as e:
            errors.append(ReadError(f, str(e)))
        except OSError as e:
            errors.append(ReadError(f, f"cannot read: {e.strerror or e}"))
    return urls, errors
