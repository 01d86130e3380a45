"""The narrative commands (claims, echoes, reuse, figures) on the ingested dossier."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.shared


def cli_json(*args: str) -> list[dict]:
    return json.loads(run_cli(*args, "--format", "json").output)


def test_claims_filters_by_speaker_and_content(dossier_db):
    rows = cli_json("claims", "--db", str(dossier_db), "--speaker", "Zhao")
    assert rows and all("Zhao" in (r["speaker"] or r["speaker_text"] or "") for r in rows)
    assert any("root cause" in r["content"] for r in rows)
    about = cli_json("claims", "--db", str(dossier_db), "--about", "weather BALLOON")
    assert about and all("weather balloon" in r["content"].lower() for r in about)
    for r in about:
        assert r["sentence"] and "source" in r and "url" in r


def test_echoes_lists_clusters_first_appearance_first_and_explicit_echoes(dossier_db):
    rows = cli_json("echoes", "--db", str(dossier_db))
    clusters = [r for r in rows if r["kind"] == "cluster"]
    assert clusters
    by_cluster: dict[int, list[dict]] = {}
    for r in clusters:
        by_cluster.setdefault(r["cluster"], []).append(r)
    for members in by_cluster.values():
        assert [m["order"] for m in members] == list(range(1, len(members) + 1))
        dated = [m["published"] for m in members if m["published"]]
        assert dated == sorted(dated)  # dated members in publication order
    explicit = [r for r in rows if r["kind"] == "echo"]
    # gold: Havana repeats Beijing's weather-balloon claim
    assert any("weather balloon" in r["content"] and r["echoes_actor"] and
               r["echoes_actor"].startswith("CHN") for r in explicit)
    table = run_cli("echoes", "--db", str(dossier_db), "--kind", "explicit").output
    assert "weather balloon" in table and "cluster" not in table.split("\n", 2)[2]


def test_reuse_lists_passages_with_exact_spans_and_filters_by_length(dossier_db):
    from foreigndesk.store import Store

    rows = cli_json("reuse", "--db", str(dossier_db))
    assert len(rows) >= 4
    with Store.open(dossier_db) as store:
        for r in rows:
            for side in ("earlier", "later"):
                text = store.document(r[f"{side}_doc"])["text"]
                assert text[r[f"{side}_start"]:r[f"{side}_end"]] == r[f"{side}_text"]
            assert r["later_published"] is None or r["earlier_published"] < r["later_published"]
    long = cli_json("reuse", "--db", str(dossier_db), "--min-words", "40")
    assert long and len(long) < len(rows) and all(r["words"] >= 40 for r in long)
    short = cli_json("reuse", "--db", str(dossier_db), "--min-words", "5")
    assert len(short) > len(rows)  # recomputed with shorter passages, not stored
    assert len(cli_json("reuse", "--db", str(dossier_db))) == len(rows)


def test_figures_and_conflicts(dossier_db):
    rows = cli_json("figures", "--db", str(dossier_db))
    if not rows:
        pytest.skip("this tree has no quantities extractor yet")
    assert all(r["sentence"] and "source" in r for r in rows)
    conflicts = cli_json("figures", "--db", str(dossier_db), "--conflicts")
    assert any({c["value_a"], c["value_b"]} == {8529.0, 62000.0} for c in conflicts)
    strict = cli_json("figures", "--db", str(dossier_db), "--conflicts", "--tolerance", "10")
    assert not any({c["value_a"], c["value_b"]} == {8529.0, 62000.0} for c in strict)
    table = run_cli("figures", "--db", str(dossier_db), "--kind", "deaths").output
    assert "62,000" in table and "8,529" in table


def test_unknown_embedding_backend_is_one_clear_error(dossier_db):
    result = run_cli("echoes", "--db", str(dossier_db), "--embed", "word2vec", ok=False)
    assert result.exit_code == 2 and "word2vec" in result.output
    assert "Traceback" not in result.output
