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
    import hashlib

    from story_tui.resources import bundled_story

    path = Path(args.file) if args.file else bundled_story()
    try:
        content_hash: str | None = hashlib.sha256(path.read_bytes()).hexdigest()[:32]
    except OSError:
        content_hash = None
    app = StoryApp(
        story,
        theme=args.theme,
        start=start,
        content_hash=content_hash,
        fresh=args.fresh,
        watch=watch,
        reload=(lambda: load_story(watch, args.max_bytes)) if watch else None,
    )
    app.run()
    return app.return_code or 0
