"""Entry point for `story-tui` and `python -m story_tui`."""

from __future__ import annotations

import sys


def main() -> int:
    """Run the command line; the return value is the process exit code."""
    from story_tui.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
