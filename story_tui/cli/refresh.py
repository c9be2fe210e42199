"""`story-tui refresh`: fetch every followed feed and every added address, add what is new.

A progress bar on stderr when it is a terminal; one line per story added or updated, one per
failure, then the summary line: `N new, M updated stories; F feeds unchanged, E failed` (stories
and feeds counted apart; each failure named).
Exit 0 when nothing failed, 1 when something did, 130 on ctrl+c (what was added stays, whole).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TextIO

from story_tui.cli.add import ThreadHook, add_library_option, open_shelf, outcome_line
from story_tui.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, PROG, Parser, say
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui refresh`."""
    parser = Parser(
        prog=f"{PROG} refresh",
        description="Fetch every feed the library follows and every address added to it; add "
        "new articles as stories and changed ones as new editions.",
    )
    add_library_option(parser)
    return parser


class Bar:
    """A one-line progress bar on a terminal (nothing at all on anything else)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = stream.isatty()
        self.line = ""

    def update(self, done: int, total: int, what: str) -> None:
        if not self.shown:
            return
        width = shutil.get_terminal_size((80, 24)).columns
        cells = 20
        filled = cells * done // max(total, 1)
        text = f"refreshing [{'#' * filled}{'.' * (cells - filled)}] {done}/{total}  {what}"
        self.line = visible(text)[: max(10, width - 1)]
        self.stream.write("\r\x1b[K" + self.line)
        self.stream.flush()

    def clear(self) -> None:
        if self.shown and self.line:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def say(self, stream: TextIO, text: str) -> None:
        """A line above the bar."""
        self.clear()
        say(stream, text)
        stream.flush()
        if self.shown and self.line:
            self.stream.write(self.line)
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Refresh the library; the summary line last."""
    import asyncio

    from story_tui.news.add import Outcome
    from story_tui.news.opml import BadOpml
    from story_tui.news.refresh import Run
    from story_tui.news.shelf import LibraryBusy

    shelf = open_shelf(args)
    bar = Bar(sys.stderr)

    def said(outcome: Outcome) -> None:
        if outcome.status == "unchanged":
            return
        line, error = outcome_line(shelf, outcome)
        bar.say(sys.stderr if error else sys.stdout, line)

    hook = ThreadHook(shelf)
    refresh = Run(shelf, on_added=hook.added, on_outcome=said, progress=bar.update)
    if refresh.memory.problem:
        say(sys.stderr, visible(f"{PROG}: note: {refresh.memory.problem}"))
    try:
        with shelf.lock():
            asyncio.run(refresh.refresh())
    except (LibraryBusy, BadOpml) as error:
        say(sys.stderr, visible(f"{PROG}: error: {error}"))
        return EXIT_INVALID
    except OSError as error:  # the library's folder cannot be written (its lock)
        say(sys.stderr, visible(f"{PROG}: error: cannot write in {shelf.root}: {error.strerror}"))
        return EXIT_USAGE
    except KeyboardInterrupt:
        bar.clear()
        say(sys.stdout, f"interrupted: {refresh.summary.line()} so far")
        raise
    bar.clear()
    hook.join()
    summary = refresh.summary
    for note in summary.notes:
        say(sys.stderr, visible(f"{PROG}: note: {note}"))
    line = summary.line()
    if summary.failed:
        line += " (" + "; ".join(f"{o.source}: {o.detail}" for o in summary.failed) + ")"
    say(sys.stdout, visible(line))
    return EXIT_INVALID if summary.failed else EXIT_OK
