"""`story-tui add SOURCE…`: articles by address, saved pages and text files become stories.

Also what `add`, `follow`, `feeds` and `refresh` share: `--library DIR` and opening it, and
the one line said per source. Exit 0 when every source was added (or was already there,
unchanged), 1 when some failed (the others are still added), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from story_tui.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, PROG, Exit, Parser, say
from story_tui.story.safety import visible

if TYPE_CHECKING:
    from story_tui.news.add import Known, Outcome
    from story_tui.news.shelf import OnAdded, Shelf

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="the library folder (default: story-tui's own, in your data directory)",
    )


def open_shelf(args: argparse.Namespace) -> Shelf:
    """The library `--library` names (or the default one), created if need be; exit 2 if not."""
    from story_tui.news.shelf import Shelf

    root = Path(args.library) if args.library else None
    if root is not None and root.exists() and not root.is_dir():
        say(sys.stderr, visible(f"{PROG}: error: --library {root}: not a folder"))
        raise Exit(EXIT_USAGE)
    try:
        return Shelf.open(root)
    except OSError as error:
        where = root or "the default library"
        say(sys.stderr, visible(f"{PROG}: error: cannot create {where}: {error.strerror}"))
        raise Exit(EXIT_USAGE) from None


def outcome_line(shelf: Shelf, outcome: Outcome) -> tuple[str, bool]:
    """The line said for one source, and whether it goes to stderr (a failure)."""
    if outcome.status == "failed":
        return visible(f"{PROG}: failed: {outcome.source}: {outcome.detail}"), True
    if outcome.status == "deferred":
        return visible(f"{PROG}: deferred: {outcome.source}: {outcome.detail}"), True
    where = shelf.relative(outcome.path) if outcome.path is not None else outcome.detail
    title = outcome.detail if outcome.path is not None else outcome.source
    return visible(f"{outcome.status:<9}  {where}  {title}"), False


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui add`."""
    parser = Parser(
        prog=f"{PROG} add",
        description=(
            "Add articles to the library as stories: an http(s) address (fetched), a saved web "
            "page, or a text or Markdown file. Each is drafted (quotes, people, figures, "
            "timeline) and written as OUTLET/DATE-TITLE.yaml, never over another story. An "
            "address added again becomes a new edition of its story when the page changed "
            "(What changed shows the difference), and nothing happens when it did not."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="an address or a file")
    add_library_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Add every source; one line each."""
    import asyncio

    from story_tui.news.add import Known
    from story_tui.news.refresh import Run
    from story_tui.news.shelf import LibraryBusy

    shelf = open_shelf(args)
    hook = ThreadHook(shelf)
    addresses = [s for s in args.sources if _SCHEME.match(s) and not Path(s).exists()]
    files = [s for s in args.sources if s not in addresses]
    failed = False

    def said(outcome: Outcome) -> None:
        nonlocal failed
        line, error = outcome_line(shelf, outcome)
        failed = failed or error
        say(sys.stderr if error else sys.stdout, line)

    try:
        with shelf.lock():
            known = Known.of(shelf)
            for source in files:
                said(add_file(shelf, source, known, hook.added))
            if addresses:
                run = Run(shelf, on_added=hook.added, on_outcome=said, known=known)
                asyncio.run(run.add(addresses))
    except LibraryBusy as error:
        say(sys.stderr, visible(f"{PROG}: error: {error}"))
        return EXIT_INVALID
    except OSError as error:  # the library's folder cannot be written (its lock, its memory)
        say(sys.stderr, visible(f"{PROG}: error: cannot write in {shelf.root}: {error.strerror}"))
        return EXIT_USAGE
    finally:
        hook.join()
    return EXIT_INVALID if failed else EXIT_OK


def add_file(shelf: Shelf, source: str, known: Known, added: OnAdded | None = None) -> Outcome:
    """A saved page or a text/Markdown file, added as a story (its canonical link recorded)."""
    from story_tui.draft.input import NoArticle
    from story_tui.news.add import FAILED, Outcome, read_page, store
    from story_tui.news.fetch import FetchError, check_address
    from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
    from story_tui.story.input_file import read_story_bytes

    try:
        data = read_story_bytes(Path(source))
        article = read_page(data, source)
    except StoryUnreadable as error:
        return Outcome(source, FAILED, None, str(error))
    except StoryInvalid as error:
        first = error.diagnostics[0] if error.diagnostics else "not UTF-8 text"
        return Outcome(source, FAILED, None, str(first))
    except NoArticle as error:
        return Outcome(source, FAILED, None, str(error))
    url = None
    if article.url:
        try:
            url = check_address(article.url)
        except FetchError:
            url = None
    return store(shelf, article, source, url, known, on_added=added)


class ThreadHook:
    """Stories added to a library join their threads once the command is done (in one go:
    grouping reads the whole library)."""

    def __init__(self, shelf: Shelf) -> None:
        self.shelf = shelf
        self.paths: list[Path] = []

    def added(self, path: Path) -> None:
        """`Shelf.add_story`'s hook: remember the story (new, or a new edition)."""
        self.paths.append(path)

    def join(self) -> None:
        """Join the stories added to their threads; a problem there is a note, never a stop."""
        if not self.paths:
            return
        try:
            from story_tui.threads.store import open_threads

            open_threads([self.shelf.root])
        except Exception as error:  # grouping must not undo or fail what was added
            say(sys.stderr, visible(f"{PROG}: note: threads not updated: {error}"))
