"""Exports a reader can trust: Markdown that renders as the article's text, money as written,
the byline in every export, quote titles without the article's trailing commas."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from story_tui.outputs.html import to_html
from story_tui.outputs.markdown import md_escape, to_markdown
from story_tui.outputs.text import read_text
from story_tui.story.formatting import format_value
from story_tui.story.loader import parse_story
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.palette import story_commands
from story_tui.tui.screens.main import MainScreen

COMMONMARK = MarkdownIt("commonmark")

HOSTILE = [
    "1. The first paragraph reads like a list item.",
    "2) So does this one.",
    "- a dash",
    "+ a plus",
    "= an underline",
    "---",
    "# not a heading",
    "> not a quote",
    "The budget grew from $19.2 million in 2023 to $28.8 million this year.",
    "*stars* _under_ `code` [link](https://example.org) <b>bold</b> ~~strike~~ ![img](x)",
    "A | pipe, a \\ backslash, {braces}, an &amp; entity and a &copy; sign.",
    "1234567890. A number that long is no list marker.",
]


def rendered_text(markdown: str) -> str:
    """What a CommonMark renderer shows for one paragraph of Markdown, as plain text."""
    out = COMMONMARK.render(markdown)
    match = re.fullmatch(r"<p>(.*)</p>\n", out, re.DOTALL)
    assert match is not None, out
    return html.unescape(match.group(1))


@pytest.mark.parametrize("paragraph", HOSTILE)
def test_an_escaped_paragraph_renders_as_its_own_text(paragraph: str) -> None:
    assert rendered_text(md_escape(paragraph)) == paragraph


def test_a_numbered_paragraph_is_escaped_after_its_number() -> None:
    assert md_escape("1. First") == r"1\. First"
    assert md_escape("$19.2 million … $28.8 million") == r"\$19.2 million … \$28.8 million"


MONEY = """\
format: 1
id: fares
title: Bus fares
published: 2026-11-02
updated: 2026-11-03
sources:
  - id: wire
    name: The Wire
sections:
  - id: one
    title: One
    paragraphs:
      - "1. A single fare rises to $2.50 from Monday."
      - "The budget grew from $19.2 million to $28.8 million, the mayor said."
people:
  - id: mayor
    name: Ada Mayor
    role: Mayor
    quotes:
      - text: "The budget grew from $19.2 million to $28.8 million,"
        kind: direct
figures:
  - id: fare
    label: A single fare
    text: "$2.50"
    value: 2.5
    unit: USD
  - id: budget
    label: The budget this year
    text: "$28.8 million"
    value: 28800000
    unit: USD
"""


@pytest.fixture(name="fares")
def fixture_fares() -> Story:
    return parse_story(MONEY)


def test_markdown_renders_numbers_and_money_as_text(fares: Story) -> None:
    out = COMMONMARK.render(to_markdown(fares))
    assert "<ol" not in out
    assert "<p>1. A single fare rises to $2.50 from Monday.</p>" in out
    assert "The budget grew from $19.2 million to $28.8 million, the mayor said." in out


def test_a_money_figure_shows_as_written(fares: Story) -> None:
    fare, budget = fares.figures
    assert (format_value(fare), format_value(budget)) == ("$2.50", "$28.8 million")
    for export in (to_markdown(fares), to_html(fares), read_text(fares)):
        assert "2.5 USD" not in export and "28,800,000 USD" not in export
    assert "| A single fare | \\$2.50 |" in to_markdown(fares)
    assert "<td>$2.50</td>" in to_html(fares)
    assert "A single fare: $2.50" in read_text(fares)


async def test_palette_titles_of_quotes_leave_out_the_trailing_comma(fares: Story) -> None:
    app = StoryApp(fares, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        (title,) = [c.title for c in story_commands(screen) if c.title.startswith("quote: ")]
        assert title == "quote: Ada Mayor: The budget grew from $19.2 million to $28.8 million"


def test_every_export_carries_the_byline(fares: Story) -> None:
    byline = "Published 2 Nov 2026 · Updated 3 Nov 2026 · From The Wire"
    assert byline in to_html(fares)
    assert byline in to_markdown(fares)
    assert "Published 2 Nov 2026. Updated 3 Nov 2026. From The Wire." in read_text(fares)


def test_a_guessed_person_keeps_the_names_in_their_note(story: Story) -> None:
    person = replace(story.people[0], check="speaker from “he”: Hugo de Zela")
    markdown = to_markdown(replace(story, people=(person, *story.people[1:])))
    assert "_Unconfirmed: speaker from “he”: Hugo de Zela_" in markdown
