"""An article becomes a story in a library: a new file, a new edition, or nothing when unchanged.

`store(...)` is plain, synchronous work (drafting and rebasing take CPU): `add` and `refresh`
run it beside their fetching. Whatever fails (no article in the page, a draft that would not
validate, a story that no longer validates, a full disk) leaves the library as it was: every
file is written whole and only once it validates. No UI imports.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from story_tui.news.shelf import OnAdded, Shelf
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable

if TYPE_CHECKING:  # the drafter is imported when there is something to draft (start-up time)
    from story_tui.draft.input import Article

NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"


@dataclass
class Outcome:
    """What adding one source did."""

    source: str
    status: str
    path: Path | None = None
    detail: str = ""
    """The story's title, or why it failed."""

    @property
    def ok(self) -> bool:
        return self.status != FAILED


@dataclass
class Known:
    """The library's stories by address, and the ids taken (read once per command)."""

    urls: dict[str, Path] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, shelf: Shelf) -> Known:
        urls, ids = shelf.scan()
        return cls(urls, ids)


def read_page(body: bytes, name: str, content_type: str = "") -> Article:
    """The article in a fetched page or a file's bytes.

    Raises:
        NoArticle: no article in it.
        StoryInvalid: text that is not UTF-8.
    """
    from story_tui.draft.input import read_article

    if content_type in ("text/html", "application/xhtml+xml"):
        from story_tui.draft.html import read_html

        return read_html(body, name)
    return read_article(body, name)


def canonical(article: Article, fetched_url: str) -> str:
    """The article's address: the page's own canonical link when it is on the same host."""
    claimed = article.url
    if (
        claimed
        and urlsplit(claimed).scheme in ("http", "https")
        and urlsplit(claimed).hostname == urlsplit(fetched_url).hostname
    ):
        return claimed
    return fetched_url


def outlet_folder(article: Article, url: str | None) -> str:
    """The folder a story goes in: the outlet's name, else the site's host, as a slug."""
    from story_tui.draft.model import slug

    if article.outlet:
        return slug(article.outlet)[:40].strip("-") or "web"
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    return slug(host)[:40].strip("-") if host else "articles"


def store(
    shelf: Shelf,
    article: Article,
    source: str,
    url: str | None,
    known: Known,
    *,
    on_added: OnAdded | None = None,
    also: str | None = None,
) -> Outcome:
    """Add the article to the library, or make a new edition of its story, or nothing.

    `url` is recorded in the story; `also` is another address the story is known by (the one
    the reader gave, before redirects).
    """
    from story_tui.draft.input import NoArticle

    existing = None
    for address in (url, also):
        if address and address in known.urls:
            existing = known.urls[address]
            break
    try:
        if existing is not None:
            return _new_edition(existing, article, source, url or also, on_added)
        return _new_story(shelf, article, source, url, known=known, on_added=on_added)
    except StoryInvalid as error:
        first = error.diagnostics[0] if error.diagnostics else "invalid"
        return Outcome(source, FAILED, existing, f"the story would not validate ({first})")
    except (StoryUnreadable, NoArticle) as error:
        return Outcome(source, FAILED, existing, str(error))
    except OSError as error:
        return Outcome(source, FAILED, existing, f"cannot write: {error.strerror or error}")


def _new_story(
    shelf: Shelf,
    article: Article,
    source: str,
    url: str | None,
    *,
    known: Known,
    on_added: OnAdded | None,
) -> Outcome:
    from story_tui.draft.core import make_draft
    from story_tui.draft.model import slug, unique_id
    from story_tui.draft.write import validated
    from story_tui.story.loader import check_story

    draft = make_draft(article)
    title_slug = slug(draft.title)[:60].rstrip("-")
    story_id = unique_id(title_slug, known.ids)
    written = validated(draft, story_id, "<draft>")  # checked: it validates
    text = with_url(written.text, url) if url else written.text
    if text != written.text:  # the draft had no url of its own (it writes article.url)
        check_story(text, "<draft>")
    date = article.published or dt.datetime.now(dt.UTC).date().isoformat()
    path = shelf.add_story(text, outlet_folder(article, url), date, title_slug, on_added)
    if url:
        known.urls[url] = path
    return Outcome(source, NEW, path, draft.title)


def _new_edition(
    path: Path, article: Article, source: str, url: str | None, on_added: OnAdded | None
) -> Outcome:
    from story_tui.storage.cache import edition_key
    from story_tui.storage.editions import save_edition
    from story_tui.storage.files import write_atomic
    from story_tui.story.input_file import decode_story_bytes, read_story_bytes
    from story_tui.story.loader import check_story, parse_story
    from story_tui.story.rebase import rebase

    data = read_story_bytes(path)
    story = parse_story(decode_story_bytes(data, str(path)), str(path))
    old = [p for section in story.sections for p in section.paragraphs]
    new = [text for _heading, text in article.paragraphs]
    if old == new:
        return Outcome(source, UNCHANGED, path, f"{story.title} (the same text)")
    result = rebase(story, new)
    text = with_updated(result.text, dt.datetime.now(dt.UTC).date().isoformat())
    if url:
        text = with_url(text, url)
    check_story(text, str(path))
    # The edition the reader may have read stays listable in What changed.
    save_edition(story, edition_key(data))
    write_atomic(path, text)
    if on_added is not None:
        on_added(path)
    detail = story.title
    if result.lost or result.changed:
        detail += f" ({result.changed} changed, {result.lost} lost: see its # check comments)"
    return Outcome(source, UPDATED, path, detail)


_ID_LINE = re.compile(r"^id:.*$", re.M)


def with_url(text: str, url: str) -> str:
    """The story text with a top-level `url` (after `id:`), unless it has one."""
    if re.search(r"^url:", text, re.M):
        return text
    line = f"url: {json.dumps(url, ensure_ascii=False)}"
    match = _ID_LINE.search(text)
    if match is None:  # pragma: no cover - every written story has an id
        return text
    return text[: match.end()] + "\n" + line + text[match.end() :]


def with_updated(text: str, date: str) -> str:
    """The story text with `updated:` set to `date` (replaced, or added after `published:`)."""
    line = f'updated: "{date}"'
    if re.search(r"^updated:", text, re.M):
        return re.sub(r"^updated:.*$", line, text, count=1, flags=re.M)
    anchor = re.search(r"^published:.*$", text, re.M) or _ID_LINE.search(text)
    if anchor is None:  # pragma: no cover
        return text
    return text[: anchor.end()] + "\n" + line + text[anchor.end() :]
