"""Brief downloads: ``foreigndesk report`` served from the workbench
(``/export/brief.html|pdf|md`` with the report's filters). The renderer is the
``briefs`` callable the app was made with (``foreigndesk serve`` passes
:func:`foreigndesk.report.service.render_brief`): the web does not import the report."""

from __future__ import annotations

import re

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from foreigndesk.store import Store
from foreigndesk.web.deps import store

router = APIRouter(include_in_schema=True)
_NAME = re.compile(r"^brief\.(html|pdf|md)$")
MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
         "md": "text/markdown; charset=utf-8"}


@router.get("/export/{name}", summary="Download a cited brief: brief.html, brief.pdf or "
                                      "brief.md (foreigndesk report)")
def brief(name: str, request: Request, s: Store = Depends(store),
          actor: list[str] = Query(default=[], description="Only what concerns this actor "
                                   "(id, CAMEO code or name); repeat for several."),
          dyad: str | None = Query(None, description="The pair of states of the relations "
                                   "chart, A-B."),
          since: str | None = Query(None, description="From this date (YYYY[-MM[-DD]])."),
          until: str | None = Query(None, description="Up to this date (YYYY[-MM[-DD]])."),
          title: str | None = Query(None, description="Title of the brief.")) -> Response:
    """The name is one of three fixed names: it never reaches the file system."""
    m = _NAME.match(name)
    if not m:
        raise HTTPException(404, f"no export {name!r} (brief.html, brief.pdf or brief.md)")
    fmt = m[1]
    render = getattr(request.app.state, "briefs", None)
    if render is None:
        raise HTTPException(501, "briefs are not available in this server (foreigndesk serve "
                                 "provides them when the report extra is installed)")
    try:
        body: bytes = render(s, fmt, actor, dyad, since, until, title)
    except ValueError as e:  # BriefError: its status says 422 (filters) or 501 (missing extra)
        raise HTTPException(int(getattr(e, "status", 422)), str(e)) from None
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="brief.{fmt}"'})
