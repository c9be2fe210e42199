"""`story-tui draft`: a story file from an article, checked before it is written."""

from __future__ import annotations

import argparse
import re
import sys

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
    check_output,
    read_input_bytes,
    say,
    write_output,
)
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.input_file import gunzipped
from story_tui.story.safety import visible
from story_tui.story.spec import SLUG_PATTERN


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui draft`."""
    parser = Parser(
        prog=f"{PROG} draft",
        description=(
            "Draft a story file from an article (plain text, Markdown or a saved web page): "
            "quotes, speakers, people, figures and dates, copied verbatim; guesses marked "
            "'# check:'. A draft that would not validate is never written (exit 1)."
        ),
    )
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        help="the article: .txt, .md, or .html (a saved web page), or - for standard input",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the story file to OUT (default: stdout)"
    )
    parser.add_argument("--id", help="the story id, a slug (default: from the file name)")
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="the article's publication date, YYYY-MM-DD (relative dates such as 'last "
        "Thursday' are read against it; it replaces a web page's own date)",
    )
    parser.add_argument(
        "--paragraphs-per-section",
        type=int,
        default=3,
        metavar="N",
        help="paragraphs per placeholder section when the article has no headings",
    )
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Read, draft, check, and write only a draft that validates."""
    if args.id is not None and not re.match(SLUG_PATTERN, args.id):
        raise UsageError(f"--id must be a slug (lower-case letters, digits, '-'): {args.id!r}")
    if args.paragraphs_per_section < 1:
        raise UsageError("--paragraphs-per-section must be at least 1")
    if args.published is not None:
        from datetime import date

        try:
            date.fromisoformat(args.published)
        except ValueError:
            raise UsageError(
                f"--published must be a date, YYYY-MM-DD: {args.published!r}"
            ) from None
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", args.published):
            raise UsageError(f"--published must be a date, YYYY-MM-DD: {args.published!r}")
    check_output(args.output, args.article)
    name = STDIN_NAME if args.article == STDIN else args.article
    try:
        data = gunzipped(read_input_bytes(args.article, args.max_bytes), name, args.max_bytes)
    except StoryUnreadable as error:
        say(sys.stderr, visible(f"{PROG}: error: {error}"))
        return EXIT_USAGE
    except StoryInvalid as error:
        # too large, or damaged gzip: refused before the drafter is imported
        for diagnostic in error.diagnostics:
            say(sys.stderr, visible(str(diagnostic)))
        return EXIT_INVALID
    from story_tui.draft.core import make_draft
    from story_tui.draft.input import NoArticle, read_article
    from story_tui.draft.write import summary, validated

    try:
        article = read_article(data, name)
    except StoryInvalid as error:  # not UTF-8 text
        for diagnostic in error.diagnostics:
            say(sys.stderr, visible(str(diagnostic)))
        return EXIT_INVALID
    except NoArticle as error:
        say(sys.stderr, visible(f"{PROG}: error: {name}: {error}; nothing drafted"))
        return EXIT_INVALID
    if args.published is not None:
        article.published = args.published
        if article.updated and article.updated < args.published:
            article.updated = None
    for problem in article.problems:
        say(sys.stderr, visible(problem))
    draft = make_draft(article, args.paragraphs_per_section)
    story_id = args.id or _default_id(args.article, article.title)
    try:
        written = validated(draft, story_id, args.output or "<draft>")
    except StoryInvalid as error:
        say(sys.stderr, f"{PROG}: error: the draft would not validate, so nothing was written:")
        for diagnostic in error.diagnostics:
            say(sys.stderr, visible(f"  {diagnostic}"))
        return EXIT_INVALID
    say(sys.stderr, visible(summary(draft, written)))
    write_output(written.text, args.output)
    return EXIT_OK


def _default_id(path: str, title: str | None) -> str:
    """The story id from the file name (`page.html.gz` -> `page`), or from the headline for
    standard input."""
    from pathlib import Path

    from story_tui.draft.model import slug

    if path != STDIN:
        name = Path(path)
        return slug((name.with_suffix("") if name.suffix.lower() == ".gz" else name).stem)
    return slug(title) if title else "story"
