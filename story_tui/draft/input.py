"""Reading an article: plain text, Markdown or a saved web page. Plain Python; no UI imports.

`read_article` picks the reader from the file's name and first bytes: `read_text` here, or
`html.read_html`. Both return an `article.Article`; what they share is in `article.py`.
"""

from __future__ import annotations

from story_tui.draft.article import Article, NoArticle, clean_text, split_paragraphs

__all__ = ["Article", "NoArticle", "read_article", "read_text"]


def read_text(text: str, filename: str) -> Article:
    """An article from plain text or Markdown."""
    text, problems = clean_text(text, filename)
    title, paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise NoArticle("no paragraphs of text found")
    return Article(paragraphs, title=title, problems=problems)


def read_article(data: bytes, filename: str) -> Article:
    """An article from a file's bytes: a web page when it looks like HTML, else text/Markdown.

    Raises StoryInvalid for bytes that are not UTF-8 text, NoArticle when nothing is found.
    """
    from story_tui.story.input_file import decode_story_bytes

    head = data[:2048].lstrip().lower()
    if filename.lower().endswith((".html", ".htm", ".xhtml")) or head.startswith(
        (b"<!doctype html", b"<html", b"<?xml")
    ):
        from story_tui.draft.html import read_html

        return read_html(data, filename)
    return read_text(decode_story_bytes(data, filename), filename)
