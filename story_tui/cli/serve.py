"""`story-tui serve`: the browser in a web browser."""

from __future__ import annotations

import argparse
import sys

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    PROG,
    STDIN,
    STDIN_NAME,
    Parser,
    UsageError,
    add_file,
    add_max_bytes,
    check_theme,
    load_or_exit,
    read_stdin,
    say,
)
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui serve`."""
    parser = Parser(
        prog=f"{PROG} serve",
        description=(
            "Serve the browser to a web browser (works offline). Listens on 127.0.0.1 and, once "
            "it accepts connections, prints an address with an access token: only pages opened "
            "from that address may connect, as often as they like, until the server stops. The "
            "token changes at every start and is kept out of the access log."
        ),
    )
    add_file(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)"
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme for every session, e.g. textual-light, nord, ansi-dark",
    )
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Check the options and the story, then serve it until ctrl+c."""
    if args.theme is not None:
        check_theme(args.theme)
    if not 0 <= args.port < 65536:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    if args.file == STDIN:
        return _serve_stdin(args)
    story = load_or_exit(args.file, args.max_bytes)
    return _serve(args, args.file, story.title)


def _serve(args: argparse.Namespace, file: str | None, title: str) -> int:
    from story_tui.tui.startup import resume_collector
    from story_tui.web.serve import CannotListen, serve

    resume_collector()  # a long-running command from here on
    try:
        return serve(file, args.host, args.port, args.theme, visible(title))
    except CannotListen as problem:
        say(sys.stderr, visible(f"{PROG}: error: {problem}"))
        return EXIT_USAGE


def _serve_stdin(args: argparse.Namespace) -> int:
    """`serve -`: standard input is read once, checked, and served to every session.

    Each session is a process of its own that opens a file, so the story is kept in a private
    temporary folder while the server runs, and removed when it stops.
    """
    import tempfile
    from pathlib import Path

    from story_tui.story.loader import parse_story

    try:
        text = read_stdin(args.max_bytes)
        story = parse_story(text, STDIN_NAME)
    except StoryUnreadable as error:
        say(sys.stderr, visible(f"{PROG}: error: {error}"))
        return EXIT_USAGE
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            say(sys.stderr, visible(str(diagnostic)))
        return EXIT_INVALID
    with tempfile.TemporaryDirectory(prefix="story-tui-serve-") as folder:
        path = Path(folder) / "stdin.yaml"  # the folder is private (0700)
        path.write_text(text, encoding="utf-8")
        return _serve(args, str(path), story.title)
