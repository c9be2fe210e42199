"""`story-tui search QUERY PATH…`: every match across a library, grep-style."""

from __future__ import annotations

import argparse
import json
import sys

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    PROG,
    Parser,
    add_max_bytes,
    add_text_or_json,
)
from story_tui.cli.libraries import add_paths, open_or_exit
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui search`."""
    parser = Parser(
        prog=f"{PROG} search",
        description=(
            "Search the articles of a library of stories for words (the last one may be the "
            "beginning of a word). Case is ignored unless QUERY has a capital; accents always "
            "are. Prints path:line: story-id/section-id/paragraph: context. Exit 0 with hits, "
            "1 without, 2 on error."
        ),
    )
    parser.add_argument("query", metavar="QUERY", help="the words to find")
    add_paths(parser)
    add_text_or_json(parser)
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the hits; exit 0 with hits, 1 without, 2 when no story can be opened."""
    from story_tui.storage.search import search_library

    library = open_or_exit(args.paths, args.max_bytes)
    hits, truncated = search_library(library, args.query)
    if args.format == "json":
        data = {
            "query": args.query,
            "hits": [
                {
                    "path": hit.story.path,
                    "line": hit.line,
                    "story": hit.story.id,
                    "section": hit.location.section,
                    "paragraph": hit.location.paragraph,
                    "start": hit.location.start,
                    "end": hit.location.end,
                    "context": hit.context,
                }
                for hit in hits
            ],
            "truncated": truncated,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out = sys.stdout
        for hit in hits:
            out.write(visible(f"{hit.story.path}:{hit.line}: {hit.where}: {hit.context}") + "\n")
        if truncated:
            sys.stderr.write(f"{PROG}: stopped after {len(hits)} hits\n")
    return EXIT_OK if hits else EXIT_INVALID
