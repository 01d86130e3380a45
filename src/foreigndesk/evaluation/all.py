"""``foreigndesk eval all``: one table over every dev set, and the accuracy gate.

Each :class:`Row` scores one extractor on one dev set and returns named figures. A row whose
data is absent (``../shared`` not mounted) is skipped with its reason. ``--baseline FILE``
(``eval/baseline.yaml``) compares every gated figure with the figure recorded there and
exits non-zero when one drops by more than the file's ``margin``; figures where lower is
better (false alarms) may not rise by more than the margin. CI runs the same comparison in
``tests/evaluation/test_accuracy_gate.py``.

Rows register themselves in :data:`ROWS` (a new dev set is one more :class:`Row`).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import yaml

SHARED_DEFAULT = Path("../shared")
REPO = Path(__file__).resolve().parents[3]


@dataclass
class Row:
    """One dev set scored by one scorer. ``run(shared, cache)`` returns the figures;
    ``gate`` names the figures the accuracy gate holds, ``lower`` those where lower is
    better; ``needs`` are paths (under ``../shared`` or, prefixed ``repo:``, in the repo)
    without which the row is skipped. ``cache`` is shared by the rows of one run (the
    dossier is ingested once for all its rows)."""

    name: str
    needs: tuple[str, ...]
    run: Callable[[Path, dict[str, Any]], dict[str, Any]]
    gate: tuple[str, ...]
    lower: tuple[str, ...] = ()
    shown: tuple[str, ...] = ()  # extra figures printed but not gated

    def missing(self, shared: Path) -> str | None:
        for n in self.needs:
            if n.startswith("language:"):  # a language pipeline that must be installed
                from foreigndesk.extract.languages import missing

                why = missing(n[9:])
                if why:
                    return why
                continue
            p = REPO / n[5:] if n.startswith("repo:") else shared / n
            if not p.exists():
                return f"{p} not found"
        return None


# -- rows ---------------------------------------------------------------------------------
DOSSIER_GOLD = "corpus/china-cuba-dossier.gold.yaml"


def dossier_results(shared: Path, cache: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every dossier section, from one ingest of the dossier into a temporary store."""
    if "dossier" not in cache:
        from foreigndesk.config import ExtractConfig
        from foreigndesk.evaluation.dossier import gold_text_path, run_sections
        from foreigndesk.run.executors import Inline
        from foreigndesk.run.service import ingest
        from foreigndesk.store import Store

        gold_path = shared / DOSSIER_GOLD
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(str(Path(tmp) / "eval.db"))
            try:  # no budget: a slow machine must not change a score
                ingest([gold_text_path(gold_path)], store, Inline(),
                       ExtractConfig(doc_seconds=0, doc_memory_mb=0))
                cache["dossier"] = run_sections(store, gold)
            finally:
                store.close()
    return cache["dossier"]


def _dossier(section: str) -> Callable[[Path, dict[str, Any]], dict[str, Any]]:
    def run(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
        return dossier_results(shared, cache)[section]
    return run


def _timex(sub: str) -> Callable[[Path, dict[str, Any]], dict[str, Any]]:
    def run(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
        from foreigndesk.evaluation.timex import evaluate

        score, n, _secs = evaluate(shared / "eval" / sub)
        d = score.as_dict()
        return {"extent_f1": d["f1"], "date_value_accuracy": d["date_value_accuracy"],
                "documents": n}
    return run


def _raters(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
    from foreigndesk.evaluation.raters import evaluate

    r = evaluate(shared / "eval" / "cameo_news_raters" / "dev.jsonl")
    return {k: v for k, v in r.items() if k not in ("details", "human")}


def _petrarch(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
    from foreigndesk.evaluation.events import code_records, read_records, score

    d = shared / "eval" / "petrarch2_validation"
    records = read_records(d / "PETR.UnitTest.records.xml")
    r = score(records, code_records(records, d))
    return {k: v for k, v in r.items() if k != "details"}


def _echoes(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
    from foreigndesk.evaluation.echoes import evaluate

    r = evaluate(REPO / "eval" / "echo_pairs.tsv", shared)
    return {k: v for k, v in r.items() if k not in ("details", "by_set")}


def _conflicts(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
    from foreigndesk.evaluation.conflicts import evaluate

    r = evaluate(REPO / "eval" / "conflict_pairs.tsv", shared)
    return {k: v for k, v in r.items() if k != "details"}


PUBLIC_DOMAIN_GOLD = "eval/public_domain.gold.yaml"


def _public_domain(section: str) -> Callable[[Path, dict[str, Any]], dict[str, Any]]:
    """The public-domain gold (in the repo): its six texts ingested once for both rows."""
    def run(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
        if "public_domain" not in cache:
            from foreigndesk.evaluation.text_gold import evaluate

            cache["public_domain"] = evaluate(REPO / PUBLIC_DOMAIN_GOLD)
        return cache["public_domain"][section]
    return run


def _polnear(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
    from foreigndesk.evaluation.polnear import evaluate

    score, _secs = evaluate(shared / "eval" / "polnear" / "dev")
    d = score.as_dict()
    return {"precision": d["precision"], "recall": d["recall"], "f1": d["f1"],
            "speaker_accuracy": d["speaker_accuracy"], "cue_accuracy": d["cue_accuracy"],
            "speaker_accuracy_agents": d["speaker_accuracy_agents"], "articles": d["articles"]}


def _language(lang: str) -> Callable[[Path, dict[str, Any]], dict[str, Any]]:
    """The Spanish or Chinese dev gold (in the repo, written for foreigndesk)."""
    def run(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
        from foreigndesk.evaluation.languages import run_gold

        r = run_gold(lang, "dev")
        return {"time_value_accuracy": r["time value accuracy"],
                "actor_accuracy": r["actor accuracy"],
                "claim_recall_speaker": r["claim recall with speaker"],
                "event_recall": r["event recall"], "texts": r["texts"]}
    return run


def _crosslingual(shared: Path, cache: dict[str, Any]) -> dict[str, Any]:
    from foreigndesk.evaluation.crosslingual import evaluate

    r = evaluate(REPO / "eval" / "languages" / "echo_pairs.dev.tsv")
    return {"precision": r["precision"], "recall": r["recall"], "f1": r["f1"], "pairs": r["pairs"]}


_LANGUAGE_FIGURES = ("time_value_accuracy", "actor_accuracy", "claim_recall_speaker", "event_recall")

ROWS: list[Row] = [
    Row("time / TempEval-3 TBAQ", ("eval/tempeval3_tbaq_cleaned",),
        _timex("tempeval3_tbaq_cleaned"), ("extent_f1", "date_value_accuracy")),
    Row("time / MEANTIME airbus+apple", ("eval/meantime_english",),
        _timex("meantime_english"), ("extent_f1", "date_value_accuracy")),
    Row("time / TempEval-3 toolkit sample", ("eval/tempeval3_toolkit_gold_sample",),
        _timex("tempeval3_toolkit_gold_sample"), ("extent_f1", "date_value_accuracy")),
    Row("events / news raters", ("eval/cameo_news_raters/dev.jsonl",), _raters,
        ("coverage", "root_accuracy", "end_to_end"), ("false_alarm_rate",)),
    Row("events / PETRARCH2 unit tests", ("eval/petrarch2_validation",), _petrarch,
        ("root_accuracy", "exact_accuracy")),
    Row("events / dossier", (DOSSIER_GOLD,), _dossier("events"), ("precision", "recall")),
    Row("timeline / dossier", (DOSSIER_GOLD,), _dossier("timeline"), ("recall",)),
    Row("entities / dossier", (DOSSIER_GOLD,), _dossier("entities"),
        ("share", "mention_share")),
    Row("articles / dossier", (DOSSIER_GOLD,), _dossier("articles"), ("accuracy",)),
    Row("claims / dossier", (DOSSIER_GOLD,), _dossier("claims"),
        ("recall", "echo_recall"), shown=("content_recall",)),
    Row("claims / PolNeAR dev", ("eval/polnear/dev",), _polnear,
        ("precision", "recall", "f1", "speaker_accuracy", "speaker_accuracy_agents"),
        shown=("cue_accuracy",)),
    Row("quantities / dossier", (DOSSIER_GOLD,), _dossier("quantities"), ("share",),
        shown=("usd_agreement",)),
    Row("reuse / dossier", (DOSSIER_GOLD,), _dossier("reuse"), ("recall",)),
    Row("conflicts / dossier", (DOSSIER_GOLD,), _dossier("conflicts"), ("recall",)),
    Row("echoes / labelled pairs", ("eval/polnear/train", "corpus/china-cuba-dossier.txt",
                                    "repo:eval/echo_pairs.tsv"), _echoes,
        ("precision", "recall"), shown=("pairs", "joined")),
    Row("conflicts / TBAQ Cuba-China pairs", ("eval/tempeval3_tbaq_cleaned",
                                              "repo:eval/conflict_pairs.tsv"), _conflicts,
        ("precision", "recall", "real_first"), shown=("reported", "right")),
    Row("events / public-domain gold", (f"repo:{PUBLIC_DOMAIN_GOLD}", "repo:examples/public-domain"),
        _public_domain("events"), ("precision", "recall"), shown=("f1", "date_accuracy")),
    Row("claims / public-domain gold", (f"repo:{PUBLIC_DOMAIN_GOLD}", "repo:examples/public-domain"),
        _public_domain("claims"), ("recall", "content_recall")),
    Row("spanish / dev gold", ("language:es", "repo:eval/languages/es.dev.yaml"), _language("es"),
        _LANGUAGE_FIGURES),
    Row("chinese / dev gold", ("language:zh", "repo:eval/languages/zh.dev.yaml"), _language("zh"),
        _LANGUAGE_FIGURES),
    Row("echoes / cross-lingual pairs", ("language:es", "language:zh",
                                          "repo:eval/languages/echo_pairs.dev.tsv"),
        _crosslingual, ("precision", "recall")),
]


# -- running and gating -------------------------------------------------------------------
@dataclass
class Outcome:
    row: Row
    figures: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None
    seconds: float = 0.0


def run_rows(shared: Path, only: tuple[str, ...] = ()) -> list[Outcome]:
    """Score every row (or those whose name contains one of ``only``)."""
    cache: dict[str, Any] = {}
    out = []
    for row in ROWS:
        if only and not any(o.lower() in row.name.lower() for o in only):
            continue
        why = row.missing(shared)
        if why:
            out.append(Outcome(row, skipped=why))
            continue
        t0 = time.perf_counter()
        figures = row.run(shared, cache)
        out.append(Outcome(row, figures, seconds=time.perf_counter() - t0))
    return out


def drops(outcomes: list[Outcome], baseline: dict[str, Any]) -> list[str]:
    """Gated figures below their baseline (above it, for lower-is-better) by more than the
    margin; a gated row or figure missing from the run is a drop too."""
    margin = float(baseline.get("margin", 0.0))
    rows = baseline.get("rows", {})
    by_name = {o.row.name: o for o in outcomes}
    out = []
    for name, figures in rows.items():
        o = by_name.get(name)
        if o is None:
            continue  # not selected in this run
        if o.skipped:
            out.append(f"{name}: skipped ({o.skipped})")
            continue
        for key, floor in figures.items():
            got = o.figures.get(key)
            if not isinstance(got, (int, float)):
                out.append(f"{name}: {key} missing")
            elif key in o.row.lower and got > float(floor) + margin:
                out.append(f"{name}: {key} = {got:.3f} > baseline {float(floor):.3f} + {margin}")
            elif key not in o.row.lower and got < float(floor) - margin:
                out.append(f"{name}: {key} = {got:.3f} < baseline {float(floor):.3f} - {margin}")
    return out


def as_baseline(outcomes: list[Outcome], margin: float) -> dict[str, Any]:
    """The gated figures of a run, in the layout of ``eval/baseline.yaml``."""
    return {"margin": margin, "rows": {
        o.row.name: {k: round(float(o.figures[k]), 3) for k in (*o.row.gate, *o.row.lower)
                     if isinstance(o.figures.get(k), (int, float))}
        for o in outcomes if not o.skipped}}


def format_table(outcomes: list[Outcome]) -> list[str]:
    width = max((len(o.row.name) for o in outcomes), default=10)
    lines = []
    for o in outcomes:
        if o.skipped:
            lines.append(f"{o.row.name:<{width}}  skipped: {o.skipped}")
            continue
        keys = (*o.row.gate, *o.row.lower, *o.row.shown)
        parts = []
        for k in keys:
            v = o.figures.get(k)
            parts.append(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}")
        lines.append(f"{o.row.name:<{width}}  " + "  ".join(parts))
    return lines


@click.command(name="all")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path),
              default=SHARED_DEFAULT, show_default=True,
              help="Where the dev sets are (the ../shared folder).")
@click.option("--only", multiple=True, help="Only the rows whose name contains this text.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Compare with this baseline (eval/baseline.yaml) and exit 1 "
              "when a gated figure drops by more than its margin.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write the gated figures of this run as a baseline file.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
def COMMAND(shared: Path, only: tuple[str, ...], baseline: Path | None,
            write_baseline: Path | None, as_json: bool) -> None:
    """Score every extractor on every dev set and print one table (time, events, claims,
    quantities, reuse, conflicts); rows whose data is absent are skipped with the reason."""
    outcomes = run_rows(shared, only)
    if as_json:
        click.echo(json.dumps({o.row.name: {k: v for k, v in o.figures.items()
                                            if k != "details"} or {"skipped": o.skipped}
                               for o in outcomes}, indent=2, default=str))
    else:
        for line in format_table(outcomes):
            click.echo(line)
    if write_baseline is not None:
        write_baseline.write_text(yaml.safe_dump(as_baseline(outcomes, 0.02), sort_keys=False,
                                                 allow_unicode=True), encoding="utf-8")
    if baseline is not None:
        bad = drops(outcomes, yaml.safe_load(baseline.read_text(encoding="utf-8")))
        for b in bad:
            click.echo(f"DROP {b}", err=True)
        if bad:
            raise SystemExit(1)
