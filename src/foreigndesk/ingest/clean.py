"""Structural limits every reader applies, so that no extractor ever sees hostile shapes.

- :func:`clean_text`: lone surrogates become U+FFFD; NUL and the other control characters
  (C0 but tab, newline and carriage return; DEL; C1) are dropped; vertical tab and form feed
  become newlines; a run of more than :data:`MAX_TOKEN_CHARS` characters without a space
  (never a word: a blob, a padding attack) is cut by a space every MAX_TOKEN_CHARS
  characters, so no later step meets an unbounded token. Every string a reader puts in a
  Document passes through it.
- :func:`json_value`: JSON decoded with its nesting bounded (:data:`MAX_DEPTH`); a deeper
  value, or one that would exhaust Python's recursion, is refused with a reason.
- :func:`load_front_matter`: YAML front matter with a loader that refuses aliases (alias
  bombs, self-referencing aliases) and bounds nesting, and keeps dates as strings so that
  :func:`checked_date` can validate them and say which field is wrong.
"""

from __future__ import annotations

import json
import re
from typing import Any

from foreigndesk.ingest.dates import normalise_date
from foreigndesk.ingest.errors import UnreadableInput

MAX_TOKEN_CHARS = 1000
"""The longest run of characters without a space a document keeps whole."""
MAX_DEPTH = 32
"""The deepest nesting of a JSON value or YAML front matter a reader accepts."""

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_ISO_LIKE = re.compile(r"^\s*\d{4}-\d{1,2}(?:-\d{1,2})?(?:[T ].*)?$")


def clean_text(s: str) -> str:
    """``s`` without lone surrogates (made U+FFFD), control characters (dropped) or runs of
    more than MAX_TOKEN_CHARS characters without a space (cut)."""
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)
    if _CONTROL.search(s):
        s = _CONTROL.sub("", s)
    if "\x0b" in s or "\x0c" in s:
        s = s.translate(_BREAKS)
    if _LONG_RUN.search(s):
        s = _LONG_RUN.sub(_cut, s)
    return s


def _cut(m: re.Match[str]) -> str:
    run = m.group(0)
    return " ".join(run[i:i + MAX_TOKEN_CHARS] for i in range(0, len(run), MAX_TOKEN_CHARS))


class TooDeep(ValueError):
    """A JSON or YAML value nested deeper than :data:`MAX_DEPTH`."""


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Nesting depth of a decoded value (iterative: a deep value cannot exhaust the stack);
    stops counting past ``limit``."""
    best = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            children: Any = v.values()
        elif isinstance(v, list | tuple):
            children = v
        else:
            continue
        best = max(best, d)
        if best > limit:
            return best
        stack.extend((c, d + 1) for c in children)
    return best


def json_value(text: str | bytes) -> Any:
    """``json.loads`` with nesting bounded; raises :class:`TooDeep` or
    :class:`json.JSONDecodeError`."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise TooDeep(f"nested too deeply (the limit is {MAX_DEPTH} levels)") from None
    if depth(value) > MAX_DEPTH:
        raise TooDeep(f"nested too deeply (the limit is {MAX_DEPTH} levels)")
    return value


def _safe_loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        """Safe YAML without aliases, with bounded nesting, dates left as strings."""

        _depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "aliases are not allowed", event.start_mark)
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    raise yaml.composer.ComposerError(
                        None, None, f"nested too deeply (the limit is {MAX_DEPTH} levels)",
                        self.peek_event().start_mark)
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    # timestamps stay strings: 2023-02-30 is reported by field, not raised as ValueError
    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


_LOADER: type | None = None


def load_front_matter(text: str) -> Any:
    """The YAML value of a front-matter block; raises :class:`UnreadableInput` with the reason
    when it is not safe, plain YAML."""
    global _LOADER
    import yaml

    if _LOADER is None:
        _LOADER = _safe_loader()
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        problem = getattr(e, "problem", None) or str(e).split("\n", 1)[0]
        raise UnreadableInput(f"front matter: {problem}") from None
    except RecursionError:
        raise UnreadableInput(f"front matter: nested too deeply (the limit is {MAX_DEPTH} "
                              "levels)") from None


def checked_date(value: Any, field: str) -> str | None:
    """The ISO date of a metadata field; None when absent or free text we cannot read.
    A value shaped like a numeric date that is no date (2023-02-30, 2021-13-45) raises
    :class:`UnreadableInput` naming the field."""
    iso = normalise_date(value)
    if iso is None and isinstance(value, str) and _ISO_LIKE.match(value):
        raise UnreadableInput(f'field "{field}": {value.strip()[:40]!r} is not a valid date')
    return iso
