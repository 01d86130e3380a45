"""The actor network as GEXF (Gephi) and GraphML, built with networkx.

A directed graph: a node per actor (id: the actor id, else its CAMEO code, else its country;
attributes ``label``, ``kind``, ``country``, ``events``), an edge from source to target per
pair of actors that have events, with ``weight`` = the number of events, ``goldstein_mean``
and ``goldstein_sum`` over those with a score, the events per QuadClass (``q1``..``q4``) and
``codes`` (the CAMEO codes, most frequent first). Events with one side unknown, or with the
same actor on both sides, are left out (``skipped``). The graph is aggregated while the
events stream by; only nodes and edges are held in memory.
"""

from __future__ import annotations

from typing import Any, ClassVar

from foreigndesk.export.base import Exporter, need
from foreigndesk.export.common import side


class _NetworkExporter(Exporter):
    sources: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, out: Any, **options: Any) -> None:
        super().__init__(out, **options)
        self.nx = need("networkx")
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}
        self.skipped_reason = "one side unknown, or the same actor on both sides"

    def write(self, source: str, row: dict[str, Any]) -> None:
        a, b = side(row, "source"), side(row, "target")
        if a is None or b is None or a["key"] == b["key"]:
            self.skipped += 1
            return
        for s in (a, b):
            node = self.nodes.setdefault(s["key"], {"label": s["name"], "kind": s["kind"],
                                                    "country": s["country"] or "", "events": 0})
            node["events"] += 1
        e = self.edges.setdefault((a["key"], b["key"]), {
            "weight": 0, "goldstein_sum": 0.0, "scored": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0,
            "codes": {}})
        e["weight"] += 1
        if row.get("goldstein") is not None:
            e["goldstein_sum"] += float(row["goldstein"])
            e["scored"] += 1
        if row.get("quad_class") in (1, 2, 3, 4):
            e[f"q{row['quad_class']}"] += 1
        e["codes"][row["code"]] = e["codes"].get(row["code"], 0) + 1

    def graph(self) -> Any:
        g = self.nx.DiGraph()
        for key, attrs in sorted(self.nodes.items()):
            g.add_node(key, **attrs)
        for (a, b), e in sorted(self.edges.items()):
            codes = sorted(e["codes"].items(), key=lambda kv: (-kv[1], kv[0]))
            g.add_edge(a, b, weight=e["weight"],
                       goldstein_mean=(round(e["goldstein_sum"] / e["scored"], 4)
                                       if e["scored"] else 0.0),
                       goldstein_sum=round(e["goldstein_sum"], 4),
                       q1=e["q1"], q2=e["q2"], q3=e["q3"], q4=e["q4"],
                       codes=" ".join(f"{c}:{n}" for c, n in codes))
        self.count = g.number_of_edges()
        return g


class GexfExporter(_NetworkExporter):
    name = "gexf"
    extension = "gexf"
    media_type = "application/gexf+xml"
    description = "the actor network for Gephi (GEXF 1.2)"

    def finalize(self) -> None:
        self.nx.write_gexf(self.graph(), self.out)


class GraphMLExporter(_NetworkExporter):
    name = "graphml"
    extension = "graphml"
    media_type = "application/graphml+xml"
    description = "the actor network as GraphML"

    def finalize(self) -> None:
        self.nx.write_graphml(self.graph(), self.out)
