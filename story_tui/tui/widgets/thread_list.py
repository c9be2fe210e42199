"""The options of the thread views: a thread in the library's list, an item of one thread.

Each option carries its model object and shows story text literally.
"""

from __future__ import annotations

from collections.abc import Collection

from textual.content import Content
from textual.widgets.option_list import Option

from story_tui.threads.store import Thread
from story_tui.threads.view import Item, Status, summary_text
from story_tui.tui.widgets.library_list import MARKS
from story_tui.tui.widgets.text import guess_line, literal, unconfirmed_mark


class ThreadOption(Option):
    """A thread in the library's list of threads: mark and title, then span, outlets, counts."""

    def __init__(
        self, thread: Thread, status: Status, seen: set[str] | None, unread: Collection[str]
    ) -> None:
        prompt = Content("\n").join(
            [
                literal(f"{MARKS[status]} {thread.title}", "bold" if status != "read" else ""),
                literal("  " + summary_text(thread, status, seen, unread), "$text-muted"),
            ]
        )
        super().__init__(prompt, id=thread.id)
        self.thread = thread


class ThreadItemOption(Option):
    """One line of an open thread: a heading (not selectable), or an item opening a place."""

    def __init__(self, item: Item) -> None:
        self.item = item
        if item.path is None:
            super().__init__(literal(item.text, "bold $accent"), disabled=True)
            return
        mark = "● " if item.new else "  "
        lead = "    " * item.indent + mark
        text = literal(lead + item.text, "bold" if item.indent == 0 else "")
        lines = [text + unconfirmed_mark(item.guessed)]
        if item.detail:
            lines.append(literal("    " * item.indent + "    " + item.detail, "$text-muted"))
        guess = guess_line(item.check, "    " * item.indent + "    ")
        if guess is not None:
            lines.append(guess)
        super().__init__(Content("\n").join(lines))
