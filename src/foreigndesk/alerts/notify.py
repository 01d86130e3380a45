"""Send new alerts out: a JSON Lines file (one alert a line, appended) and a webhook (an HTTP
POST of one JSON object per alert, for the analyst's own chat or mail gateway).

A webhook that fails (connection refused, timeout, a status other than 2xx) is tried again
up to ``retries`` times with backoff, then logged; the alert stays in the store either way,
and what became of each channel is recorded in ``alerts.notified``."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from foreigndesk import __version__
from foreigndesk.store import Store
from foreigndesk.store import alerts as db


def alert_json(a: dict[str, Any]) -> dict[str, Any]:
    """The public shape of an alert (what the JSONL file, the webhook and the API carry)."""
    return {"id": a["id"], "watch": a["watch_key"], "kind": a["kind"], "title": a["title"],
            "created_at": a["created_at"], "fingerprint": a["fingerprint"],
            "detail": a["detail"], "citations": a["citations"]}


def post_json(url: str, payload: dict[str, Any], timeout: float = 10.0, retries: int = 2,
              backoff: float = 1.0) -> str | None:
    """POST ``payload``; None when the server took it (2xx), else the last error."""
    if not url.lower().startswith(("http://", "https://")):
        return f"not an http(s) URL: {url!r}"
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    err = "not sent"
    for attempt in range(retries + 1):
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/json", "User-Agent": f"foreigndesk/{__version__}"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only
                if 200 <= resp.status < 300:
                    return None
                err = f"HTTP {resp.status}"
        except urllib.error.HTTPError as e:
            err = f"HTTP {e.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            reason = getattr(e, "reason", e)
            err = f"cannot deliver ({reason})"
        if attempt < retries:
            time.sleep(backoff * (2 ** attempt))
    return err


def notify(store: Store, ids: list[int], jsonl: str | None = None, webhook: str | None = None,
           log: Callable[[str], None] = print, timeout: float = 10.0, retries: int = 2,
           backoff: float = 1.0) -> None:
    """Send the alerts ``ids`` to the JSON Lines file and the webhook given."""
    if not ids or not (jsonl or webhook):
        return
    rows = sorted(db.alerts(store, ids=ids), key=lambda a: a["id"])
    for a in rows:
        status = dict(a["notified"])
        payload = alert_json(a)
        if jsonl:
            try:
                with Path(jsonl).open("a", encoding="utf-8") as f:
                    f.write(json.dumps(payload, ensure_ascii=False) + "\n")
                status["jsonl"] = "written"
            except OSError as e:
                status["jsonl"] = f"failed: {e.strerror or e}"
                log(f"{jsonl}: cannot write alert {a['id']}: {e.strerror or e}")
        if webhook:
            err = post_json(webhook, payload, timeout, retries, backoff)
            status["webhook"] = "delivered" if err is None else f"failed: {err}"
            if err is not None:
                log(f"webhook {webhook}: alert {a['id']} not delivered ({err})")
        db.set_notified(store, a["id"], status)
