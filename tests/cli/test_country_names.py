"""Country names as well as codes wherever a command takes a state."""

from __future__ import annotations

import json

import pytest
from tests.conftest import run_cli
from tests.export.made_store import make_store

from foreigndesk.countries import country_code


@pytest.mark.parametrize("text,code", [
    ("CUB", "CUB"), ("cub", "CUB"), ("CU", "CUB"), ("cuba", "CUB"), ("Cuba", "CUB"),
    ("china", "CHN"), ("People's Republic of China", "CHN"), ("united states", "USA"),
    ("united-states", "USA"), ("U.S.", "USA"), ("UK", "GBR"), ("Britain", "GBR"),
    ("Russia", "RUS"), ("Viet Nam", "VNM"), ("Burma", "MMR"), ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"), ("Soviet Union", "SUN"), ("Bolivia, Plurinational State of", "BOL"),
    ("Korea, Republic of", "KOR"), ("Chinese", "CHN"),
])
def test_country_code(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Narnia", "Xi Jinping", "Li", "", "person:xi-jinping"])
def test_not_a_country(text: str) -> None:
    assert country_code(text) is None


@pytest.fixture(scope="module")
def db(module_db_url):
    return make_store(module_db_url)


def _events(db, *args: str) -> list[dict]:
    out = run_cli("events", "--db", str(db), "--format", "json", *args).output
    return json.loads(out)


def test_events_take_names(db) -> None:
    assert _events(db, "--dyad", "china-cuba") == _events(db, "--dyad", "CHN-CUB")
    assert {e["code"] for e in _events(db, "--dyad", "china-cuba")} == {"042", "1056"}
    assert _events(db, "--actor", "cuba") == _events(db, "--actor", "CUB")
    # every event of the store involves Cuba except the embargo on Sherritt
    assert {e["code"] for e in _events(db, "--actor", "cuba")} == {"042", "057", "1056", "036"}
    assert _events(db, "--dyad", "People's Republic of China/Cuba", "--undirected") == \
        _events(db, "--dyad", "CHN-CUB", "--undirected")


def test_relations_take_names(db) -> None:
    by_name = json.loads(run_cli("relations", "china", "cuba", "--db", str(db), "--format",
                                 "json").output)
    by_code = json.loads(run_cli("relations", "CHN", "CUB", "--db", str(db), "--format",
                                 "json").output)
    assert by_name == by_code and (by_name["a"], by_name["b"]) == ("CHN", "CUB")
    r = run_cli("relations", "narnia", "cuba", "--db", str(db), ok=False)
    assert r.exit_code == 1 and "narnia" in r.stderr


def test_export_and_python_take_names(db, tmp_path) -> None:
    import foreigndesk as fd

    with fd.open(db) as s:
        assert [e["id"] for e in s.events(dyad="china-cuba")] == \
            [e["id"] for e in s.events(dyad=("CHN", "CUB"))]
    out = tmp_path / "x.tsv"
    run_cli("export", "gdelt", "--db", str(db), "--actor", "sherritt", "-o", str(out))
    assert len(out.read_text().splitlines()) == 1  # the embargo is undated: no GDELT row
