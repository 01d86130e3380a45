"""``foreigndesk eval dossier GOLD``: score the pipeline against a dossier gold YAML.

The gold (see ../shared/corpus/china-cuba-dossier.gold.yaml for the layout) names the
compilation beside it (``<name>.gold.yaml`` -> ``<name>.txt``). The compilation is ingested
into a store (a temporary one unless ``--db`` is given), the gold articles are matched to
stored documents, and every section is scored:

- ``articles`` (here): outlet, date and URL of each article;
- every module ``foreigndesk.evaluation.dossier_<section>`` that exists, each exposing
  ``score(store, gold, docs) -> dict`` where ``docs`` maps gold article ids to document ids.
  The dict has ``precision``/``recall``/``f1`` or other figures, and ``details``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click
import yaml

from foreigndesk.plugins import optional_module
from foreigndesk.store import Store
from foreigndesk.store.document_rows import document_count, documents_for_matching

SECTIONS = ("articles", "entities", "timeline", "events", "claims", "quantities", "reuse",
            "conflicts")


def gold_text_path(gold_path: Path) -> Path:
    name = gold_path.name
    if name.endswith(".gold.yaml"):
        return gold_path.with_name(name[: -len(".gold.yaml")] + ".txt")
    return gold_path.with_suffix(".txt")


def match_articles(store: Store, gold: dict[str, Any]) -> dict[str, str]:
    """Gold article id -> stored document id (by outlet and date, else by title)."""
    docs = documents_for_matching(store)
    out: dict[str, str] = {}
    for a in gold.get("articles", []):
        for d in docs:
            if a.get("outlet") and d["outlet"] == a["outlet"] and str(a.get("published")) == (d["published"] or ""):
                out[a["id"]] = d["id"]
                break
        else:
            first = a.get("first_line") or a.get("title")
            for d in docs:
                if first and (d["title"] == first or d["text"].lstrip().startswith(first)):
                    out[a["id"]] = d["id"]
                    break
    return out


def score_articles(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    fields = ("outlet", "published", "url", "title")
    checks = ok = 0
    details = []
    for a in gold.get("articles", []):
        d = store.document(docs[a["id"]]) if a["id"] in docs else None
        for f in fields:
            if f not in a:
                continue
            checks += 1
            want = None if a[f] is None else str(a[f])
            got = d.get(f) if d else None
            good = d is not None and (got == want or (f == "url" and want in json.loads(d["urls"] or "[]")))
            ok += good
            if not good:
                details.append(f"{a['id']}.{f}: want {want!r}, got {got!r}")
    n_docs = document_count(store)
    return {"documents": n_docs, "gold_articles": len(gold.get("articles", [])),
            "matched": len(docs), "fields_correct": ok, "fields": checks,
            "accuracy": ok / checks if checks else 0.0, "details": details}


def run_sections(store: Store, gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    docs = match_articles(store, gold)
    results: dict[str, dict[str, Any]] = {"articles": score_articles(store, gold, docs)}
    for section in SECTIONS[1:]:
        mod = optional_module(f"foreigndesk.evaluation.dossier_{section}")
        if mod is not None:
            results[section] = mod.score(store, gold, docs)
    return results


def _headline(name: str, r: dict[str, Any]) -> str:
    keys = [k for k, v in r.items() if k != "details" and isinstance(v, (int, float, str))]
    parts = []
    for k in keys:
        v = r[k]
        parts.append(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}")
    return f"{name:<11} " + "  ".join(parts)


@click.command(name="dossier")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text", "text_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="The compilation to ingest (default: GOLD's name with .txt).")
@click.option("--db", default=None, type=click.Path(dir_okay=False),
              help="Store to ingest into and score (default: a temporary one).")
@click.option("--details", is_flag=True, help="Also list every miss and false positive.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def COMMAND(gold: Path, text_path: Path | None, db: str | None, details: bool,
            as_json: bool) -> None:
    """Ingest the dossier beside GOLD and score every section against it: articles,
    entities, timeline, events, claims, quantities, text reuse, conflicting figures."""
    from foreigndesk.run.executors import Inline
    from foreigndesk.run.service import ingest

    gold_data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    text_path = text_path or gold_text_path(gold)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = db or str(Path(tmp) / "eval.db")
        with Store.open(db_path) as store:
            report = ingest([text_path], store, Inline())
        if report.failed:  # an input that failed makes every score meaningless
            raise click.ClickException("; ".join(report.errors) or "ingest failed")
        with Store.open(db_path) as store:
            results = run_sections(store, gold_data)
    if as_json:
        click.echo(json.dumps(results, indent=2, default=str))
        return
    for name, r in results.items():
        click.echo(_headline(name, r))
        if details:
            for line in r.get("details", []):
                click.echo(f"    {line}")
