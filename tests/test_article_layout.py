"""The article lays out a long story a screenful first and the rest after the first frame.

Whatever the reader does while the rest is still estimated, what they see must be exact: these
tests act before the layout has finished and compare with an article wrapped all at once.
"""

from __future__ import annotations

import pytest

from story_tui.story.model import Story
from story_tui.story.safety import replace_unsafe
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.wrap import wrap_offsets
from tests.conftest import generated_story, wait_for


@pytest.fixture(scope="module")
def long_story() -> Story:
    return generated_story(sections=800, paragraphs=10, people=40, quotes=5, figures=30, events=10)


def exact_starts(article: ArticleView) -> list[int]:
    """Each block's first line, wrapping everything at once (the reference)."""
    starts = [0]
    for text in article.text_layout.texts:
        wrapped = wrap_offsets(replace_unsafe(text), article.text_layout.width)
        starts.append(starts[-1] + len(wrapped) + 1)
    return starts


async def test_first_frame_wraps_only_the_start_then_finishes(long_story: Story) -> None:
    app = StoryApp(long_story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        article = app.screen.query_one(ArticleView)
        total_blocks = len(article.text_layout.texts)
        assert article.text_layout.exact < total_blocks  # the rest is estimated at first
        await wait_for(
            pilot, lambda: article.text_layout.exact == total_blocks, "the layout to finish"
        )
        assert article.text_layout.starts == exact_starts(article)
        assert article.virtual_size.height == article.text_layout.starts[-1]


async def test_end_and_jumps_are_exact_before_the_layout_finishes(long_story: Story) -> None:
    app = StoryApp(long_story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        article = screen.article
        assert article.text_layout.exact < len(article.text_layout.texts)
        # A quote near the end: the line it is drawn on holds its first words.
        quote = long_story.quotes[-1]
        screen.open_target(("quote", quote.key))
        y = article.line_of(quote.location)
        line = article.text_layout.line_at(y)
        assert line is not None
        assert line.start <= quote.location.start < line.end
        assert article.highlight == quote.location
        starts = exact_starts(article)
        exact = article.text_layout.exact
        assert article.text_layout.starts[: exact + 1] == starts[: exact + 1]
        # The end of the story is its true end.
        await pilot.press("G")
        assert article.text_layout.starts == starts
        assert article.max_scroll_y == starts[-1] - article.scrollable_content_region.height
