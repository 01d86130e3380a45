"""Brief downloads: ``foreigndesk report`` served from the workbench
(``/export/brief.html|pdf|md`` with the report's filters)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

from foreigndesk.store import Store
from foreigndesk.web.deps import store
from foreigndesk.web.warm import need

router = APIRouter(include_in_schema=True)
_NAME = re.compile(r"^brief\.(html|pdf|md)$")
MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
         "md": "text/markdown; charset=utf-8"}


@router.get("/export/{name}", summary="Download a cited brief: brief.html, brief.pdf or "
                                      "brief.md (foreigndesk report)")
def brief(name: str, s: Store = Depends(store),
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
    try:
        need("foreigndesk.report.gather", "foreigndesk.report.render", "foreigndesk.report.chart")
        if fmt == "pdf":
            from foreigndesk.report.render import quiet

            with quiet("weasyprint", "fontTools"):
                need("weasyprint")
        from foreigndesk.analyze.relations import RelationsError, parse_dyad
        from foreigndesk.report.gather import ReportError, gather
        from foreigndesk.report.render import RenderError, html, markdown, pdf
    except (ImportError, OSError) as e:  # OSError: a system library of WeasyPrint
        raise HTTPException(501, f"briefs need the report extra ({getattr(e, 'name', None) or e}): "
                                 "pip install 'foreigndesk[report]'") from None
    try:
        pair = parse_dyad(dyad) if dyad and dyad.strip() else None
        b = gather(s, [a for a in actor if a.strip()], pair, since or None, until or None,
                   title or None, store_name=Path(s.path).name)
        if fmt == "html":
            body: bytes = html(b).encode("utf-8")
        elif fmt == "md":
            body = markdown(b, None).encode("utf-8")
        else:
            with tempfile.TemporaryDirectory(prefix="foreigndesk-brief-") as tmp:
                out = Path(tmp) / "brief.pdf"
                pdf(html(b), out)
                body = out.read_bytes()
    except (ReportError, RelationsError) as e:
        raise HTTPException(422, str(e)) from None
    except RenderError as e:
        raise HTTPException(501, str(e)) from None
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="brief.{fmt}"'})
