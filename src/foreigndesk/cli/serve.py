"""``foreigndesk serve``: the web workbench over a store."""

from __future__ import annotations

import sys
from typing import Any

import click

from foreigndesk.cli.output import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. The default answers this machine only; another "
                   "address exposes the store to the network (reading needs no token).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--token", default=None, envvar="FOREIGNDESK_TOKEN",
              help="Write token for POST /api/ingest (default: a new random one, printed at "
                   "start).")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the web workbench: documents with full-text search and a reader that highlights
    every fact, timeline, actors and their network, map, relations, claims and echoes,
    figures, and a JSON API under /api (docs at /api/docs).

    Reading is open; writing (POST /api/ingest) needs the token printed at start, sent as
    ``Authorization: Bearer <token>``. Everything is served from the package: no CDN.
    """
    try:
        import uvicorn

        from foreigndesk.web.app import StoreMissing, create_app
        from foreigndesk.web.security import LOOPBACK, new_token
    except ImportError as e:  # the web extra is not installed
        click.echo(f"foreigndesk: serve needs the web extra ({e.name} is missing): "
                   "pip install 'foreigndesk[web]'", err=True)
        sys.exit(1)
    token = token or new_token()
    loopback = host in LOOPBACK
    try:
        from foreigndesk.report.service import render_brief
    except ImportError:  # briefs need the report extra; the rest of the workbench does not
        render_brief = None  # type: ignore[assignment]
    try:
        app = create_app(db, token=token, allowed_hosts=LOOPBACK if loopback else None,
                         briefs=render_brief)
    except StoreMissing as e:
        click.echo(f"foreigndesk: {e}", err=True)
        sys.exit(1)

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    shown_host = f"[{host}]" if ":" in host else host

    async def announce() -> None:
        bound = port
        for s in server.servers:
            for sock in s.sockets:
                bound = sock.getsockname()[1]
        click.echo(f"foreigndesk: serving {db} at http://{shown_host}:{bound}/", err=False)
        click.echo(f"foreigndesk: write token (POST /api/ingest, Authorization: Bearer): {token}")
        if not loopback:
            click.echo("foreigndesk: listening beyond this machine: anyone who reaches it can "
                       "read the store", err=True)
        sys.stdout.flush()

    original = server.startup

    async def startup(sockets: list[Any] | None = None) -> None:
        await original(sockets=sockets)
        if server.started:
            await announce()

    server.startup = startup  # type: ignore[method-assign]
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    if not server.started:
        click.echo(f"foreigndesk: could not listen on {host}:{port}", err=True)
        sys.exit(1)


COMMANDS = [serve]
