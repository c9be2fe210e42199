"""The collector is paused only while the app starts, and always resumed."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from story_tui import __main__ as entry
from story_tui.app import StoryApp
from story_tui.model import Story
from story_tui.resources import bundled_story
from story_tui.startup import pause_collector, resume_collector


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    yield
    resume_collector()
    gc.enable()


def test_a_command_resumes_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["story-tui", "validate", "-q", str(bundled_story())])
    assert gc.isenabled()
    assert entry.main() == 0
    assert gc.isenabled()


def test_a_failing_command_resumes_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["story-tui", "validate", "/no/such/story.yaml"])
    assert entry.main() == 2
    assert gc.isenabled()


def test_resume_does_not_enable_a_collector_someone_else_disabled() -> None:
    gc.disable()
    pause_collector()  # already off: not ours to turn back on
    resume_collector()
    assert not gc.isenabled()


async def test_the_app_resumes_it_once_the_first_frame_is_drawn(story: Story) -> None:
    pause_collector()
    assert not gc.isenabled()
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
