"""The panes of the story screen by id: their order (number keys 1 to 5, tab), titles, and which
are lists. Plain Python, no UI imports; which of them a terminal size shows is `responsive.py`.
"""

from __future__ import annotations

PANES: tuple[str, ...] = ("sections", "article", "people", "figures", "timeline")
"""Pane ids in the order of their number keys (1 to 5) and of tab."""
PANE_TITLES = {
    "sections": "Sections",
    "article": "Article",
    "people": "People",
    "figures": "Key figures",
    "timeline": "Timeline",
}
LIST_PANES: tuple[str, ...] = ("sections", "people", "figures", "timeline")
"""The panes that are lists (every pane but the article)."""
