"""Reading a saved web page: its main text and metadata, with trafilatura. Plain Python.

trafilatura finds the article in the page (dropping menus, footers, comments and link lists)
and reads the headline, published date (htmldate), outlet and byline from the page's metadata,
JSON-LD `NewsArticle` included. Nothing is fetched: the page is read from the file alone.
"""

from __future__ import annotations

import re

from story_tui.draft.input import Article, NoArticle, clean_text, split_paragraphs

_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])")
_MIN_WORDS = 40
"""A page whose main text has fewer words holds no article (an index of links, a login wall)."""


def read_html(data: bytes, filename: str) -> Article:
    """The article in a saved web page."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=True,
            favor_precision=True,
        )
    except Exception:  # trafilatura raises various errors on pages it cannot parse
        document = None
    body = getattr(document, "text", None) if document is not None else None
    if not body or len(body.split()) < _MIN_WORDS:
        raise NoArticle("no article found in the page (a list of links, a login wall?)")
    text, problems = clean_text(_plain(body), filename)
    title, paragraphs = split_paragraphs(text)
    headline = getattr(document, "title", None)
    if headline:
        headline, _ = clean_text(headline, filename)
        headline = " ".join(headline.split())
        if paragraphs and paragraphs[0][1] == headline:
            paragraphs = paragraphs[1:]
        title = headline or title
    if not paragraphs:
        raise NoArticle("no article found in the page (a list of links, a login wall?)")
    date = getattr(document, "date", None)
    return Article(
        paragraphs,
        title=title,
        published=date
        if isinstance(date, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", date)
        else None,
        outlet=_one_line(getattr(document, "sitename", None)),
        byline=_one_line(getattr(document, "author", None)),
        url=_one_line(getattr(document, "url", None)),
        problems=problems,
    )


def _plain(markdown: str) -> str:
    """trafilatura's Markdown without its emphasis marks (headings stay: they make sections)."""
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", markdown))


def _one_line(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    from story_tui.story.safety import UNSAFE_TEXT

    return " ".join(UNSAFE_TEXT.sub("", value).split())[:200] or None
