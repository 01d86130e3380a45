"""The actor network: actors as nodes, an edge between two actors weighted by the events
between them (either direction) and coloured by their mean Goldstein score; laid out on the
server with a deterministic force-directed layout (Fruchterman-Reingold)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from foreigndesk.store import Store, actor_rows, network_rows
from foreigndesk.store.filters import EventFilter
from foreigndesk.web.cache import memo


@dataclass
class Node:
    key: str
    name: str
    kind: str
    country: str | None
    events: int = 0
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0


@dataclass
class Edge:
    a: str
    b: str
    events: int = 0
    mean: float | None = None  # mean Goldstein score of its events
    codes: dict[str, int] = field(default_factory=dict)


def network(store: Store, f: EventFilter, max_nodes: int = 60,
            with_codes: bool = False) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges from the events the filters select (the ``max_nodes`` actors in the
    most events), counted in SQL (:mod:`foreigndesk.store.network_rows`); each edge's
    events per CAMEO code only ``with_codes`` (one more pass over the events)."""
    pairs = network_rows.pair_counts(store, f)
    degree: dict[str, int] = {}
    for p in pairs:
        degree[p.a] = degree.get(p.a, 0) + p.events
        degree[p.b] = degree.get(p.b, 0) + p.events
    keep = set(sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes])
    codes = network_rows.pair_codes(store, f, keep) if with_codes else {}
    kept_edges = [Edge(p.a, p.b, p.events, p.goldstein_mean, codes.get((p.a, p.b), {}))
                  for p in pairs if p.a in keep and p.b in keep]
    names = actor_rows.actor_names(store, keep)
    nodes = []
    for k in sorted(keep):
        info = names.get(k, {})
        nodes.append(Node(k, info.get("name") or k, info.get("kind") or "code",
                          info.get("country") or (k[:3] if k[:3].isupper() else None),
                          degree[k]))
    layout(nodes, kept_edges)
    return nodes, kept_edges


def cached_network(store: Store, f: EventFilter, max_nodes: int = 60,
                   with_codes: bool = False) -> tuple[list[Node], list[Edge]]:
    """:func:`network`, kept until the store changes (:mod:`foreigndesk.web.cache`)."""
    return memo(store.path, ("network", repr(f.params()), max_nodes, with_codes),
                lambda: network(store, f, max_nodes, with_codes))


def layout(nodes: list[Node], edges: list[Edge], width: float = 900, height: float = 560,
           iterations: int = 150) -> None:
    """Fruchterman-Reingold from a circle (so the same store always gives the same picture),
    then scaled into the box with a margin."""
    n = len(nodes)
    if n == 0:
        return
    index = {nd.key: i for i, nd in enumerate(nodes)}
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.c_[np.cos(angle), np.sin(angle)] * 0.5
    if n > 1:
        k = math.sqrt(1.0 / n)
        src = np.array([index[e.a] for e in edges], dtype=int)
        dst = np.array([index[e.b] for e in edges], dtype=int)
        w = np.array([1 + math.log(e.events) for e in edges]) if edges else np.zeros(0)
        temp = 0.1
        for _ in range(iterations):
            delta = pos[:, None, :] - pos[None, :, :]
            dist = np.sqrt((delta ** 2).sum(-1)) + 1e-9
            rep = (k * k / dist ** 2)[:, :, None] * delta
            disp = rep.sum(1)
            if len(src):
                d = pos[src] - pos[dst]
                dl = np.sqrt((d ** 2).sum(-1)) + 1e-9
                att = (dl / k * w)[:, None] * d
                np.add.at(disp, src, -att)
                np.add.at(disp, dst, att)
            disp -= pos * 0.05 * n  # a little gravity keeps unlinked nodes in view
            length = np.sqrt((disp ** 2).sum(-1)) + 1e-9
            pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
            temp *= 0.975
    lo, hi = pos.min(0), pos.max(0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    margin = 70.0
    top = max(n.events for n in nodes)
    for i, nd in enumerate(nodes):
        nd.x = float(margin + (pos[i, 0] - lo[0]) / span[0] * (width - 2 * margin)) if n > 1 \
            else width / 2
        nd.y = float(40 + (pos[i, 1] - lo[1]) / span[1] * (height - 80)) if n > 1 else height / 2
        nd.r = 5 + 13 * math.sqrt(nd.events / top)
