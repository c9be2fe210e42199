"""The speaker lens: a person's mentions and quotes marked in the article, stepped with `n`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from story_tui.tui.position import wrapped

if TYPE_CHECKING:
    from story_tui.tui.widgets.article import ArticleView


class SpeakerLens:
    """Marks a person in the article and steps through their mentions from the reader's place."""

    def __init__(self, changed: Callable[[], object] | None = None) -> None:
        self._step: int | None = None
        self._changed = changed
        """Called when the lens or its position changes (the article's position line)."""
        self.position: tuple[int, int] | None = None
        """The mention stepped to last and how many there are (`2/5`), until the lens moves."""
        self.notice: str | None = None
        """Set by a step that wrapped around the end of the article (or its start)."""

    def set(self, article: ArticleView, person_id: str | None) -> None:
        """Mark a person (or none); the next step starts from the reader's place again."""
        article.lens = person_id
        self._step = None
        self.position = None
        if self._changed is not None:
            self._changed()

    def reset(self) -> None:
        """Start the next step from the reader's place."""
        self._step = None
        self.position = None

    def step(self, article: ArticleView, step: int) -> bool:
        """Show the next (1) or previous (-1) mention; False when no one is marked."""
        hits = article.lens_locations()
        if not hits:
            return False
        previous = self._step
        if self._step is None:
            top = article.cursor
            self._step = next((i for i, loc in enumerate(hits) if article.order_of(loc) >= top), 0)
            if step < 0:
                self._step = (self._step - 1) % len(hits)
        else:
            self._step = (self._step + step) % len(hits)
        self.notice = wrapped(previous, self._step, step, "mention")
        self.position = (self._step, len(hits))
        article.show_location(hits[self._step])
        if self._changed is not None:
            self._changed()
        return True
