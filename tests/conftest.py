"""Shared fixtures: the bundled story, a small fixture story, and helpers for loader errors."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from story_tui.story.bundled import bundled_story
from story_tui.story.diagnostics import StoryInvalid
from story_tui.story.loader import load_story, parse_story
from story_tui.story.model import Story

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"


@pytest.fixture(scope="session")
def story() -> Story:
    """The bundled Chile–Peru border story."""
    return load_story(bundled_story())


@pytest.fixture(scope="session")
def mini() -> Story:
    """A small story with two sections and two people."""
    return load_story(MINI)


def generated_story(**sizes: int) -> Story:
    """A story from the benchmarks' generator (its default is the 6 MB story)."""
    from benchmarks.generate import generate

    return parse_story(generate(**sizes), "generated.yaml")


def errors_of(text: str, filename: str = "s.yaml") -> list[str]:
    """Every diagnostic for story text, as printed; fails if the text is valid."""
    try:
        parse_story(text, filename)
    except StoryInvalid as error:
        return [str(d) for d in error.diagnostics]
    raise AssertionError("expected the story to be invalid")


def mini_text() -> str:
    """The fixture story's YAML text, for tests that change one line of it."""
    return MINI.read_text(encoding="utf-8")


DEADLINE = 30.0
"""Seconds a test waits for a condition before it fails: only a broken or hung test waits this long,
a passing one goes on the moment the condition holds (however busy the machine)."""
POLL = 0.01
"""Seconds between two looks at the condition (not a wait for anything in particular)."""


async def wait_for(
    pilot: Pilot[Any], condition: Callable[[], object], what: str, seconds: float = DEADLINE
) -> None:
    """Let the app run until `condition()` is true; fail after `seconds`, naming `what`."""
    deadline = time.monotonic() + seconds
    await pilot.pause()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")
        await asyncio.sleep(POLL)
        await pilot.pause()


def palette_highlight(app: App[Any]) -> str:
    """The first line of the command palette's highlighted hit ("" while it has none)."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return ""
    hits = lists.first()
    if hits.highlighted is None or not hits.option_count:
        return ""
    return str(hits.get_option_at_index(hits.highlighted).prompt).split("\n", 1)[0]


def notifications(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app notifies from now on, as text (through the public `notify`)."""
    notes: list[str] = []
    notify = app.notify

    def noting(message: str, *args: Any, **kwargs: Any) -> None:
        notes.append(str(message))
        notify(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", noting)
    return notes


def poll(condition: Callable[[], object], what: str, seconds: float = DEADLINE) -> None:
    """Wait, outside an app, until `condition()` is true; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")
        time.sleep(POLL)


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real state or cache directories (subprocesses inherit this)."""
    base = tmp_path_factory.mktemp("dirs")
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("STORY_TUI_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("STORY_TUI_DATA_DIR", str(base / "data"))


# Property tests and fuzzers (marked `fuzz`) run a few examples on a developer's machine, new ones
# each run; in CI (`CI` set, as `.ci/run` does) the full count, derandomized so a red run replays.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

FULL_FUZZ = bool(os.environ.get("CI"))

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if FULL_FUZZ:
    _hypothesis_settings.load_profile("ci")


def examples(full: int) -> int:
    """How many examples a property test runs: `full` in CI, a tenth (at least 5) otherwise."""
    return full if FULL_FUZZ else max(5, full // 10)
