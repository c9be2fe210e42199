"""List panes measure options without wrapping them, and must agree with Textual's measure."""

from __future__ import annotations

import hashlib
import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from textual.content import Content

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.panes import LIST_PANES
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.lists import MeasuredContent, line_count, prompt_height
from tests.conftest import examples

WORDS = st.sampled_from(
    ["a", "word", "longerword", "Núñez", "数字", "emoji😀", "x" * 30, " ", "  ", "\n", "—", "é"]
)
NO_WRAP_RULES: dict[str, object] = {}
SEPARATED = ("people", "figures", "timeline")
DIVIDE_LINE_DIGEST = "edb3968cf35fdb49"  # rich 15.0.0


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.lists(WORDS, max_size=25).map("".join), st.integers(min_value=1, max_value=40))
def test_prompt_height_is_textuals_height(text: str, width: int) -> None:
    content = Content(text)
    assert prompt_height(content, width) == content.get_height(NO_WRAP_RULES, width)  # type: ignore[arg-type]


def test_tabs_are_left_to_textual() -> None:
    assert prompt_height(Content("a\tb"), 10) == -1


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.lists(WORDS, max_size=25).map("".join), st.integers(min_value=1, max_value=40))
def test_line_count_is_riches_divide_line(text: str, width: int) -> None:
    line = text.replace("\n", " ")
    assert line_count(line, width) == len(divide_line(line, width, fold=True)) + 1


def test_the_copied_line_breaking_is_riches_current_one() -> None:
    # `line_count` copies Rich's `divide_line` (private). If this fails, Rich changed it: read
    # the new source, make `line_count` agree (the property tests above), update the digest.
    source = inspect.getsource(divide_line).encode()
    assert hashlib.sha256(source).hexdigest()[:16] == DIVIDE_LINE_DIGEST


async def test_every_list_pane_lays_out_as_textual_would(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for pane_id in LIST_PANES:
            pane = screen.list_pane(pane_id)
            assert all(isinstance(o.prompt, MeasuredContent) for o in pane.options)
            width = pane.scrollable_content_region.width
            padding = pane.get_component_styles("option-list--option").padding.width
            # Textual's own measure of the same text, as plain Content.
            heights = [
                Content(o.prompt.plain).get_height(pane.styles, width - padding)  # type: ignore[arg-type, union-attr]
                for o in pane.options
            ]
            separators = len(heights) - 1 if pane_id in SEPARATED else 0
            assert pane.virtual_size.height == sum(heights) + separators
