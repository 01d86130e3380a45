"""Every executor stores the same facts: inline, local processes and dask.distributed (a real
LocalCluster, or the scheduler named by ``$FOREIGNDESK_TEST_DASK``, which ``.ci/run``
starts) ingest the same real documents through the ingest service, and every fact table of
the stores they fill (documents, sentences, mentions, time values, places, events, claims,
quantities, with their offsets, extractor names and versions) and the analyses (reuse,
claim clusters) are identical, row for row."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from foreigndesk.config import ExtractConfig
from foreigndesk.run.executors import Inline, Processes, make_executor
from foreigndesk.run.service import Report, ingest
from foreigndesk.store import Store
from foreigndesk.store.backends import is_postgres
from tests.conftest import EXAMPLES, run_cli

# public-domain statements and the written examples (text, HTML, RSS, JSON Lines, a dossier)
CORPUS = [EXAMPLES / "public-domain", EXAMPLES / "written"]
CONFIG = ExtractConfig(chunk_docs=3)  # several chunks, so the work is spread out
TABLES = ("documents", "sentences", "mentions", "time_values", "places", "events",
          "event_mentions", "claims", "quantities", "actors", "reuse", "claim_clusters")
SCHEDULER_ENV = "FOREIGNDESK_TEST_DASK"
PG_ONLY = ("fts", "rowid")  # documents' tsvector and row number on PostgreSQL


def facts(db: Path | str) -> dict[str, list[tuple]]:
    """Every row of the fact and analysis tables, less the times of day they were written
    (``ingested_at``): in storing order on SQLite; on PostgreSQL (no rowid) in the order of
    their ``repr``, and so are the rows they are compared with (:func:`same`)."""
    with Store.open(db) as s:
        order = "" if s.postgres else " ORDER BY rowid"
        out = {t: [tuple((k, v) for k, v in r.items()
                         if not k.endswith("_at") and k not in PG_ONLY)
                   for r in s.query(f"SELECT * FROM {t}{order}")]
               for t in TABLES}
        if s.postgres:
            out = {t: sorted(rows, key=repr) for t, rows in out.items()}
        return out


def same(rows: list[tuple], like: list[tuple], db: Path | str) -> bool:
    """``rows`` (of the store ``db``) are ``like``: in the same order on SQLite, the same
    rows on PostgreSQL (see :func:`facts`)."""
    return rows == (sorted(like, key=repr) if is_postgres(str(db)) else like)


def _ingest(db: Path | str, executor) -> Report:
    with Store.open(db) as store:
        return ingest(CORPUS, store, executor, CONFIG)


@pytest.fixture(scope="module")
def local_stores(tmp_path_factory) -> dict[str, dict[str, list[tuple]]]:
    """The stores of the local executors (made before any dask thread exists: the pool
    forks)."""
    out = {}
    for name, executor in (("inline", Inline()), ("processes", Processes(2))):
        db = tmp_path_factory.mktemp(name) / "store.db"
        report = _ingest(db, executor)
        assert report.added >= 10 and not report.failed and report.refreshed, report
        out[name] = facts(db)
    return out


@pytest.fixture(scope="module")
def dask_executor(local_stores):
    pytest.importorskip("distributed")
    from foreigndesk.run.distributed import Dask

    address = os.environ.get(SCHEDULER_ENV) or None
    with Dask(scheduler=address, workers=2) as executor:
        yield executor


@pytest.mark.sqlite_only("compares two executors' SQLite stores; the PostgreSQL store of the "
                         "same corpus is compared with the inline one in "
                         "test_dask_stores_the_facts_of_inline[postgres]")
def test_processes_store_the_facts_of_inline(local_stores) -> None:
    inline, processes = local_stores["inline"], local_stores["processes"]
    assert inline["events"] and inline["claims"] and inline["mentions"]
    assert inline["quantities"] and inline["time_values"]
    for t in TABLES:
        assert processes[t] == inline[t], t


def test_dask_stores_the_facts_of_inline(local_stores, dask_executor, db_url) -> None:
    """On PostgreSQL too: the same facts as the inline SQLite store, row for row."""
    db = db_url
    report = _ingest(db, dask_executor)
    assert not report.failed and report.refreshed
    if os.environ.get(SCHEDULER_ENV) is None:  # our own LocalCluster: two workers
        assert dask_executor.n_workers() == 2
    got = facts(db)
    for t in TABLES:
        assert same(got[t], local_stores["inline"][t], db), t


def test_dask_results_come_in_input_order(dask_executor) -> None:
    from foreigndesk.model import Document

    texts = [f"China and Cuba signed accord number {k} in Havana on Monday." for k in range(7)]
    docs = [Document(text=t, published="2023-02-06") for t in texts]
    out = list(dask_executor.map(docs, ExtractConfig(chunk_docs=1)))
    assert [r.document.text for r in out] == texts


def test_a_second_ingest_adds_nothing(local_stores, db_url) -> None:
    db = db_url
    first = _ingest(db, Inline())
    again = _ingest(db, Inline())
    assert again.added == 0 and again.present == first.added
    assert sorted(again.present_ids) == sorted(i for i, _t in first.documents)


def test_the_config_pickles_and_takes_the_environment() -> None:
    env = {"FOREIGNDESK_EVENT_DICTIONARIES": "/some/dir", "FOREIGNDESK_EMBED": "None"}
    c = ExtractConfig.from_env(env, doc_seconds=5.0, language=None)
    assert c.event_dictionaries == "/some/dir" and c.embed == "none" and c.doc_seconds == 5.0
    assert c.language is None
    assert pickle.loads(pickle.dumps(c)) == c
    assert ExtractConfig.from_env({}) == ExtractConfig()


def test_make_executor_names() -> None:
    assert make_executor("inline").name == "inline"
    assert make_executor("processes", workers=1).name == "inline"
    assert make_executor("processes", workers=2).name == "processes"
    with pytest.raises(ValueError):
        make_executor("threads", workers=2)


def test_the_cli_ingests_on_dask(another_db) -> None:
    """``foreigndesk ingest --executor dask`` (a LocalCluster it starts and stops), or
    ``--scheduler`` when a test scheduler runs: the store of an inline ingest."""
    pytest.importorskip("distributed")
    src = EXAMPLES / "public-domain"
    address = os.environ.get(SCHEDULER_ENV)
    where = ["--scheduler", address] if address else ["--executor", "dask", "-j", "2"]
    d, i = another_db("d"), another_db("i")
    run_cli("ingest", str(src), "--db", d, "-q", *where)
    run_cli("ingest", str(src), "--db", i, "-q", "--executor", "inline")
    assert facts(d) == facts(i)
