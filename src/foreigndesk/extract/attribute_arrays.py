"""The model's ``attribute_ruler``, applied through token arrays.

spaCy's :class:`~spacy.pipeline.AttributeRuler` runs a ``Matcher`` of 179 patterns over every
token (tag map, word exceptions), then sets the attributes of each match through a ``Span``
and a ``Token`` made in Python: as much CPU as the neural tagger's shared ``tok2vec``. The
patterns are simple (one or two tokens; ``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE`` compared
for equality, ``IN``, ``NOT_IN`` or ``REGEX``), so :class:`ArrayRuler` compiles them into
comparisons over a document's token arrays, sorts the matches as the ruler does (later rules
win) and writes the same values back with ``Doc.from_array``: the same annotations (checked
token by token against the ruler in ``tests/extract/test_attribute_arrays.py``), about ten
times faster. A pattern of any other shape makes it use the ruler itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.tokens import Doc

_COLUMNS = (POS, MORPH, LEMMA, TAG, DEP)
_READ = (TAG, LOWER, DEP, IS_SPACE)
_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


_Cond = tuple[int, str, Any]  # (column of _READ, operator, argument)
_TokenPattern = list[_Cond]


class _Unsupported(Exception):
    pass


class ArrayRuler:
    """An ``attribute_ruler``'s patterns as array comparisons; ``ArrayRuler(ruler)(doc)`` does
    what ``ruler(doc)`` does."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self._regex_cache: dict[int, dict[int, bool]] = {}
        self.patterns: list[tuple[int, list[list[_TokenPattern]]]] = []
        self.compiled = True
        try:
            for attr_id, spec in enumerate(ruler.patterns):
                if spec.get("index", 0) != ruler.indices[attr_id]:
                    raise _Unsupported
                pats = [[self._compile(tok, strings) for tok in pat] for pat in spec["patterns"]]
                self.patterns.append((attr_id, pats))
            if len(self.patterns) != len(ruler.attrs):
                raise _Unsupported
        except _Unsupported:
            self.compiled = False

    def _compile(self, tok: dict[str, Any], strings: Any) -> _TokenPattern:
        out: _TokenPattern = []
        for key, value in tok.items():
            if key not in _KEYS:
                raise _Unsupported
            col = _KEYS[key]
            if key == "IS_SPACE":
                if not isinstance(value, bool):
                    raise _Unsupported
                out.append((col, "eq", int(value)))
            elif isinstance(value, str):
                out.append((col, "eq", strings.add(value)))
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if op in ("IN", "NOT_IN"):
                    hashes = numpy.array([strings.add(v) if v else 0 for v in arg], dtype=numpy.uint64)
                    out.append((col, op, hashes))
                elif op == "REGEX" and key == "LOWER":
                    out.append((col, op, re.compile(arg)))
                else:
                    raise _Unsupported
            else:
                raise _Unsupported
        return out

    def _mask(self, arr: numpy.ndarray, conds: _TokenPattern, strings: Any) -> numpy.ndarray:
        mask = numpy.ones(len(arr), dtype=bool)
        for col, op, arg in conds:
            column = arr[:, col]
            if op == "eq":
                mask &= column == arg
            elif op == "IN":
                mask &= numpy.isin(column, arg)
            elif op == "NOT_IN":
                mask &= ~numpy.isin(column, arg)
            else:  # REGEX over the lower-case form
                cache = self._regex_cache.setdefault(id(arg), {})
                hits = []
                for h in column.tolist():
                    v = cache.get(h)
                    if v is None:
                        v = cache[h] = bool(arg.search(strings[h]))
                    hits.append(v)
                mask &= numpy.array(hits, dtype=bool)
        return mask

    def _hits(self, arr: numpy.ndarray, strings: Any, owner: numpy.ndarray | None = None
              ) -> list[tuple[int, numpy.ndarray, int]]:
        """(pattern index, match starts, match length) for every pattern that matches the
        token rows ``arr`` (columns :data:`_READ`); ``owner``: the document of each row when
        several documents are stacked (a match across two of them does not count)."""
        n = len(arr)
        present = [set(arr[:, c].tolist()) for c in range(len(_READ))]
        out: list[tuple[int, numpy.ndarray, int]] = []
        for attr_id, pats in self.patterns:
            for pat in pats:
                k = len(pat)
                if k == 0 or k > n or any(op == "eq" and arg not in present[col]
                                          for tok in pat for col, op, arg in tok):
                    continue
                mask = self._mask(arr, pat[0], strings)[: n - k + 1]
                for j in range(1, k):
                    mask &= self._mask(arr, pat[j], strings)[j: n - k + 1 + j]
                starts = numpy.flatnonzero(mask)
                if owner is not None and k > 1 and len(starts):
                    starts = starts[owner[starts] == owner[starts + k - 1]]
                if len(starts):
                    out.append((attr_id, starts, k))
        return out

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of every match, in the order the ruler applies them."""
        out: list[tuple[int, int, int]] = []
        by_id: dict[int, set[tuple[int, int]]] = {}
        arr = doc.to_array(list(_READ)).astype(numpy.uint64)
        for attr_id, starts, k in self._hits(arr, doc.vocab.strings):
            by_id.setdefault(attr_id, set()).update((int(s), int(s) + k) for s in starts)
        for attr_id in sorted(by_id):
            out.extend((attr_id, s, e) for s, e in sorted(by_id[attr_id]))
        return out

    def _apply(self, docs: list[Doc]) -> None:
        """Set the attributes of every match in ``docs`` (non-empty), stacked in one array."""
        reads = [d.to_array(list(_READ)).astype(numpy.uint64) for d in docs]
        lens = [len(r) for r in reads]
        arr = numpy.concatenate(reads)
        owner = numpy.repeat(numpy.arange(len(docs)), lens)
        hits = self._hits(arr, docs[0].vocab.strings, owner if len(docs) > 1 else None)
        if not hits:
            return
        attrs: list[dict[int, int]] = self.ruler.attrs
        indices: list[int] = self.ruler.indices
        # per column, the (token, value) writes in the ruler's order (by pattern): last wins
        writes: list[list[tuple[numpy.ndarray, int]]] = [[] for _ in _COLUMNS]
        for attr_id, starts, k in hits:
            index = indices[attr_id]
            if not -k <= index < k:
                for d in docs:
                    self.ruler(d)  # its own error
                return
            pos = starts + (index if index >= 0 else k + index)
            for a, v in attrs[attr_id].items():
                writes[_COLUMNS.index(a)].append((pos, v))
        out = numpy.concatenate([d.to_array(list(_COLUMNS)).astype(numpy.uint64) for d in docs])
        for c, ws in enumerate(writes):
            if not ws:
                continue
            pos = numpy.concatenate([p for p, _ in ws])
            val = numpy.concatenate([numpy.full(len(p), v, dtype=numpy.uint64) for p, v in ws])
            last = len(pos) - 1 - numpy.unique(pos[::-1], return_index=True)[1]
            out[pos[last], c] = val[last]
        cols = list(_COLUMNS) if writes[-1] else list(_COLUMNS[:-1])
        at = 0
        for d, n in zip(docs, lens, strict=True):
            d.from_array(cols, out[at: at + n, : len(cols)])  # type: ignore[arg-type]
            at += n

    def __call__(self, doc: Doc) -> Doc:
        if not self.compiled:
            return self.ruler(doc)
        if len(doc):
            self._apply([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Like calling it on each document; a batch's documents are matched together."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        if not self.compiled:
            return [self.ruler(d) for d in docs]
        full = [d for d in docs if len(d)]
        if full:
            self._apply(full)
        return docs
