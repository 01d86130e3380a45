"""The JSON API and the pages over real HTTP, against a real server on the dossier store.
Expected values come from the store itself (SQL) or from the gold file, never from the web
layer's own output."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.conftest import connect

PAGES = ["/documents", "/timeline", "/actors", "/map", "/relations", "/claims", "/figures",
         "/api/docs"]


def _get(server, path, **kw):
    return httpx.get(server.base + path, timeout=60, **kw)


def _db(server):
    return connect(server.db, rows=True)


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_security_headers(dossier_server, path):
    r = _get(dossier_server, path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # nothing loaded from elsewhere: every src/href to a resource is local
    for url in re.findall(r'(?:src|href)="([^"]+)"', r.text):
        if url.startswith(("http://", "https://")):
            # only links to sources (anchors), never scripts, styles or images
            assert re.search(rf'<a [^>]*href="{re.escape(url)}"', r.text), url


def test_every_document_opens_in_the_reader(dossier_server):
    ids = [r[0] for r in _db(dossier_server).execute("SELECT id FROM documents")]
    assert ids
    for doc_id in ids:
        r = _get(dossier_server, f"/documents/{doc_id}")
        assert r.status_code == 200
        # every sentence has its anchor
        n = _db(dossier_server).execute("SELECT count(*) FROM sentences WHERE doc_id=?",
                                        (doc_id,)).fetchone()[0]
        assert len(re.findall(r'<span class="sent" id="s\d+"', r.text)) == n


def test_unknown_document_is_a_404_page(dossier_server):
    r = _get(dossier_server, "/documents/0000000000000000")
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"]


def test_documents_api_matches_the_store(dossier_server, dossier_gold):
    r = _get(dossier_server, "/api/documents").json()
    n = _db(dossier_server).execute("SELECT count(*) FROM documents").fetchone()[0]
    assert r["total"] == n == len(r["documents"])
    urls = {d["url"] for d in r["documents"]}
    gold_urls = {a["url"] for a in dossier_gold["articles"] if a.get("url")}
    assert gold_urls and gold_urls <= urls


def test_full_text_search(dossier_server):
    conn = _db(dossier_server)
    title, doc_id = conn.execute(
        "SELECT title, id FROM documents WHERE title IS NOT NULL ORDER BY rowid LIMIT 1").fetchone()
    word = max(re.findall(r"[A-Za-z]{5,}", title), key=len)
    from foreigndesk.store.backends import dialect_of
    from foreigndesk.store.fts import fts_query, search_sql

    m = search_sql(dialect_of(str(dossier_server.db)), fts_query(word))
    expected = {r[0] for r in conn.execute(f"SELECT d.id FROM documents d{m.join} WHERE {m.where}",
                                           m.join_params + m.where_params)}
    got = _get(dossier_server, "/api/documents", params={"q": word}).json()
    assert {d["id"] for d in got["documents"]} == expected and doc_id in expected
    # the page shows the matches, marked
    page = _get(dossier_server, "/documents", params={"q": word}).text
    assert f"/documents/{doc_id}" in page and "<mark>" in page
    # a query that is not valid FTS5 syntax searches its words instead of failing
    bad = _get(dossier_server, "/api/documents", params={"q": f'"{word} AND ('})
    assert bad.status_code == 200


def test_events_api_filters_like_the_cli(dossier_server):
    conn = _db(dossier_server)
    a, b, n = conn.execute(
        "SELECT source_country, target_country, count(*) FROM events WHERE source_country "
        "IS NOT NULL AND target_country IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC").fetchone()
    rows = _get(dossier_server, "/api/events", params={"dyad": f"{a}-{b}"}).json()
    assert len(rows) == n
    assert all(r["source_country"] == a and r["target_country"] == b for r in rows)
    # every news event cites sentences that exist
    for r in rows:
        for c in r["citations"]:
            s = conn.execute("SELECT text FROM sentences WHERE doc_id=? AND idx=?",
                             (c["doc_id"], c["sentence_index"])).fetchone()
            assert s is not None and c["text"] in s[0] or c["sentence"] == s[0]
    root = rows[0]["code"][:2]
    coded = _get(dossier_server, "/api/events", params={"code": root}).json()
    assert coded and all(r["code"].startswith(root) for r in coded)
    assert len(coded) == conn.execute("SELECT count(*) FROM events WHERE code LIKE ?",
                                      (root + "%",)).fetchone()[0]
    assert _get(dossier_server, "/api/events", params={"dyad": "nonsense"}).status_code == 422
    assert _get(dossier_server, "/api/events", params={"since": "last week"}).status_code == 422


def test_timeline_items_link_to_their_sentences(dossier_server):
    items = _get(dossier_server, "/api/timeline").json()
    assert any(i["kind"] == "event" for i in items) and any(i["kind"] == "time" for i in items)
    conn = _db(dossier_server)
    for i in items:
        if not i["href"]:
            continue
        m = re.fullmatch(r"/documents/([0-9a-f]+)#s(\d+)", i["href"])
        assert m, i["href"]
        s = conn.execute("SELECT text FROM sentences WHERE doc_id=? AND idx=?",
                         (m[1], int(m[2]))).fetchone()
        assert s is not None and s[0] == i["sentence"]
    assert [i["t0"] for i in items] == sorted(i["t0"] for i in items)


def test_timeline_gold_dates(dossier_server, dossier_gold):
    """Most dates of the gold events appear among the timeline's dated items."""
    items = _get(dossier_server, "/api/timeline").json()
    dates = {i["date"] for i in items}
    gold = [str(e["date"]) for e in dossier_gold["events"] if e.get("date")]
    assert gold
    found = sum(1 for d in gold if d in dates)
    assert found / len(gold) >= 0.5, (found, len(gold))


def test_relations_api_and_compare(dossier_server):
    conn = _db(dossier_server)
    a, b = conn.execute(
        "SELECT source_country, target_country FROM events WHERE origin='news' AND "
        "source_country IS NOT NULL AND target_country IS NOT NULL AND date IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY count(*) DESC").fetchone()
    r = _get(dossier_server, "/api/relations", params={"a": a, "b": b}).json()
    # the index counts events that happened, between the states' own apparatus
    state = "('', 'GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY')"
    n = conn.execute("SELECT count(*) FROM events WHERE origin='news' AND modality IN "
                     "('asserted', 'reported') AND source_country=? AND target_country=? AND "
                     f"date IS NOT NULL AND substr(coalesce(source_code, ''), 4, 3) IN {state} "
                     f"AND substr(coalesce(target_code, ''), 4, 3) IN {state}",
                     (a, b)).fetchone()[0]
    assert sum(p["events"] for p in r["periods"]) == n
    c = _get(dossier_server, "/api/relations/compare",
             params={"x": f"{a}-{b}", "y": f"{b}-{a}", "source": "news"}).json()
    assert [lag["lag"] for lag in c["lags"]] == list(range(-3, 4)) and c["reading"]
    assert _get(dossier_server, "/api/relations", params={"a": "X1", "b": b}).status_code == 422


def test_claims_echoes_reuse_figures(dossier_server):
    conn = _db(dossier_server)
    claims = _get(dossier_server, "/api/claims").json()
    assert len(claims) == conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    echoes = _get(dossier_server, "/api/echoes").json()
    clustered = conn.execute("SELECT count(*) FROM claim_clusters").fetchone()[0]
    assert sum(len(c["members"]) for c in echoes["clusters"]) == clustered
    reuse = _get(dossier_server, "/api/reuse").json()
    assert len(reuse) == conn.execute("SELECT count(*) FROM reuse").fetchone()[0]
    page = _get(dossier_server, "/claims").text
    assert page.count('class="reuse-pair"') == len(reuse)
    figures = _get(dossier_server, "/api/figures").json()
    assert len(figures["quantities"]) == conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
    money = _get(dossier_server, "/api/figures", params={"kind": "money"}).json()
    assert len(money["quantities"]) == conn.execute(
        "SELECT count(*) FROM quantities WHERE kind='money'").fetchone()[0]
    assert all(c["kind"] == "money" for c in money["conflicts"])
    # each conflict says why its two figures are comparable, on the page too
    assert figures["conflicts"] and all(c["basis"] for c in figures["conflicts"])
    figures_page = _get(dossier_server, "/figures").text
    assert figures_page.count('class="basis') == len(figures["conflicts"])
    # ratios read as numbers ("×7.3", "×54,000"), never in scientific notation
    from foreigndesk.numbers import ratio_label
    for c in figures["conflicts"]:
        assert f"×{ratio_label(c['ratio'])}<br>" in figures_page
    assert "e+0" not in figures_page
    # a looser tolerance never finds more conflicts
    loose = _get(dossier_server, "/api/figures", params={"tolerance": 100}).json()
    assert len(loose["conflicts"]) <= len(figures["conflicts"])
    long = _get(dossier_server, "/api/reuse", params={"min_words": 20}).json()
    assert all(len(r["later_text"].split()) >= 20 for r in long) and len(long) <= len(reuse)


def test_graph_and_places(dossier_server):
    g = _get(dossier_server, "/api/graph").json()
    assert g["nodes"] and g["edges"]
    keys = {n["key"] for n in g["nodes"]}
    assert all(e["a"] in keys and e["b"] in keys for e in g["edges"])
    assert all(0 <= n["x"] <= 900 and 0 <= n["y"] <= 560 for n in g["nodes"])
    assert g["edges_total"] == len(g["edges"]) and "codes" not in g["edges"][0]
    one = _get(dossier_server, "/api/graph?max_edges=1&codes=1").json()
    assert one["edges_total"] == g["edges_total"] and len(one["edges"]) == 1
    assert one["edges"][0]["events"] == max(e["events"] for e in g["edges"])
    assert 0 < sum(one["edges"][0]["codes"].values()) <= one["edges"][0]["events"]
    p = _get(dossier_server, "/api/places").json()
    n = _db(dossier_server).execute("SELECT count(*) FROM places WHERE lat IS NOT NULL") \
        .fetchone()[0]
    assert sum(x["mentions"] for x in p["places"]) == n


def test_openapi_and_our_docs_page(dossier_server):
    schema = _get(dossier_server, "/api/openapi.json").json()
    for path in ("/api/documents", "/api/events", "/api/timeline", "/api/relations",
                 "/api/relations/compare", "/api/claims", "/api/echoes", "/api/reuse",
                 "/api/figures", "/api/ingest"):
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "undirected", "code", "since", "until", "source",
            "modality"} <= params
    docs = _get(dossier_server, "/api/docs").text
    assert "/api/events" in docs and "<script" not in docs
    # FastAPI's CDN-loading docs pages are off
    assert _get(dossier_server, "/docs").status_code == 404
    assert _get(dossier_server, "/redoc").status_code == 404


def test_export(dossier_server):
    r = _get(dossier_server, "/api/export/events.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    n = _db(dossier_server).execute("SELECT count(*) FROM events").fetchone()[0]
    assert len(r.text.strip().splitlines()) == n + 1
    assert _get(dossier_server, "/api/export/events.jsonl").text.count("\n") == n


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
    "/static/..%5capp.py", "/static/....//app.py", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/static/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/api/export/..%2f..%2fapp.py", "/api/export/../../app.py", "/api/export/%2e%2e%2fevents.csv",
    "/api/export/events.csv%00.py", "/export/..%2fapp.py", "/export/brief.html%2f..%2f..%2fapp.py",
    "/export/%2e%2e%2f%2e%2e%2fpyproject.toml", "/export/brief.pdf.py",
])
def test_no_path_traversal(dossier_server, path):
    # httpx would normalise the dots away: send the raw path
    with httpx.Client(base_url=dossier_server.base, timeout=30) as c:
        req = c.build_request("GET", dossier_server.base)
        req.url = req.url.copy_with(raw_path=path.encode())
        r = c.send(req)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


def test_static_assets_are_served(dossier_server):
    for name in ("app.css", "reader.js", "timeline.js", "map.js", "basemap.svg"):
        r = _get(dossier_server, f"/static/{name}")
        assert r.status_code == 200 and r.content, name


def test_foreign_host_header_refused(dossier_server):
    r = _get(dossier_server, "/documents", headers={"Host": "attacker.example"})
    assert r.status_code == 400


def test_writes_need_the_token(dossier_server):
    body = {"text": "A short note that must never be stored."}
    url = dossier_server.base + "/api/ingest"
    assert httpx.post(url, json=body, timeout=30).status_code == 401
    assert httpx.post(url, json=body, timeout=30,
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert httpx.post(url, json=body, timeout=30,
                      headers={"Authorization": dossier_server.token}).status_code == 401
    # GET is not a way around it
    assert httpx.get(url, timeout=30).status_code == 405
    n = _db(dossier_server).execute(
        "SELECT count(*) FROM documents WHERE text LIKE '%must never be stored%'").fetchone()[0]
    assert n == 0


def test_the_relations_views_brief_is_scoped_to_its_pair(dossier_server):
    """The relations page links the brief of its pair; that brief cites only sentences that
    involve one of the two states (the dossier's other items stay out)."""
    import lxml.html

    from tests.report.briefcheck import check_html_refs, involves

    page = _get(dossier_server, "/relations", params={"a": "CHN", "b": "CUB"}).text
    link = re.search(r'href="(/export/brief\.html[^"]*)"', page)
    assert link and "dyad=CHN-CUB" in link[1].replace("&amp;", "&")
    r = httpx.get(dossier_server.base + link[1].replace("&amp;", "&"), timeout=300)
    assert r.status_code == 200
    refs = check_html_refs(lxml.html.fromstring(r.text), dossier_server.db)
    stray = [r["sentence"][:80] for r in refs.values()
             if not involves(dossier_server.db, r["doc"], r["idx"], {"CHN", "CUB"})]
    assert not stray, stray


def test_claims_and_figures_pages_take_the_cli_filters(dossier_server):
    """/claims and /figures filter as `foreigndesk claims` and `figures` do (the API gives
    the same rows); an unknown stance or kind is a 422, not a 500."""
    claims = _get(dossier_server, "/api/claims").json()
    speaker = max({c["speaker"] for c in claims if c["speaker"]},
                  key=lambda s: sum(c["speaker"] == s for c in claims))
    api = _get(dossier_server, "/api/claims", params={"speaker": speaker}).json()
    page = _get(dossier_server, "/claims", params={"speaker": speaker}).text
    assert 0 < len(api) < len(claims)
    assert page.count('class="claim-row"') == min(len(api), 300)
    stance = _get(dossier_server, "/claims", params={"stance": "denies"}).text
    denies = _get(dossier_server, "/api/claims", params={"stance": "denies"}).json()
    assert stance.count('class="claim-row"') == len(denies)
    assert "claim-row" not in _get(dossier_server, "/claims").text  # no filter: no list
    for bad in ({"stance": "shouts"}, {"kind": "rumour"}):
        r = _get(dossier_server, "/claims", params=bad)
        assert r.status_code == 422 and "unknown" in r.text
    money = _get(dossier_server, "/api/figures", params={"kind": "money"}).json()
    fig = _get(dossier_server, "/figures", params={"kind": "money"}).text
    assert fig.count('class="basis') == len(money["conflicts"])
    assert _get(dossier_server, "/figures", params={"kind": "rumour"}).status_code == 422
    assert _get(dossier_server, "/figures", params={"tolerance": "0.5"}).status_code == 422


def test_error_pages_are_titled_by_what_went_wrong(dossier_server):
    bad = _get(dossier_server, "/timeline", params={"since": "soon"})
    assert bad.status_code == 422
    assert re.search(r"<title>[^<]*Invalid parameter", bad.text) and "Not found" not in bad.text
    missing = _get(dossier_server, "/documents/no-such-document")
    assert missing.status_code == 404 and re.search(r"<title>[^<]*Not found", missing.text)
