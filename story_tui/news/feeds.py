"""Reading a feed's bytes: RSS 0.9x/1.0/2.0 and Atom with feedparser, JSON Feed by hand.

feedparser is only ever given bytes story-tui fetched itself (`fetch.py`): given a string that
looks like an address, it would fetch it. A link that is not http or https (`file:`, `data:`,
`ftp:`, `javascript:`), on a port of another protocol, or on this computer or its local network
when the feed is not, is skipped with a line. No UI imports.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urljoin

from story_tui.news.fetch import FetchError, check_address

MAX_ENTRIES = 50
"""Entries read from one feed (the first ones: feeds list the newest first)."""


class NotAFeed(Exception):
    """The bytes are not a feed story-tui reads."""


@dataclass(frozen=True)
class Entry:
    """One article a feed lists."""

    url: str
    title: str
    signature: str
    """Changes when the feed says the entry changed (its date, else its title and summary)."""


@dataclass
class Feed:
    """A feed's title and its articles, with a line for each entry skipped."""

    title: str
    entries: list[Entry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _one_line(value: object, limit: int = 200) -> str:
    from story_tui.story.safety import UNSAFE_TEXT

    if not isinstance(value, str):
        return ""
    return " ".join(UNSAFE_TEXT.sub(" ", value).split())[:limit]


def _signature(*parts: object) -> str:
    text = "\x1f".join(str(p) for p in parts if p)
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


def parse_feed(body: bytes, url: str) -> Feed:
    """The feed in `body`, fetched from `url` (relative links are resolved against it).

    Raises:
        NotAFeed: the bytes hold no RSS, Atom or JSON Feed.
    """
    head = body[:512].lstrip()
    if head.startswith(b"{"):
        return _json_feed(body, url)
    import feedparser

    parsed = feedparser.parse(
        _reduced(body),
        response_headers={"content-location": url, "content-type": "application/xml"},
    )
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("not an RSS or Atom feed")
    feed = Feed(_one_line(parsed.feed.get("title")) or url)
    for item in parsed.entries[:MAX_ENTRIES]:
        # dict.get: feedparser's own `get` warns about its updated -> published fallback.
        date = dict.get(item, "updated_parsed") or dict.get(item, "published_parsed")
        stamp = calendar.timegm(date) if date else None
        signature = (
            _signature(stamp) if stamp else _signature(item.get("title"), item.get("summary"))
        )
        _add(feed, item.get("link"), item.get("title"), signature, url)
    return feed


def _add(feed: Feed, link: object, title: object, signature: str, came_from: str) -> None:
    shown = _one_line(title, 80) or "an entry"
    if not isinstance(link, str) or not link.strip():
        feed.skipped.append(f"{shown}: no link")
        return
    try:
        check_address(link, came_from)
    except FetchError as error:
        feed.skipped.append(f"{shown}: skipped {_one_line(link, 60)}: {error.message}")
        return
    feed.entries.append(Entry(link.strip(), _one_line(title) or link.strip(), signature))


FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def discover(body: bytes, url: str) -> str | None:
    """The feed a web page names in its head (`<link rel="alternate" type="application/rss+xml"
    href="…">`, what every feed reader looks for), as an http(s) address; None when it names none.
    """
    from html.parser import HTMLParser

    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag != "link" or found:
                return
            values = {name.lower(): value or "" for name, value in attrs}
            rel = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().strip()
            if "alternate" in rel and kind in FEED_LINK_TYPES and values.get("href"):
                found.append(urljoin(url, values["href"].strip()))

    parser = Links()
    try:
        parser.feed(body[: 512 * 1024].decode("utf-8", errors="replace"))
    except Exception:  # html.parser raises on some broken markup: then there is no feed link
        return None
    if not found:
        return None
    try:
        return check_address(found[0], url)
    except FetchError:
        return None


def _json_feed(body: bytes, url: str) -> Feed:
    try:
        data: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise NotAFeed("not valid JSON") from None
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not version.startswith("https://jsonfeed.org/version/"):
        raise NotAFeed("not a JSON Feed (no jsonfeed.org version)")
    feed = Feed(_one_line(data.get("title")) or url)
    items = data.get("items")
    for item in items[:MAX_ENTRIES] if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if isinstance(link, str):
            link = urljoin(url, link)
        date = item.get("date_modified") or item.get("date_published")
        signature = _signature(date) if date else _signature(item.get("title"), item.get("id"))
        _add(feed, link, item.get("title"), signature, url)
    return feed


_ENTRY = frozenset({"item", "entry"})
_FIELDS = frozenset(
    {"title", "link", "id", "guid", "pubdate", "published", "updated", "modified", "date"}
    | {"issued", "created", "summary", "description"}
)
_TEXT_LIMIT = 2000
_LOOSE_BYTES = 1024 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.S | re.I)
_ENTRY_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>", re.I)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2].lower()


def _reduced(body: bytes) -> bytes:
    """What feedparser is given: the feed with only what story-tui reads from it.

    feedparser takes minutes on some feeds within the size limit (100,000 entries: 50 s;
    100,000 categories in one entry: 20 s; 8 MB of escaped HTML in a description, which it
    sanitizes: 60 s), and expands declared entities up to expat's limit. Those declarations
    are dropped first. A well-formed feed is copied by expat (C, one pass, stopping after the
    entries read) into a small one: the feed's title and link, and in each of the first
    `MAX_ENTRIES` entries its title, links, ids, dates and summary, each at most 2,000
    characters. A feed that is not well-formed XML (an unescaped `&`, an encoding expat does
    not know, an entity left undefined) is given as it is, cut after its
    `MAX_ENTRIES`-th entry and at 1 MB: feedparser's lenient parser reads what is there.
    """
    if b"<!ENTITY" in body[: 64 * 1024]:
        # Declared entities ("billion laughs") are dropped unread; their uses stay as written.
        body = _DOCTYPE.sub(b"", body, count=1)
    copy = _copy(body)
    if copy is not None:
        return copy
    cut = body[:_LOOSE_BYTES]
    for number, match in enumerate(_ENTRY_END.finditer(cut), 1):
        if number == MAX_ENTRIES:
            return cut[: match.end()]
    return cut


def _copy(body: bytes) -> bytes | None:
    """The small copy of a well-formed feed, or None when it is not one."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    stack: list[tuple[ET.Element | None, str]] = []
    entries = in_field = 0
    try:
        for offset in range(0, len(body), 64 * 1024):
            parser.feed(body[offset : offset + 64 * 1024])
            for item in parser.read_events():
                event, element = cast("tuple[str, object]", item)  # typeshed: any event's tuple
                if not isinstance(element, ET.Element):  # only start/end events were asked
                    continue
                if event == "end":
                    copy, role = stack.pop()
                    if role == "field" and copy is not None:
                        in_field -= 1
                        copy.text = "".join(element.itertext())[:_TEXT_LIMIT]
                    if not in_field:
                        element.clear()
                    continue
                local = _local(element.tag)
                if root is None:
                    if local not in ("rss", "feed", "rdf", "channel"):
                        return None
                    root = ET.Element(element.tag, element.attrib)
                    stack.append((root, "container"))
                    continue
                parent, role = stack[-1]
                copy, kind = None, "dropped"
                if parent is not None and role == "container":
                    if local in _ENTRY:
                        if entries == MAX_ENTRIES:
                            return _serialized(root)
                        entries += 1
                        kind = "entry"
                    elif local == "channel":
                        kind = "container"
                    elif local in ("title", "link"):
                        kind = "field"
                elif parent is not None and role == "entry" and local in _FIELDS:
                    kind = "field"
                if kind != "dropped":
                    assert parent is not None
                    copy = ET.SubElement(parent, element.tag, element.attrib)
                if kind == "field" and copy is not None:
                    in_field += 1
                    if copy.get("type", "").lower() in ("xhtml", "application/xhtml+xml"):
                        copy.set("type", "text")  # its markup is flattened to text
                stack.append((copy, kind))
        parser.close()
    except ET.ParseError:
        return None
    return None if root is None else _serialized(root)


def _serialized(root: ET.Element) -> bytes:
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
