"""`story-tui [FILE]`: open the browser on a story (from the cache when it can)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    PROG,
    Parser,
    UsageError,
    VersionAction,
    add_max_bytes,
    check_theme,
    say,
)
from story_tui.story.bundled import bundled_story
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.model import Story

if TYPE_CHECKING:
    from story_tui.tui.options import AppOptions


def build_browse_parser(commands: str = "") -> argparse.ArgumentParser:
    """The parser for `story-tui [PATH...]`, the browser (one file) or the library (more).

    `commands` is the list of commands its help ends with (`cli/main.py: commands_help`).
    """
    parser = Parser(
        prog=PROG,
        description=(
            "Explore a news story as structure: sections, people and their quotes, key figures.\n"
            "With no PATH, opens your library once you have added or followed anything (the\n"
            "bundled Chile–Peru border story until then); with one story file, that story; with a\n"
            "folder (its *.yaml files, recursively) or several files, the library."
        ),
        epilog=commands,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a story YAML file, or folders and files for the library",
    )
    parser.add_argument("--version", action=VersionAction, nargs=0, help="show the version")
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme, e.g. textual-dark, textual-light, ansi-dark, ansi-light, nord "
        "(remembered for next time)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload a story whenever its file is saved (alone or opened from a library)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="ignore the remembered place and theme for this story"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="parse the file even if a cached copy exists"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--section", metavar="ID", help="open with the article at this section")
    where.add_argument("--person", metavar="ID", help="open this person's card")
    where.add_argument("--figure", metavar="ID", help="open with this figure highlighted")
    where.add_argument(
        "--quote",
        metavar="TEXT",
        type=_words,
        help="open at the first quote containing TEXT (any case)",
    )
    add_max_bytes(parser)
    return parser


def _words(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("needs some words of a quote")
    return value


def start_target(story: Story, args: argparse.Namespace) -> tuple[str, str] | None:
    """The item `--section/--person/--figure/--quote` ask to open at, checked against the story.

    Raises:
        UsageError: the id or text is not in the story (with the closest id as a hint).
    """
    import difflib

    for kind, known in (
        ("section", [s.id for s in story.sections]),
        ("person", [p.id for p in story.people]),
        ("figure", [f.id for f in story.figures]),
    ):
        wanted = getattr(args, kind, None)
        if wanted is None:
            continue
        if wanted in known:
            return kind, wanted
        hint = difflib.get_close_matches(wanted, known, n=1)
        suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise UsageError(f"this story has no {kind} {wanted!r}{suffix}")
    if args.quote is not None:
        needle = args.quote.casefold()
        for quote in story.quotes:
            if needle in quote.text.casefold():
                return "quote", quote.key
        raise UsageError(f"no quote in this story contains {args.quote!r}")
    return None


def options_of(args: argparse.Namespace) -> AppOptions:
    """The typed options the app receives: `argparse.Namespace` stops here."""
    from story_tui.tui.options import AppOptions

    return AppOptions(
        theme=args.theme,
        fresh=args.fresh,
        use_cache=not args.no_cache,
        watch=args.watch,
        max_bytes=args.max_bytes,
    )


def has_terminal() -> bool:
    """Whether the app can run: a terminal on stdin and stdout, or a driver that needs none.

    Without a terminal Textual's terminal driver would spin forever on a closed or redirected
    stream. A session of `story-tui serve` (or any other Textual driver) sets TEXTUAL_DRIVER and
    talks over pipes.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


def run(args: argparse.Namespace) -> int:
    """`story-tui [FILE]`: open the story (from the cache when it can), then the app on it."""
    from pathlib import Path

    from story_tui.storage.opening import open_story_file

    if args.theme is not None:
        check_theme(args.theme)
    if not args.paths:
        args.paths = default_library_if_used()
    if len(args.paths) > 1 or (args.paths and Path(args.paths[0]).is_dir()):
        return run_library(args)
    file = args.paths[0] if args.paths else None
    if args.watch and file is None:
        raise UsageError("--watch needs the FILE to watch")
    path = Path(file) if file is not None else bundled_story()
    try:
        opened = open_story_file(path, args.max_bytes, use_cache=not args.no_cache)
    except StoryUnreadable as error:
        say(sys.stderr, f"{PROG}: error: {error}")
        return EXIT_USAGE
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            say(sys.stderr, str(diagnostic))
        return EXIT_INVALID
    start = start_target(opened.story, args)
    if not has_terminal():
        return _no_terminal()
    from story_tui.tui.app import run_app
    from story_tui.web.session import quit_with_server

    quit_with_server()  # a session of `story-tui serve` ends with its server
    return run_app(opened, options_of(args), start)


def default_library_if_used() -> list[str]:
    """The default library, once the reader has added or followed anything (`story-tui` with
    no argument opens it); else nothing (the bundled story opens)."""
    from story_tui.news.shelf import Shelf, default_library

    library = default_library()
    return [str(library)] if library.is_dir() and Shelf(library).used() else []


def _no_terminal() -> int:
    say(
        sys.stderr,
        f"{PROG}: error: the browser needs a terminal, and standard input or output is not "
        f"one; for plain text use '{PROG} read [FILE]'",
    )
    return EXIT_USAGE


def run_library(args: argparse.Namespace) -> int:
    """`story-tui FOLDER` or `story-tui FILE FILE…`: the library screen."""
    for option in ("section", "person", "figure", "quote"):
        if getattr(args, option) is not None:
            raise UsageError(f"--{option} opens one story: give one FILE, not a library")
    from story_tui.cli.libraries import checked, report
    from story_tui.storage.index import LibraryIndex
    from story_tui.storage.library import LibraryFiles
    from story_tui.tui.app import run_app

    files = LibraryFiles(args.paths, LibraryIndex(), args.max_bytes)
    if not files.files:
        report(files.problems)
        say(sys.stderr, f"{PROG}: error: no story could be opened")
        return EXIT_USAGE
    if not has_terminal():
        return _no_terminal()
    if files.stale() >= INDEX_AFTER_FIRST_PAINT:
        # Many files to read (a first run): the screen shows first, the index fills in.
        return run_app(files, options_of(args))
    return run_app(checked(files.open(), list_invalid=False), options_of(args))


INDEX_AFTER_FIRST_PAINT = 50
"""With this many files to read or more, the library screen paints before they are indexed."""
