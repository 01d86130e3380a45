"""The workbench's alerts: the page (/alerts) and the JSON (/api/alerts). Each alert links to
the sentences it cites (/documents/ID#sN)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from foreigndesk.store import Store
from foreigndesk.web.deps import store
from foreigndesk.web.render import page

router = APIRouter()
MAX_ALERTS = 500
KIND_LABEL = {"shift": "relation shift", "event": "new event", "echo": "echo",
              "figures": "conflicting figures"}


def _alerts(s: Store, kind: str | None, watch: str | None, limit: int) -> list[dict[str, Any]]:
    from foreigndesk.alerts.notify import alert_json
    from foreigndesk.store.alerts import alerts

    rows = [alert_json(a) for a in alerts(s, watch=watch or None, limit=MAX_ALERTS * 4)]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    return rows[:limit]


@router.get("/api/alerts", summary="Alerts the watches raised, newest first, with citations",
            tags=["alerts"])
def api_alerts(s: Store = Depends(store),
               kind: str | None = Query(None, pattern="^(shift|event|echo|figures)$"),
               watch: str | None = Query(None, max_length=80),
               limit: int = Query(100, ge=1, le=MAX_ALERTS)) -> dict[str, Any]:
    rows = _alerts(s, kind, watch, limit)
    return {"alerts": rows, "count": len(rows)}


@router.get("/alerts", include_in_schema=False)
def alerts_page(s: Store = Depends(store),
                kind: str | None = Query(None, pattern="^(shift|event|echo|figures)$"),
                watch: str | None = Query(None, max_length=80)) -> Response:
    from foreigndesk.store.alerts import stored_watches

    rows = _alerts(s, kind, watch, MAX_ALERTS)
    watches = sorted({r["watch"] for r in rows} | {w["key"] for w in stored_watches(s)})
    return page("alerts.html", "alerts", alerts=rows, kind=kind or "", watch=watch or "",
                watches=watches, kinds=KIND_LABEL, cap=MAX_ALERTS)
