"""What an analyst watches, as a YAML file or ``foreigndesk alert add``.

A YAML file holds a list of watches (or ``{watches: [...]}``); each has a ``kind`` and an
optional ``name`` (its key; else one is derived from the definition)::

    - name: china-cuba
      kind: shift          # the dyad's index departs from its recent baseline
      dyad: CHN-CUB
      by: month            # month | quarter | year
      window: 12           # baseline periods before the latest
      threshold: 3.0       # |z| at or above which it fires
      min_events: 3        # periods resting on fewer events have no value
    - kind: event          # a new event of these CAMEO roots between these actors
      source: CHN          # a country or actor code (prefix: CHNMIL is China's military)
      target: CUB
      roots: ["15", "17", "18", "19", "20"]
    - kind: echo           # a claim that a new outlet repeats
      claim: "the blockade cost Cuba billions"   # or cluster: 123; neither: every claim
    - kind: figures        # a new conflict of figures on a topic
      topic: aid
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("shift", "event", "echo", "figures")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
_CODE = re.compile(r"^[A-Z]{3}[A-Z]{0,9}$")
_ROOT = re.compile(r"^(0[1-9]|1\d|20)$")
BY = ("month", "quarter", "year")
SHIFT_DEFAULTS: dict[str, Any] = {"by": "month", "window": 12, "threshold": 3.0,
                                  "min_events": 3, "min_baseline": 4, "undirected": True,
                                  "source": "news", "measure": None, "sd_floor": None}
ALLOWED = {
    "shift": {"dyad", *SHIFT_DEFAULTS},
    "event": {"source", "target", "roots", "undirected"},
    "echo": {"claim", "cluster", "min_similarity"},
    "figures": {"topic"},
}


class WatchError(ValueError):
    """A watch definition that cannot be used (one line for the user)."""


@dataclass
class Watch:
    key: str
    kind: str
    spec: dict[str, Any]
    origin: str = "store"  # store | the YAML file's path

    def describe(self) -> str:
        s = self.spec
        if self.kind == "shift":
            return (f"{s['dyad']} index ({s.get('measure') or 'default measure'}, by "
                    f"{s['by']}): |z| >= {s['threshold']} against the {s['window']} periods "
                    f"before, periods of >= {s['min_events']} events")
        if self.kind == "event":
            roots = ",".join(s.get("roots") or []) or "any root"
            arrow = "<->" if s.get("undirected") else "->"
            return f"new events {s['source']} {arrow} {s['target']} ({roots})"
        if self.kind == "echo":
            what = (f"claim {s['claim']!r}" if s.get("claim") else
                    f"cluster {s['cluster']}" if s.get("cluster") is not None else "any claim")
            return f"{what} repeated by a new outlet"
        return f"new conflict of figures on {s['topic']!r}"


def _dyad(v: Any) -> str:
    from foreigndesk.analyze.relations import RelationsError, parse_dyad

    try:
        a, b = parse_dyad(str(v))
    except RelationsError as e:
        raise WatchError(str(e)) from None
    return f"{a}-{b}"


def _code(v: Any, what: str) -> str:
    c = str(v or "").strip().upper()
    if not _CODE.match(c):
        raise WatchError(f"{what}: not an actor code: {v!r} (a country code such as CHN, "
                         f"or one with a sector: CHNMIL)")
    return c


def _number(spec: dict[str, Any], key: str, kind: type, lo: float, hi: float) -> None:
    v = spec[key]
    try:
        n = kind(v)
    except (TypeError, ValueError):
        raise WatchError(f"{key}: not a number: {v!r}") from None
    if isinstance(v, bool) or not lo <= n <= hi:
        raise WatchError(f"{key}: {v!r} is out of range ({lo:g} to {hi:g})")
    spec[key] = n


def normalise(raw: dict[str, Any]) -> Watch:
    """A checked :class:`Watch` from a definition (a YAML mapping or the CLI's options)."""
    if not isinstance(raw, dict):
        raise WatchError(f"a watch is a mapping, not {type(raw).__name__}")
    d = {k: v for k, v in raw.items() if v is not None}
    kind = str(d.pop("kind", "")).strip().lower()
    if kind not in KINDS:
        raise WatchError(f"kind: one of {', '.join(KINDS)} (got {kind or 'nothing'!r})")
    name = d.pop("name", None)
    unknown = sorted(set(d) - ALLOWED[kind])
    if unknown:
        raise WatchError(f"{kind} watch: unknown field {unknown[0]!r} "
                         f"(fields: {', '.join(sorted(ALLOWED[kind]))})")
    spec: dict[str, Any] = {}
    if kind == "shift":
        from foreigndesk.analyze.relations import MEASURES, SOURCES

        if "dyad" not in d:
            raise WatchError("shift watch: dyad is required (e.g. CHN-CUB)")
        spec = {**SHIFT_DEFAULTS, **d, "dyad": _dyad(d["dyad"])}
        if spec["by"] not in BY:
            raise WatchError(f"by: one of {', '.join(BY)}")
        if spec["source"] not in SOURCES:
            raise WatchError(f"source: one of {', '.join(SOURCES)}")
        if spec["measure"] is not None and spec["measure"] not in MEASURES:
            raise WatchError(f"measure: one of {', '.join(MEASURES)}")
        _number(spec, "window", int, 2, 120)
        _number(spec, "threshold", float, 0.5, 20)
        _number(spec, "min_events", int, 1, 10_000)
        _number(spec, "min_baseline", int, 2, 120)
        if spec["sd_floor"] is not None:
            _number(spec, "sd_floor", float, 0, 1e6)
        spec["undirected"] = bool(spec["undirected"])
    elif kind == "event":
        if "source" not in d or "target" not in d:
            raise WatchError("event watch: source and target are required (e.g. CHN, CUB)")
        roots = d.get("roots") or []
        if isinstance(roots, str | int):
            roots = str(roots).split(",")
        roots = [str(r).strip().zfill(2) for r in roots if str(r).strip()]
        bad = [r for r in roots if not _ROOT.match(r)]
        if bad:
            raise WatchError(f"roots: not a CAMEO root code: {bad[0]!r} (01 to 20)")
        spec = {"source": _code(d["source"], "source"), "target": _code(d["target"], "target"),
                "roots": sorted(set(roots)), "undirected": bool(d.get("undirected", False))}
    elif kind == "echo":
        if d.get("claim") is not None and d.get("cluster") is not None:
            raise WatchError("echo watch: give claim or cluster, not both")
        if d.get("claim") is not None:
            claim = " ".join(str(d["claim"]).split())
            if not claim or len(claim) > 1000:
                raise WatchError("claim: 1 to 1000 characters of text")
            spec["claim"] = claim
        if d.get("cluster") is not None:
            spec["cluster"] = d["cluster"]
            _number(spec, "cluster", int, 1, 2**62)
        spec["min_similarity"] = d.get("min_similarity", 0.5)
        _number(spec, "min_similarity", float, 0.1, 1.0)
    else:
        topic = " ".join(str(d.get("topic") or "").split())
        if not topic or len(topic) > 200:
            raise WatchError("figures watch: topic is required (words the measure or "
                             "sentence holds)")
        spec = {"topic": topic}
    if name is not None:
        name = str(name).strip()
        if not _NAME.match(name):
            raise WatchError(f"name: letters, digits and . _ : - (up to 80), not {name!r}")
        key = name
    else:
        digest = hashlib.sha256(json.dumps([kind, spec], sort_keys=True).encode()).hexdigest()
        key = f"{kind}-{digest[:8]}"
    return Watch(key, kind, spec)


def load_file(path: str | Path) -> list[Watch]:
    """The watches of a YAML file (raises :class:`WatchError` naming the file and entry)."""
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise WatchError(f"{p}: cannot read: {e.strerror or e}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise WatchError(f"{p}: not YAML ({type(e).__name__})") from None
    if isinstance(data, dict) and "watches" in data:
        data = data["watches"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise WatchError(f"{p}: a list of watches (or watches: [...]) is expected")
    out: list[Watch] = []
    for i, raw in enumerate(data, start=1):
        try:
            w = normalise(raw)
        except WatchError as e:
            raise WatchError(f"{p}: watch {i}: {e}") from None
        w.origin = str(p)
        if any(x.key == w.key for x in out):
            raise WatchError(f"{p}: watch {i}: the name {w.key!r} is used twice")
        out.append(w)
    return out


def all_watches(store: Any, files: tuple[str, ...] | list[str] = ()) -> list[Watch]:
    """The store's watches, then those of ``files`` (a file's watch replaces a stored one
    of the same key)."""
    from foreigndesk.store.alerts import stored_watches

    found: dict[str, Watch] = {}
    for r in stored_watches(store):
        found[r["key"]] = Watch(r["key"], r["kind"], r["spec"])
    for f in files:
        for w in load_file(f):
            found[w.key] = w
    return list(found.values())
