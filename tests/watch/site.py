"""A real web site on 127.0.0.1 for the fetcher and watcher tests (threaded http.server).

It serves articles with metadata (ETag and Last-Modified, answering conditional requests
with 304), an RSS feed and an OPML list whose items the test adds between cycles, a
robots.txt that forbids /private/, a slow page, a 404, a 500, an oversized page, a page
that is not HTML and a redirect loop. Every request is counted (``hits``), with its
User-Agent, so that the tests can assert what was fetched."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: *\nDisallow: /private/\n"
OVERSIZED = 3 * 1024 * 1024


@dataclass
class Article:
    slug: str
    title: str
    paragraphs: list[str]
    published: str = "2023-02-10"
    outlet: str = "Havana Ledger"
    author: str = "Ana Ruiz"

    def html(self, base: str) -> str:
        body = "\n".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)
        return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(self.title)} | {escape(self.outlet)}</title>
<meta property="og:title" content="{escape(self.title)}">
<meta property="og:site_name" content="{escape(self.outlet)}">
<meta property="og:type" content="article">
<meta name="author" content="{escape(self.author)}">
<meta property="article:published_time" content="{self.published}T09:00:00Z">
<link rel="canonical" href="{base}/articles/{self.slug}.html">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{escape(self.title)}</h1>
<p class="byline">By {escape(self.author)}</p>
{body}
</article>
<footer>Copyright {escape(self.outlet)}</footer>
</body></html>"""


@dataclass
class Site:
    """The site's content (change it between cycles) and what it was asked."""

    articles: dict[str, Article] = field(default_factory=dict)
    feed: list[str] = field(default_factory=list)      # slugs in the feed, newest last
    feed_title: str = "Havana Ledger: world"
    slow_seconds: float = 2.0
    robots_status: int = 200  # 404: no robots.txt; 503: robots.txt unreachable
    hits: Counter = field(default_factory=Counter)     # path -> requests
    not_modified: Counter = field(default_factory=Counter)  # path -> 304 answers
    agents: set = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def add(self, a: Article, in_feed: bool = True) -> None:
        with self.lock:
            self.articles[a.slug] = a
            if in_feed:
                self.feed.append(a.slug)

    def rss(self) -> str:
        items = []
        for slug in reversed(self.feed):  # a slug without an article: its page is a 404
            a = self.articles.get(slug) or Article(slug, f"Item {slug}", ["(no page)"])
            when = format_datetime(datetime.fromisoformat(a.published + "T09:00:00+00:00"))
            items.append(f"""<item><title>{escape(a.title)}</title>
<link>{self.base}/articles/{slug}.html</link><guid>{self.base}/articles/{slug}.html</guid>
<pubDate>{when}</pubDate><description>{escape(a.paragraphs[0])}</description></item>""")
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(self.feed_title)}</title>
<link>{self.base}/</link><description>news</description><language>en</language>
{''.join(items)}
</channel></rss>"""

    def atom(self) -> str:
        entries = []
        for slug in reversed(self.feed):
            a = self.articles.get(slug) or Article(slug, f"Item {slug}", ["(no page)"])
            entries.append(f"""<entry><title>{escape(a.title)}</title>
<link rel="alternate" href="{self.base}/articles/{slug}.html"/><id>urn:ledger:{slug}</id>
<updated>{a.published}T09:00:00Z</updated><summary>{escape(a.paragraphs[0])}</summary></entry>""")
        return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(self.feed_title)}</title>
<id>urn:ledger</id><updated>2023-03-01T00:00:00Z</updated>
{''.join(entries)}
</feed>"""

    def opml(self) -> str:
        return f"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>My outlets</title></head><body>
<outline text="News"><outline type="rss" text="Ledger" xmlUrl="{self.base}/feed.xml"/></outline>
</body></opml>"""


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None, length: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if length:
                self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                pass

        def _conditional(self, body: bytes, ctype: str) -> None:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                site.not_modified[self.path] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(200, body, ctype, {"ETag": etag, "Last-Modified": format_datetime(
                datetime(2023, 2, 10, tzinfo=UTC), usegmt=True)})

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.hits[path] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
            if path == "/robots.txt":
                if site.robots_status != 200:
                    return self._send(site.robots_status, b"", "text/plain")
                return self._send(200, ROBOTS.encode(), "text/plain")
            if path.startswith("/articles/") and path.endswith(".html"):
                a = site.articles.get(path[len("/articles/"):-5])
                if a is None:
                    return self._send(404, b"not found")
                return self._conditional(a.html(site.base).encode(), "text/html; charset=utf-8")
            if path.startswith("/private/"):
                return self._send(200, Article("secret", "Secret", ["Hidden."] * 20)
                                  .html(site.base).encode())
            if path == "/feed.xml":
                return self._conditional(site.rss().encode(), "application/rss+xml")
            if path == "/atom.xml":
                return self._conditional(site.atom().encode(), "application/atom+xml")
            if path == "/list.opml":
                return self._send(200, site.opml().encode(), "text/x-opml")
            if path == "/slow.html":
                time.sleep(site.slow_seconds)
                return self._send(200, b"<html><body><p>late</p></body></html>")
            if path == "/missing.html":
                return self._send(404, b"<html><body>gone</body></html>")
            if path == "/broken.html":
                return self._send(500, b"<html><body>oops</body></html>")
            if path == "/big.html":  # no Content-Length: the fetcher must stop reading
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                chunk = b"<p>" + b"padding " * 8000 + b"</p>\n"
                sent = 0
                try:
                    while sent < OVERSIZED:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return None
            if path == "/data.json":
                return self._send(200, b'{"a": 1}', "application/json")
            if path == "/loop-a":
                return self._send(302, b"", headers={"Location": "/loop-b"})
            if path == "/loop-b":
                return self._send(302, b"", headers={"Location": "/loop-a"})
            if path == "/moved.html":
                return self._send(301, b"", headers={"Location": "/articles/first.html"})
            return self._send(404, b"not found")

    return Handler


class SiteServer:
    """Serve ``site`` on 127.0.0.1 (a free port) in a thread; ``base`` is its URL."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        site.base = self.base
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
