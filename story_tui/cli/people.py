"""`story-tui people PATH…`: everyone across a library, the same person merged across stories."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from story_tui.cli.common import EXIT_OK, PROG, Parser, add_max_bytes, add_text_or_json
from story_tui.cli.libraries import add_paths, open_or_exit
from story_tui.story.formatting import guess_suffix, quotes_across
from story_tui.story.safety import visible

if TYPE_CHECKING:
    from story_tui.storage.library import Library
    from story_tui.storage.rows import StoryRow


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui people`."""
    parser = Parser(
        prog=f"{PROG} people",
        description=(
            "List the people of a library of stories: one entry per person (the same person when "
            "a same_as URI is shared, otherwise when the full name matches), with the stories "
            "they appear in and how many quotes they have."
        ),
    )
    add_paths(parser)
    add_text_or_json(parser)
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the people; exit 2 when no story can be opened."""
    from story_tui.storage.library import people_across

    library = open_or_exit(args.paths, args.max_bytes)
    people = people_across(library)
    if args.format == "json":
        data = {
            "people": [
                {
                    "name": p.name,
                    "same_as": list(p.same_as),
                    "stories": [row.id for row in p.stories],
                    "paths": [row.path for row in p.stories],
                    "quotes": p.quotes,
                    "unconfirmed": p.unconfirmed,
                }
                for p in people
            ]
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for person in people:
        ids = [_named(library, row) for row in person.stories]
        mark = guess_suffix(person.unconfirmed > 0)
        counts = quotes_across(person.quotes, len(ids), person.unconfirmed)
        line = f"{person.name}{mark}: {counts} ({', '.join(ids)})"
        sys.stdout.write(visible(line) + "\n")
    return EXIT_OK


def _named(library: Library, row: StoryRow) -> str:
    """A story's id, with its path when another file has the same title or id."""
    path = library.shown_path(row)
    return f"{row.id} ({path})" if path else row.id or ""
