"""The palette on a long story: a short opening list, the best matches first, never all of them."""

from __future__ import annotations

import pytest

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.palette import DISCOVER_LIMIT, SEARCH_LIMIT, StoryCommands, story_commands
from story_tui.tui.screens.main import MainScreen
from tests.conftest import generated_story, palette_highlight, wait_for


@pytest.fixture(scope="module")
def long_story() -> Story:
    return generated_story(sections=300, paragraphs=2, people=60, quotes=5, figures=200, events=20)


async def test_discovery_and_search_are_capped(long_story: Story) -> None:
    app = StoryApp(long_story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        every = story_commands(screen)
        assert len(every) > DISCOVER_LIMIT + SEARCH_LIMIT
        provider = StoryCommands(screen)
        await provider.startup()
        found = [hit.text async for hit in provider.discover()]
        assert len(found) == DISCOVER_LIMIT
        assert "help: every key" in found and "pane: Article" in found  # commands come first
        hits = [hit async for hit in provider.search("section")]
        assert len(hits) == SEARCH_LIMIT
        scores = [hit.score for hit in hits]
        assert scores == sorted(scores, reverse=True)
        # The best of them all: no matching title outside the hits scores higher than the last.
        matcher = provider.matcher("section")
        shown = {hit.text for hit in hits}
        assert all(
            matcher.match(c.title) <= scores[-1]
            for c in every
            if c.title not in shown and "section" in c.title.casefold()
        )
        # A query that matches one item finds it wherever it is in the list.
        last = long_story.sections[-1].title
        top = [hit.text async for hit in provider.search(last)]
        assert top[0] == f"section: {last}"


async def test_palette_jumps_to_the_last_section(long_story: Story) -> None:
    app = StoryApp(long_story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        last = long_story.sections[-1]
        await pilot.press("ctrl+p", *f"section: {last.title}")
        await wait_for(
            pilot, lambda: palette_highlight(app) == f"section: {last.title}", "the section's hit"
        )
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.article.current_section == last.id
