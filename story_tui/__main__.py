"""Entry point for `story-tui` and `python -m story_tui`."""

from __future__ import annotations

import sys

from story_tui.tui.startup import pause_collector, resume_collector


def main() -> int:
    """Run the command line; the return value is the process exit code."""
    pause_collector()  # resumed after the first frame, or when the command is done
    try:
        from story_tui.cli.main import main as cli_main

        return cli_main()
    finally:
        resume_collector()


if __name__ == "__main__":
    sys.exit(main())
