"""About this story: published date, byline and sources with their URLs, shown literally."""

from __future__ import annotations

from story_tui.story.formatting import byline
from story_tui.story.loader import parse_story
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.palette import story_commands
from story_tui.tui.screens.about import AboutStory, about_content
from tests.test_browser import main_screen, widget_text

SOURCED = """format: 1
id: sourced
title: A sourced story
published: 2025-12-01
updated: 2025-12-02T10:30:00Z
sources:
  - id: afp
    name: AFP
    url: https://www.afp.com/en/news/123
  - id: odd
    name: "[bold]Odd[/bold] outlet"
    url: "https://evil.example/[@click=app.quit]"
sections:
  - id: only
    title: Only
    paragraphs:
      - "One paragraph."
"""


def test_byline_has_the_date_and_the_outlets(story: Story) -> None:
    assert byline(story) == "From AFP, The Economic Times"
    sourced = parse_story(SOURCED, "s.yaml")
    assert byline(sourced) == (
        "Published 1 Dec 2025 · Updated 2 Dec 2025 10:30 UTC · From AFP, [bold]Odd[/bold] outlet"
    )
    text = about_content(sourced).plain
    assert "AFP — https://www.afp.com/en/news/123" in text
    assert "https://evil.example/[@click=app.quit]" in text  # literally, not an action


async def test_about_opens_from_the_palette_and_shows_urls_literally() -> None:
    app = StoryApp(parse_story(SOURCED, "s.yaml"), remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        (about,) = [c for c in story_commands(main_screen(app)) if c.title.startswith("about:")]
        about.callback()
        await pilot.pause()
        assert isinstance(app.screen, AboutStory)
        shown = widget_text(app.screen.query_one("#about-text"))
        assert "Published  1 Dec 2025" in shown
        assert "Updated    2 Dec 2025 10:30 UTC" in shown
        assert "https://www.afp.com/en/news/123" in shown
        assert "https://evil.example/[@click=app.quit]" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, AboutStory)


async def test_i_opens_about_and_the_byline_is_under_the_title() -> None:
    app = StoryApp(parse_story(SOURCED, "s.yaml"), remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        under_title = widget_text(main_screen(app).query_one("#standfirst"))
        line = "Published 1 Dec 2025 · Updated 2 Dec 2025 10:30 UTC · From AFP, [bold]Odd[/bold]"
        assert line + " outlet" in under_title
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AboutStory)
        await pilot.press("i")
        await pilot.pause()
        assert not isinstance(app.screen, AboutStory)
