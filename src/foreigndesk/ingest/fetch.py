"""A polite HTTP fetcher (standard library only): what ``foreigndesk ingest URL`` and
``foreigndesk watch`` read the web with.

Polite means:

- an honest User-Agent naming foreigndesk, its version and purpose, and the operator's
  contact when ``FOREIGNDESK_CONTACT`` is set (:func:`user_agent`);
- robots.txt honoured for that agent (read once per host and kept for a day;
  a robots.txt that answers 401/403 or cannot be reached (5xx, timeout) forbids the host, a
  404 allows it, as RFC 9309 says), and its Crawl-delay when longer than ours;
- a delay between two requests to one host (:attr:`FetchPolicy.delay`, 1 s by default);
- a connect timeout and a read timeout, plus a bound on the whole response;
- a maximum size: the body is streamed and reading stops past :attr:`FetchPolicy.max_bytes`;
- bounded retries with exponential backoff on 5xx, 429 and timeouts (``Retry-After`` is
  honoured up to :attr:`FetchPolicy.max_backoff`);
- at most :attr:`FetchPolicy.max_redirects` redirects, each checked against robots.txt; a
  redirect back to a URL already visited is a redirect loop;
- conditional requests: a response with an ETag or Last-Modified is kept in the store's HTTP
  cache (table ``http_cache``), and the next fetch of that URL sends If-None-Match /
  If-Modified-Since; a 304 answer is served from the cache, so a page fetched twice costs
  one full fetch.

No cookies, no logins, no JavaScript. Every failure is a :class:`FetchError` whose message
names the reason in a few words (HTTP status, timeout, not HTML, too large, robots.txt...).
"""

from __future__ import annotations

import http.client
import os
import ssl
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from foreigndesk import __version__
from foreigndesk.ingest.encoding import MAX_FILE_BYTES, human_size

if TYPE_CHECKING:
    from foreigndesk.store import Store

CONTACT_ENV = "FOREIGNDESK_CONTACT"


def user_agent() -> str:
    """``foreigndesk/VERSION (news analysis of relations between states; honours
    robots.txt; CONTACT)``; CONTACT is ``$FOREIGNDESK_CONTACT`` (the operator's URL or mail
    address, for a site that wants to reach whoever runs the fetcher), left out when unset."""
    contact = " ".join(os.environ.get(CONTACT_ENV, "").split())[:200]
    return (f"foreigndesk/{__version__} (news analysis of relations between states; honours "
            f"robots.txt{'; ' + contact if contact else ''})")


ROBOTS_AGENT = "foreigndesk"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "text/x-opml", "application/opml+xml")
ROBOTS_TTL = 24 * 3600.0  # a long-running watcher reads a host's robots.txt again daily
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is the one-line reason."""

    def __init__(self, url: str, reason: str, status: int | None = None,
                 retryable: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retryable = retryable


@dataclass
class FetchPolicy:
    """How politely (and patiently) to fetch. Tests shorten the delays and timeouts."""

    delay: float = 1.0            # seconds between two requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0    # between two reads of the socket
    total_timeout: float = 60.0   # for a whole response, however it trickles
    max_bytes: int = MAX_FILE_BYTES
    retries: int = 2              # further attempts after a 5xx, 429 or timeout
    backoff: float = 2.0          # seconds before the first retry, doubled each time
    max_backoff: float = 60.0
    max_redirects: int = 5
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay is honoured up to this
    user_agent: str = field(default_factory=user_agent)


@dataclass
class Response:
    """A fetched body: ``url`` asked for, ``final_url`` after redirects; ``cached`` when the
    server answered 304 and the body came from the cache."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    cached: bool = False
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def media_type(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


@dataclass
class _Raw:
    status: int
    headers: dict[str, str]
    body: bytes
    attempts: int = 1


def _normalise(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def _host(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}"


class Fetcher:
    """Fetch URLs politely; ``store`` (optional) holds the HTTP cache. ``log`` receives one
    line per noteworthy step (retries, robots) for debugging; a failure's own line is the
    :class:`FetchError`, whose reason says how many attempts were made."""

    def __init__(self, policy: FetchPolicy | None = None, store: Store | None = None,
                 log: Callable[[str], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or FetchPolicy()
        self.store = store
        self.log = log or (lambda _msg: None)
        self._sleep = sleep
        self._last: dict[str, float] = {}          # host -> monotonic time of last request
        # host -> (when read, its rules or why it is off limits); read again after ROBOTS_TTL
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | str]] = {}
        self._crawl_delay: dict[str, float] = {}    # host -> robots.txt Crawl-delay
        self.requests = 0                           # network requests made (for tests, logs)

    # -- public --------------------------------------------------------------------------
    def fetch(self, url: str, accept: tuple[str, ...] | None = None) -> Response:
        """The body of ``url``, following redirects; raises :class:`FetchError`. ``accept``:
        the media types wanted (anything else fails as "not HTML" or "not a feed")."""
        url = _normalise(url)
        cached = self._cache_get(url)
        seen = {url}
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            self._check_robots(current)
            headers = {}
            if cached is not None and current in (url, cached.get("final_url")):
                if cached.get("etag"):
                    headers["If-None-Match"] = cached["etag"]
                if cached.get("last_modified"):
                    headers["If-Modified-Since"] = cached["last_modified"]
            raw = self._with_retries(current, headers)
            if raw.status in REDIRECT_STATUSES:
                target = raw.headers.get("location")
                if not target:
                    raise FetchError(url, f"HTTP {raw.status} without a Location", raw.status)
                nxt = _normalise(urljoin(current, target))
                if nxt in seen:
                    raise FetchError(url, f"redirect loop ({current} -> {nxt})", raw.status)
                seen.add(nxt)
                current = nxt
                continue
            if raw.status == 304 and cached is not None:
                self._cache_touch(url)
                resp = Response(url, cached.get("final_url") or url, 200,
                                cached.get("content_type") or "", cached["body"], cached=True,
                                headers=raw.headers)
                self._check_type(resp, accept)
                return resp
            if raw.status == 304:  # not asked for: no validator was sent for this URL
                raise FetchError(url, "HTTP 304 Not Modified, but no copy of it is cached",
                                 raw.status)
            if raw.status >= 400 or raw.status < 200:
                reason = http.client.responses.get(raw.status, "")
                tried = f", after {raw.attempts} attempts" if raw.attempts > 1 else ""
                raise FetchError(url, f"HTTP {raw.status}{' ' + reason if reason else ''}{tried}",
                                 raw.status, retryable=raw.status in RETRY_STATUSES)
            resp = Response(url, current, raw.status, raw.headers.get("content-type", ""),
                            raw.body, headers=raw.headers)
            self._check_type(resp, accept)
            etag, modified = raw.headers.get("etag"), raw.headers.get("last-modified")
            if etag or modified:
                self._cache_put(url, current, etag, modified, resp.content_type, raw.body)
            return resp
        raise FetchError(url, f"too many redirects (more than {self.policy.max_redirects})")

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets foreigndesk fetch ``url``."""
        try:
            self._check_robots(_normalise(url))
        except FetchError:
            return False
        return True

    # -- robots.txt ----------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        host = _host(url)
        known = self._robots.get(host)
        if known is None or time.monotonic() - known[0] > ROBOTS_TTL:
            known = (time.monotonic(), self._read_robots(host))
            self._robots[host] = known
        rules = known[1]
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "forbidden by robots.txt")

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's rules, or the reason (a string) it is off limits."""
        rp = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        url = host + "/robots.txt"
        try:
            raw = self._with_retries(url, {}, retries=0)
            hops = 0
            while raw.status in REDIRECT_STATUSES and hops < self.policy.max_redirects:
                loc = raw.headers.get("location")
                if not loc:
                    break
                url = urljoin(url, loc)
                hops += 1
                raw = self._with_retries(url, {}, retries=0)
        except FetchError as e:
            self.log(f"{host}/robots.txt: {e.reason}; the host is not fetched (RFC 9309)")
            return f"robots.txt unreachable ({e.reason})"
        if raw.status in (401, 403):
            return f"forbidden by robots.txt (HTTP {raw.status})"
        if raw.status >= 500:
            return f"robots.txt unreachable (HTTP {raw.status})"
        if raw.status >= 400 or raw.status in REDIRECT_STATUSES:
            rp.parse([])  # no rules: everything allowed
            return rp
        rp.parse(raw.body.decode("utf-8", "replace").splitlines())
        delay = rp.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._crawl_delay[host] = min(float(delay), self.policy.max_crawl_delay)
        return rp

    # -- one request ---------------------------------------------------------------------
    def _wait_turn(self, url: str) -> None:
        host = _host(url)
        delay = max(self.policy.delay, self._crawl_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _with_retries(self, url: str, headers: dict[str, str],
                      retries: int | None = None) -> _Raw:
        tries = 1 + (self.policy.retries if retries is None else retries)
        backoff = self.policy.backoff
        for attempt in range(1, tries + 1):
            try:
                raw = self._request(url, headers)
            except FetchError as e:
                if not e.retryable or attempt == tries:
                    if attempt > 1:
                        e.reason += f", after {attempt} attempts"
                        e.args = (f"{e.url}: {e.reason}",)
                    raise
                self.log(f"{url}: {e.reason}; retrying in {backoff:g} s "
                         f"(attempt {attempt + 1} of {tries})")
                self._sleep(backoff)
                backoff = min(backoff * 2, self.policy.max_backoff)
                continue
            if raw.status in RETRY_STATUSES and attempt < tries:
                wait = max(backoff, _retry_after(raw.headers.get("retry-after")) or 0.0)
                wait = min(wait, self.policy.max_backoff)
                self.log(f"{url}: HTTP {raw.status}; retrying in {wait:g} s "
                         f"(attempt {attempt + 1} of {tries})")
                self._sleep(wait)
                backoff = min(backoff * 2, self.policy.max_backoff)
                continue
            raw.attempts = attempt
            return raw
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(self, url: str, headers: dict[str, str]) -> _Raw:
        p = self.policy
        parts = urlsplit(url)
        self._wait_turn(url)
        self.requests += 1
        conn: http.client.HTTPConnection
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.hostname or "", parts.port,
                                               timeout=p.connect_timeout,
                                               context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port,
                                              timeout=p.connect_timeout)
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        started = time.monotonic()
        try:
            try:
                conn.connect()
            except TimeoutError:
                raise FetchError(url, f"timeout (no connection in {p.connect_timeout:g} s)",
                                 retryable=True) from None
            except OSError as e:
                raise FetchError(url, f"cannot connect ({e.strerror or e})",
                                 retryable=True) from None
            assert conn.sock is not None
            conn.sock.settimeout(p.read_timeout)
            conn.putrequest("GET", path, skip_accept_encoding=True)
            for k, v in {"User-Agent": p.user_agent, "Accept-Encoding": "identity",
                         "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                   "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                         **headers}.items():
                conn.putheader(k, v)
            conn.endheaders()
            resp = conn.getresponse()
            hdrs = {k.lower(): v for k, v in resp.getheaders()}
            if resp.status in REDIRECT_STATUSES or resp.status == 304 or resp.status >= 400:
                return _Raw(resp.status, hdrs, b"")  # no body needed
            length = hdrs.get("content-length", "")
            if length.isdigit() and int(length) > p.max_bytes:
                raise FetchError(url, f"too large ({human_size(int(length))}; the limit is "
                                      f"{human_size(p.max_bytes)})")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() - started > p.total_timeout:
                    raise FetchError(url, f"timeout (the response took over "
                                          f"{p.total_timeout:g} s)", retryable=True)
                chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > p.max_bytes:
                    raise FetchError(url, f"too large (over {human_size(p.max_bytes)})")
                chunks.append(chunk)
            return _Raw(resp.status, hdrs, b"".join(chunks))
        except TimeoutError:
            raise FetchError(url, f"timeout (no data for {p.read_timeout:g} s)",
                             retryable=True) from None
        except http.client.HTTPException as e:
            raise FetchError(url, f"bad HTTP response ({type(e).__name__})",
                             retryable=True) from None
        except ssl.SSLError as e:
            raise FetchError(url, f"TLS error ({e.reason or e})") from None
        except ConnectionError as e:
            raise FetchError(url, f"connection lost ({e.strerror or e})",
                             retryable=True) from None
        finally:
            conn.close()

    @staticmethod
    def _check_type(resp: Response, accept: tuple[str, ...] | None) -> None:
        if not accept or resp.media_type in accept:
            return
        what = "not HTML" if accept == HTML_TYPES else "not a feed or page"
        raise FetchError(resp.url, f"{what} ({resp.media_type or 'no content type'})")

    # -- cache ---------------------------------------------------------------------------
    def _cache_get(self, url: str) -> dict[str, Any] | None:
        if self.store is None:
            return None
        from foreigndesk.store.watch import cache_get

        return cache_get(self.store, url)

    def _cache_put(self, url: str, final: str, etag: str | None, modified: str | None,
                   ctype: str, body: bytes) -> None:
        if self.store is not None:
            from foreigndesk.store.watch import cache_put

            cache_put(self.store, url, final, etag, modified, ctype, body)

    def _cache_touch(self, url: str) -> None:
        if self.store is not None:
            from foreigndesk.store.watch import cache_touch

            cache_touch(self.store, url)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    v = value.strip()
    if v.isdigit():
        return float(v)
    try:
        when = parsedate_to_datetime(v)
    except (TypeError, ValueError):
        return None
    from datetime import UTC, datetime

    return max(0.0, (when - datetime.now(UTC)).total_seconds())
