"""Open the browser on a loaded story."""

from __future__ import annotations

import argparse

from story_tui.story.model import Story


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
    """
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
