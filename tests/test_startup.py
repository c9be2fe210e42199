"""The collector is paused only while the app starts, and always resumed."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from story_tui import __main__ as entry
from story_tui.story.bundled import bundled_story
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.startup import (
    FULL_COLLECTION_EVERY,
    pause_collector,
    resume_collector,
    settle_collector,
)


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    resume_collector()
    gc.enable()
    gc.set_threshold(*thresholds)


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


async def test_full_collections_are_rarer_after_start_up(story: Story) -> None:
    pause_collector()
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY


async def test_a_long_article_settles_the_collector_once_laid_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from story_tui.tui import startup
    from story_tui.tui.widgets.article import ArticleView
    from tests.conftest import generated_story, wait_for

    calls: list[int] = []
    monkeypatch.setattr(startup, "settle_collector", lambda: calls.append(1))
    long_story = generated_story(sections=300, paragraphs=10, people=20)
    app = StoryApp(long_story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        article = app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: calls, "the collector to be settled")
        assert article.text_layout.exact == len(article.text_layout.texts)
        assert calls == [1]


def test_settle_freezes_what_is_alive() -> None:
    gc.enable()
    before = gc.get_freeze_count()
    keep = [[index] for index in range(1000)]  # long-lived, tracked objects
    settle_collector()
    assert gc.get_freeze_count() >= before + len(keep)
    gc.unfreeze()
