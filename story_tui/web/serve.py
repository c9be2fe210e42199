"""`story-tui serve`: the browser in a web browser, offline and safe by default.

Built on textual-serve, with three changes:

* the page is our own template, which uses the font textual-serve ships instead of linking a web
  font, so it works with no internet;
* every request needs the per-run token printed at start-up (`/?token=…` for the page, `/ws/…`
  for the websocket), so another user or a web page cannot open a session by guessing the port;
* the websocket refuses a connection whose `Origin` is not the server's own: textual-serve alone
  accepts any origin, so any web page the user visits could drive the app (and read the story).

It listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

TEMPLATES = Path(__file__).resolve().parent


class StoryServer(Server):
    """A textual-serve server with a token, an Origin check and an offline page."""

    def __init__(
        self, command: str, host: str, port: int, title: str, token: str | None = None
    ) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.templates_path = TEMPLATES
        self.token = token or secrets.token_urlsafe(18)
        self.services: set[AppService] = set()

    @property
    def url(self) -> str:
        """The address to open, with the token."""
        return f"{self.public_url}/?token={self.token}"

    def allowed_origins(self) -> set[str]:
        """The server's own origins (loopback is reachable under two names)."""
        origins = {self.public_url}
        if self.host in ("127.0.0.1", "localhost"):
            origins |= {f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}"}
        return origins

    def _token_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given, self.token)

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        print(f"Serving story-tui on {self.url}", flush=True)
        print("Open that address in a web browser; press ctrl+c here to stop.", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        # Stop every app process this server started, whatever state its browser is in.
        await asyncio.gather(*(service.stop() for service in list(self.services)))
        for service in list(self.services):
            process = getattr(service, "_process", None)
            if process is not None and process.returncode is None:
                process.kill()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if not self._token_ok(request.query.get("token")):
            raise web.HTTPForbidden(text="story-tui: this address needs the token it printed")
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{request.host}/ws/{self.token}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
            "ping_url": "",
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
            "'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:; font-src 'self'"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self._token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text="bad token")
        origin = request.headers.get("Origin")
        if origin not in self.allowed_origins():
            raise web.HTTPForbidden(text="this server only accepts its own page")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=lambda: _close(websocket),
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.services.add(service)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionResetError):
            pass
        finally:
            await service.stop()
            self.services.discard(service)
            await websocket.close()
        return websocket


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def app_command(file: str | None, theme: str | None) -> str:
    """The shell command that runs one app session (exec: no shell left behind)."""
    parts = [sys.executable, "-m", "story_tui"]
    if file is not None:
        parts.append(str(Path(file).resolve()))
    if theme is not None:
        parts += ["--theme", theme]
    return "exec " + " ".join(shlex.quote(p) for p in parts)


def serve(file: str | None, host: str, port: int, theme: str | None, title: str) -> int:
    """Run the server until ctrl+c."""
    server = StoryServer(app_command(file, theme), host=host, port=port, title=title)
    server.serve()
    return 0
