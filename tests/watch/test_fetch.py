"""The polite fetcher and `foreigndesk ingest URL` against a real site on 127.0.0.1: what is
fetched, skipped (robots.txt) and failed (timeout, 404, 500, too large, not HTML, redirect
loop), with one line per failure naming the URL and the reason; the HTTP cache makes a
second fetch a 304."""

from __future__ import annotations

import time

import pytest

from foreigndesk.ingest.fetch import HTML_TYPES, Fetcher, FetchError, FetchPolicy
from foreigndesk.store import Store
from tests.conftest import connect, run_cli
from tests.watch.conftest import FAST


def _fetcher(**kw) -> Fetcher:
    p = FetchPolicy(delay=0.02, read_timeout=0.5, total_timeout=1.5, connect_timeout=0.5,
                    retries=2, backoff=0.05, max_bytes=1_000_000)
    for k, v in kw.pop("policy", {}).items():
        setattr(p, k, v)
    return Fetcher(p, **kw)


def _reason(f: Fetcher, url: str) -> str:
    with pytest.raises(FetchError) as e:
        f.fetch(url, accept=HTML_TYPES)
    return e.value.reason


def test_failures_name_their_reason(site):
    f = _fetcher()
    b = site.base
    assert _reason(f, b + "/private/secret.html") == "forbidden by robots.txt"
    assert site.hits["/private/secret.html"] == 0  # never asked
    assert _reason(f, b + "/missing.html") == "HTTP 404 Not Found"
    assert site.hits["/missing.html"] == 1  # a 404 is not retried
    assert _reason(f, b + "/broken.html") == \
        "HTTP 500 Internal Server Error, after 3 attempts"
    assert site.hits["/broken.html"] == 3  # 1 + 2 retries, then it gives up
    assert _reason(f, b + "/slow.html") == "timeout (no data for 0.5 s), after 3 attempts"
    assert site.hits["/slow.html"] == 3
    assert _reason(f, b + "/big.html").startswith("too large")
    assert _reason(f, b + "/data.json") == "not HTML (application/json)"
    assert _reason(f, b + "/loop-a").startswith("redirect loop")
    assert site.hits["/loop-a"] == 1 and site.hits["/loop-b"] == 1
    assert _reason(f, "ftp://example.org/x") == "not an http(s) URL"
    assert site.hits["/robots.txt"] == 1  # read once per host
    (agent,) = site.agents
    assert agent.startswith("foreigndesk/") and "robots.txt" in agent


def test_robots_txt_missing_allows_and_unreachable_forbids(site):
    site.robots_status = 404  # no robots.txt: everything may be fetched
    r = _fetcher().fetch(site.base + "/private/secret.html", accept=HTML_TYPES)
    assert r.status == 200
    site.robots_status = 503  # cannot be read: the host is off limits (RFC 9309)
    f = _fetcher()
    assert _reason(f, site.base + "/articles/first.html") == \
        "robots.txt unreachable (HTTP 503)"
    assert site.hits["/articles/first.html"] == 0


def test_redirect_followed_and_delay_kept(site):
    f = _fetcher(policy={"delay": 0.3})
    t0 = time.monotonic()
    r = f.fetch(site.base + "/moved.html", accept=HTML_TYPES)
    elapsed = time.monotonic() - t0
    assert r.final_url == site.base + "/articles/first.html"
    assert b"China pledges aid to Cuba" in r.body
    # robots.txt, /moved.html and the article: three requests to one host, 0.3 s apart
    assert f.requests == 3
    assert elapsed >= 0.6 - 0.01


def test_conditional_requests_use_the_store_cache(db_url, site, tmp_path):
    store = Store.open(db_url)
    try:
        f = _fetcher(store=store)
        url = site.base + "/articles/first.html"
        first = f.fetch(url, accept=HTML_TYPES)
        again = _fetcher(store=store).fetch(url, accept=HTML_TYPES)  # a new process, say
        assert not first.cached and again.cached
        assert again.body == first.body
        assert site.hits["/articles/first.html"] == 2
        assert site.not_modified["/articles/first.html"] == 1
    finally:
        store.close()


def test_ingest_url_stores_the_article_with_its_metadata(db_url, site, tmp_path):
    db = db_url
    url = site.base + "/articles/first.html"
    r = run_cli("ingest", url, "--db", str(db), "--workers", "1", *FAST)
    assert "1 added, 0 already present, 0 failed" in r.stderr
    con = connect(db)
    row = con.execute("SELECT title, published, outlet, author, url, reader, text "
                      "FROM documents").fetchone()
    assert row[:6] == ("China pledges aid to Cuba", "2023-02-10", "Havana Ledger", "Ana Ruiz",
                       url, "url")
    assert "donation of rice and solar panels" in row[6]
    assert "Copyright" not in row[6] and "Home" not in row[6]  # main text only
    # the same page again: one conditional request, answered 304, nothing added
    r = run_cli("ingest", url, "--db", str(db), "--workers", "1", *FAST)
    assert "0 added, 1 already present, 0 failed" in r.stderr
    assert site.not_modified["/articles/first.html"] == 1
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_url_list_reports_each_failure_and_goes_on(db_url, site, tmp_path):
    b = site.base
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my reading list\n{b}/missing.html\n{b}/private/secret.html\n\n"
                    f"{b}/broken.html  # flaky\n{b}/data.json\n{b}/loop-a\n{b}/big.html\n"
                    f"{b}/slow.html\n{b}/articles/first.html\n")
    db = db_url
    r = run_cli("ingest", "--urls", str(urls), "--db", str(db), "--workers", "1", *FAST,
                ok=False)
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("foreigndesk: ")]
    want = {"/missing.html": "HTTP 404", "/private/secret.html": "robots.txt",
            "/broken.html": "HTTP 500", "/data.json": "not HTML", "/loop-a": "redirect loop",
            "/big.html": "too large", "/slow.html": "timeout"}
    for path, reason in want.items():
        hit = [ln for ln in lines if ln.startswith(f"foreigndesk: {b}{path}: ")]
        assert len(hit) == 1 and reason in hit[0], (path, lines)
    assert len(lines) == len(want), lines
    assert "1 added, 0 already present, 7 failed" in r.stderr
    assert connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_a_bad_url_list_is_one_line(db_url, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a url\n")
    r = run_cli("ingest", "--urls", str(bad), "--db", str(db_url), ok=False)
    assert r.exit_code == 1
    assert "line 1 is not an http(s) URL" in r.stderr
