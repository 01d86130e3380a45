"""The Python API for notebooks: ``import foreigndesk as fd``.

    s = fd.open("foreigndesk.db")
    s.events(dyad="CHN-CUB").to_pandas()       # or .to_dicts(), or iterate
    s.claims(speaker="china"), s.actors(), s.documents(), s.timeline(actor="cuba")
    s.export("gexf", "network.gexf", dyad="china-cuba")
    facts = fd.extract("China's foreign minister visited Havana on Monday.",
                       published="2023-02-13")

Built on the store (:class:`~foreigndesk.store.Store`) and its filters
(:class:`~foreigndesk.store.filters.EventFilter`): the same rows as the command line. pandas
is optional (``pip install 'foreigndesk[pandas]'``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from foreigndesk.model import Extraction
from foreigndesk.store import Store


class Rows:
    """Rows of a query, read from the store when iterated (again on each iteration)."""

    def __init__(self, produce: Callable[[], Iterator[dict[str, Any]]]) -> None:
        self._produce = produce

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._produce()

    def to_dicts(self) -> list[dict[str, Any]]:
        return list(self)

    def to_pandas(self) -> Any:
        """A pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas needs pandas: pip install 'foreigndesk[pandas]'") \
                from None
        return pd.DataFrame.from_records(self.to_dicts())

    def __repr__(self) -> str:
        return f"<Rows: {sum(1 for _ in self)} rows>"


class Session:
    """An open store. Use :func:`open`; close with :meth:`close` or a ``with`` block."""

    def __init__(self, path: str | Path) -> None:
        from foreigndesk.store.backends import is_postgres, store_exists

        p = path if is_postgres(str(path)) else Path(path)
        if not store_exists(p):
            raise FileNotFoundError(f"{p}: no such store (foreigndesk ingest PATH --db {p})")
        self.path = p
        self.store = Store.open(p)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def events(self, actors: Sequence[str] | str = (), dyad: str | Sequence[str] | None = None,
               undirected: bool = False, codes: Sequence[str] | str = (),
               since: str | None = None, until: str | None = None, origin: str = "all",
               modalities: Sequence[str] | str = (), limit: int | None = None) -> Rows:
        """Events as ``foreigndesk events`` filters them, one flat row each (its first
        citation in ``doc_id``, ``sentence``, ``page``, ``outlet``, ``published``, ``url``;
        every citation in ``citations``)."""
        from foreigndesk.export.parquet import event_record
        from foreigndesk.store.exports import iter_events
        from foreigndesk.store.filters import EventFilter

        flt = EventFilter(actors=actors, dyad=dyad, undirected=undirected, codes=codes,
                          since=since, until=until, origin=origin, modalities=modalities,
                          limit=limit)

        def produce() -> Iterator[dict[str, Any]]:
            for r in iter_events(self.store, flt):
                rec = event_record(r)
                rec["citations"] = r["mentions"]
                yield rec

        return Rows(produce)

    def claims(self, speaker: Sequence[str] | str = (), about: str | None = None,
               stance: Sequence[str] | str = (), kind: Sequence[str] | str = ()) -> Rows:
        """Claims as ``foreigndesk claims --speaker --about --stance --kind`` list them."""
        from foreigndesk.analyze.clusters import filtered_claims

        def produce() -> Iterator[dict[str, Any]]:
            yield from filtered_claims(self.store, _seq(speaker), about, _seq(stance),
                                       _seq(kind))

        return Rows(produce)

    def actors(self) -> Rows:
        """Actors mentioned, most mentioned first."""
        from foreigndesk.store.exports import iter_actors

        return Rows(lambda: iter_actors(self.store))

    def documents(self, since: str | None = None, until: str | None = None) -> Rows:
        """Documents (without their text) published within ``since``..``until``."""
        from foreigndesk.store.exports import iter_documents

        return Rows(lambda: iter_documents(self.store, since, until))

    def timeline(self, actor: Sequence[str] | str = (), since: str | None = None,
                 until: str | None = None) -> Rows:
        """Dated items, earliest happening first, as ``foreigndesk timeline`` lists them."""
        from foreigndesk.analyze.timeline import timeline

        return Rows(lambda: iter(timeline(self.store, list(_seq(actor)), since, until)))

    def export(self, fmt: str, path: str | Path, listing: str = "events",
               **filters: Any) -> int:
        """Write ``fmt`` (as ``foreigndesk export``) to ``path``; the number of records."""
        from foreigndesk.export.run import export
        from foreigndesk.store.filters import EventFilter

        with Path(path).open("wb") as out:
            return export(self.store, fmt, out, EventFilter(**filters), listing=listing).count


def _seq(v: Sequence[str] | str) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def open(path: str | Path = "foreigndesk.db") -> Session:  # noqa: A001 - fd.open reads well
    """Open a store for reading from Python."""
    return Session(path)


def extract(text: str, published: str | None = None, title: str | None = None,
            outlet: str | None = None, url: str | None = None) -> Extraction:
    """Every fact of one text (sentences, mentions, times, places, events, claims, figures,
    actors), as ``foreigndesk extract`` makes them; ``published`` (YYYY-MM-DD) anchors
    relative dates ("on Monday"). Loads spaCy's model on first use."""
    from foreigndesk.extract.pipeline import extract as run
    from foreigndesk.model import Document

    doc = Document(text=text, published=published, title=title, outlet=outlet, url=url,
                   reader="python")
    return next(run([doc]))


def datasette_metadata(path: str | Path = "metadata.json",
                       database: str = "foreigndesk") -> Path:
    """Write Datasette's ``metadata.json`` labelling the store's tables, for
    ``datasette foreigndesk.db --metadata metadata.json`` (``database`` is the store file's
    name without ``.db``, as Datasette names it)."""
    import json
    from importlib import resources

    meta = json.loads(resources.files("foreigndesk").joinpath(
        "data", "datasette", "metadata.json").read_text("utf-8"))
    meta["databases"] = {database: meta["databases"]["foreigndesk"]}
    out = Path(path)
    out.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
