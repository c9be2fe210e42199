"""The lists of the library: stories, people across stories, their quotes, search hits.

One OptionList each (a thousand stories are a thousand options, not a thousand widgets); every
option carries its row and shows story text literally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Self

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets.option_list import Option

from story_tui.storage.library import LibraryPerson
from story_tui.storage.rows import QuoteRow, StoryRow
from story_tui.storage.search import SearchHit
from story_tui.story.formatting import plural, quotes_across
from story_tui.tui.widgets.lists import ListPane
from story_tui.tui.widgets.text import guess_line, guess_mark, literal, unconfirmed_mark

MARKS = {"unread": "●", "changed": "▲", "read": " ", "invalid": "✗", "new": "●", "updated": "▲"}
"""The mark before a story's title; the second line says it in words too (no colour needed)."""
WORDS = {
    "unread": "unread",
    "changed": "changed since you read it",
    "read": "",
    "invalid": "",
    "new": "new: just added",
    "updated": "updated: a new edition just arrived",
}


class Indented(Visual):
    """Lines one under the other, each wrapped on its own under its first word: a title after its
    mark (`● `) and a detail line after its indent keep their column on the lines they wrap onto
    in a narrow terminal."""

    def __init__(self, *lines: tuple[Content, Content]) -> None:
        self.lines = lines
        """(what stands before the line: a mark or spaces, the line) for each line."""

    def __str__(self) -> str:
        return "\n".join(lead.plain + content.plain for lead, content in self.lines)

    @property
    def plain(self) -> str:
        """The text, as `Content.plain` gives it (finding and tests read it)."""
        return str(self)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips: list[Strip] = []
        for lead, content in self.lines:
            indent = lead.cell_length
            if not indent or width <= indent:
                strips += content.render_strips(width, None, style, options)
                continue
            lines = content.render_strips(width - indent, None, style, options)
            first = lead.render_strips(indent, 1, style, options)[0]
            blank = Strip.blank(indent, style.rich_style)
            strips += [
                Strip.join([first if n == 0 else blank, line]) for n, line in enumerate(lines)
            ]
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(
            (
                lead.cell_length + content.get_optimal_width(rules, container_width)
                for lead, content in self.lines
            ),
            default=0,
        )

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(
            content.get_height(rules, max(1, width - lead.cell_length))
            if width > lead.cell_length
            else content.get_height(rules, width)
            for lead, content in self.lines
        )


INDENT = Content("  ")
"""What stands before a detail line."""
NONE = Content("")


def story_prompt(row: StoryRow, status: str, path: str | None = None) -> Indented:
    """Two lines: a mark and the title; then date, sources, counts and what the mark means.

    `path` is shown after the title when another file has the same title or story id.
    """
    if not row.valid:
        return Indented(
            (literal(f"{MARKS['invalid']} ", "bold $error"), literal(row.path, "bold $error")),
            (INDENT, literal(row.error or "", "$text-muted")),
        )
    when = row.published[:10] if row.published else "undated"
    if row.updated:
        when += f", updated {row.updated[:10]}"
    details = [
        when,
        ", ".join(row.sources) or "no sources",
        plural(row.people, "person", "people"),
        plural(row.quotes, "quote"),
    ]
    if row.to_check:
        details.append(f"{row.to_check} to check")
    if WORDS[status]:
        details.append(WORDS[status])
    title_style = "bold" if status != "read" else ""
    title = literal(row.title or "", title_style)
    if path is not None:
        title = Content.assemble(title, literal(f" · {path}", "$text-muted"))
    mark = literal(f"{MARKS[status]} ", title_style)
    return Indented((mark, title), (INDENT, literal(" · ".join(details), "$text-muted")))


class StoryOption(Option):
    """An option carrying a story file's row."""

    def __init__(self, row: StoryRow, status: str, path: str | None = None) -> None:
        super().__init__(story_prompt(row, status, path), id=row.path)
        self.row = row
        self.status = status


class PersonAcrossOption(Option):
    """An option carrying a person across the library."""

    def __init__(self, person: LibraryPerson, title_of: Callable[[StoryRow], str]) -> None:
        details = quotes_across(person.quotes, len(person.stories), person.unconfirmed)
        titles = ", ".join(title_of(a.story) for a in person.appearances[:3])
        more = f" and {len(person.appearances) - 3} more" if len(person.appearances) > 3 else ""
        also = f" (also {', '.join(person.other_names)})" if person.other_names else ""
        prompt = Indented(
            (NONE, literal(person.name + also, "bold") + unconfirmed_mark(person.unconfirmed > 0)),
            (INDENT, literal(f"{details}: {titles}{more}", "$text-muted")),
        )
        super().__init__(prompt)
        self.person = person


class QuoteAcrossOption(Option):
    """An option carrying one quote of a person, with its story."""

    def __init__(self, story: StoryRow, quote: QuoteRow, title: str | None = None) -> None:
        text = f"“{quote.text}”" if quote.kind == "direct" else quote.text
        when = story.date[:10] if story.date else "undated"
        lines = [
            (NONE, literal(text) + guess_mark(quote.check)),
            (INDENT, literal(f"{when} · {title or story.title} · {quote.kind}", "$text-muted")),
        ]
        guess = guess_line(quote.check)
        if guess is not None:
            lines.append((INDENT, guess))
        prompt = Indented(*lines)
        super().__init__(prompt)
        self.story = story
        self.quote = quote


class HitOption(Option):
    """An option carrying a search hit; the match is highlighted in its context."""

    def __init__(self, hit: SearchHit) -> None:
        start, end = hit.match
        context = hit.context
        prompt = Content.assemble(
            "  ",
            literal(context[:start]),
            literal(context[start:end], "bold reverse"),
            literal(context[end:]),
        )
        super().__init__(prompt)
        self.hit = hit


def story_heading(row: StoryRow, count: int) -> Option:
    """The heading of a story's group of hits (not selectable)."""
    return Option(literal(f"{row.title} — {plural(count, 'hit')}", "bold $accent"), disabled=True)


class LibraryList(ListPane):
    """A list in the library (the list panes' keys); its options change as the reader types."""

    def set_options(self, options: Iterable[Option | VisualType | None]) -> Self:
        """Replace the options (a list built empty, such as search hits, fills in later)."""
        listed = list(options)
        self.empty = not listed
        return super().set_options(listed)
