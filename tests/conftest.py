"""Shared fixtures: the bundled story, a small fixture story, and helpers for loader errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real state or cache directories (subprocesses inherit this)."""
    base = tmp_path_factory.mktemp("dirs")
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("STORY_TUI_CACHE_DIR", str(base / "cache"))


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
