"""Story text to Textual `Content`, always literally.

Story text is data, never markup: `[bold]` and `[@click=app.quit]` are words. Every widget that
shows story text builds it through `literal`, which also makes any control or bidi character
visible instead of letting it reach the terminal (the loader refuses them; this is the second wall).
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from story_tui.story.formatting import GUESS_MARK, unconfirmed
from story_tui.story.safety import visible


def literal(text: str, style: Style | str = "") -> Content:
    """Content that shows `text` exactly as written, optionally styled as a whole."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def guess_mark(check: str | None) -> Content:
    """` ?` after an item a tool guessed (its `check`); nothing once an editor confirmed it."""
    return unconfirmed_mark(bool(check))


def unconfirmed_mark(guessed: bool) -> Content:
    """` ?` when something shown was guessed by a tool, else nothing."""
    if not guessed:
        return Content("")
    return Content(f" {GUESS_MARK}").stylize("bold $warning")


def guess_line(check: str | None, indent: str = "") -> Content | None:
    """`? unconfirmed: <what was guessed>`, a line under the item; None when confirmed."""
    if not check:
        return None
    return literal(f"{indent}{GUESS_MARK} {unconfirmed(check)}", "$warning")
