"""What the command line asks of the app, typed: the UI never sees `argparse.Namespace`."""

from __future__ import annotations

from dataclasses import dataclass

from story_tui.story.spec import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class AppOptions:
    """How story-tui runs, whichever screen it starts on (a story or a library)."""

    theme: str | None = None
    """A theme for this run (overrides the remembered ones)."""
    fresh: bool = False
    """Ignore what was remembered about each story opened (it is still saved)."""
    remember: bool = True
    """Remember the theme, the reader's place and what they opened, per story."""
    use_cache: bool = True
    """Open stories from the cache when it can, and cache them for next time."""
    watch: bool = False
    """Reload a story whenever its file is saved, keeping the reader's place."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """The largest story file read."""
