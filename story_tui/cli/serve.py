"""`story-tui serve`: the browser in a web browser."""

from __future__ import annotations

import argparse

from story_tui.cli.common import PROG, Parser, UsageError, add_file, add_max_bytes, load_or_exit
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui serve`."""
    parser = Parser(
        prog=f"{PROG} serve",
        description=(
            "Serve the browser to a web browser (works offline). Listens on 127.0.0.1 and "
            "prints an address with a one-time token; only that page may connect."
        ),
    )
    add_file(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme for every session")
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Check the story, then serve it until ctrl+c."""
    story = load_or_exit(args.file, args.max_bytes)
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    from story_tui.tui.startup import resume_collector
    from story_tui.web.serve import serve

    resume_collector()  # a long-running command from here on
    return serve(args.file, args.host, args.port, args.theme, visible(story.title))
