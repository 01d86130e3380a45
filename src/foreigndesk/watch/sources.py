"""What a watched source gives: feed entries, the feeds of an OPML list, the URLs of a list,
or a single page.

A source is a URL or a local file. Its kind is read from its content, not its name:

- an RSS/Atom feed (feedparser): one item per entry, keyed by its id (guid), else its link;
- an OPML list: every ``xmlUrl`` (or ``url``) of its outlines becomes a source of its own;
- a local text file of URLs (one per line, ``#`` comments): each URL becomes a source of its
  own too (a feed in the list is followed as a feed; a page is one item);
- an HTML page (a URL): one item, the page itself.

OPML is parsed with lxml with entities, DTDs and network access off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from foreigndesk.ingest.dispatch import sniff
from foreigndesk.ingest.encoding import MAX_FILE_BYTES, human_size, read_bytes
from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.ingest.fetch import Fetcher, Response
from foreigndesk.ingest.rss import entry_key, entry_link, parse_feed
from foreigndesk.ingest.urls import is_url, read_url_list
from foreigndesk.model import Document


@dataclass
class Item:
    """One thing a source gives: a page to fetch (``url``), or a feed entry read as it is
    (``document``, for an entry without a link)."""

    key: str
    url: str | None = None
    document: Document | None = None
    response: Response | None = None  # the page, when reading the source fetched it already


@dataclass
class Source:
    """A source's reading in this cycle: its ``kind``, its items, and the sources it lists."""

    name: str
    kind: str = ""
    items: list[Item] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def _is_opml(head: str) -> bool:
    return "<opml" in head[:2048].lower()


def opml_urls(data: bytes) -> list[str]:
    """The feed URLs of an OPML document, in order, without repeats."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise UnreadableInput(f"malformed OPML ({e})") from None
    if root is None:
        raise UnreadableInput("malformed OPML")
    out: list[str] = []
    for el in root.iter("outline"):
        url = (el.get("xmlUrl") or el.get("xmlurl") or el.get("url") or "").strip()
        if is_url(url) and url not in out:
            out.append(url)
    if not out:
        raise UnreadableInput("OPML without feed URLs")
    return out


def _feed_items(data: bytes, name: str) -> list[Item]:
    feed = parse_feed(data)
    items = []
    for i, e in enumerate(feed.get("entries") or [], start=1):
        link = entry_link(e)
        items.append(Item(key=entry_key(e), url=link))
        if link is None:
            from foreigndesk.ingest.rss import entry_document

            doc = entry_document(feed, e, f"{name}#{i}")
            items[-1].document = doc if isinstance(doc, Document) else None
    return items


def read_source(name: str, fetcher: Fetcher, known_page: bool = False) -> Source:
    """Read one source (raises :class:`~foreigndesk.ingest.fetch.FetchError` or
    :class:`UnreadableInput`). ``known_page``: the source is a page whose item was stored
    already; it is not fetched again."""
    src = Source(name)
    if is_url(name):
        if known_page:
            src.kind = "page"
            src.items.append(Item(key=name, url=name))
            return src
        resp = fetcher.fetch(name)
        head = resp.body[:4096].decode("utf-8", "replace")
        kind = sniff(head)
        if _is_opml(head):
            src.kind, src.children = "opml", opml_urls(resp.body)
        elif kind == "feed" or (kind != "html" and not resp.is_html()):
            src.kind, src.items = "feed", _feed_items(resp.body, name)
        else:
            src.kind = "page"
            src.items.append(Item(key=name, url=name, response=resp))
        return src
    path = Path(name)
    if not path.is_file():
        raise UnreadableInput("no such file" if not path.exists() else "not a regular file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UnreadableInput(f"too large ({human_size(path.stat().st_size)})")
    data = read_bytes(path)
    head = data[:4096].decode("utf-8", "replace")
    if _is_opml(head):
        src.kind, src.children = "opml", opml_urls(data)
    elif sniff(head) == "feed":
        src.kind, src.items = "feed", _feed_items(data, name)
    else:
        src.kind, src.children = "urls", read_url_list(path)
    return src
