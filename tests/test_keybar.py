"""The key bar: shows the keys that work in the focused pane, and clicking a key presses it."""

from __future__ import annotations

from textual.geometry import Region

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.help import HelpScreen
from story_tui.tui.widgets.keybar import KeyBar


def bar_text(app: StoryApp) -> str:
    bar = app.screen.query_one(KeyBar)
    strips = bar.render_lines(Region(0, 0, bar.region.width, 1))
    return strips[0].text


async def test_follows_the_focused_pane(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        article_keys = bar_text(app)
        assert "Find" in article_keys
        assert "Help" in article_keys
        assert "Open" not in article_keys  # the article has no "open" key of its own
        await pilot.press("3")
        await pilot.pause()
        assert "Card" in bar_text(app)  # the People pane's own enter
        await pilot.press("2")
        await pilot.pause()
        assert "Card" not in bar_text(app)


async def test_clicking_a_key_presses_it(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        x = text.index("Help")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_fits_a_narrow_terminal_and_keeps_the_palette_key(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = bar_text(app)
        assert len(text) == bar.region.width == 60
        assert text.rstrip().endswith("palette")
        # Keys that do not fit are dropped whole, never cut in the middle of a word.
        words: set[str] = set()
        for _node, binding, _enabled, _tooltip in app.screen.active_bindings.values():
            words.update(app.get_key_display(binding).split())
            words.update(binding.description.split())
            if binding.group is not None:  # a group shows its keys together, one description
                words.update(binding.group.description.split())
                words.add(
                    "".join(
                        sorted(
                            app.get_key_display(b)
                            for _n, b, _e, _t in [
                                v
                                for v in app.screen.active_bindings.values()
                                if v.binding.group is binding.group
                            ]
                        )
                    )
                )
        assert set(text.split()) <= words, set(text.split()) - words
