"""Back and forward through the reader's jumps, like a web browser. Plain Python; no UI imports."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")

MAX_HISTORY = 200


class History(Generic[T]):
    """Places the reader jumped from; `back` and `forward` trade the current place for another."""

    def __init__(self, limit: int = MAX_HISTORY) -> None:
        self._back: list[T] = []
        self._forward: list[T] = []
        self._limit = limit

    def record(self, here: T) -> None:
        """Remember `here` before a jump; a new jump forgets the forward trail."""
        self._back.append(here)
        del self._back[: -self._limit]
        self._forward.clear()

    def back(self, here: T) -> T | None:
        """The place before the last jump (and remember `here` for `forward`), or None."""
        if not self._back:
            return None
        self._forward.append(here)
        return self._back.pop()

    def forward(self, here: T) -> T | None:
        """Undo a `back`, or None."""
        if not self._forward:
            return None
        self._back.append(here)
        return self._forward.pop()
