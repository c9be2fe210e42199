"""The article's position line (its bottom border): `42%` like less, `Rivas 2/5` while `n`
steps through a person's mentions; a notice when a step wraps around."""

from __future__ import annotations

from typing import TYPE_CHECKING

from story_tui.tui.position import scroll_position, step_position
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.text import literal

if TYPE_CHECKING:
    from story_tui.tui.screens.browser import BrowserScreen


class PositionLine:
    """Keeps the article's border subtitle saying where the reader is."""

    def __init__(self, screen: BrowserScreen) -> None:
        self.screen = screen
        self._shown: str | None = None

    def attach(self, article: ArticleView) -> None:
        """Follow an article's scrolling and its length (a long article lays out in chunks)."""
        self._shown = None
        self.screen.watch(article, "scroll_y", self.update, init=False)
        self.screen.watch(article, "virtual_size", self.update, init=False)
        self.update()

    def text(self) -> str:
        """What the line says now."""
        screen = self.screen
        article = screen.article
        parts: list[str] = []
        person = screen.story.person(article.lens) if article.lens else None
        if person is not None and screen.lens.position is not None:
            parts.append(f"{person.name} {step_position(*screen.lens.position)}")
        height = article.scrollable_content_region.height
        parts.append(scroll_position(article.scroll_y, height, article.virtual_size.height))
        return " · ".join(parts)

    def update(self, _changed: object = None) -> None:
        """Show the position (only when it changed: a scroll sets it on every line)."""
        screen = self.screen
        if not screen.is_mounted or not screen.query(ArticleView):  # gone while recomposing
            return
        lens = screen.lens
        if lens.notice is not None:
            screen.notify(lens.notice, title="Mentions", timeout=2)
            lens.notice = None
        text = self.text()
        if text != self._shown:
            self._shown = text
            screen.article.border_subtitle = literal(text)
