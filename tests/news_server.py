"""A web server on loopback that the news tests start, serving pages and feeds they write.

Nothing here reaches the internet: the server listens on 127.0.0.1, port 0 (a free port), in a
thread, and while it runs no proxy from the environment stands between it and the test (a
developer's `HTTP_PROXY` would otherwise carry the requests to 127.0.0.1 off the machine).
Each route is a `Route` (status, headers, body; conditional requests answered 304 from its
ETag) or a function of the request handler for the hostile cases (a drip, a bomb, …).
"""

from __future__ import annotations

import gzip
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    """What one path answers."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False


Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """The running server: its routes (change them between requests) and what it was asked."""

    port: int
    routes: dict[str, Route | Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of every request for `path`."""
        with self.lock:
            return [headers for p, headers in self.requests if p == path]


class _Handler(BaseHTTPRequestHandler):
    server_state: Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:
        state = self.server_state
        with state.lock:
            state.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = state.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if callable(route):
            route(self)
            return
        if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        body = gzip.compress(route.body) if route.gzip else route.body
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(body)))
        if route.gzip:
            self.send_header("Content-Encoding", "gzip")
        if route.etag is not None:
            self.send_header("ETag", route.etag)
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def loopback_only() -> Iterator[None]:
    """No proxy for any address while it lasts (`no_proxy=*`, which wins over `HTTP_PROXY`, for
    this process and the commands it starts); the environment as it was afterwards."""
    saved = {name: os.environ.get(name) for name in ("no_proxy", "NO_PROXY")}
    os.environ.update(no_proxy="*", NO_PROXY="*")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def serve() -> Iterator[Server]:
    """A server on 127.0.0.1 (any free port), reached with no proxy, stopped at the end."""
    handler = type("Handler", (_Handler,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state = Server(httpd.server_address[1])
    handler.server_state = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        with loopback_only():
            yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


PARAGRAPHS = [
    "Floodwater covered the lower town of Riverton on Monday after three days of rain, and "
    "the river rose to 6.2 metres, its highest level since 1998.",
    "“We have never seen the water come this fast,” said Marta Lindqvist, the town's mayor, "
    "standing on the steps of the town hall.",
    "About 1,200 residents left their homes overnight. The regional council opened two "
    "shelters in the school and the sports hall, and said the roads north of the bridge "
    "would stay closed until Thursday.",
    "Peter Holm, a farmer whose fields lie along the river, said the damage would take "
    "months to repair. “The harvest is gone,” Holm said.",
]


def article_page(
    title: str = "Storm floods Riverton",
    paragraphs: list[str] | None = None,
    outlet: str = "Riverton Herald",
    date: str = "2026-11-30",
    canonical: str | None = None,
) -> bytes:
    """A news page as outlets write them: metadata in the head, the article in `<article>`."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="{date}T08:00:00Z">
{link}
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
{body}
</article><footer>© {outlet}</footer></body></html>""".encode()


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed: (title, link, pubDate) per item."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for t, link, date in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link>{entries}</channel></rss>"
    ).encode()


def atom(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed: (title, link, updated) per entry."""
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>{date}</updated></entry>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:x</id><updated>2026-11-30T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()
