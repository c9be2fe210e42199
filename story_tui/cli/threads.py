"""`story-tui threads PATH…`: the library's stories grouped into developing stories (threads)."""

from __future__ import annotations

import argparse
import json
import sys

from story_tui.cli.common import EXIT_OK, PROG, Parser, add_max_bytes, add_text_or_json, say
from story_tui.cli.libraries import add_paths, open_or_exit
from story_tui.story.formatting import plural
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui threads`."""
    parser = Parser(
        prog=f"{PROG} threads",
        description=(
            "Group a library's stories into threads (the articles of one developing story, "
            "across outlets and days) and print each with its stories in time order, its people "
            "(one entry per person, every quote) and its merged timeline. The grouping is kept "
            "between runs: new stories join the best thread; corrections made in the library "
            "(threads.txt in its folder) always hold."
        ),
    )
    add_paths(parser)
    add_text_or_json(parser)
    add_max_bytes(parser)
    parser.add_argument(
        "--regroup",
        action="store_true",
        help="group every story again from scratch (the corrections still hold)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the threads; exit 2 when no story can be opened."""
    from story_tui.threads.store import open_threads

    library = open_or_exit(args.paths, args.max_bytes)
    found = open_threads(args.paths, args.max_bytes, library)
    for problem in found.problems:
        say(sys.stderr, visible(f"{PROG}: {problem}"))
    if args.regroup:
        found.regroup()
    threads = found.threads
    if args.format == "json":
        data = {"threads": [thread.to_json() for thread in threads]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    from story_tui.threads.merge import describe_change
    from story_tui.threads.view import people_shown, person_counts, span_text

    for thread in threads:
        head = f"{thread.title}  ·  {plural(len(thread.stories), 'story', 'stories')}"
        span = span_text(thread)
        if span:
            head += f"  ·  {span}"
        lines = [head, f"  thread: {thread.id}"]
        for member in thread.stories:
            when = member.story.published.isoformat() if member.story.published else "undated   "
            lines.append(f"  {when}  {member.story.title}  ({member.path})")
        people = people_shown(thread)[:6]
        if people:
            shown = ", ".join(f"{p.name} ({person_counts(p).replace(' · ', ', ')})" for p in people)
            lines.append(f"  people: {shown}")
        for change in thread.figures[:3]:
            lines.append(f"  {change.label}: {describe_change(change)}")
        sys.stdout.write(visible("\n".join(lines)) + "\n\n")
    return EXIT_OK
