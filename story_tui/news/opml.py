"""The followed list as OPML 2.0, the file every feed reader imports and exports. No UI imports.

A library keeps what it follows in `feeds.opml`: one `<outline>` per feed, with its address
(`xmlUrl`) and title. Reading refuses a document type declaration (so no entity expansion) and
takes every outline with an `xmlUrl`, however deeply nested in categories.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

MAX_OPML_BYTES = 4 * 1024 * 1024


class BadOpml(Exception):
    """Not an OPML file story-tui reads (the message says why, in one line)."""


@dataclass(frozen=True)
class Followed:
    """One feed the library follows."""

    url: str
    title: str = ""


def read_opml(data: bytes) -> list[Followed]:
    """Every feed an OPML document lists, in document order, each address once.

    Raises:
        BadOpml: not XML, a DOCTYPE (refused), too large, or no `<opml>` root.
    """
    if len(data) > MAX_OPML_BYTES:
        raise BadOpml(f"larger than {MAX_OPML_BYTES:,} bytes")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise BadOpml("a document type declaration is not accepted in OPML")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise BadOpml(f"not well-formed XML ({error})") from None
    if root.tag.lower() != "opml":
        raise BadOpml(f"the root element is <{root.tag}>, not <opml>")
    found: dict[str, Followed] = {}
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in found:
            title = outline.get("title") or outline.get("text") or ""
            found[url] = Followed(url, " ".join(title.split()))
    return list(found.values())


def write_opml(feeds: list[Followed], title: str = "story-tui: followed feeds") -> str:
    """The feeds as an OPML 2.0 document."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{escape(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        name = quoteattr(feed.title or feed.url)
        lines.append(
            f'    <outline type="rss" text={name} title={name} xmlUrl={quoteattr(feed.url)}/>'
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
