"""Reading a saved web page: its main text and metadata, with trafilatura. Plain Python.

trafilatura finds the article in the page (dropping menus, footers, comments and link lists),
first favouring precision; when that keeps too little (a few dozen words where a recall-oriented
extraction finds at least twice as many), the recall-oriented extraction is used. The headline
and published date (htmldate) come from trafilatura; the outlet, authors, modified date and
address from the page's own metadata (pagemeta.py). The extractor's Markdown escapes (`\\[`,
`\\_`, `\\*`) and emphasis marks never reach the article text. Nothing is fetched.
"""

from __future__ import annotations

import re
from typing import Any

from story_tui.draft.article import Article, NoArticle, clean_text, split_paragraphs
from story_tui.draft.pagemeta import read_meta, registered_domain

_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_MIN_WORDS = 40
"""A page whose main text has fewer words holds no article (an index of links, a login wall)."""
_SHORT_WORDS = 15
"""A shorter text is an article only when it reads as prose (a news brief of two sentences)."""
_WALL = re.compile(
    r"(?i)\b(?:subscribe|subscriber|log\s?in|sign\s?in|sign\s?up|register|cookies?|javascript|"
    r"paywall|page not found|404|access denied|enable|browser)\b"
)
_FEW_WORDS = 120
"""A precise extraction this short is checked against a recall-oriented one."""


def _extract(data: bytes, precise: bool) -> Any:
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        return trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=True,
            favor_precision=precise,
            favor_recall=not precise,
            # The date from the page's markup and address only: a year in the text is no
            # publication date.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception:  # trafilatura raises various errors on pages it cannot parse
        return None


def _words(document: Any) -> int:
    body = getattr(document, "text", None) if document is not None else None
    return len(body.split()) if isinstance(body, str) else 0


def _prose_words(document: Any) -> int:
    """Words in lines that read as prose (8 words or more): a list of links has none."""
    body = getattr(document, "text", None) if document is not None else None
    if not isinstance(body, str):
        return 0
    counts = (len(line.split()) for line in body.splitlines())
    return sum(count for count in counts if count >= 8)


def _enough(document: Any) -> bool:
    """Text enough for an article: 40 words, or a short brief of prose that is no login wall."""
    body = getattr(document, "text", None) if document is not None else None
    if not isinstance(body, str):
        return False
    words = len(body.split())
    return words >= _MIN_WORDS or (
        words >= _SHORT_WORDS
        and _prose_words(document) >= 8
        and re.search(r"[.!?][”\"’']?\s*$", body.strip()) is not None
        and not _WALL.search(body)
    )


def read_html(data: bytes, filename: str) -> Article:
    """The article in a saved web page."""
    document = _extract(data, precise=True)
    if _words(document) < _FEW_WORDS:
        wider = _extract(data, precise=False)
        if _prose_words(wider) >= max(2 * _words(document), _SHORT_WORDS) and _enough(wider):
            document = wider
    body = getattr(document, "text", None) if document is not None else None
    if not body or not _enough(document):
        raise NoArticle("no article found in the page (a list of links, a login wall?)")
    text, problems = clean_text(plain(body), filename)
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
    meta = read_meta(data)
    date = getattr(document, "date", None)
    published = date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None
    published = meta.published or published
    updated = meta.modified if meta.modified and meta.modified != published else None
    if updated and published and updated < published:
        updated = None
    url = meta.url or _one_line(getattr(document, "url", None))
    authors = [a for a in (_one_line(a) for a in meta.authors) if a]
    return Article(
        paragraphs,
        title=title,
        published=published,
        outlet=_one_line(meta.outlet(url) or registered_domain(url)),
        byline=", ".join(authors) or None,
        url=url,
        authors=authors,
        updated=updated,
        problems=problems,
    )


def plain(markdown: str) -> str:
    """trafilatura's Markdown without its emphasis marks and escapes (headings stay: they make
    sections). An escaped character is set aside while the emphasis marks are removed, so `\\*`
    stays a literal star."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(1))
        return f"\x00{len(kept) - 1}\x00"

    text = _ESCAPE.sub(keep, markdown.replace("\x00", ""))
    text = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _one_line(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    from story_tui.story.safety import UNSAFE_TEXT

    return " ".join(UNSAFE_TEXT.sub("", value).split())[:200] or None
