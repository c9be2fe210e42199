"""The one `✓ seen` mark: how an opened item is remembered, and how its list shows it."""

from __future__ import annotations

from textual.content import Content

SEEN_MARK = "✓ seen"


def seen_key(kind: str, key: str) -> str:
    """How an opened item is remembered: `kind:key` (e.g. `quote:rivas#0`)."""
    return f"{kind}:{key}"


def with_seen_mark(line: Content, seen: bool, separator: str = "  ") -> Content:
    """`line`, then the muted `✓ seen` mark when the reader has opened the item."""
    if not seen:
        return line
    return Content.assemble(line, (f"{separator}{SEEN_MARK}", "$text-muted"))
