"""The speaker lens: a person's mentions and quotes marked in the article, stepped with `n`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from story_tui.tui.widgets.article import ArticleView


class SpeakerLens:
    """Marks a person in the article and steps through their mentions from the reader's place."""

    def __init__(self) -> None:
        self._step: int | None = None

    def set(self, article: ArticleView, person_id: str | None) -> None:
        """Mark a person (or none); the next step starts from the reader's place again."""
        article.lens = person_id
        self._step = None

    def reset(self) -> None:
        """Start the next step from the reader's place."""
        self._step = None

    def step(self, article: ArticleView, step: int) -> bool:
        """Show the next (1) or previous (-1) mention; False when no one is marked."""
        hits = article.lens_locations()
        if not hits:
            return False
        if self._step is None:
            top = article.cursor
            self._step = next((i for i, loc in enumerate(hits) if article.order_of(loc) >= top), 0)
            if step < 0:
                self._step = (self._step - 1) % len(hits)
        else:
            self._step = (self._step + step) % len(hits)
        article.show_location(hits[self._step])
        return True
