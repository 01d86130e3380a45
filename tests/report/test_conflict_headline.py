"""A brief or page never leads with a pair of figures that do not measure the same thing.

Written articles where similar words hide different measures ("13 Cubans" on a raft and
"700,000 Cubans" living in Florida; deaths at sea and deaths from COVID-19) are ingested with
the example corpus, and with the dossier when ../shared is there; the real pipeline, the CLI
and the real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, copy_of_store, run_cli, shared_path

TRAPS = [
    {"title": "Raft capsizes in the Florida Straits", "outlet": "Keys Courier",
     "published": "2023-03-02",
     "text": "Maria was one of 13 Cubans who tried to cross the Florida Straits on a raft. "
             "Officials said 11 people drowned when the raft capsized near Key West."},
    {"title": "Remittances to the island", "outlet": "Miami Ledger", "published": "2023-03-05",
     "text": "By some estimates, 700,000 Cubans live in South Florida and send money home "
             "every month."},
    {"title": "The pandemic in Cuba", "outlet": "Havana Notes", "published": "2023-03-06",
     "text": "The health ministry said COVID-19 had killed 8,000 people in Cuba by 2022."},
]


@pytest.fixture(scope="module")
def traps_db(module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example corpus and the traps, on each backend (the tests change copies)."""
    traps = tmp_path_factory.mktemp("traps") / "traps.jsonl"
    traps.write_text("".join(json.dumps(t) + "\n" for t in TRAPS), encoding="utf-8")
    run_cli("ingest", str(EXAMPLES), str(traps), "--db", module_db_url, "--workers", "1",
            "--quiet")
    return module_db_url


def _conflicts(db: str | Path) -> list[dict]:
    return json.loads(run_cli("figures", "--db", str(db), "--conflicts", "--format",
                              "json").output)


def test_figures_with_similar_words_do_not_lead_the_brief(traps_db, tmp_path):
    db = traps_db
    counts = json.loads(run_cli("figures", "--db", str(db), "--format", "json").output)
    assert {q["text"] for q in counts} >= {"13 Cubans", "700,000 Cubans", "11 people"}
    assert _conflicts(db) == []
    out = tmp_path / "brief.md"
    run_cli("report", "--db", str(db), "-o", str(out))
    assert "of figures disagree" not in out.read_text(encoding="utf-8")


@pytest.mark.shared
def test_the_dossier_conflict_leads_the_brief_and_the_page(traps_db, tmp_path, dossier_gold):
    db = copy_of_store(traps_db, tmp_path)
    run_cli("ingest", str(shared_path("corpus", "china-cuba-dossier.txt")), "--db", str(db),
            "--workers", "1", "--quiet")
    (gold,) = [g for g in dossier_gold["conflicts"] if g.get("figures")]
    want = sorted(float(v) for v in gold["figures"])
    found = _conflicts(db)
    assert found, "the dossier's conflict is lost"
    first = found[0]
    assert sorted([first["value_a"], first["value_b"]]) == want
    assert first["basis"]
    out = tmp_path / "brief.md"
    run_cli("report", "--db", str(db), "-o", str(out))
    summary = out.read_text(encoding="utf-8").split("## ")[1]  # the summary comes first
    line = next(ln for ln in summary.splitlines() if "of figures disagree" in ln)
    assert f"{want[0]:,.0f}" in line and f"{want[1]:,.0f}" in line and "comparable:" in line
