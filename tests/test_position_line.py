"""The article says where the reader is: less's percentage, `2/5` for a person's mentions, and a
notice when find or `n` wraps around."""

from __future__ import annotations

import pytest

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from tests.conftest import notifications, wait_for
from tests.test_browser import main_screen


def subtitle(app: StoryApp) -> str:
    return str(main_screen(app).article.border_subtitle)


async def test_the_article_shows_its_percentage_like_less(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: subtitle(app) == "Top", "Top")
        await pilot.press("space")
        await wait_for(pilot, lambda: subtitle(app).endswith("%"), "a percentage")
        await pilot.press("G")
        await wait_for(pilot, lambda: subtitle(app) == "End", "End")


async def test_n_through_a_persons_mentions_says_2_of_n_and_wraps(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        notes = notifications(app, monkeypatch)
        await pilot.press("3", "n", "n")
        await pilot.pause()
        count = len(main_screen(app).article.lens_locations())
        assert subtitle(app).startswith(f"Milbayajaira Rivas 2/{count} · ")
        await pilot.press(*["n"] * (count - 1))
        await pilot.pause()
        assert subtitle(app).startswith(f"Milbayajaira Rivas 1/{count}")
        assert any("wrapped to the first mention" in note for note in notes)
        await pilot.press("escape")
        await pilot.pause()
        assert "Rivas" not in subtitle(app)


async def test_find_says_when_it_wraps(story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        notes = notifications(app, monkeypatch)
        await pilot.press("slash", *"Venezuela", "enter")
        await pilot.pause()
        find = main_screen(app).find
        assert find is not None
        await pilot.press("N", "N")  # from the second match back past the first
        await pilot.pause()
        assert any("wrapped to the last match" in note for note in notes)
