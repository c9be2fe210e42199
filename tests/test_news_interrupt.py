"""`refresh` stopped by ctrl+c leaves only whole stories; on a terminal it shows its progress."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from story_tui.story.loader import load_story
from tests.conftest import DEADLINE, poll
from tests.news_server import Route, Server, article_page, rss, serve
from tests.test_watch import CTRL_C_AS_IN_A_TERMINAL

DATE = "Mon, 30 Nov 2026 08:00:00 GMT"


@pytest.fixture
def held() -> Iterator[tuple[Server, threading.Event]]:
    """A server whose feed lists 8 articles: 2 answer at once, the others when released."""
    release = threading.Event()
    with serve() as server:

        def later(handler: BaseHTTPRequestHandler) -> None:
            release.wait(DEADLINE)
            body = article_page(title=f"Held story {handler.path[-1]}")
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            try:
                handler.wfile.write(body)
            except OSError:
                return

        items = []
        for n in range(8):
            path = f"/a{n}"
            server.routes[path] = Route(article_page(title=f"Quick story {n}")) if n < 2 else later
            items.append((f"Story {n}", server.url(path), DATE))
        server.routes["/rss"] = Route(rss("Herald", items), "application/rss+xml")
        try:
            yield server, release
        finally:
            release.set()


def _library(tmp_path: Path, server: Server) -> Path:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "feeds.opml").write_text(
        f'<opml version="2.0"><body><outline text="H" xmlUrl="{server.url("/rss")}"/></body></opml>'
    )
    return library


def _stories(library: Path) -> list[Path]:
    return [p for p in library.rglob("*.yaml") if ".story-tui" not in p.parts]


@pytest.mark.slow
def test_ctrl_c_during_refresh_leaves_only_whole_stories(
    tmp_path: Path, held: tuple[Server, threading.Event]
) -> None:
    server, _release = held
    library = _library(tmp_path, server)
    process = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_AS_IN_A_TERMINAL, "refresh", "--library", str(library)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        poll(lambda: len(_stories(library)) >= 2, "the two quick stories written")
        poll(lambda: len(server.asked("/a7")) + len(server.asked("/a2")) > 0, "held pages asked")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, err
    # The summary counts what finished; a story whole on disk a moment before ctrl+c may not
    # be counted yet (the count follows the write).
    assert re.search(
        rb"interrupted: [12] new, 0 updated stor(y|ies); 0 feeds unchanged, 0 failed so far", out
    ), out
    assert b"Traceback" not in err
    written = _stories(library)
    assert len(written) == 2
    for path in written:
        load_story(path)  # whole and valid
    assert not [p for p in library.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_refresh_shows_its_progress_in_a_real_terminal(
    tmp_path: Path, held: tuple[Server, threading.Event]
) -> None:
    server, release = held
    library = _library(tmp_path, server)
    socket = f"follow-test-{os.getpid()}"
    command = f"{sys.executable} -m story_tui refresh --library {library}; sleep 30"
    tmux = ["tmux", "-L", socket]
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "20", command], check=True, env=env
    )

    def screen() -> str:
        return subprocess.run(
            [*tmux, "capture-pane", "-p"], check=False, capture_output=True, text=True, env=env
        ).stdout

    try:
        # The feed, then its eight articles: 2 of them answer at once, the others are held.
        poll(lambda: "refreshing [" in screen() and "/9" in screen(), "the progress bar")
        release.set()
        poll(
            lambda: "8 new, 0 updated stories; 0 feeds unchanged, 0 failed" in screen(),
            "the summary line",
        )
        final = screen()
        assert "refreshing [" not in final  # the bar is cleared before the summary
        assert final.count("new        ") == 8
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True, env=env)
