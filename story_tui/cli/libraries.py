"""What `people`, `search` and the library browser share: opening a library from PATH…."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from story_tui.cli.common import EXIT_USAGE, PROG, Exit, say
from story_tui.storage.library import Library
from story_tui.storage.rows import StoryRow
from story_tui.story.safety import visible


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="story files, or folders whose *.yaml files (recursively) are stories",
    )


def open_or_exit(paths: Sequence[str], max_bytes: int, list_invalid: bool = True) -> Library:
    """Open a library; say on stderr what could not be opened; exit 2 when nothing can.

    Invalid story files are reported with their first error (unless `list_invalid` is False:
    the library screen lists them itself); they do not stop the others.
    """
    from story_tui.storage.library import open_library

    return checked(open_library(paths, max_bytes), list_invalid)


def checked(library: Library, list_invalid: bool = True) -> Library:
    """The library, once its problems are said on stderr; exit 2 when no story opens."""
    if library.index.notice:
        say(sys.stderr, visible(f"{PROG}: note: {library.index.notice}"))
    report(library.problems, library.rows if list_invalid or not library.stories else [])
    if not library.stories:
        say(sys.stderr, f"{PROG}: error: no story could be opened")
        raise Exit(EXIT_USAGE)
    return library


def report(problems: Sequence[str], rows: Sequence[StoryRow] = ()) -> None:
    """One line on stderr per path skipped and per invalid file."""
    for problem in problems:
        say(sys.stderr, visible(f"{PROG}: {problem}"))
    for row in rows:
        if row.error is not None:
            say(sys.stderr, visible(row.error))
