"""One change between two editions of a story, and the wording helpers of its summary line.

Plain Python; no UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from story_tui.story.model import Location, Target

ChangeKind = Literal["paragraph", "quote", "figure", "event", "person"]
ChangeType = Literal["added", "removed", "changed", "moved"]
KINDS: tuple[ChangeKind, ...] = ("paragraph", "quote", "figure", "event", "person")
REWORDED = 60.0
"""Least similarity (0-100) for a quote or event with new words to count as the same, changed."""


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two editions."""

    kind: ChangeKind
    change: ChangeType
    id: str
    old: Any
    """The item in the old edition, as the export writes it (None when added)."""
    new: Any
    """The item in the new edition, as the export writes it (None when removed)."""
    location: dict[str, Any] | None
    """Where it is in the new edition (where it was, when removed)."""
    summary: str
    """One line for an editor: `figure x revised: "330,000" (330000) -> "340,000" (340000)`."""
    target: Target | None = None
    """Where the browser shows it in the new edition (None when it is gone)."""

    def as_dict(self) -> dict[str, Any]:
        """The change as `story-tui diff --format json` writes it."""
        return {
            "kind": self.kind,
            "change": self.change,
            "id": self.id,
            "old": self.old,
            "new": self.new,
            "location": self.location,
        }


def where(section: str, paragraph: int) -> str:
    return f"{section}[{paragraph}]"


def clip(text: str, width: int = 70) -> str:
    return f'"{text if len(text) <= width else text[: width - 1] + "…"}"'


def loc(location: Location) -> dict[str, Any]:
    return {
        "section": location.section,
        "paragraph": location.paragraph,
        "start": location.start,
        "end": location.end,
    }


PLACE_KEYS = frozenset({"location", "mentions", "prefix", "suffix", "section"})
"""Where an item stands and what singles it out there (an item's `section`, `prefix`, `suffix`
are anchoring hints `rebase` writes): no change to what a reader sees."""


def same_item(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal but for where they are (a paragraph inserted before moves every offset)."""
    return _without_place(a) == _without_place(b)


def _without_place(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in PLACE_KEYS}


def fields_changed(a: dict[str, Any], b: dict[str, Any]) -> str:
    """`role "Nurse" -> "Retired nurse"; age 56 -> 57` for the keys that differ."""
    parts = []
    for key in [*a, *(k for k in b if k not in a)]:
        if key in PLACE_KEYS or key == "quotes":
            continue
        if a.get(key) != b.get(key):
            parts.append(f"{key} {_show(a.get(key))} -> {_show(b.get(key))}")
    return "; ".join(parts) or "moved"


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return clip(value, 40)
    return str(value)
