"""The palette lists each item once, marks what was seen, filters `unseen`, matches words."""

from __future__ import annotations

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.palette import StoryCommands, story_commands
from story_tui.tui.screens.main import MainScreen


def main_screen(app: StoryApp) -> MainScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


async def _titles(provider: StoryCommands, query: str) -> list[str]:
    return [str(hit.text) async for hit in provider.search(query)]


async def test_each_quote_figure_and_event_is_listed_once(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        commands = story_commands(main_screen(app))
        kinds = [command.title.split(":")[0] for command in commands]
        assert kinds.count("quote") == len(story.quotes)
        assert kinds.count("figure") == len(story.figures)
        assert kinds.count("event") == len(story.timeline)
        assert not any(command.title.startswith("unseen") for command in commands)


async def test_seen_items_are_marked_and_unseen_lists_the_others(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "enter")  # open the first figure
        await pilot.pause()
        screen = main_screen(app)
        first = story.figures[0]
        provider = StoryCommands(screen)
        await provider.startup()
        figures = [c for c in story_commands(screen) if c.title.startswith("figure: ")]
        seen = [c for c in figures if "✓ seen" in c.help]
        assert [c.title for c in seen] == [c.title for c in figures if first.label in c.title]
        assert all("not opened yet" in c.help for c in figures if c not in seen)
        unseen = await _titles(provider, "unseen figure")
        assert len(unseen) == len(story.figures) - 1
        assert not any(first.label in title for title in unseen)
        assert len(await _titles(provider, "figure:")) == len(story.figures)


async def test_theme_does_not_match_the_story(story: Story) -> None:
    """`theme` lists the theme command, not every quote with a t, h, e, m and e in it."""
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        provider = StoryCommands(main_screen(app))
        await provider.startup()
        assert await _titles(provider, "theme") == []
        # Words still match anywhere, folded like find.
        assert await _titles(provider, "person rivas") == ["person: Milbayajaira Rivas"]
