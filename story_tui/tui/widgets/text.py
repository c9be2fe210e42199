"""Story text to Textual `Content`, always literally.

Story text is data, never markup: `[bold]` and `[@click=app.quit]` are words. Every widget that
shows story text builds it through `literal`, which also makes any control or bidi character
visible instead of letting it reach the terminal (the loader refuses them; this is the second wall).
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from story_tui.story.safety import visible


def literal(text: str, style: Style | str = "") -> Content:
    """Content that shows `text` exactly as written, optionally styled as a whole."""
    content = Content(visible(text))
    return content.stylize(style) if style else content
