"""Fetching on a hostile network: every limit, against servers the tests start on loopback."""

from __future__ import annotations

import asyncio
import gzip
import os
import shutil
import ssl
import stat
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from story_tui.cli.main import main
from story_tui.news.feeds import parse_feed
from story_tui.news.fetch import (
    NOT_MODIFIED,
    PAGE_TYPES,
    Fetched,
    FetchError,
    Limits,
    Validators,
    check_address,
    fetch,
    new_client,
)
from story_tui.story.safety import UNSAFE_TEXT
from tests.conftest import poll
from tests.news_server import (
    PARAGRAPHS,
    Route,
    Server,
    article_page,
    loopback_only,
    rss,
    serve,
)

FAST = Limits(connect=2.0, read=2.0, deadline=1.0, max_bytes=1024 * 1024, retry_wait=2.0)


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def get(url: str, limits: Limits = FAST, validators: Validators | None = None) -> Fetched | str:
    async def go() -> Fetched | str:
        async with new_client(limits) as client:
            return await fetch(client, url, PAGE_TYPES, validators, limits)

    return asyncio.run(go())


def refused(url: str, limits: Limits = FAST) -> str:
    with pytest.raises(FetchError) as caught:
        get(url, limits)
    return caught.value.message


def _drip(handler: BaseHTTPRequestHandler, headers_too: bool = False) -> None:
    """One byte at a time, a tenth of a second apart, for up to a minute (or until hung up)."""
    stop = threading.Event()
    try:
        if headers_too:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n":
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                if stop.wait(0.1):
                    return
        else:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
        for _ in range(600):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            if stop.wait(0.1):
                return
    except OSError:
        return


def test_only_http_and_https_addresses(server: Server) -> None:
    for bad in ("file:///etc/passwd", "data:text/html,hi", "ftp://x.example/", "javascript:x"):
        with pytest.raises(FetchError, match="only http and https"):
            check_address(bad)
    assert "only http and https" in refused("file:///etc/passwd")


def test_a_dripping_body_is_cut_off_at_the_deadline(server: Server) -> None:
    server.routes["/drip"] = _drip
    assert "no complete response within 1 s" in refused(server.url("/drip"))


def test_dripping_headers_are_cut_off_at_the_deadline(server: Server) -> None:
    server.routes["/drip"] = lambda handler: _drip(handler, headers_too=True)
    assert "no complete response within 1 s" in refused(server.url("/drip"))


def test_a_gzip_bomb_is_refused_without_inflating_it(server: Server) -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < FAST.max_bytes
    server.routes["/bomb"] = Route(bomb, headers={"Content-Encoding": "gzip"})
    assert "once decompressed" in refused(server.url("/bomb"))


def test_a_gzipped_page_within_the_limit_is_read(server: Server) -> None:
    server.routes["/page"] = Route(article_page(), gzip=True)
    result = get(server.url("/page"))
    assert isinstance(result, Fetched) and result.body == article_page()


def test_too_large_as_declared_and_as_sent(server: Server) -> None:
    server.routes["/big"] = Route(b"x" * (FAST.max_bytes + 1))
    assert "larger than the limit" in refused(server.url("/big"))

    def undeclared(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()  # no Content-Length: read until the server closes
        try:
            for _ in range(64):
                handler.wfile.write(b"y" * 65536)
        except OSError:
            return
        handler.close_connection = True

    server.routes["/stream"] = undeclared
    assert "larger than the limit" in refused(server.url("/stream"))


def _redirect(to: str) -> Route:
    return Route(b"", status=302, headers={"Location": to})


def test_redirects_are_bounded_and_stay_on_http(server: Server) -> None:
    server.routes["/loop"] = _redirect("/loop")
    assert "more than 5 redirects" in refused(server.url("/loop"))
    for hop in range(1, 7):
        server.routes[f"/chain/{hop}"] = _redirect(f"/chain/{hop - 1}")
    server.routes["/chain/0"] = Route(article_page())
    assert isinstance(get(server.url("/chain/5")), Fetched)  # five redirects: followed
    assert refused(server.url("/chain/6")) == "more than 5 redirects"
    server.routes["/to-file"] = _redirect("file:///etc/passwd")
    assert refused(server.url("/to-file")) == (
        "redirected to file:///etc/passwd: only http and https addresses are fetched (file:)"
    )
    # httpx itself raised InvalidURL (no HTTPError: a traceback) on these two.
    for scheme, location in (("javascript", "javascript:alert(1)"), ("data", "data:,hi")):
        server.routes[f"/to-{scheme}"] = _redirect(location)
        assert refused(server.url(f"/to-{scheme}")) == (
            f"redirected to {location}: only http and https addresses are fetched ({scheme}:)"
        )
    server.routes["/moved"] = _redirect("/page")
    server.routes["/page"] = Route(article_page())
    result = get(server.url("/moved"))
    assert isinstance(result, Fetched) and result.url == server.url("/page")


def test_a_page_that_is_not_text_is_refused_with_one_line(server: Server) -> None:
    server.routes["/img"] = Route(b"\x89PNG....", content_type="image/png")
    assert refused(server.url("/img")) == "not a page of text (image/png); nothing fetched"


def test_errors_are_one_line(server: Server) -> None:
    server.routes["/gone"] = Route(b"", status=410)
    assert refused(server.url("/gone")) == "HTTP 410 Gone"
    with ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as closed:
        port = closed.server_address[1]
    assert refused(f"http://127.0.0.1:{port}/").startswith("could not connect")


def test_conditional_requests_get_304(server: Server) -> None:
    server.routes["/page"] = Route(article_page(), etag='"v1"')
    first = get(server.url("/page"))
    assert isinstance(first, Fetched) and first.validators.etag == '"v1"'
    assert get(server.url("/page"), validators=first.validators) == NOT_MODIFIED
    assert server.asked("/page")[-1]["if-none-match"] == '"v1"'


def test_retry_after_is_respected(server: Server) -> None:
    answers = iter([Route(b"", status=503, headers={"Retry-After": "0"}), Route(article_page())])

    def busy_then_fine(handler: BaseHTTPRequestHandler) -> None:
        route = next(answers)
        handler.send_response(route.status)
        for name, value in route.headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(route.body)))
        handler.end_headers()
        handler.wfile.write(route.body)

    server.routes["/busy"] = busy_then_fine
    assert isinstance(get(server.url("/busy")), Fetched)  # waited, then asked once more
    server.routes["/later"] = Route(b"", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError) as caught:
        get(server.url("/later"))
    assert caught.value.retry_at is not None
    assert caught.value.message == "HTTP 429 Too Many Requests; asked to wait 3600 s"


def test_refresh_does_not_ask_a_server_that_asked_to_wait(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/rss"] = Route(b"", status=429, headers={"Retry-After": "3600"})
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "feeds.opml").write_text(
        f'<opml version="2.0"><body><outline text="R" xmlUrl="{server.url("/rss")}"/></body></opml>'
    )
    assert main(["refresh", "--library", str(lib)]) == 1
    assert len(server.asked("/rss")) == 1
    assert main(["refresh", "--library", str(lib)]) == 0
    assert len(server.asked("/rss")) == 1
    out = capsys.readouterr().out
    assert (
        out.splitlines()[-1] == "0 new, 0 updated stories; 0 feeds unchanged, 0 failed, 1 deferred"
    )


def test_no_cookie_is_kept(server: Server) -> None:
    server.routes["/page"] = Route(article_page(), headers={"Set-Cookie": "track=1; Path=/"})

    async def twice() -> None:
        async with new_client(FAST) as client:
            for _ in range(2):
                await fetch(client, server.url("/page"), PAGE_TYPES, None, FAST)

    asyncio.run(twice())
    assert all("cookie" not in headers for headers in server.asked("/page"))


def test_proxies_from_the_environment_are_honoured(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    server.routes["http://news.invalid/page"] = Route(article_page())
    result = get("http://news.invalid/page")
    assert isinstance(result, Fetched) and b"Riverton" in result.body


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_tls_is_verified(tmp_path: Path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        with loopback_only():
            message = refused(f"https://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert message == "the server's TLS certificate could not be verified"


def test_links_that_are_not_http_are_skipped_with_a_line() -> None:
    items = [
        ("ok", "https://news.example/a", "Mon, 30 Nov 2026 08:00:00 GMT"),
        ("file", "file:///etc/passwd", ""),
        ("data", "data:text/html,hi", ""),
        ("ftp", "ftp://news.example/a", ""),
        ("js", "javascript:alert(1)", ""),
    ]
    feed = parse_feed(rss("Herald", items), "https://news.example/rss")
    assert [e.url for e in feed.entries] == ["https://news.example/a"]
    assert len(feed.skipped) == 4
    assert all("only http and https" in line for line in feed.skipped)


def test_a_failed_fetch_or_draft_leaves_the_story_as_it_was(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/page")
    server.routes["/page"] = Route(article_page(canonical=url))
    lib = str(tmp_path)
    assert main(["add", url, "--library", lib]) == 0
    [path] = [p for p in tmp_path.rglob("*.yaml")]
    before = path.read_bytes()
    server.routes["/page"] = Route(b"<html><body><p>Please log in.</p></body></html>")
    assert main(["add", url, "--library", lib]) == 1
    server.routes["/page"] = Route(b"", status=500)
    assert main(["add", url, "--library", lib]) == 1
    assert path.read_bytes() == before
    assert [p for p in tmp_path.rglob("*.yaml")] == [path]
    assert not list(tmp_path.rglob("*.tmp"))
    err = capsys.readouterr().err
    assert "no article found" in err and "HTTP 500" in err


def test_ports_of_other_protocols_and_bad_ports_are_refused(server: Server) -> None:
    for port in (22, 25, 6667):
        assert refused(f"http://127.0.0.1:{port}/") == (
            f"port {port} belongs to another protocol; web browsers refuse it too"
        )
    # A port past 65535 once reached the socket (an OverflowError traceback).
    assert refused("http://127.0.0.1:99999/") == "not a valid address"
    server.routes["/to-smtp"] = _redirect("http://127.0.0.1:25/")
    assert refused(server.url("/to-smtp")).startswith("redirected to http://127.0.0.1:25/: port 25")


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "10.0.0.7", "192.168.1.1", "[::1]", "127.1", "2130706433"]
)
def test_a_public_page_may_not_point_at_this_computer(host: str) -> None:
    link = f"http://{host}:8080/admin"
    with pytest.raises(FetchError, match="on this computer or its local network"):
        check_address(link, came_from="https://news.example/rss")
    assert check_address(link, came_from="http://127.0.0.1:8000/rss") == link  # a local feed
    assert check_address(link) == link  # what the reader typed
    feed = parse_feed(rss("Herald", [("admin", link, "")]), "https://news.example/rss")
    assert feed.entries == [] and "on this computer" in feed.skipped[0]


def test_a_public_page_redirecting_to_this_computer_is_refused(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.url(""))  # news.invalid is served by the proxy
    server.routes["http://news.invalid/go"] = _redirect(server.url("/page"))
    server.routes["/page"] = Route(article_page())
    message = refused("http://news.invalid/go")
    assert message.endswith("on this computer or its local network, named by a page that is not")
    assert server.asked("/page") == []


def _raw(answer: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    def write(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        handler.wfile.write(answer)

    return write


def test_a_broken_server_is_one_clear_line(server: Server) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    server.routes["/cut"] = _raw(head + b"Content-Length: 100000\r\n\r\n" + article_page()[:700])
    assert refused(server.url("/cut")) == (
        "the server hung up before the end of the page (received 700 bytes, expected 100000)"
    )
    server.routes["/garbage"] = _raw(b"HTTP/1.1 200 OK\r\nContent-Type text/html\r\n\r\n")
    assert refused(server.url("/garbage")) == (
        "the server's answer is not valid HTTP (illegal header line)"
    )
    server.routes["/status"] = _raw(b"HTTP/1.1 abc \x1b]52;c;aGk=\x07\r\n\r\n")
    assert refused(server.url("/status")) == (
        "the server's answer is not valid HTTP (illegal status line)"
    )
    server.routes["/headers"] = _raw(head + b"X-Big: " + b"a" * 200_000 + b"\r\n\r\n")
    assert refused(server.url("/headers")) == "the server sent more than 100 KB of headers"
    server.routes["/nothing"] = _raw(b"")
    assert refused(server.url("/nothing")) == "the server hung up without answering"


def test_add_never_replaces_or_blocks_on_a_file_it_did_not_write(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/page")
    server.routes["/page"] = Route(article_page())
    lib = tmp_path / "lib"
    folder = lib / "riverton-herald"
    folder.mkdir(parents=True)
    stem = folder / "2026-11-30-storm-floods-riverton"
    fifo = Path(f"{stem}.yaml")
    os.mkfifo(fifo)  # opening it to read blocked `add` (and threads after it) for ever
    outside = tmp_path / "precious.txt"
    outside.write_text("precious")
    Path(f"{stem}-2.yaml").symlink_to(outside)
    Path(f"{stem}-3.yaml").write_text("my notes")
    done: list[int] = []
    worker = threading.Thread(
        target=lambda: done.append(main(["add", url, "--library", str(lib)])), daemon=True
    )
    worker.start()
    try:
        poll(lambda: done, "add to finish with a named pipe in the library")
    finally:
        if not done:  # unblock the reader stuck on the pipe
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert done == [0]
    assert capsys.readouterr().out.split()[:2] == [
        "new",
        "riverton-herald/2026-11-30-storm-floods-riverton-4.yaml",
    ]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert Path(f"{stem}-2.yaml").is_symlink() and outside.read_text() == "precious"
    assert Path(f"{stem}-3.yaml").read_text() == "my notes"


def test_the_summary_counts_stories_and_feeds_apart() -> None:
    from story_tui.news.add import NEW, UNCHANGED, UPDATED, Outcome
    from story_tui.news.refresh import Summary

    # A feed of two stories refreshed again: once '0 new, 0 updated, 1 unchanged' (the feed).
    again = Summary(feeds=1)
    again.count(Outcome("Herald", UNCHANGED), feed=True)
    assert again.line() == "0 new, 0 updated stories; 1 feed unchanged, 0 failed"
    mixed = Summary(feeds=3)
    for status in (NEW, UPDATED, UNCHANGED):
        mixed.count(Outcome("a page", status))
    mixed.count(Outcome("Herald", UNCHANGED), feed=True)
    mixed.count(Outcome("Gazette", UNCHANGED), feed=True)
    assert mixed.line() == "1 new, 1 updated, 1 unchanged stories; 2 feeds unchanged, 0 failed"
    added = Summary()  # `add`: no feed asked, none mentioned
    added.count(Outcome("a page", NEW))
    assert added.line() == "1 new, 0 updated story, 0 failed"


def _spy_feedparser(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every input feedparser is given."""
    import feedparser

    sizes: list[int] = []
    real = feedparser.parse

    def parse(data: bytes, **kwargs: Any) -> Any:
        sizes.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(feedparser, "parse", parse)
    return sizes


def test_a_feed_of_100000_entries_is_read_without_handing_them_all_to_feedparser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sizes = _spy_feedparser(monkeypatch)
    entries = "".join(f"<item><link>https://news.example/{n}</link></item>" for n in range(100_000))
    body = f'<rss version="2.0"><channel><title>Herald</title>{entries}</channel></rss>'.encode()
    assert 4_000_000 < len(body) < Limits().max_bytes  # within what a fetch allows
    feed = parse_feed(body, "https://news.example/rss")
    assert [e.url for e in feed.entries] == [f"https://news.example/{n}" for n in range(50)]
    # feedparser took 50 s over the whole feed (it parses every entry, and sanitizes every
    # summary); it is given the first 50 entries, and only what story-tui reads of them.
    assert sizes[0] < 20_000
    description = "&lt;p&gt;word&lt;/p&gt;" * 300_000  # 7 MB of escaped HTML: 60 s before
    deep = "<x>" * 50_000 + "</x>" * 50_000  # and 20 s for this
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title><item>'
        f"<title>One</title><link>https://news.example/1</link>{deep}"
        f"<description>{description}</description></item></channel></rss>"
    ).encode()
    assert [e.url for e in parse_feed(body, "https://news.example/rss").entries] == [
        "https://news.example/1"
    ]
    assert sizes[1] < 5_000


def test_what_feedparser_is_given_keeps_what_story_tui_reads() -> None:
    atom_xhtml = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div
xmlns="http://www.w3.org/1999/xhtml">The <b>Gazette</b></div></title>
<entry><title type="html">&lt;b&gt;Shelters&lt;/b&gt; open</title>
<link rel="enclosure" href="https://news.example/a.mp3"/>
<link rel="alternate" href="https://news.example/a"/><id>urn:a</id>
<updated>2026-11-30T09:00:00Z</updated><content type="html">long</content></entry></feed>"""
    import feedparser

    feed = parse_feed(atom_xhtml, "https://news.example/atom")
    assert feed.title == "The Gazette"
    [entry] = feed.entries
    whole = feedparser.parse(atom_xhtml).entries[0]  # what it reads from the whole feed
    assert (entry.url, entry.title) == ("https://news.example/a", whole.title)
    rdf = b"""<?xml version="1.0"?><rdf:RDF
xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://news.example/">
<title>Daily</title><link>https://news.example/</link></channel>
<item rdf:about="https://news.example/d"><title>D</title><link>https://news.example/d</link>
<dc:date>2026-11-30T10:00:00Z</dc:date></item></rdf:RDF>"""
    dated = parse_feed(rdf, "https://news.example/rdf")
    undated = parse_feed(rdf.replace(b"2026-11-30T10", b"2026-12-01T10"), "https://x.example/")
    assert [e.url for e in dated.entries] == ["https://news.example/d"]
    assert dated.entries[0].signature != undated.entries[0].signature  # the date is read
    # Not well-formed (an unescaped &): read by feedparser's lenient parser, as before.
    broken = rss("Herald & Co", [("A & B", "https://news.example/ab", "")])
    assert [e.title for e in parse_feed(broken, "https://news.example/rss").entries] == ["A & B"]


def test_entities_in_a_feed_are_never_expanded() -> None:
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10))
    laughs = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol1 "lol">{entities}]>'
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
        "<link>https://news.example/a</link></item></channel></rss>"
    ).encode()
    feed = parse_feed(laughs, "https://news.example/rss")
    assert [e.url for e in feed.entries] == ["https://news.example/a"]
    assert len(feed.title) < 100 and len(feed.entries[0].title) < 100  # 10**8 'lol's if expanded


def test_an_address_httpx_cannot_read_is_one_line() -> None:
    # An IDNA-invalid host raised idna's own error (a ValueError), a traceback.
    assert refused("http://xn--/") == "not a valid address"


def test_hostile_text_in_a_fetched_page_is_kept_as_words_never_as_codes(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = [
        "The council met \x1b[2J\x1b]52;c;aGVsbG8=\x07 and voted [@click=app.quit]click me[/] "
        "on the budget of 4.5 million euros for the new bridge.",
        "“This is \u202eesrever\u202c text [bold red]not bold[/],” said Marta Lindqvist, "
        "the town's mayor, \u2066isolated\u2069 at the hall.",
        *PARAGRAPHS[2:],
    ]
    server.routes["/page"] = Route(
        article_page(title="Quit [@click=app.quit]x[/]", paragraphs=hostile)
    )
    assert main(["add", server.url("/page"), "--library", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[@click=app.quit]x[/]" in out and "\x1b" not in out
    [path] = [p for p in tmp_path.rglob("*.yaml") if p.parent != tmp_path]
    text = path.read_text(encoding="utf-8")
    assert "[@click=app.quit]click me[/]" in text and "[bold red]not bold[/]" in text
    assert not UNSAFE_TEXT.search(text)  # no ESC, BEL, bidi control: the loader refuses them
