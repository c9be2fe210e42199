"""`story-tui diff OLD NEW`: what changed between two editions of a story, like diff(1)."""

from __future__ import annotations

import argparse
import json
import sys

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Parser,
    add_max_bytes,
    load,
    say,
)
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.model import Story
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui diff`."""
    parser = Parser(
        prog=f"{PROG} diff",
        description="List what changed between two editions of a story: paragraphs, quotes, "
        "figures, events and people. Exit 0 when they are the same, 1 when they differ, 2 on "
        "error.",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier edition's story file")
    parser.add_argument("new", metavar="NEW", help="the later edition's story file")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (one line per change, default) or json",
    )
    add_max_bytes(parser)
    return parser


def _load(path: str, max_bytes: int) -> Story | None:
    try:
        return load(path, max_bytes)
    except StoryUnreadable as error:
        say(sys.stderr, f"{PROG}: error: {error}")
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            say(sys.stderr, str(diagnostic))
    return None


def run(args: argparse.Namespace) -> int:
    """Print the changes; exit 0 (same), 1 (they differ) or 2 (a file could not be read)."""
    from story_tui.story.diff.stories import diff_stories

    old, new = _load(args.old, args.max_bytes), _load(args.new, args.max_bytes)
    if old is None or new is None:
        return EXIT_USAGE
    changes = diff_stories(old, new)
    if args.format == "json":
        data = {"changes": [change.as_dict() for change in changes]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        for change in changes:
            say(sys.stdout, visible(change.summary))
    return EXIT_INVALID if changes else EXIT_OK
