"""Open the browser on a loaded story."""

from __future__ import annotations

import argparse

from story_tui.model import Story


def run_browser(
    story: Story, args: argparse.Namespace, start: tuple[str, str] | None = None
) -> int:
    """Run the Textual app on `story` and return the exit code."""
    from pathlib import Path

    from story_tui.app import StoryApp
    from story_tui.loader import load_story

    watch = Path(args.file) if getattr(args, "watch", False) and args.file else None
    app = StoryApp(
        story,
        theme=args.theme,
        start=start,
        watch=watch,
        reload=(lambda: load_story(watch, args.max_bytes)) if watch else None,
    )
    app.run()
    return app.return_code or 0
