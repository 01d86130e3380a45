"""Narrative commands: claims, echoes (claim clusters and explicit echoes), text reuse and
figures (with conflicting figures). Every row cites its source: outlet, date, URL and the
sentence."""

from __future__ import annotations

from typing import Any

import click

from foreigndesk.cli.output import db_option, emit, format_option
from foreigndesk.model import CLAIM_KINDS, FIGURE_KINDS, STANCES
from foreigndesk.store import Store

KINDS = CLAIM_KINDS
EMBED_CHOICES = ("auto", "wordllama", "minilm", "none")


def _source(outlet: str | None, published: str | None, title: str | None = None,
            doc_id: str | None = None, page: int | None = None) -> str:
    """"Outlet, date" of a citation, and ", p. N" for a sentence of a paged source (PDF)."""
    return (f"{outlet or title or doc_id or '?'}, {published or 'undated'}"
            + (f", p. {page}" if page else ""))


@click.command()
@db_option
@format_option
@click.option("--speaker", "-s", "speakers", multiple=True,
              help="Only claims by this speaker: an actor id, a CAMEO code (CHN matches every "
                   "Chinese speaker, CHNGOV the government) or a name or part of one. Repeat "
                   "for several (any of them).")
@click.option("--about", default=None,
              help="Only claims whose content has every word of TEXT (any order, any case).")
@click.option("--stance", "stances", multiple=True, type=click.Choice(STANCES),
              help="Only claims of this stance (repeat for several).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only claims of this kind: statement (said, told), belief (believes, fears, "
                   "is confident) or intention (wants, plans, vowed to). Repeat for several.")
def claims(db: str, fmt: str, speakers: tuple[str, ...], about: str | None,
           stances: tuple[str, ...], kinds: tuple[str, ...]) -> None:
    """List claims: who says what (speaker, cue verb, stance, content), in order of
    appearance, each with its source (outlet, date, URL) and sentence."""
    from foreigndesk.analyze.clusters import filtered_claims

    with Store.open(db) as store:
        rows = filtered_claims(store, speakers, about, stances, kinds)
    for r in rows:
        r["direct"] = bool(r["direct"])
        r["source"] = _source(r["outlet"], r["published"], r["title"], r["doc_id"],
                              r.get("page"))
    emit(rows, fmt, table_columns=["speaker", "cue", "kind", "stance", "content", "source"],
         widths={"speaker": 28, "cue": 16, "content": 80, "source": 34})


@click.command()
@db_option
@format_option
@click.option("--kind", type=click.Choice(["all", "clusters", "explicit"]), default="all",
              show_default=True,
              help="clusters: the same claim in several places; explicit: sentences saying "
                   "that someone repeats someone else's claim.")
@click.option("--embed", "backend", type=click.Choice(EMBED_CHOICES), default=None,
              help="Recompute the claim clusters with this sentence-embedding backend first "
                   "(and store them); default: use the clusters computed at ingest.")
def echoes(db: str, fmt: str, kind: str, backend: str | None) -> None:
    """Who repeats whom. Claim clusters (the same claim made in several places, first
    appearance first: order 1 said it first, the others repeated it) and explicit echoes
    (a sentence says B repeats A's claim), each with its source (outlet, date, URL) and
    sentence."""
    from foreigndesk.analyze.clusters import cluster_rows, echo_rows, refresh_clusters
    from foreigndesk.analyze.embed import EmbedUnavailable

    rows: list[dict[str, Any]] = []
    with Store.open(db) as store:
        if backend:
            try:
                refresh_clusters(store, backend, fallback=False)
            except EmbedUnavailable as e:
                raise click.ClickException(str(e)) from None
        if kind in ("all", "clusters"):
            for r in cluster_rows(store):
                r["kind"] = "cluster"
                rows.append(r)
        if kind in ("all", "explicit"):
            for r in echo_rows(store):
                r.update(kind="echo", cluster=None, order=None,
                         role=f"repeats {r['echoes'] or '?'}", similarity=None)
                rows.append(r)
    for r in rows:
        r["direct"] = bool(r["direct"])
        r["source"] = _source(r["outlet"], r["published"], r["title"], r["doc_id"],
                              r.get("page"))
    emit(rows, fmt, table_columns=["kind", "cluster", "order", "role", "speaker", "content",
                                   "source"],
         widths={"role": 24, "speaker": 26, "content": 70, "source": 34})


@click.command()
@db_option
@format_option
@click.option("--min-words", type=click.IntRange(1), default=None,
              help="Only passages of at least N words. Below the length used at ingest "
                   "(8), reuse is recomputed for this listing (not stored).")
def reuse(db: str, fmt: str, min_words: int | None) -> None:
    """Text reuse: passages of one document repeated verbatim or nearly in another. Each
    row gives both documents (the earlier one is repeated by the later one), the passage in
    each with exact character offsets, its length in words, the alignment score and the rule
    that decided the direction (published dates, compilation, undated-later, ingest-order)."""
    from foreigndesk.analyze.reuse import ReuseConfig, Tokeniser, find_reuse, texts_of
    from foreigndesk.store.document_rows import document_citations
    from foreigndesk.store.reuse_rows import reuse_rows

    with Store.open(db) as store:
        default = ReuseConfig()
        if min_words is not None and min_words < default.min_words:
            passages = find_reuse(texts_of(store), ReuseConfig(min_words=min_words))
            rows = [dict(vars(p)) for p in passages]
        else:
            rows = reuse_rows(store)
        docs = document_citations(store)
    tok = Tokeniser()
    out = []
    for r in rows:
        r["words"] = len(tok.ids(r["later_text"] or ""))
        if min_words is not None and r["words"] < min_words:
            continue
        r.pop("id", None)
        for side in ("earlier", "later"):
            d = docs.get(r[f"{side}_doc"], {})
            for f in ("outlet", "published", "url", "title"):
                r[f"{side}_{f}"] = d.get(f)
            r[side] = _source(d.get("outlet"), d.get("published"), d.get("title"),
                              r[f"{side}_doc"])
        out.append(r)
    emit(out, fmt, table_columns=["earlier", "later", "words", "score", "direction_rule",
                                  "later_text"],
         widths={"earlier": 30, "later": 30, "direction_rule": 14, "later_text": 80})


@click.command()
@db_option
@format_option
@click.option("--conflicts", "show_conflicts", is_flag=True,
              help="List conflicting figures instead: the same measure of the same event, "
                   "place and time from different sources, values that disagree; each with "
                   "why the two are comparable.")
@click.option("--tolerance", type=click.FloatRange(1.0, min_open=True), default=1.25,
              show_default=True,
              help="With --conflicts: the ratio of larger to smaller value within which two "
                   "approximate figures (about, round, money, percentages) agree.")
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(FIGURE_KINDS),
              help="Only figures of this kind (repeat for several).")
@click.option("--embed", "backend", type=click.Choice(EMBED_CHOICES), default=None,
              help="With --conflicts: the sentence-embedding backend used to match measures "
                   "(default: auto).")
def figures(db: str, fmt: str, show_conflicts: bool, tolerance: float,
            kinds: tuple[str, ...], backend: str | None) -> None:
    """Figures: money (with its value in US dollars), counts, deaths, percentages and vote
    tallies, each with the measure it quantifies, who states it, and its source; with
    --conflicts, pairs of figures about the same measure that disagree, best-founded first,
    with both values, both sources, the ratio and why they are comparable."""
    from foreigndesk.analyze.embed import EmbedUnavailable, load
    from foreigndesk.analyze.figures import conflicts, quantity_rows

    with Store.open(db) as store:
        if show_conflicts:
            if backend:
                try:
                    load(backend)
                except EmbedUnavailable as e:
                    raise click.ClickException(str(e)) from None
            rows = [c for c in conflicts(store, tolerance=tolerance, backend=backend)
                    if not kinds or c["kind"] in kinds]
            for k, c in enumerate(rows, 1):
                c["n"] = k
                c["figure_a"] = f"{c['value_a']:,.0f} ({c['source_a']})"
                c["figure_b"] = f"{c['value_b']:,.0f} ({c['source_b']})"
            emit(rows, fmt, table_columns=["n", "measure", "kind", "figure_a", "figure_b",
                                           "ratio", "pairs"],
                 widths={"measure": 40, "figure_a": 40, "figure_b": 40})
            if fmt == "table" and rows:  # why each pair is comparable, in full
                click.echo("\nwhy comparable:")
                for c in rows:
                    click.echo(f"{c['n']}. {c['basis']}")
            return
        rows = quantity_rows(store, list(kinds) or None)
    for r in rows:
        r["source"] = _source(r["outlet"], r["published"], r["title"], r["doc_id"],
                              r.get("page"))
        if fmt == "table":  # whole numbers with thousands separators, not 6.2e+04
            for f in ("value", "usd"):
                if isinstance(r[f], float):
                    r[f] = f"{r[f]:,.2f}".rstrip("0").rstrip(".")
    emit(rows, fmt, table_columns=["kind", "text", "value", "unit", "usd", "measure",
                                   "stated_by", "source"],
         widths={"text": 30, "measure": 40, "stated_by": 28, "source": 34})


COMMANDS = [claims, echoes, reuse, figures]
