"""What a saved web page says about itself: publisher, authors, dates, address. Plain Python.

Read from the page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, … and their `@graph`)
and its `<meta>` and `<link>` tags, never from the body text, so a byline, a credit line or a
"Related" list cannot become an author. The outlet is the article's `publisher`, else the page's
`og:site_name`, else the site's registered domain (`ap.org` for hosted.ap.org: never a word taken
from a subdomain). Nothing is fetched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Posting|Report|NewsArticle)$")
_PERSON_NAME = re.compile(r"[^\W\d_][\w’'.-]*(?:\s+[^\W\d_][\w’'.-]*){0,4}")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\band\b|&|\||(?<=\w\w)\.\s)\s*")
_NOT_PERSON = re.compile(
    r"(?i)\b(?:writer|writers|staff|reports?|bureau|editor|editors|editorial|press|news|business|"
    r"desk|correspondent|team|international|insider|media|online|wire|agency|service|magazine|"
    r"associated|contributors?|guest|admin|newsroom|digital)\b|^(?:the|a|an)\s|(?-i:^[A-Z]{2,5}\s)"
)
_DATE = re.compile(r"(\d{4}-\d\d-\d\d)")
_NOT_OUTLET = re.compile(r"(?i)^(?:copyright|©|\(c\)|all rights|home\b|homepage\b)")


@dataclass
class PageMeta:
    """What the page's metadata says."""

    publisher: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    url: str | None = None

    def outlet(self, fallback_url: str | None = None) -> str | None:
        """The publisher, else the site name, else the registered domain of the page's address."""
        url = self.url or fallback_url
        for candidate in (self.publisher, self.site_name):
            name = _outlet_name(candidate, url)
            if name:
                return name
        return registered_domain(url)


def registered_domain(url: str | None) -> str | None:
    """`ap.org` for `https://hosted.ap.org/…`, `bbc.co.uk` for `https://www.bbc.co.uk/…`."""
    if not url or not re.match(r"(?i)https?://", url):
        return None
    try:
        from courlan import extract_domain

        domain = extract_domain(url)
    except Exception:  # courlan/tld raise on odd hosts
        domain = None
    return domain or None


def _outlet_name(value: str | None, url: str | None) -> str | None:
    """A publisher or site name as an outlet, or None when it names no outlet: a copyright line,
    a handle (`@politifact`), a word from the address's subdomain (`Hosted` on hosted.ap.org), a
    section (`U.S.` on reuters.com). A lower-case one-word name (`nj`) gives the domain."""
    if not value:
        return None
    value = " ".join(value.split())
    if re.match(r"(?i)https?://", value):
        return registered_domain(value)
    value = re.split(r"\s+[|–—]\s+", value)[0]
    if _NOT_OUTLET.match(value) or value.startswith("@") or len(value) > 60:
        return None
    bare = re.sub(r"\W", "", value).lower()
    if not bare:
        return None
    domain = registered_domain(url)
    if domain and url:
        host = re.sub(r"(?i)^https?://", "", url).split("/")[0].split(":")[0].lower()
        subdomains = host[: -len(domain)].strip(".").split(".") if host.endswith(domain) else []
        if bare in subdomains and bare != "www":
            return None
        if len(bare) <= 4 and bare not in re.sub(r"\W", "", domain):
            return None
        if " " not in value and value == value.lower() and bare in re.sub(r"\W", "", domain):
            return domain
    return value


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _objects(value: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object in a script's value (lists and `@graph` flattened)."""
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack and len(found) < 200:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return found


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def person_names(value: Any) -> list[str]:
    """Names of the people in a JSON-LD `author` or a `<meta name="author">` value."""
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        value_name = item
        if isinstance(item, dict):
            if any(t in ("Organization", "NewsMediaOrganization") for t in _types(item)):
                continue
            value_name = item.get("name")
        if not isinstance(value_name, str):
            continue
        text = re.sub(r"(?i)^\s*(?:by|written by|from)\s+", "", " ".join(value_name.split()))
        if re.search(r"(?i)https?:|www\.|@|\d", text):
            continue
        for raw in _SPLIT_NAMES.split(text):
            part = raw.strip(" .")
            if part.isupper() and " " in part:
                part = " ".join(w.capitalize() for w in part.split())
            if _NOT_PERSON.search(part):
                continue
            words = part.split()
            if (
                2 <= len(words) <= 5
                and _PERSON_NAME.fullmatch(part)
                and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)
                and part not in names
            ):
                names.append(part)
    return names


_PARTICLES = frozenset(
    "de da del della di van von der den la le dos das du bin al el ter ten".split()
)


def read_meta(data: bytes) -> PageMeta:
    """The page's own metadata (an empty PageMeta when the page cannot be parsed)."""
    meta = PageMeta()
    try:
        import lxml.html  # type: ignore[import-untyped]

        tree = lxml.html.fromstring(data)
    except Exception:  # lxml raises on empty or broken documents
        return meta
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if key and content and key not in tags:
            tags[key] = content
    canonical = None
    for node in tree.iter("link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            canonical = node.get("href")
            break
    article: dict[str, Any] | None = None
    site: str | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            value = json.loads(script.text, strict=False)
        except ValueError:
            continue
        for obj in _objects(value):
            types = _types(obj)
            if article is None and any(_ARTICLE_TYPE.search(t) for t in types):
                article = obj
            if site is None and "WebSite" in types:
                site = _text(obj.get("name"))
    if article is not None:
        meta.publisher = _text(article.get("publisher"))
        meta.authors = person_names(article.get("author"))
        meta.published = _date(article.get("datePublished"))
        meta.modified = _date(article.get("dateModified"))
        url = article.get("url") or _text(article.get("mainEntityOfPage"))
        if isinstance(article.get("mainEntityOfPage"), dict):
            url = url or article["mainEntityOfPage"].get("@id")
        meta.url = url if isinstance(url, str) and re.match(r"(?i)https?://", url) else None
    meta.site_name = tags.get("og:site_name") or site
    if not meta.authors:
        meta.authors = person_names(tags.get("author"))
    meta.modified = meta.modified or _date(
        tags.get("article:modified_time") or tags.get("og:updated_time") or tags.get("datemodified")
    )
    for candidate in (canonical, tags.get("og:url"), meta.url):
        if candidate and re.match(r"(?i)https?://\S+$", candidate):
            meta.url = candidate
            break
    return meta


def _date(value: Any) -> str | None:
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None or not "1900" <= match.group(1) <= "2100":
        return None  # `0001-01-01`: a page template's empty date
    return match.group(1)
