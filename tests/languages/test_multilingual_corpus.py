"""The mixed-language example corpus (examples/multilingual/) through the CLI and the web:
languages detected and shown, a document without a pipeline marked, claims repeated across
languages found as echoes in order of first appearance, and the original beside its gloss."""

from __future__ import annotations

import re
import shutil

import httpx
import pytest

from foreigndesk.extract.languages import missing
from foreigndesk.store import Store
from tests.conftest import EXAMPLES, run_cli
from tests.web.server import Server

MULTI = EXAMPLES / "multilingual"
FRENCH = ("Outlet: Le Monde (test)\nDate: 2023-02-05\n\nUn ballon chinois\n\n"
          "Le ministère chinois des affaires étrangères a déclaré dimanche que le ballon "
          "était un dirigible civil.\n")


@pytest.fixture(scope="module")
def multi_db(module_db_url, tmp_path_factory):
    root = tmp_path_factory.mktemp("multi")
    corpus = root / "corpus"
    shutil.copytree(MULTI, corpus)
    (corpus / "fr_2023-02-05_ballon.txt").write_text(FRENCH, encoding="utf-8")
    db = module_db_url
    run_cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--quiet")
    return db


def test_languages_stored_and_unsupported_marked(multi_db):
    store = Store.open(str(multi_db))
    try:
        rows = store.query("SELECT source, language, language_note FROM documents")
    finally:
        store.close()
    by = {r["source"].rsplit("/", 1)[-1]: r for r in rows}
    assert len(by) == 6
    for name, r in by.items():
        assert r["language"] == name[:2], name
    assert "not supported" in by["fr_2023-02-05_ballon.txt"]["language_note"]
    assert by["zh_2023-02-04_airship.txt"]["language_note"] is None
    es_note = by["es_2023-01-20_donacion.txt"]["language_note"]
    assert (es_note is None) == (missing("es") is None)


@pytest.mark.skipif(missing("es") is not None, reason=str(missing("es")))
def test_echo_across_chinese_and_spanish(multi_db):
    store = Store.open(str(multi_db))
    try:
        from foreigndesk.analyze.clusters import cluster_rows

        rows = cluster_rows(store)
    finally:
        store.close()
    clusters: dict[int, list[dict]] = {}
    for r in rows:
        clusters.setdefault(r["cluster"], []).append(r)
    donation = [c for c in clusters.values()
                if any("1亿美元" in r["content"] for r in c)
                and any("100 millones de dólares" in r["content"] for r in c)]
    assert donation, "the Spanish repeat of the Chinese donation claim is no echo"
    first = donation[0][0]
    assert first["language"] == "zh" and first["role"] == "first"  # Xinhua, a day earlier
    assert {r["language"] for r in donation[0]} == {"zh", "es"}


def test_views_show_language_note_and_gloss(multi_db):
    server = Server(multi_db)
    try:
        docs = httpx.get(server.base + "/api/documents", params={"limit": 100}).json()["documents"]
        by_title = {d["title"]: d["id"] for d in docs}
        assert {d["title"]: d["language"] for d in docs}["Un ballon chinois"] == "fr"
        listing = httpx.get(server.base + "/documents", timeout=60).text
        assert re.search(r'class="lang-badge" title="not extracted: [^"]*not supported[^"]*">FR', listing)
        fr = httpx.get(server.base + f"/documents/{by_title['Un ballon chinois']}", timeout=60).text
        assert re.search(r'class="lang-badge">FR<', fr) and "Not extracted:" in fr
        zh_id = by_title["外交部发言人就美国发现中国气球答记者问"]
        zh = httpx.get(server.base + f"/documents/{zh_id}", timeout=60).text
        assert 'class="lang-badge">ZH<' in zh and "Not extracted:" not in zh
        assert 'lang="zh"' in zh
        claims = httpx.get(server.base + "/claims", params={"speaker": "Mao Ning"}, timeout=60).text
        assert "该飞艇是民用飞艇" in claims  # the original
        assert re.search(r'class="gloss">gloss: [^<]*airship', claims)  # beside its gloss
    finally:
        server.stop()


@pytest.mark.skipif(missing("es") is not None, reason=str(missing("es")))
def test_brief_shows_languages_originals_and_glosses(multi_db, tmp_path):
    out = tmp_path / "brief.md"
    run_cli("report", "--db", str(multi_db), "-o", str(out))
    md = out.read_text(encoding="utf-8")
    lines = [ln for ln in md.splitlines() if "[ZH]" in ln or "[ES]" in ln]
    assert any("[ZH]" in ln and "1亿美元" in ln and "(gloss: " in ln for ln in lines)
    assert any("[ES]" in ln and "100 millones de dólares" in ln and "(gloss: " in ln for ln in lines)
