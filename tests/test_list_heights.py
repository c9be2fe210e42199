"""List panes measure options without wrapping them, and must agree with Textual's measure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.responsive import LIST_PANES
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.lists import prompt_height
from tests.conftest import examples

WORDS = st.sampled_from(
    ["a", "word", "longerword", "Núñez", "数字", "emoji😀", "x" * 30, " ", "  ", "\n", "—", "é"]
)
NO_WRAP_RULES: dict[str, object] = {}


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.lists(WORDS, max_size=25).map("".join), st.integers(min_value=1, max_value=40))
def test_prompt_height_is_textuals_height(text: str, width: int) -> None:
    content = Content(text)
    assert prompt_height(content, width) == content.get_height(NO_WRAP_RULES, width)  # type: ignore[arg-type]


def test_tabs_are_left_to_textual() -> None:
    assert prompt_height(Content("a\tb"), 10) == -1


async def test_every_list_pane_lays_out_as_textual_would(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for pane_id in LIST_PANES:
            pane = screen.list_pane(pane_id)
            width = pane.scrollable_content_region.width
            padding = pane.get_component_styles("option-list--option").padding.width
            expected = [
                pane._get_visual(option).get_height(pane.styles, width - padding)  # type: ignore[arg-type]
                + option._divider
                for option in pane.options
            ]
            assert [pane._line_cache.heights[i] for i in range(len(expected))] == expected
