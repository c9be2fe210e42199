"""Open the browser on a loaded story."""

from __future__ import annotations

import argparse

from story_tui.model import Story


def run_browser(
    story: Story, args: argparse.Namespace, start: tuple[str, str] | None = None
) -> int:
    """Run the Textual app on `story` and return the exit code."""
    from story_tui.app import StoryApp

    app = StoryApp(story, theme=args.theme, start=start)
    app.run()
    return app.return_code or 0
