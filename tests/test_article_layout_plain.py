"""`ArticleLayout` and the article's marks are plain Python: tested here without Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

from story_tui.story.model import Location, Story
from story_tui.story.safety import replace_unsafe
from story_tui.tui.article_layout import ArticleLayout, cell_to_offset, estimate
from story_tui.tui.article_marks import Overlays, clip, line_text
from story_tui.tui.widgets.wrap import wrap_offsets
from tests.conftest import generated_story


def test_the_layout_modules_import_no_textual() -> None:
    code = (
        "import sys; sys.modules['textual'] = None; "
        "import story_tui.tui.article_layout, story_tui.tui.article_marks"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.fixture(scope="module")
def long_story() -> Story:
    return generated_story(sections=40, paragraphs=6, people=10, quotes=3, figures=5, events=3)


def reference_starts(layout: ArticleLayout) -> list[int]:
    starts = [0]
    for text in layout.texts:
        starts.append(starts[-1] + len(wrap_offsets(replace_unsafe(text), layout.width)) + 1)
    return starts


def test_estimates_until_wrapped_then_exact(long_story: Story) -> None:
    totals: list[int] = []
    layout = ArticleLayout(long_story, totals.append)
    assert not layout.built
    layout.build(50)
    assert layout.built and not layout.done
    assert layout.heights == [estimate(len(t), 50) for t in layout.texts]
    layout.ensure_line(10)
    assert 0 < layout.exact < len(layout.texts)
    while not layout.done:
        layout.refine(7)
    assert layout.starts == reference_starts(layout)
    assert totals[-1] == layout.line_count == layout.starts[-1]


def test_jumps_are_exact_before_the_rest_is_wrapped(long_story: Story) -> None:
    layout = ArticleLayout(long_story)
    layout.build(40)
    quote = long_story.quotes[-1]
    y = layout.line_of(quote.location)
    line = layout.line_at(y)
    assert line is not None
    assert line.start <= quote.location.start < max(line.end, line.start + 1)
    exact = reference_starts(layout)
    assert layout.starts[: layout.exact + 1] == exact[: layout.exact + 1]


def test_lines_headings_and_blanks(long_story: Story) -> None:
    layout = ArticleLayout(long_story)
    layout.build(30)
    first = layout.line_at(0)
    assert first is not None and first.heading and first.section == 0
    title = long_story.sections[0].title
    rows = len(wrap_offsets(title, 30))
    blank = layout.line_at(rows)
    assert blank is not None and blank.paragraph == -1 and not blank.heading
    paragraph = layout.line_at(rows + 1)
    assert paragraph is not None and (paragraph.section, paragraph.paragraph) == (0, 0)
    assert layout.order((0, 0)) == 0 and layout.order((1, 0)) == len(
        long_story.sections[0].paragraphs
    )
    assert layout.block_start(paragraph) == rows + 1
    assert layout.line_at(-1) is None and layout.line_at(10**9) is None


def test_cursor_in_view_moves_to_the_first_visible_paragraph(long_story: Story) -> None:
    layout = ArticleLayout(long_story)
    layout.build(60)
    top = layout.paragraph_start(layout.paragraphs[20])
    assert layout.cursor_in_view(0, top, 10) == 20
    assert layout.cursor_in_view(20, top, 10) == 20  # in view: stays


def test_name_at_and_cells() -> None:
    assert cell_to_offset("ab数字c", 0) == 0
    assert cell_to_offset("ab数字c", 3) == 2
    assert cell_to_offset("ab数字c", 4) == 3
    assert cell_to_offset("ab", 5) is None and cell_to_offset("ab", -1) is None
    story = generated_story(sections=2, paragraphs=3, people=3, quotes=1, figures=1, events=1)
    layout = ArticleLayout(story)
    layout.build(80)
    person = story.people[0]
    mention = person.mentions[0]
    y = layout.line_of(mention)
    line = layout.line_at(y)
    assert line is not None
    text, _marks = line_text(story, line)
    from rich.cells import cell_len

    cell = cell_len(text[: mention.start - line.start])
    assert layout.name_at(line, cell) == person


def test_marks_and_overlays() -> None:
    assert clip([(0, 10, "name"), (12, 14, "figure")], 5, 13) == [(0, 5, "name"), (7, 8, "figure")]
    story = generated_story(sections=2, paragraphs=3, people=3, quotes=1, figures=1, events=1)
    layout = ArticleLayout(story)
    layout.build(80)
    overlays = Overlays(layout)
    person = story.people[0]
    overlays.set_lens(person)
    mention = person.mentions[0]
    line = layout.line_at(layout.line_of(mention))
    assert line is not None
    kinds = [kind for _s, _e, kind in overlays.on_line(line, mention)]
    assert "lens" in kinds and "highlight" in kinds
    match = Location(mention.section, mention.paragraph, mention.start, mention.end)
    overlays.set_matches([match], match)
    kinds = [kind for _s, _e, kind in overlays.on_line(line, None)]
    assert kinds.count("match") == 1 and kinds[-1] == "current-match"
    overlays.set_lens(None)
    overlays.set_matches([], None)
    assert overlays.on_line(line, None) == []
    assert layout.mentions_in_order(person)[0] == min(
        [*person.mentions, *(q.location for q in person.quotes)],
        key=lambda loc: (*layout.key(loc), loc.start),
    )
