"""A brief as bytes, for callers that are not the command line: the web workbench gets this
function from ``foreigndesk serve`` (views do not import one another), and any other program
can call it."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from foreigndesk.store import Store
from foreigndesk.store.backends import display_name

FORMATS = ("html", "md", "pdf")
# the report's modules and WeasyPrint are imported on first use, by one thread at a time (two
# threads importing one module at once can see it half initialised)
_IMPORTS = threading.Lock()


class BriefError(ValueError):
    """A brief that cannot be made from these filters (HTTP 422 on the web)."""

    status = 422


class BriefUnavailable(BriefError):
    """A brief this installation cannot make (the report extra or a system library of
    WeasyPrint is missing; HTTP 501 on the web)."""

    status = 501


def render_brief(store: Store, fmt: str, actors: Sequence[str] = (), dyad: str | None = None,
                 since: str | None = None, until: str | None = None,
                 title: str | None = None) -> bytes:
    """The brief of ``store`` scoped by the filters, as ``fmt`` (html, md or pdf)."""
    if fmt not in FORMATS:
        raise BriefError(f"no brief format {fmt!r} (one of {', '.join(FORMATS)})")
    try:
        with _IMPORTS:
            from foreigndesk.analyze.relations import RelationsError, parse_dyad
            from foreigndesk.report.gather import ReportError, gather
            from foreigndesk.report.render import RenderError, html, markdown, pdf, quiet

            if fmt == "pdf":
                with quiet("weasyprint", "fontTools"):
                    import weasyprint  # noqa: F401
    except (ImportError, OSError) as e:  # OSError: a system library of WeasyPrint
        raise BriefUnavailable(f"briefs need the report extra "
                               f"({getattr(e, 'name', None) or e}): "
                               "pip install 'foreigndesk[report]'") from None
    try:
        pair = parse_dyad(dyad) if dyad and dyad.strip() else None
        b = gather(store, [a for a in actors if a.strip()], pair, since or None, until or None,
                   title or None, store_name=display_name(store.path))
        if fmt == "html":
            return html(b).encode("utf-8")
        if fmt == "md":
            return markdown(b, None).encode("utf-8")
        with tempfile.TemporaryDirectory(prefix="foreigndesk-brief-") as tmp:
            out = Path(tmp) / "brief.pdf"
            pdf(html(b), out)
            return out.read_bytes()
    except (ReportError, RelationsError) as e:
        raise BriefError(str(e)) from None
    except RenderError as e:
        raise BriefUnavailable(str(e)) from None
