"""Stream the store's rows into an exporter."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import IO, Any

from foreigndesk.export import FORMATS
from foreigndesk.export.base import Exporter
from foreigndesk.store import Store
from foreigndesk.store import exports as rows
from foreigndesk.store.filters import EventFilter

LISTINGS = ("events", "documents", "actors", "claims", "figures", "places", "timeline")


class ExportError(ValueError):
    """An export that cannot be made (unknown format, listing...)."""


def exporter_class(fmt: str) -> type[Exporter]:
    """The class registered for ``fmt`` (raises :class:`ExportError` when unknown)."""
    target = FORMATS.get(fmt)
    if target is None:
        raise ExportError(f"no export format {fmt!r} (one of {', '.join(FORMATS)})")
    module, _, name = target.partition(":")
    cls: type[Exporter] = getattr(importlib.import_module(module), name)
    return cls


def source_rows(store: Store, source: str, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """The rows of one stream: events (filtered), places, or a listing. The listings other
    than events take the filter's dates (publication date; a claim's own date first)."""
    if source == "events":
        return rows.iter_events(store, flt)
    if source == "places":
        return rows.iter_places(store)
    if source == "documents":
        return rows.iter_documents(store, flt.since, flt.until)
    if source == "actors":
        return rows.iter_actors(store)
    if source == "claims":
        return rows.iter_claims(store, flt.since, flt.until)
    if source == "figures":
        return rows.iter_quantities(store, flt.since, flt.until)
    if source == "timeline":
        return timeline_rows(store, flt)
    raise ExportError(f"no listing {source!r} (one of {', '.join(LISTINGS)})")


def timeline_rows(store: Store, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """The timeline's items (its actors and dates from the filter), flattened: a time
    expression's item names it under ``expression``; an event item, dated by a neighbouring
    clause or its document, names its verb under ``event`` (as ``foreigndesk timeline``)."""
    import json

    from foreigndesk.analyze.timeline import timeline

    for r in timeline(store, list(flt.actors), flt.since, flt.until):
        event = r["kind"] == "event"
        yield {**r, "expression": None if event else r["expression"],
               "event": r["expression"] if event else None,
               "dated_by": r.get("date_source") if event else "text",
               "sentence_index": r.get("sentence_index"),
               "actors": "; ".join(r.get("actors") or []),
               "events": json.dumps(r.get("events") or [], ensure_ascii=False)}


def export(store: Store, fmt: str, out: IO[bytes], flt: EventFilter | None = None,
           listing: str = "events") -> Exporter:
    """Write the store (as ``flt`` selects it) to ``out`` in format ``fmt``; returns the
    finished exporter (its ``count`` and ``skipped``)."""
    ex = make_exporter(fmt, out, listing=listing)
    for _ in stream(store, ex, flt or EventFilter()):
        pass
    return ex


def check_filters(fmt: str, listing: str, flt: EventFilter) -> None:
    """A listing other than events takes only dates (the timeline: dates and actors): raise
    :class:`ExportError` when another event filter is given for one (rather than ignoring
    it)."""
    if fmt != "parquet" or listing == "events":
        return
    actors = () if listing == "timeline" else flt.actors
    given = [name for name, value in (("actor", actors), ("dyad", flt.dyad),
                                      ("code", flt.codes), ("modality", flt.modalities),
                                      ("limit", flt.limit), ("undirected", flt.undirected))
             if value] + (["source"] if flt.origin != "all" else [])
    if given:
        takes = "actor, since and until" if listing == "timeline" else "only since/until"
        raise ExportError(f"{', '.join(given)}: event filters, and the {listing} listing "
                          f"takes {takes}")


def make_exporter(fmt: str, out: IO[bytes], listing: str = "events") -> Exporter:
    cls = exporter_class(fmt)
    if listing not in LISTINGS:
        raise ExportError(f"no listing {listing!r} (one of {', '.join(LISTINGS)})")
    return cls(out, listing=listing)


def stream(store: Store, ex: Exporter, flt: EventFilter) -> Iterator[None]:
    """Write row by row, yielding after each (so a web response can send what is written),
    then finalize."""
    sources = (ex.options.get("listing", "events"),) if ex.sources == ("listing",) else ex.sources
    for source in sources:
        for row in source_rows(store, source, flt):
            ex.write(source, row)
            yield
    ex.finalize()
    yield
