"""One cycle of ``foreigndesk watch``: read every source, fetch and ingest the items not seen
yet, and record how each source went.

No duplicate, no gap, whatever stops the process: an item is marked ``stored`` in the very
transaction that stores its document (:meth:`foreigndesk.store.Store.add` with ``also``), so
after a kill -9 an item is either stored and marked, or neither (and fetched again next
time). A document already in the store (the same text from another feed, or the same URL)
marks the item ``present`` and is not stored twice. An item that fails (fetch or extraction)
is tried again in later cycles, up to :data:`MAX_ATTEMPTS` times, then given up; so is a
URL that an OPML or URL list names and that never worked (a source named on the command line
is always tried).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from foreigndesk.config import DEFAULT, ExtractConfig
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS
from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.ingest.fetch import HTML_TYPES, Fetcher, FetchError
from foreigndesk.ingest.urls import page_document
from foreigndesk.model import Document
from foreigndesk.run.local import ExtractError, run
from foreigndesk.store import Store
from foreigndesk.store import watch as state
from foreigndesk.watch.sources import Item, Source, read_source

MAX_ATTEMPTS = 3
MAX_SOURCES = 1000  # sources one cycle reads (OPML and URL lists expand into more)
DONE = ("stored", "present", "given_up")


@dataclass
class SourceReport:
    source: str
    kind: str = ""
    new: int = 0
    seen: int = 0
    failed: int = 0
    error: str | None = None
    given_up: bool = False

    def line(self) -> str:
        if self.given_up:
            return f"{self.source}: given up ({self.error})"
        if self.error:
            return f"{self.source}: failed ({self.error})"
        if self.kind in ("opml", "urls"):
            what = "feeds" if self.kind == "opml" else "URLs"
            return f"{self.source} ({self.kind}): {self.seen} {what} listed"
        return (f"{self.source} ({self.kind}): {self.new} new, {self.seen} seen, "
                f"{self.failed} failed")


@dataclass
class CycleReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(s.new for s in self.sources)

    @property
    def failed(self) -> int:
        return sum(s.failed + (1 if s.error and not s.given_up else 0) for s in self.sources)


Guard = Callable[[], object]  # a context manager factory: holds Ctrl-C during a store write


class Watcher:
    """Runs cycles over ``sources`` into ``store``; ``log`` gets one line per failure,
    ``guard`` wraps each store write (the CLI defers Ctrl-C there)."""

    def __init__(self, store: Store, fetcher: Fetcher, sources: list[str],
                 log: Callable[[str], None], guard: Callable[[], object] | None = None,
                 config: ExtractConfig = DEFAULT) -> None:
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.sources = sources
        self.log = log
        self.guard = guard

    def cycle(self, report: Callable[[SourceReport], None] | None = None) -> CycleReport:
        out = CycleReport()
        queue = list(dict.fromkeys(self.sources))
        done: set[str] = set()
        while queue and len(done) < MAX_SOURCES:
            name = queue.pop(0)
            if name in done:
                continue
            done.add(name)
            rep = self._source(name, queue)
            out.sources.append(rep)
            if report is not None:
                report(rep)
        return out

    # -- one source ----------------------------------------------------------------------
    def _source(self, name: str, queue: list[str]) -> SourceReport:
        rep = SourceReport(name)
        past = state.source_state(self.store, name)
        if (name not in self.sources and past is not None and past["last_ok"] is None
                and past["n_errors"] >= MAX_ATTEMPTS):
            # a URL that an OPML or URL list gives and that never worked: not asked again
            rep.given_up = True
            rep.error = f"{past['n_errors']} failed attempts; the last: {past['last_error']}"
            return rep
        known = state.items_of(self.store, name)
        try:
            page_done = any(k == name and r["status"] in DONE for k, r in known.items())
            src: Source = read_source(name, self.fetcher, known_page=page_done)
        except (FetchError, UnreadableInput, OSError) as e:
            rep.error = e.reason if isinstance(e, FetchError) else str(e)
            state.record_source(self.store, name, "", 0, 0, 0, rep.error)
            return rep
        rep.kind = src.kind
        queue.extend(c for c in src.children if c not in queue)
        rep.seen += len(src.children)
        for item in src.items:
            prior = known.get(item.key)
            if prior is not None and prior["status"] in DONE:
                rep.seen += 1
                continue
            outcome = self._item(name, item)
            if outcome == "stored":
                rep.new += 1
            elif outcome == "present":
                rep.seen += 1
            else:
                rep.failed += 1
        state.record_source(self.store, name, src.kind, rep.new, rep.seen, rep.failed, None)
        return rep

    def _fail(self, source: str, item: Item, reason: str) -> str:
        self.log(f"{item.url or item.key}: {reason}")
        attempts = (state.items_of(self.store, source).get(item.key) or {}).get("attempts", 0)
        status = "given_up" if attempts + 1 >= MAX_ATTEMPTS else "failed"
        state.mark_item(self.store.conn, source, item.key, item.url, status, error=reason)
        return "failed"

    def _item(self, source: str, item: Item) -> str:
        """Fetch, read, extract and store one item: "stored", "present" or "failed"."""
        if item.url:
            doc_id = state.document_of_url(self.store, item.url)
            if doc_id is not None:
                state.mark_item(self.store.conn, source, item.key, item.url, "present", doc_id)
                return "present"
        try:
            doc = self._document(item)
        except FetchError as e:
            return self._fail(source, item, e.reason)
        except UnreadableInput as e:
            return self._fail(source, item, str(e))
        if self.store.has_document(doc.id):
            state.mark_item(self.store.conn, source, item.key, item.url, "present", doc.id)
            return "present"
        result = next(iter(run([doc], workers=1, config=self.config)))
        if isinstance(result, ExtractError):
            return self._fail(source, item, result.reason)

        def mark(conn: object, added: bool) -> None:
            state.mark_item(conn, source, item.key, item.url,  # type: ignore[arg-type]
                            "stored" if added else "present", doc.id)

        if self.guard is not None:
            with self.guard():  # type: ignore[attr-defined]
                added = self.store.add(result, also=mark)
        else:
            added = self.store.add(result, also=mark)
        return "stored" if added else "present"

    def _document(self, item: Item) -> Document:
        if item.document is not None:
            return item.document
        if item.response is not None:
            return page_document(item.response)
        assert item.url is not None
        doc = page_document(self.fetcher.fetch(item.url, accept=HTML_TYPES))
        if len(doc.text) > MAX_TEXT_CHARS:
            raise UnreadableInput("too large")
        return doc
