"""The US–Cuba relations index on the bundled public-domain texts (examples/public-domain/,
ingested through the CLI with the real pipeline) reads as the texts do.

What the texts say (read by us, not by the coder): on 2021-07-22 the White House condemns
the Cuban crackdown and imposes new sanctions on the head of the Cuban military and a
division of the Cuban Ministry of the Interior; on 2021-11-15 it urges the Cuban regime to
refrain from violence and release those detained; on 2025-06-30 a presidential memorandum
tightens the policy toward Cuba: transactions with entities of the Cuban military are
prohibited, the ban on tourism to Cuba is enforced, the embargo is upheld, Cuba is listed as
a state sponsor of terrorism and a travel ban applies to it. Alongside, support for the
Cuban people (civil society) is cooperative, but on balance both years are conflictual
between the two states. "Conflictual" is read as the brief words it ("conflictual on
balance": a mean Goldstein score below -1), in the index of the United States toward Cuba
and in that of both directions (the brief's)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, run_cli


@pytest.fixture(scope="module")
def pd_db(module_db_url):
    db = module_db_url
    run_cli("ingest", str(EXAMPLES / "public-domain"), "--db", str(db), "--workers", "1",
            "--quiet")
    return db


@pytest.mark.parametrize("direction", [(), ("--undirected",)], ids=["USA->CUB", "USA<->CUB"])
@pytest.mark.parametrize("year", ["2021", "2025"])
def test_us_cuba_is_conflictual_in_2021_and_2025(pd_db, year, direction) -> None:
    d = json.loads(run_cli("relations", "USA", "CUB", *direction, "--format", "json",
                           "--db", str(pd_db)).output)
    rows = {r["period"]: r for r in d["periods"]}
    events = json.loads(run_cli("events", "--dyad", "USA-CUB", "--undirected", "--format",
                                "json", "--db", str(pd_db)).output)
    coded = [(e["date"], e["source"], e["code"], e["target"], e["modality"]) for e in events
             if (e["date"] or "").startswith(year)]
    assert year in rows and rows[year]["events"] > 0, f"no event counted in {year}: {coded}"
    r = rows[year]
    assert r["goldstein_mean"] is not None and r["goldstein_mean"] < -1, (r, coded)
