"""`story-tui validate`: check story files, once or on every save."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    STDIN,
    STDIN_NAME,
    Parser,
    UsageError,
    add_max_bytes,
    read_stdin,
    say,
    shown_name,
)
from story_tui.story.bundled import bundled_story
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.formatting import plural
from story_tui.story.safety import visible

if TYPE_CHECKING:
    from story_tui.story.loader import Checked


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui validate`."""
    parser = Parser(
        prog=f"{PROG} validate",
        description="Check story files; print every problem as file:line:col: error: ...",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="story files, or - for standard input (default: the bundled story)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="count warnings (ambiguous spans) and unconfirmed guesses (check keys) as errors",
    )
    parser.add_argument(
        "--watch", action="store_true", help="check again on every save (ctrl+c to stop)"
    )
    add_max_bytes(parser)
    return parser


def check(path: str | None, max_bytes: int) -> Checked:
    """Read and check one story file (`-` standard input, None the bundled story), keeping its
    warnings."""
    from story_tui.story.input_file import read_story_text
    from story_tui.story.loader import check_story

    if path == STDIN:
        return check_story(read_stdin(max_bytes), STDIN_NAME)
    file = path if path is not None else bundled_story()
    return check_story(read_story_text(file, max_bytes), str(file))


def validate_once(args: argparse.Namespace) -> int:
    """Print problems; exit 0, 1 (invalid) or 2 (unreadable)."""
    paths: list[str | None] = list(args.files) or [None]
    status = EXIT_OK
    for path in paths:
        shown = shown_name(path)
        try:
            checked = check(path, args.max_bytes)
        except StoryUnreadable as error:
            say(sys.stderr, f"{PROG}: error: {error}")
            status = max(status, EXIT_USAGE)
            continue
        except StoryInvalid as error:
            for diagnostic in sorted([*error.diagnostics, *error.warnings]):
                say(sys.stdout, str(diagnostic))
            counts = plural(len(error.diagnostics), "error")
            if error.warnings:
                counts += ", " + plural(len(error.warnings), "warning")
            say(sys.stderr, visible(f"{shown}: {counts}"))
            status = max(status, EXIT_INVALID)
            continue
        story, warnings, guesses = checked.story, checked.warnings, checked.guesses
        for problem in sorted([*warnings, *guesses]):
            say(sys.stdout, str(problem))
        if (warnings or guesses) and args.strict:
            found = [plural(len(warnings), "warning")] if warnings else []
            found += [f"{len(guesses)} to check"] if guesses else []
            say(sys.stderr, visible(f"{shown}: {', '.join(found)} (--strict)"))
            status = max(status, EXIT_INVALID)
            continue
        if not args.quiet:
            counts = ", ".join(
                plural(n, word, "people" if word == "person" else None)
                for n, word in (
                    (len(story.sections), "section"),
                    (story.paragraph_count, "paragraph"),
                    (len(story.people), "person"),
                    (len(story.quotes), "quote"),
                    (len(story.figures), "figure"),
                    (len(story.timeline), "event"),
                )
            )
            if warnings:
                counts += "; " + plural(len(warnings), "warning")
            if guesses:
                counts += f"; {len(guesses)} to check"
            say(sys.stdout, visible(f"{shown}: valid ({counts})"))
    return status


def run(args: argparse.Namespace) -> int:
    """`story-tui validate`, once or (with --watch) on every save until ctrl+c."""
    if not args.watch:
        return validate_once(args)
    if not args.files:
        raise UsageError("--watch needs the FILE(S) to watch")
    if STDIN in args.files:
        raise UsageError("--watch cannot watch standard input (-)")
    from datetime import datetime
    from pathlib import Path

    from watchfiles import watch

    from story_tui.tui.startup import resume_collector

    targets = {Path(f).resolve() for f in args.files}
    status = validate_once(args)
    resume_collector()  # a long-running command from here on
    say(sys.stdout, f"-- watching {len(targets)} file(s); ctrl+c to stop")
    sys.stdout.flush()
    folders = {str(t.parent) for t in targets}
    try:
        # raise_interrupt=False made watchfiles log its own "KeyboardInterrupt caught".
        for changes in watch(*folders, raise_interrupt=True, rust_timeout=500):
            if not any(Path(path).resolve() in targets for _change, path in changes):
                continue
            say(sys.stdout, f"-- {datetime.now():%H:%M:%S} changed")
            status = validate_once(args)
            sys.stdout.flush()
    except KeyboardInterrupt:
        say(sys.stdout, "-- stopped watching (ctrl+c)")
    return status
