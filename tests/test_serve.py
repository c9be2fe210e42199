"""`story-tui serve` in a real browser: Debian's chromium driven by Playwright, offline."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

import aiohttp
import pytest

from story_tui.web.serve import TEMPLATES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
# On a machine without a browser the two browser tests are skipped, and say so; CI installs
# Debian's chromium and sets STORY_TUI_REQUIRE_BROWSER=1, so there they can only pass or fail.
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("STORY_TUI_REQUIRE_BROWSER"),
    reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does)",
)


class Output:
    """Every line a server process writes, read by a thread so that a test can wait for one."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, pattern: str, seconds: float = 60) -> re.Match[str] | None:
        """The first match of `pattern` in a line, waiting up to `seconds` for it."""
        deadline = time.monotonic() + seconds
        with self._changed:
            while True:
                for line in self.lines:
                    if match := re.search(pattern, line):
                        return match
                left = deadline - time.monotonic()
                if left <= 0 or not self._thread.is_alive():
                    return None
                self._changed.wait(left)

    def text(self) -> str:
        with self._changed:
            return "".join(self.lines)


def _app_processes(marker: str) -> list[int]:
    """Processes whose command line mentions `marker` (a path unique to this test)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline and "story_tui" in cmdline and " serve " not in cmdline:
            found.append(int(entry.name))
    return found


def _wait_until(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """Poll `condition` until it holds or `seconds` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


class Served(NamedTuple):
    url: str
    port: int
    token: str
    story: Path
    process: subprocess.Popen[str]
    output: Output


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    """A running `story-tui serve` on a story copied to a unique path; stopped afterwards.

    `--port 0` lets the system pick a free port (no race with other tests for a port); the test
    learns it from the address, which is printed only once the socket listens.
    """
    story = tmp_path / "served-story.yaml"
    story.write_bytes((ROOT / "assets" / "chile-peru-border.yaml").read_bytes())
    env = {**os.environ, "STORY_TUI_STATE_DIR": str(tmp_path / "state")}
    process = subprocess.Popen(
        [sys.executable, "-m", "story_tui", "serve", str(story), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
        text=True,
    )
    assert process.stdout is not None
    output = Output(process.stdout)
    try:
        match = output.wait_for(r"(http://127\.0\.0\.1:(\d+)/\?token=(\S+))")
        assert match, f"the server did not print its address: {output.text()!r}"
        yield Served(match[1], int(match[2]), match[3], story, process, output)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        # Every app process the server started is gone once it stops.
        _wait_until(lambda: not _app_processes(str(story)))
        leftovers = _app_processes(str(story))
        if _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        assert leftovers == [], f"app processes outlived the server: {leftovers}"


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_page_template_has_no_outside_urls() -> None:
    page = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", page)


async def test_refuses_a_foreign_origin_and_a_missing_token(server: Served) -> None:
    url, port, token = server.url, server.port, server.token
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 403
        async with session.get(url) as response:
            assert response.status == 200
            page = await response.text()
            assert "googleapis" not in page and f"/ws/{token}" in page
        # A per-server token, as the help says: reloading the page works.
        async with session.get(url) as response:
            assert response.status == 200
        for ws_url, origin in (
            (f"ws://127.0.0.1:{port}/ws/{token}", "http://evil.example"),
            (f"ws://127.0.0.1:{port}/ws/{token}", None),
            (f"ws://127.0.0.1:{port}/ws/wrong-token", f"http://127.0.0.1:{port}"),
        ):
            headers = {"Origin": origin} if origin else {}
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(ws_url, headers=headers)
            assert refused.value.status == 403
    # Every request was logged, and the token in none of the lines.
    assert server.output.wait_for(r'"GET /ws/<token>" 403')
    log = server.output.text()
    assert log.count('"GET /?token=<token>" 200') == 2
    assert log.count(token) == 1  # only in the address printed at start-up


def test_the_address_is_printed_only_once_the_socket_listens() -> None:
    from story_tui.web.serve import StoryServer

    server = StoryServer("true", host="127.0.0.1", port=0, title="t")
    connected: list[int] = []

    def ready(served: StoryServer) -> None:
        # What a client does the moment it reads the address: connect, with no retry.
        with socket.create_connection(("127.0.0.1", served.port), timeout=10):
            connected.append(served.port)
        stop.set()

    async def main() -> None:
        await server.run(ready, stop)

    stop = asyncio.Event()
    asyncio.run(main())
    assert connected and connected[0] != 0


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "story_tui", "serve", "--port", str(port)],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "STORY_TUI_STATE_DIR": str(tmp_path)},
        )
    assert result.returncode == 2
    assert result.stderr == f"story-tui: error: port {port} is in use\n"
    assert result.stdout == ""  # no address, no token


def test_serve_refuses_an_unknown_theme_up_front(capsys: pytest.CaptureFixture[str]) -> None:
    from story_tui.cli.main import main

    assert main(["serve", "--theme", "nosuch", "--port", "0"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("story-tui: error: unknown theme 'nosuch'; choose one of: ansi-dark")
    assert err.count("\n") == 1


def test_serve_help_describes_the_token_truthfully(capsys: pytest.CaptureFixture[str]) -> None:
    from story_tui.cli.main import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "one-time" not in help_text
    assert "until the server stops" in help_text
    assert "kept out of the access log" in help_text


def test_web_serve_uses_no_private_textual_serve_api() -> None:
    """Only textual-serve's public names: no `service._process`, no `Server._make_app`."""
    from story_tui.web import serve

    source = Path(serve.__file__).read_text(encoding="utf-8")
    # A private attribute of anything but our own objects (`self._…`).
    assert re.findall(r"(?<!self)\.\_[a-z]\w*", source) == []
    assert not re.search(r"from textual_serve[\w.]* import .*\b_", source)
    assert "textual_serve.server" not in source  # no subclass of its Server and its hooks


async def test_a_session_ends_when_its_server_is_killed(server: Served) -> None:
    async with aiohttp.ClientSession() as session:
        websocket = await session.ws_connect(
            f"ws://127.0.0.1:{server.port}/ws/{server.token}",
            headers={"Origin": f"http://127.0.0.1:{server.port}"},
        )
        # The app is running once it has drawn something.
        message = await websocket.receive(timeout=60)
        assert message.type == aiohttp.WSMsgType.BINARY
        assert _app_processes(str(server.story))
        server.process.kill()  # no chance to stop its sessions
        server.process.wait(timeout=30)
        gone = await asyncio.to_thread(_wait_until, lambda: not _app_processes(str(server.story)))
        assert gone, "the session outlived its killed server"
        await websocket.close()


@needs_chromium
@pytest.mark.slow
def test_the_app_in_a_real_browser(server: Served, tmp_path: Path) -> None:
    from playwright.sync_api import Page, WebSocket, sync_playwright

    received: list[bytes] = []

    def poll(page: Page, condition: Callable[[], bool], seconds: float = 30) -> bool:
        # Playwright's sync API delivers events only inside its calls: wait in short steps.
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                return False
            page.wait_for_timeout(100)
        return True

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        outside: list[str] = []
        page.on(
            "request",
            lambda request: (
                outside.append(request.url)
                if not request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:"))
                else None
            ),
        )

        def on_socket(ws: WebSocket) -> None:
            ws.on(
                "framereceived",
                lambda frame: received.append(
                    frame if isinstance(frame, bytes) else frame.encode()
                ),
            )

        page.on("websocket", on_socket)
        page.goto(server.url)
        assert poll(page, lambda: b"Venezuelan migrants stranded" in b"".join(received))
        before = page.screenshot()
        page.focus(".xterm-helper-textarea")
        count = len(received)
        page.keyboard.press("3")
        page.keyboard.press("Enter")
        # The person card (only it says how often a person is named) is on screen.
        assert poll(page, lambda: b"named 3 times in the article" in b"".join(received[count:]))
        assert poll(page, lambda: page.screenshot() != before)
        shot = tmp_path / "web.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("STORY_TUI_UPDATE_SCREENSHOTS"):
            shutil.copy(shot, ROOT / "docs" / "images" / "web.png")
        assert outside == []
        page.keyboard.press("Escape")
        page.keyboard.press("q")
        browser.close()
    # However the browser went away, no app process of this server is left once it stops.
    assert _wait_until(lambda: not _app_processes(str(server.story)))


@needs_chromium
@pytest.mark.slow
def test_no_app_process_outlives_a_killed_browser_and_server(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(server.url)
        deadline = time.monotonic() + 30
        while not _app_processes(str(server.story)) and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert _app_processes(str(server.story)), "the session's app never started"
        browser.close()  # abruptly, with the session open
    # The fixture stops the server and checks that no app process is left.
