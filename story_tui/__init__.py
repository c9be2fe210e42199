"""story-tui: explore a news story as structure rather than as a wall of text."""
