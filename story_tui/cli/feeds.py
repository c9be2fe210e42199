"""`story-tui follow FEED…`, `unfollow FEED…` and `feeds`: what a library follows.

The list is the library's `feeds.opml` (OPML 2.0, what every feed reader imports and exports):
`follow --opml FILE` imports one, `feeds --opml` writes it. `follow` checks each address is a
feed before following it; `feeds` shows each feed's last result.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from story_tui.cli.add import add_library_option, open_shelf
from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Exit,
    Parser,
    UsageError,
    say,
)
from story_tui.story.safety import visible

if TYPE_CHECKING:
    import httpx

    from story_tui.news.opml import Followed
    from story_tui.news.shelf import Shelf


def followed_or_exit(shelf: Shelf) -> list[Followed]:
    """What the library follows; a damaged feeds file is said in one line (exit 1)."""
    from story_tui.news.opml import BadOpml

    try:
        return shelf.feeds()
    except BadOpml as error:
        say(sys.stderr, visible(f"{PROG}: error: {error}"))
        raise Exit(EXIT_INVALID) from None


def build_follow_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui follow`."""
    parser = Parser(
        prog=f"{PROG} follow",
        description="Follow RSS, Atom or JSON feeds: `story-tui refresh` adds their articles "
        "to the library as stories.",
    )
    parser.add_argument("feeds", nargs="*", metavar="FEED", help="a feed's http(s) address")
    parser.add_argument(
        "--opml", metavar="FILE", help="follow every feed an OPML file lists (- for stdin)"
    )
    add_library_option(parser)
    return parser


def build_unfollow_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui unfollow`."""
    parser = Parser(prog=f"{PROG} unfollow", description="Stop following feeds.")
    parser.add_argument("feeds", nargs="+", metavar="FEED", help="a feed's address or title")
    add_library_option(parser)
    return parser


def build_feeds_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui feeds`."""
    parser = Parser(
        prog=f"{PROG} feeds",
        description="List the feeds the library follows, with each one's last result.",
    )
    parser.add_argument("--opml", action="store_true", help="write the list as OPML on stdout")
    add_library_option(parser)
    return parser


def run_follow(args: argparse.Namespace) -> int:
    """Follow each feed that answers as a feed; one line each."""
    import asyncio

    from story_tui.news.opml import BadOpml, Followed, read_opml

    if not args.feeds and not args.opml:
        raise UsageError("give a FEED address or --opml FILE")
    shelf = open_shelf(args)
    feeds = followed_or_exit(shelf)
    followed = {f.url for f in feeds}
    failed = False
    if args.opml:
        try:
            if args.opml == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(args.opml, "rb") as handle:
                    data = handle.read()
            imported = read_opml(data)
        except OSError as error:
            say(sys.stderr, visible(f"{PROG}: error: cannot read {args.opml}: {error.strerror}"))
            return EXIT_USAGE
        except BadOpml as error:
            say(sys.stderr, visible(f"{PROG}: error: {args.opml}: {error}"))
            return EXIT_USAGE
        fresh = [f for f in imported if f.url not in followed]
        feeds += fresh
        followed |= {f.url for f in fresh}
        say(
            sys.stdout,
            visible(
                f"following {len(fresh)} feeds from {args.opml} "
                f"({len(imported) - len(fresh)} already followed)"
            ),
        )
    wanted = [url for url in dict.fromkeys(args.feeds) if url not in followed]
    for url in args.feeds:
        if url in followed and url not in wanted:
            say(sys.stdout, visible(f"already following {url}"))
    for url, address, title, problem in asyncio.run(_check_feeds(wanted)):
        if problem is not None:
            failed = True
            say(sys.stderr, visible(f"{PROG}: failed: {url}: {problem}; not followed"))
            continue
        found = f" (named by {url})" if address != url else ""
        if address in followed:
            say(sys.stdout, visible(f"already following {address}{found}"))
            continue
        followed.add(address)
        feeds.append(Followed(address, title))
        say(sys.stdout, visible(f"following {title}  {address}{found}"))
    try:
        shelf.save_feeds(feeds)
    except OSError as error:
        say(
            sys.stderr, visible(f"{PROG}: error: cannot write {shelf.feeds_path}: {error.strerror}")
        )
        return EXIT_INVALID
    if not failed:
        say(sys.stderr, f"{PROG}: run '{PROG} refresh' to add their articles to the library")
    return EXIT_INVALID if failed else EXIT_OK


async def _check_feeds(urls: list[str]) -> list[tuple[str, str, str, str | None]]:
    """(address given, feed address, title, problem) for each address: fetched and read as a
    feed; a web page that names its feed (`<link rel="alternate" …>`) gives that feed."""
    import asyncio

    from story_tui.news.feeds import NotAFeed, discover, parse_feed
    from story_tui.news.fetch import FEED_TYPES, Fetched, FetchError, fetch, new_client

    async def check(client: httpx.AsyncClient, url: str) -> tuple[str, str, str, str | None]:
        address = url
        try:
            result = await fetch(client, url, FEED_TYPES)
            assert isinstance(result, Fetched)
            try:
                feed = parse_feed(result.body, result.url)
            except NotAFeed:
                named = discover(result.body, result.url) if "html" in result.content_type else None
                if named is None:
                    raise
                address = named
                result = await fetch(client, named, FEED_TYPES)
                assert isinstance(result, Fetched)
                feed = parse_feed(result.body, result.url)
        except (FetchError, NotAFeed) as error:
            return url, address, "", str(error)
        return url, address, feed.title, None

    if not urls:
        return []
    async with new_client() as client:
        return list(await asyncio.gather(*(check(client, url) for url in urls)))


def run_unfollow(args: argparse.Namespace) -> int:
    """Stop following each feed named by address or title."""
    shelf = open_shelf(args)
    feeds = followed_or_exit(shelf)
    memory = shelf.memory()
    failed = False
    for name in args.feeds:
        match = [
            f for f in feeds if name in (f.url, f.title) or name.casefold() == f.title.casefold()
        ]
        if not match:
            failed = True
            say(sys.stderr, visible(f"{PROG}: error: not following {name}"))
            continue
        for feed in match:
            feeds.remove(feed)
            memory.addresses.pop(feed.url, None)
            say(sys.stdout, visible(f"unfollowed {feed.title or feed.url}  {feed.url}"))
    try:
        shelf.save_feeds(feeds)
        memory.save()
    except OSError as error:
        say(sys.stderr, visible(f"{PROG}: error: cannot write in {shelf.root}: {error.strerror}"))
        return EXIT_INVALID
    return EXIT_INVALID if failed else EXIT_OK


def run_feeds(args: argparse.Namespace) -> int:
    """List the feeds (or write them as OPML)."""
    from story_tui.news.opml import write_opml

    shelf = open_shelf(args)
    feeds = followed_or_exit(shelf)
    if args.opml:
        sys.stdout.write(write_opml(feeds))
        return EXIT_OK
    if not feeds:
        say(sys.stderr, f"{PROG}: no feeds followed; follow one with '{PROG} follow ADDRESS'")
        return EXIT_OK
    memory = shelf.memory()
    for feed in feeds:
        record = memory.addresses.get(feed.url)
        if record is None or record.checked is None:
            last = "never refreshed"
        else:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(record.checked))
            last = f"{when}: {record.result}"
        say(sys.stdout, visible(f"{feed.title or feed.url}  {feed.url}  ({last})"))
    return EXIT_OK
