"""Open the browser on a loaded story."""

from __future__ import annotations

import argparse
import os
import sys

from story_tui.story.model import Story


class NoTerminal(Exception):
    """Standard input or output is not a terminal, so the app cannot run here."""


def has_terminal() -> bool:
    """Whether the app can run: a terminal on stdin and stdout, or a driver that needs none.

    Without a terminal Textual's terminal driver would spin forever on a closed or redirected
    stream. A session of `story-tui serve` (or any other Textual driver) sets TEXTUAL_DRIVER and
    talks over pipes.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_browser(
    story: Story,
    args: argparse.Namespace,
    start: tuple[str, str] | None = None,
    content_hash: str | None = None,
    cache: bool = False,
) -> int:
    """Run the Textual app on `story` and return the exit code.

    With `cache`, the resolved story is stored under `content_hash` after the app exits, so the
    next start skips parsing (writing it before would delay the first paint).

    Raises:
        NoTerminal: standard input or output is not a terminal.
    """
    if not has_terminal():
        raise NoTerminal
    from pathlib import Path

    from story_tui.tui.app import StoryApp

    watch = Path(args.file) if getattr(args, "watch", False) and args.file else None
    reload = None
    if watch is not None:
        from story_tui.story.loader import load_story

        def reload() -> Story:
            return load_story(watch, args.max_bytes)

    app = StoryApp(
        story,
        theme=args.theme,
        start=start,
        content_hash=content_hash,
        fresh=args.fresh,
        watch=watch,
        reload=reload,
    )
    app.run()
    if cache and content_hash is not None:
        from story_tui.storage.cache import save_cached

        save_cached(content_hash, story)
    return app.return_code or 0
