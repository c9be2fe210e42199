"""Textual's own palette commands, made to fit: Screenshot says where it saved, Keys closes."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import pytest

from story_tui.storage.files import safe_file_name
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.help import HelpScreen
from story_tui.tui.screens.main import MainScreen
from tests.conftest import notifications, palette_highlight, wait_for


def _run_command(app: StoryApp, title: str) -> None:
    for command in app.get_system_commands(app.screen):
        if command.title == title:
            command.callback()
            return
    raise AssertionError(f"no {title} command")


async def test_screenshot_saves_in_the_current_directory_and_says_where(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = StoryApp(story, remember=False)
    messages = notifications(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"Screenshot")
        await wait_for(pilot, lambda: palette_highlight(app) == "Screenshot", "the Screenshot hit")
        await pilot.press("enter")
        await wait_for(pilot, lambda: list(tmp_path.glob("*.svg")), "the screenshot file")
        (saved,) = tmp_path.glob("*.svg")
        assert saved.read_text(encoding="utf-8").startswith("<svg")
        assert re.fullmatch(r"[A-Za-z0-9._-]+\.svg", saved.name), saved.name
        await wait_for(
            pilot, lambda: any(str(saved) in m for m in messages), "the notice naming it"
        )


def test_screenshot_names_are_letters_digits_dot_underscore_and_dash() -> None:
    when = datetime(2026, 12, 3, 10, 2, 3)
    assert safe_file_name("Perú: 40% more / day", when, ".svg") == (
        "Peru_40_more_day_2026-12-03T10_02_03_000000.svg"
    )
    assert safe_file_name("../../etc/passwd", when, ".svg").startswith("etc_passwd_")
    assert safe_file_name("“ ” 日本", when, ".svg") == "story_2026-12-03T10_02_03_000000.svg"


async def test_screenshot_says_why_it_failed(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    os.rmdir(gone)  # the current directory no longer exists
    app = StoryApp(story, remember=False)
    messages = notifications(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        _run_command(app, "Screenshot")
        failed = "the notice of the failure"
        await wait_for(pilot, lambda: any("Could not save" in m for m in messages), failed)
        (message,) = [m for m in messages if "Could not save" in m]
        assert "No such file or directory" in message


async def test_keys_opens_the_help_screen_that_escape_and_q_close(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("escape", "q"):
            await pilot.press("ctrl+p", *"Keys")
            await wait_for(pilot, lambda: palette_highlight(app) == "Keys", "the Keys hit")
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
            assert not app.screen.query("HelpPanel")
            await pilot.press(key)
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert not app.screen.query("HelpPanel")
        assert app.is_running
