"""What a brief covers: the filters (actors, date range) and the documents they select.

* documents: those that mention one of the actors (when actors are given) and were published
  within the date range; an undated document counts when it holds a dated timeline item in
  the range;
* a sentence is *about* the actors when it mentions one of them (every sentence when no actor
  is given);
* a date is in range when the period it names overlaps the range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from foreigndesk.report.dates import overlaps
from foreigndesk.store import Store
from foreigndesk.store.document_rows import documents_in_order
from foreigndesk.store.timeline_rows import sentences_mentioning


@dataclass
class Scope:
    actors: list[str]
    since: str | None
    until: str | None
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> documents row
    about_actors: set[tuple[str, int]] | None = None  # None: no actor filter

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    def has_doc(self, doc_id: str | None) -> bool:
        return doc_id in self.docs

    def about(self, doc_id: str, sentence: int | None) -> bool:
        """Whether the sentence mentions one of the actors (always True without actors)."""
        if self.about_actors is None:
            return True
        return (doc_id, sentence) in self.about_actors if sentence is not None else False

    def in_range(self, date: str | None) -> bool:
        return overlaps(date, self.since, self.until)


def build_scope(store: Store, actors: Iterable[str], since: str | None, until: str | None,
                timeline_docs: Iterable[str] = ()) -> Scope:
    """The scope of a brief; ``timeline_docs`` are the documents of the timeline items kept
    (which lets an undated document in)."""
    scope = Scope(list(actors), since, until)
    if scope.actors:
        scope.about_actors = sentences_mentioning(store, scope.actors)
        mentioning = {d for d, _ in scope.about_actors}
    on_timeline = set(timeline_docs)
    for d in documents_in_order(store):
        if scope.actors and d["id"] not in mentioning:
            continue
        if scope.dated and not (scope.in_range(d["published"])
                                or (not d["published"] and d["id"] in on_timeline)):
            continue
        scope.docs[d["id"]] = d
    return scope
