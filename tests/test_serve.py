"""`story-tui serve` in a real browser: Debian's chromium driven by Playwright, offline."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int, str, Path]]:
    """A running `story-tui serve` on a story copied to a unique path; stopped afterwards."""
    story = tmp_path / "served-story.yaml"
    story.write_bytes((ROOT / "assets" / "chile-peru-border.yaml").read_bytes())
    port = _free_port()
    env = {**os.environ, "STORY_TUI_STATE_DIR": str(tmp_path / "state")}
    process = subprocess.Popen(
        [sys.executable, "-m", "story_tui", "serve", str(story), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
        text=True,
    )
    assert process.stdout is not None
    url = ""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not url:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/\?token=\S+)", line)
        if match:
            url = match.group(1)
    assert url, "the server did not print its address"
    try:
        yield url, port, url.split("token=")[1], story
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        # Every app process the server started is gone once it stops.
        deadline = time.monotonic() + 15
        while _app_processes(str(story)) and time.monotonic() < deadline:
            time.sleep(0.2)
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


async def test_refuses_a_foreign_origin_and_a_missing_token(
    server: tuple[str, int, str, Path],
) -> None:
    url, port, token, _story = server
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 403
        async with session.get(url) as response:
            assert response.status == 200
            page = await response.text()
            assert "googleapis" not in page and f"/ws/{token}" in page
        for ws_url, origin in (
            (f"ws://127.0.0.1:{port}/ws/{token}", "http://evil.example"),
            (f"ws://127.0.0.1:{port}/ws/{token}", None),
            (f"ws://127.0.0.1:{port}/ws/wrong-token", f"http://127.0.0.1:{port}"),
        ):
            headers = {"Origin": origin} if origin else {}
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(ws_url, headers=headers)
            assert refused.value.status == 403


@needs_chromium
@pytest.mark.slow
def test_the_app_in_a_real_browser(server: tuple[str, int, str, Path], tmp_path: Path) -> None:
    from playwright.sync_api import WebSocket, sync_playwright

    url, _port, _token, story = server
    received: list[bytes] = []
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
        page.goto(url)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if b"Venezuelan migrants stranded" in b"".join(received):
                break
            page.wait_for_timeout(200)
        assert b"Venezuelan migrants stranded" in b"".join(received)
        page.wait_for_timeout(800)
        before = page.screenshot()
        page.focus(".xterm-helper-textarea")
        count = len(received)
        page.keyboard.press("3")
        page.wait_for_timeout(400)
        page.keyboard.press("Enter")
        page.wait_for_timeout(1200)
        assert len(received) > count
        # The person card (only it says how often a person is named) is on screen.
        assert b"named 3 times in the article" in b"".join(received[count:])
        after = page.screenshot()
        assert after != before
        shot = tmp_path / "web.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("STORY_TUI_UPDATE_SCREENSHOTS"):
            shutil.copy(shot, ROOT / "docs" / "images" / "web.png")
        assert outside == []
        page.keyboard.press("Escape")
        page.keyboard.press("q")
        page.wait_for_timeout(500)
        browser.close()
    # However the browser went away, no app process of this server is left once it stops.
    deadline = time.monotonic() + 15
    while _app_processes(str(story)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _app_processes(str(story)) == []


@needs_chromium
@pytest.mark.slow
def test_no_app_process_outlives_a_killed_browser_and_server(
    server: tuple[str, int, str, Path],
) -> None:
    from playwright.sync_api import sync_playwright

    url, _port, _token, story = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(url)
        deadline = time.monotonic() + 30
        while not _app_processes(str(story)) and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert _app_processes(str(story)), "the session's app never started"
        browser.close()  # abruptly, with the session open
    # The fixture stops the server and checks that no app process is left.
