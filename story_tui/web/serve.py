"""`story-tui serve`: the browser in a web browser, offline and safe by default.

An aiohttp server of our own that runs one app process per browser session through
textual-serve's public `AppService` (and serves textual-serve's static files), with:

* our own page template, which uses the font textual-serve ships instead of linking a web font,
  so it works with no internet;
* a per-server access token printed at start-up: the page (`/?token=…`) and the websocket
  (`/ws/<token>`) refuse every request without it, so another user of the machine or a web page
  cannot open a session by guessing the port. It stays valid until the server stops (reloading
  the page works) and is never written to the access log;
* the websocket refuses a connection whose `Origin` is not the server's own: textual-serve alone
  accepts any origin, so any web page the user visits could drive the app (and read the story);
* the address is printed only once the socket listens, so a client that connects at once is not
  refused; a port in use is one line of error, not a traceback.

It listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import json
import logging
import os
import secrets
import shlex
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from aiohttp.abc import AbstractAccessLogger
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from story_tui.web.session import SERVER_PID_VARIABLE

TEMPLATES = Path(__file__).resolve().parent
STATICS = Path(textual_serve.__file__).resolve().parent / "static"
STOP_TIMEOUT = 10.0
"""Seconds to wait for the app sessions to quit when the server stops."""

log = logging.getLogger("story_tui.serve")


class CannotListen(Exception):
    """The server could not listen on the address it was given (one line for the user)."""


class StoryServer:
    """The web server: a token, an Origin check, an offline page, one app process per session."""

    def __init__(
        self, command: str, host: str, port: int, title: str, token: str | None = None
    ) -> None:
        self.command = command
        self.host = host
        self.port = port
        self.title = title
        self.token = token or secrets.token_urlsafe(18)
        self.download_manager = DownloadManager()
        self.services: set[AppService] = set()
        self.websockets: set[web.WebSocketResponse] = set()

    @property
    def public_url(self) -> str:
        """The server's own address (with the port it really listens on)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

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

    def redact(self, text: str) -> str:
        """`text` with the token replaced, for anything written to a log."""
        return text.replace(self.token, "<token>")

    def _token_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given, self.token)

    def make_app(self) -> web.Application:
        """The aiohttp application: the page, the websocket and textual-serve's static files."""
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.static("/static", STATICS, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def run(self, ready: Callable[[StoryServer], None], stop: asyncio.Event) -> None:
        """Listen, call `ready` once the socket accepts connections, serve until `stop` is set.

        Raises:
            CannotListen: the port is in use, not allowed, or the host is unknown.
        """
        runner = web.AppRunner(
            self.make_app(), access_log_class=_access_logger(self), shutdown_timeout=5.0
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            try:
                await site.start()
            except OSError as error:
                raise CannotListen(self._listen_problem(error)) from None
            # With --port 0 the system chose the port: the address must say which one.
            self.port = int(runner.addresses[0][1])
            ready(self)
            await stop.wait()
        finally:
            await runner.cleanup()

    def _listen_problem(self, error: OSError) -> str:
        if error.errno == errno.EADDRINUSE:
            return f"port {self.port} is in use"
        reason = error.strerror or str(error)
        return f"cannot listen on {self.host}:{self.port}: {reason}"

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every browser connection and quit every app session this server started."""
        for websocket in list(self.websockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
        stops = asyncio.gather(*(service.stop() for service in list(self.services)))
        try:
            await asyncio.wait_for(stops, STOP_TIMEOUT)
        except TimeoutError:
            # Such a session ends by itself once this server has exited (session.py).
            log.warning("some app sessions did not quit in %s s", STOP_TIMEOUT)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, for a request with the token."""
        if not self._token_ok(request.query.get("token")):
            raise web.HTTPForbidden(text="story-tui: this address needs the token it printed")
        context: dict[str, Any] = {
            "font_size": _to_int(request.query.get("fontsize", "16"), 16),
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
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One app session, for a websocket with the token from the server's own page."""
        if not self._token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text="bad token")
        origin = request.headers.get("Origin")
        if origin not in self.allowed_origins():
            raise web.HTTPForbidden(text="this server only accepts its own page")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _to_int(request.query.get("width", "80"), 80)
        height = _to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=lambda: _close(websocket),
            download_manager=self.download_manager,
        )
        self.websockets.add(websocket)
        self.services.add(service)
        try:
            await service.start(width, height)
            await _relay(websocket, service)
        except (asyncio.CancelledError, ConnectionResetError):
            pass
        finally:
            await service.stop()
            self.services.discard(service)
            self.websockets.discard(websocket)
            await websocket.close()
        return websocket


async def _relay(websocket: web.WebSocketResponse, service: AppService) -> None:
    """Pass the browser's keys, resizes and focus changes to the app session."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        except (ValueError, TypeError, IndexError, KeyError):
            continue  # not the page's protocol: ignore rather than end the session
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            width, height = data.get("width"), data.get("height")
            if isinstance(width, int) and isinstance(height, int):
                await service.set_terminal_size(width, height)
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


def _access_logger(server: StoryServer) -> type[AbstractAccessLogger]:
    """One line per request, with the token replaced: logs are shared more than addresses."""

    class AccessLogger(AbstractAccessLogger):
        def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
            line = f'{request.remote} "{request.method} {request.path_qs}" {response.status}'
            self.logger.info(server.redact(line))

    return AccessLogger


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def _to_int(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default


def app_command(file: str | None, theme: str | None) -> str:
    """The shell command that runs one app session (exec: no shell left behind)."""
    parts = [sys.executable, "-m", "story_tui"]
    if file is not None:
        parts.append(str(Path(file).resolve()))
    if theme is not None:
        parts += ["--theme", theme]
    # The session quits by itself if this server goes away without telling it (session.py).
    return f"{SERVER_PID_VARIABLE}={os.getpid()} exec " + " ".join(shlex.quote(p) for p in parts)


def _announce(server: StoryServer) -> None:
    print(f"Serving story-tui on {server.url}", flush=True)
    print(
        "Open that address in a web browser; it works until this server stops. "
        "Press ctrl+c here to stop.",
        flush=True,
    )


def serve(file: str | None, host: str, port: int, theme: str | None, title: str) -> int:
    """Run the server until ctrl+c or SIGTERM.

    Raises:
        CannotListen: the port is in use, not allowed, or the host is unknown.
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    server = StoryServer(app_command(file, theme), host=host, port=port, title=title)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # Windows
                loop.add_signal_handler(signum, stop.set)
        await server.run(_announce, stop)

    asyncio.run(main())
    return 0
