"""Live checking for authors: validate --watch, and the app reloading a changed file."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from story_tui.storage.opening import open_story_file, opened
from story_tui.story.loader import load_story
from story_tui.tui.app import StoryApp
from story_tui.tui.options import AppOptions
from story_tui.tui.screens.main import MainScreen
from tests.conftest import DEADLINE, MINI, notifications, wait_for


def _save(path: Path, text: str) -> None:
    """Save as editors do: write a temporary file, then rename it over the story."""
    temp = path.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _read_until(stream: int, needle: str, seconds: float) -> str:
    data = b""
    deadline = time.monotonic() + seconds
    while needle.encode() not in data and time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.1)
        if ready:
            chunk = os.read(stream, 65536)
            if not chunk:
                break
            data += chunk
    return data.decode("utf-8", errors="replace")


CTRL_C_AS_IN_A_TERMINAL = (
    "import runpy, signal, sys\n"
    "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "sys.argv[0] = 'story-tui'\n"
    "runpy.run_module('story_tui', run_name='__main__')\n"
)
"""`python -m story_tui`, with SIGINT taken as a shell's command takes it.

A child inherits its parent's ignored signals and signal mask; after some tests of the suite the
test process no longer takes SIGINT the default way, and `validate --watch` started from it never
saw the ctrl+c (started alone it always stopped at once)."""


def _save_until(stream: int, path: Path, text: str, needle: str) -> str:
    """Save until the watcher answers with `needle` (its first look may come after a save)."""
    out = ""
    deadline = time.monotonic() + DEADLINE
    while needle not in out and time.monotonic() < deadline:
        _save(path, text)
        out += _read_until(stream, needle, 1.0)
    return out


async def _write_until(
    pilot: Pilot[Any], path: Path, text: str, condition: Callable[[], object], what: str
) -> None:
    """Write the file until the app shows the change (its watcher may start after a write)."""
    deadline = time.monotonic() + DEADLINE
    while True:
        path.write_text(text, encoding="utf-8")
        try:
            await wait_for(pilot, condition, what, seconds=1.0)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise


@pytest.mark.slow
def test_validate_watch_rechecks_on_every_save(tmp_path: Path) -> None:
    story = tmp_path / "story.yaml"
    story.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_AS_IN_A_TERMINAL, "validate", "--watch", str(story)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    assert process.stdout is not None
    fd = process.stdout.fileno()
    try:
        assert "valid (2 sections" in _read_until(fd, "watching", 20)
        broken = MINI.read_text(encoding="utf-8").replace("title: First", "title: 7")
        out = _save_until(fd, story, broken, "1 error")
        assert f"{story}:12:12: error: expected text, got integer 7 (put it in quotes)" in out
        assert "valid (2 sections" in _save_until(fd, story, MINI.read_text("utf-8"), "valid (")
    finally:
        process.send_signal(signal.SIGINT)
        # Read what it still prints while it stops, so a full pipe can never hold it up.
        tail = ""
        deadline = time.monotonic() + DEADLINE
        while process.poll() is None and time.monotonic() < deadline:
            tail += _read_until(fd, "\0never printed\0", 0.1)
        if process.poll() is None:
            process.kill()
            process.wait()
            raise AssertionError(f"validate --watch did not stop on ctrl+c; it printed {tail!r}")
    assert process.returncode in (0, 1)
    assert "-- stopped watching (ctrl+c)" in tail
    assert "KeyboardInterrupt" not in tail  # watchfiles' own words, once


@pytest.mark.slow
async def test_app_reloads_a_changed_file_and_keeps_the_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))
    path = tmp_path / "story.yaml"
    original = MINI.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    options = AppOptions(remember=False, watch=True)
    app = StoryApp(open_story_file(path), options=options)
    notes = notifications(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_square_bracket")  # to the second section
        renamed = original.replace("title: Second", "title: Second, renamed")

        def reloaded() -> bool:
            screen = app.screen
            return (
                isinstance(screen, MainScreen)
                and screen.story.sections[1].title == "Second, renamed"
                and screen.article.cursor_location == ("second", 0)
            )

        await _write_until(pilot, path, renamed, reloaded, "the renamed section, in place")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.story.sections[1].title == "Second, renamed"
        assert screen.article.cursor_location == ("second", 0)
        # An invalid version: the app keeps the last valid one and shows the errors.
        invalid = original.replace("format: 1", "format: 2")

        def refused() -> bool:
            return any("unsupported format" in note for note in notes)

        await _write_until(pilot, path, invalid, refused, "the errors of the invalid version")
        assert any("unsupported format" in note for note in notes)
        assert app.is_running
        assert screen.story.sections[1].title == "Second, renamed"


async def test_remembers_place_theme_and_seen_items_per_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))
    story = load_story(MINI)
    app = StoryApp(opened(story, "v1"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_square_bracket", "4", "enter", "3")
        app.theme = "nord"
        await pilot.pause()
    again = StoryApp(opened(story, "v1"))
    async with again.run_test(size=(120, 36)) as pilot:

        def restored() -> bool:
            screen = again.screen
            return isinstance(screen, MainScreen) and screen.active == "people"

        await wait_for(pilot, restored, "the people pane again")
        screen = again.screen
        assert isinstance(screen, MainScreen)
        assert again.theme == "nord"
        assert screen.active == "people"
        assert screen.article.cursor_location[0] == "first"  # the figure's paragraph
        assert "figure:bread-price" in screen.seen
        assert again.first_session is not None
        assert not again.first_session.changed_since_last_time
        from story_tui.tui.palette import unseen_items

        unseen = [command.title for command in unseen_items(screen)]
        assert not any(title.startswith("figure: Rise in the price of bread") for title in unseen)
        assert any(title.startswith("event: ") and "Prices rise" in title for title in unseen)
    changed = StoryApp(opened(story, "v2"))
    notes = notifications(changed, monkeypatch)
    async with changed.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert changed.first_session is not None
        assert changed.first_session.changed_since_last_time
        assert any("changed since you last read" in note for note in notes)
    fresh = StoryApp(opened(story, "v2"), fresh=True)
    async with fresh.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = fresh.screen
        assert isinstance(screen, MainScreen)
        assert screen.active == "article" and not screen.seen
