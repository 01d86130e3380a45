"""Events as the views show them: CAMEO code names, actor filters, and each event with its
citations (shared by ``foreigndesk events``, the web workbench and the briefs)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foreigndesk.store.db import Store

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


@cache
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name from data/cameo/codes.tsv (a ``code`` and a ``name`` column; empty
    when the table is absent, and the code is then shown alone)."""
    try:
        text = resources.files("foreigndesk").joinpath("data", "cameo", "codes.tsv") \
            .read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return {}
    head = lines[0].split("\t")
    if "code" not in head or "name" not in head:
        return {}
    ic, iname = head.index("code"), head.index("name")
    out = {}
    for ln in lines[1:]:
        cells = ln.split("\t")
        if len(cells) > max(ic, iname):
            out[cells[ic]] = cells[iname]
    return out


def code_name(code: str | None) -> str:
    names = cameo_names()
    if not code:
        return ""
    for n in range(len(code), 1, -1):  # a sub-code the table lacks takes its parent's name
        if code[:n] in names:
            return names[code[:n]]
    return ""


def event_mentions(store: Store, event_ids: list[int],
                   all_of_them: bool) -> dict[int, list[dict[str, Any]]]:
    """Mentions of news events with their sentence and document (the first only unless
    ``all_of_them``), earliest document first: :func:`foreigndesk.store.event_rows.
    event_mention_rows`."""
    from foreigndesk.store.event_rows import event_mention_rows

    return event_mention_rows(store, event_ids, all_of_them)


def actor_label(r: dict[str, Any], side: str) -> str:
    return (r.get(f"{side}_code") or r.get(f"{side}_actor") or r.get(f"{side}_name")
            or r.get(f"{side}_country") or "")


def event_row(r: dict[str, Any], mentions: list[dict[str, Any]], fmt: str) -> dict[str, Any]:
    first = mentions[0] if mentions else None
    row: dict[str, Any] = {
        "id": r["id"], "origin": r["origin"], "date": r["date"],
        "date_precision": r.get("date_precision"), "date_source": r.get("date_source"),
        "source": actor_label(r, "source"), "source_country": r.get("source_country"),
        "code": r["code"], "name": code_name(r["code"]), "root": r["root"],
        "target": actor_label(r, "target"), "target_country": r.get("target_country"),
        "quad_class": r["quad_class"], "quad_name": QUAD_NAMES.get(r["quad_class"] or 0, ""),
        "goldstein": r["goldstein"], "modality": r["modality"], "mentions": r["n_mentions"],
        "place": r.get("place"),
    }
    if r["origin"] == "news":
        row["sentence"] = first["sentence"] or first["text"] if first else None
        row["cited"] = (", ".join(x for x in (first["outlet"] or first["title"] or first["doc_id"],
                                               first["published"] or "undated") if x)
                        + (f", p. {first['page']}" if first.get("page") else "")
                        if first else None)
        row["url"] = first["url"] if first else None
    else:
        row["sentence"] = None
        row["cited"] = f"GDELT {r.get('external_id')}"
        row["url"] = r.get("source_url")
        row["gdelt"] = {"id": r.get("external_id"), "source_name": r.get("source_name"),
                        "target_name": r.get("target_name"), "n_sources": r.get("n_sources"),
                        "n_articles": r.get("n_articles"), "avg_tone": r.get("avg_tone"),
                        "is_root": r.get("is_root"), "date_added": r.get("date_added")}
    if fmt in ("json", "jsonl"):
        row["citations"] = mentions
    if fmt == "table":
        if r["origin"] == "news":
            row["citation"] = f"{row['cited'] or ''}: “{row['sentence'] or ''}”"
            if row["url"]:
                row["citation"] += f" {row['url']}"
        else:
            row["citation"] = f"{row['cited']}" + (f", {row['url']}" if row["url"] else "")
    return row
