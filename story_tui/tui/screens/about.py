"""About this story: its published date, byline, sources with their addresses, and its size.

Every value is story text, shown literally: a source's URL is printed as written, never turned
into a link or markup (a story file could otherwise put `[@click=…]` or a lookalike link there).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from story_tui.story.formatting import byline, human_date, names_list, plural, updated_text
from story_tui.story.model import Story
from story_tui.tui.widgets.keybar import KeyBar
from story_tui.tui.widgets.text import literal


def about_facts(story: Story) -> list[tuple[str, str]]:
    """The rows of the About view, as (label, value)."""
    rows: list[tuple[str, str]] = []
    if story.published is not None:
        rows.append(("Published", human_date(story.published.isoformat())))
    if story.updated is not None:
        rows.append(("Updated", updated_text(story.updated)))
    if story.authors:
        rows.append(("By", names_list(story.authors)))
    if story.url:
        rows.append(("Address", story.url))
    rows.append(("Language", story.language))
    for number, source in enumerate(story.sources):
        label = "Sources" if number == 0 else ""
        rows.append((label, f"{source.name} — {source.url}" if source.url else source.name))
    if not story.sources:
        rows.append(("Sources", "none named"))
    quotes = len(story.quotes)
    size = [
        plural(len(story.sections), "section"),
        plural(story.paragraph_count, "paragraph"),
        plural(len(story.people), "person", "people"),
        plural(quotes, "quote"),
        plural(len(story.figures), "key figure"),
        plural(len(story.timeline), "timeline event"),
    ]
    rows.append(("In it", ", ".join(size)))
    rows.append(("Story id", story.id))
    return rows


def about_content(story: Story) -> Content:
    """The About view's text: title, byline, standfirst, then the facts table."""
    lines = [literal(story.title, "bold")]
    line = byline(story)
    if line:
        lines.append(literal(line, "$text-muted"))
    if story.standfirst:
        lines += [Content(""), literal(story.standfirst, "italic")]
    lines.append(Content(""))
    rows = about_facts(story)
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        lines.append(Content.assemble((label.ljust(width) + "  ", "$text-muted"), literal(value)))
    return Content("\n").join(lines)


class AboutStory(ModalScreen[None]):
    """The story's published date, byline, sources (with their URLs) and size."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,i", "close", "Close"),
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("up,k", "scroll('up')", "Up", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, i | Close. |
    | down, j / up, k | Scroll. |
    """

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="about-body") as body:
            body.border_title = "About this story"
            yield Static(about_content(self.story), id="about-text")
        yield KeyBar()

    def action_scroll(self, direction: str) -> None:
        """Scroll the text."""
        body = self.query_one("#about-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()

    def action_close(self) -> None:
        """Close the view."""
        self.dismiss(None)
