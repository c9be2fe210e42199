"""`story-tui read`: the story as plain linear text."""

from __future__ import annotations

import argparse
import sys

from story_tui.cli.common import (
    EXIT_OK,
    PROG,
    Parser,
    UsageError,
    add_file,
    add_max_bytes,
    load_or_exit,
)

MIN_WIDTH = 20
"""Narrower than this, a heading or a quote's attribution breaks into a word a line."""


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of columns: {value!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"must be at least {MIN_WIDTH} columns, not {width}")
    return width


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui read`."""
    parser = Parser(
        prog=f"{PROG} read",
        description=(
            "Print the story as plain, linear text for screen readers, braille displays and "
            "pipes: headings, paragraphs, people and quotes, figures, timeline."
        ),
    )
    add_file(parser)
    parser.add_argument(
        "--width",
        type=_width,
        metavar="N",
        help=f"wrap to N columns, at least {MIN_WIDTH} (default: the terminal's width, or 80)",
    )
    part = parser.add_mutually_exclusive_group()
    part.add_argument("--section", metavar="ID", help="print just this section")
    part.add_argument("--person", metavar="ID", help="print just this person and quotes")
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the story, wrapped to the terminal or --width."""
    import os
    import shutil

    from story_tui.outputs.text import read_text

    story = load_or_exit(args.file, args.max_bytes)
    tty = sys.stdout.isatty()
    width = args.width or (shutil.get_terminal_size((80, 24)).columns if tty else 80)
    width = max(MIN_WIDTH, width)  # a tiny terminal still gets readable lines
    color = tty and not os.environ.get("NO_COLOR")
    try:
        text = read_text(story, width, color, args.section, args.person)
    except KeyError as missing:
        kind = "section" if args.section else "person"
        raise UsageError(f"this story has no {kind} {missing.args[0]!r}") from None
    sys.stdout.write(text)
    return EXIT_OK
