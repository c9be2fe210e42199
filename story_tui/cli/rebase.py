"""`story-tui rebase STORY ARTICLE`: carry a story file over to the edited article."""

from __future__ import annotations

import argparse
import re
import sys

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Exit,
    Parser,
    add_max_bytes,
    check_output,
    load_or_exit,
    output_is_stdout,
    say,
    write_output,
)
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.safety import visible

_STORY_FILE = re.compile(r"^format:\s*\S", re.MULTILINE)


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui rebase`."""
    parser = Parser(
        prog=f"{PROG} rebase",
        description="Re-anchor a story file on the edited article (plain text, Markdown or "
        "another story file); report every item that moved, changed or was lost.",
    )
    parser.add_argument("story", metavar="STORY", help="the story file written for the old text")
    parser.add_argument(
        "article", metavar="ARTICLE", help="the new text: plain text, Markdown or a story file"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the new story file to OUT (default: stdout)"
    )
    add_max_bytes(parser)
    return parser


def read_new_paragraphs(path: str, max_bytes: int) -> list[str]:
    """The new article's paragraphs: a story file's, or an article's read the way `draft` reads it.

    A plain-text article's headline (a first `# ` heading or a first line that reads as one) is
    its title, not a paragraph; Markdown headings and rules are not paragraphs either; a saved web
    page is read for its article text.
    """
    from story_tui.draft.input import NoArticle, read_article
    from story_tui.story.input_file import read_story_text

    try:
        text = read_story_text(path, max_bytes)
    except StoryUnreadable as error:
        say(sys.stderr, f"{PROG}: error: {error}")
        raise Exit(EXIT_USAGE) from None
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            say(sys.stderr, str(diagnostic))
        raise Exit(EXIT_USAGE) from None
    if _STORY_FILE.search(text):
        story = load_or_exit(path, max_bytes)
        return [p for section in story.sections for p in section.paragraphs]
    try:
        article = read_article(text.encode("utf-8"), path)
    except NoArticle:
        say(sys.stderr, visible(f"{PROG}: error: {path}: the article has no text"))
        raise Exit(EXIT_USAGE) from None
    return [paragraph for _heading, paragraph in article.paragraphs]


def run(args: argparse.Namespace) -> int:
    """Write the rebased story; exit 0 when nothing was lost, 1 when something was."""
    from story_tui.story.loader import check_story
    from story_tui.story.rebase import rebase

    check_output(args.output, args.story, args.article)
    story = load_or_exit(args.story, args.max_bytes)
    paragraphs = read_new_paragraphs(args.article, args.max_bytes)
    result = rebase(story, paragraphs)
    try:
        check_story(result.text, args.output or "<rebased>")
    except StoryInvalid as error:  # pragma: no cover - rebase writes only what validates
        for diagnostic in error.diagnostics:
            say(sys.stderr, str(diagnostic))
        say(sys.stderr, f"{PROG}: error: the rebased story does not validate (a bug)")
        return EXIT_USAGE
    write_output(result.text, args.output)
    report = sys.stderr if output_is_stdout(args.output) else sys.stdout
    for line in result.report:
        say(report, visible(line))
    items = len(story.quotes) + len(story.figures) + len(story.timeline)
    say(
        report,
        f"{PROG} rebase: {items} items: {result.moved} moved, {result.changed} changed, "
        f"{result.lost} lost",
    )
    return EXIT_INVALID if result.lost else EXIT_OK
