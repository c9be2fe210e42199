"""The browser's screens: the main screen (mediator between panes), help, and the person card."""

from __future__ import annotations

Target = tuple[str, str]
"""What to open in the browser: (kind, key), e.g. ("quote", "rivas#0") or ("section", "s1")."""
