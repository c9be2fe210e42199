"""Fetching everything a library follows, a few at a time, and adding what is new.

One `Run` serves `add ADDRESS…` and `refresh`, on the command line and in the app: fetches
overlap (at most `parallel` at a time, at most `per_host` on one host), requests are conditional
(ETag, Last-Modified), and drafting (CPU) runs in a thread, one article at a time, while the next
responses arrive. A failure is an `Outcome` naming the address, never an exception; a server
that asked to wait (`Retry-After`) is not asked again before then. Cancelled (ctrl+c), a run
leaves only whole story files, and its memory as of the last address finished. No UI imports.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from story_tui.news.add import FAILED, NEW, UNCHANGED, UPDATED, Known, Outcome, canonical, store
from story_tui.news.add import read_page as _read_page
from story_tui.news.feeds import NotAFeed, parse_feed
from story_tui.news.fetch import (
    FEED_TYPES,
    NOT_MODIFIED,
    PAGE_TYPES,
    Fetched,
    FetchError,
    Limits,
    fetch,
    host_of,
    new_client,
)
from story_tui.news.memory import Memory
from story_tui.news.opml import Followed
from story_tui.news.shelf import OnAdded, Shelf
from story_tui.story.diagnostics import StoryInvalid

if TYPE_CHECKING:
    import httpx

DEFERRED = "deferred"
"""An address not asked this time: its server asked to wait (Retry-After)."""


@dataclass
class Summary:
    """What a run did, counted: stories (`new`, `updated`, `unchanged`) apart from feeds
    (`feeds_unchanged`: a feed with nothing new), and every failure (a story or a feed)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    """Stories fetched again and found the same."""
    deferred: int = 0
    feeds: int = 0
    """Feeds this run asked for (the line says how many were unchanged only when there were)."""
    feeds_unchanged: int = 0
    failed: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Lines about what was skipped (a `javascript:` link in a feed, …)."""

    def count(self, outcome: Outcome, *, feed: bool = False) -> None:
        if outcome.status == NEW:
            self.new += 1
        elif outcome.status == UPDATED:
            self.updated += 1
        elif outcome.status == DEFERRED:
            self.deferred += 1
        elif outcome.status == FAILED:
            self.failed.append(outcome)
        elif feed:
            self.feeds_unchanged += 1
        else:
            self.unchanged += 1

    def line(self) -> str:
        """`3 new, 1 updated stories; 4 feeds unchanged, 2 failed`: `, K unchanged` among the
        stories when an address was fetched again and found the same, the feeds only when
        there were any, and `, 1 deferred` when a server asked to wait."""
        from story_tui.story.formatting import plural

        counts = [f"{self.new} new", f"{self.updated} updated"]
        if self.unchanged:
            counts.append(f"{self.unchanged} unchanged")
        stories = self.new + self.updated + self.unchanged
        text = ", ".join(counts) + (" story" if stories == 1 else " stories")
        if self.feeds:
            text += f"; {plural(self.feeds_unchanged, 'feed')} unchanged"
        text += f", {len(self.failed)} failed"
        if self.deferred:
            text += f", {self.deferred} deferred"
        return text


Progress = Callable[[int, int, str], None]
"""Called with (done, total, what just finished) as a run goes on."""


class Run:
    """One `add` or `refresh` over a library: the shared client, limits, memory and counts."""

    def __init__(
        self,
        shelf: Shelf,
        *,
        limits: Limits | None = None,
        parallel: int = 6,
        per_host: int = 2,
        on_added: OnAdded | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
        progress: Progress | None = None,
        known: Known | None = None,
    ) -> None:
        self.shelf = shelf
        self.limits = limits or Limits()
        self.memory: Memory = shelf.memory()
        self._known = known
        self.summary = Summary()
        self.on_added = on_added
        self.on_outcome = on_outcome
        self.progress = progress
        self.done = 0
        self.total = 0
        self._parallel = asyncio.Semaphore(parallel)
        self._per_host_limit = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._drafting = asyncio.Lock()
        self._pages: dict[str, asyncio.Future[Outcome]] = {}
        """Pages asked for in this run: an address two feeds list is fetched once."""
        self._client: httpx.AsyncClient | None = None

    @property
    def known(self) -> Known:
        """The library's stories by address (read on first need: a refresh where every feed
        answers 304 never reads a story file)."""
        if self._known is None:
            self._known = Known.of(self.shelf)
        return self._known

    # -- the two entry points --------------------------------------------------------------

    async def add(self, addresses: list[str]) -> list[Outcome]:
        """Fetch and add each address (remembered, so `refresh` fetches it again)."""
        self.total += len(addresses)
        async with self._session():
            return list(await asyncio.gather(*(self.page(a, added=True) for a in addresses)))

    async def refresh(self) -> Summary:
        """Every followed feed and every address added by hand; the counts.

        Raises:
            BadOpml: the library's feeds file is damaged (nothing is fetched).
        """
        feeds = self.shelf.feeds()
        added = [url for url, a in self.memory.addresses.items() if a.added]
        self.total += len(feeds) + len(added)
        self.summary.feeds += len(feeds)
        if self.progress is not None:
            self.progress(0, self.total, "starting")
        async with self._session():
            await asyncio.gather(
                *(self.feed(f) for f in feeds), *(self.page(u, added=True) for u in added)
            )
        return self.summary

    # -- one feed, one page ----------------------------------------------------------------

    async def feed(self, followed: Followed) -> Outcome:
        """Fetch a feed; add its new and changed entries; remember its result."""
        url = followed.url
        name = followed.title or url
        record = self.memory.of(url)
        if record.retry_at is not None and record.retry_at > time.time():
            return self._finish(self._deferred(name, record.retry_at), feed=True)
        try:
            async with self._slot(url):
                result = await fetch(self._http, url, FEED_TYPES, record.validators, self.limits)
            if result == NOT_MODIFIED:
                record.record("not modified", True)
                return self._finish(Outcome(name, UNCHANGED, None, url), feed=True)
            assert isinstance(result, Fetched)
            feed = parse_feed(result.body, result.url)
        except FetchError as error:
            record.record(f"failed: {error.message}", False)
            record.retry_at = error.retry_at
            return self._finish(Outcome(name, FAILED, None, error.message), feed=True)
        except NotAFeed as error:
            record.record(f"failed: {error}", False)
            return self._finish(Outcome(name, FAILED, None, str(error)), feed=True)
        record.retry_at = None
        self.summary.notes.extend(f"{name}: {line}" for line in feed.skipped)
        todo = [e for e in feed.entries if record.entries.get(e.url) != e.signature]
        self.total += len(todo)
        outcomes = await asyncio.gather(*(self.page(e.url, via=name) for e in todo))
        seen = {e.url: e.signature for e in feed.entries if e.url in record.entries}
        for entry, outcome in zip(todo, outcomes, strict=True):
            seen.pop(entry.url, None)
            if outcome.ok and outcome.status != DEFERRED:
                seen[entry.url] = entry.signature
        record.entries = seen
        counts = Summary()
        for outcome in outcomes:
            counts.count(outcome)
        words = f"{counts.new} new, {counts.updated} updated"
        if counts.failed:
            words += f", {len(counts.failed)} failed"
        record.record(words, not counts.failed, result.validators)
        self._save_memory()
        status = UNCHANGED if not (counts.new or counts.updated) else "checked"
        return self._finish(Outcome(name, status, None, url), count=status == UNCHANGED, feed=True)

    async def page(self, url: str, *, added: bool = False, via: str | None = None) -> Outcome:
        """Fetch an article; add it as a new story, a new edition, or nothing."""
        if url in self._pages:
            # Already asked in this run (two feeds, or a feed and the reader, list it).
            self.total -= 1
            return await asyncio.shield(self._pages[url])
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._pages[url] = future
        try:
            outcome = await self._page(url, via)
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # retrieved: a cancelled run must not warn about it
            raise
        future.set_result(outcome)
        if added and outcome.ok:
            self.memory.of(url).added = True  # refresh fetches it again from now on
        return outcome

    async def _page(self, url: str, via: str | None) -> Outcome:
        record = self.memory.of(url)
        shown = f"{via}: {url}" if via else url
        if record.retry_at is not None and record.retry_at > time.time():
            return self._finish(self._deferred(shown, record.retry_at))
        validators = record.validators if url in self.known.urls else None
        try:
            async with self._slot(url):
                result = await fetch(self._http, url, PAGE_TYPES, validators, self.limits)
        except FetchError as error:
            record.record(f"failed: {error.message}", False)
            record.retry_at = error.retry_at
            return self._finish(Outcome(shown, FAILED, None, error.message))
        record.retry_at = None
        if result == NOT_MODIFIED:
            record.record("not modified", True)
            path = self.known.urls.get(url)
            return self._finish(Outcome(shown, UNCHANGED, path, "not modified"))
        assert isinstance(result, Fetched)
        async with self._drafting:
            outcome = await asyncio.to_thread(self._store, result, url, shown)
        if outcome.ok:
            record.record(outcome.status, True, result.validators)
        else:
            record.record(f"failed: {outcome.detail}", False)
        return self._finish(outcome)

    def _store(self, fetched: Fetched, url: str, shown: str) -> Outcome:
        """Read and draft a fetched article, and add it (runs in a thread, one at a time)."""
        from story_tui.draft.input import NoArticle

        try:
            article = _read_page(fetched.body, "page", fetched.content_type)
        except (NoArticle, StoryInvalid) as error:
            reason = str(error) if isinstance(error, NoArticle) else "not UTF-8 text"
            return Outcome(shown, FAILED, None, reason)
        address = canonical(article, fetched.url)
        article.url = address
        try:
            return store(
                self.shelf, article, shown, address, self.known, on_added=self.on_added, also=url
            )
        except Exception as error:  # a drafting bug must not stop the other articles
            return Outcome(shown, FAILED, None, f"could not draft it ({type(error).__name__})")

    # -- plumbing ----------------------------------------------------------------------------

    def _deferred(self, shown: str, retry_at: float) -> Outcome:
        when = time.strftime("%H:%M", time.localtime(retry_at))
        return Outcome(shown, DEFERRED, None, f"the server asked to wait until {when}")

    def _finish(self, outcome: Outcome, count: bool = True, *, feed: bool = False) -> Outcome:
        self.done += 1
        if count:
            self.summary.count(outcome, feed=feed)
        if self.on_outcome is not None and (count or outcome.status != "checked"):
            self.on_outcome(outcome)
        if self.progress is not None:
            self.progress(self.done, self.total, outcome.source)
        return outcome

    def _save_memory(self) -> None:
        try:
            self.memory.save()
        except OSError as error:
            self.summary.notes.append(f"could not save {self.memory.path}: {error.strerror}")

    @property
    def _http(self) -> httpx.AsyncClient:
        assert self._client is not None, "a Run fetches only inside its session"
        return self._client

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[None]:
        async with new_client(self.limits) as client:
            self._client = client
            try:
                yield
            finally:
                self._client = None
                self._save_memory()

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        # The host's slot first, then a global one: a task waiting for a busy host holds no
        # global slot, so other hosts go on.
        host = self._hosts.setdefault(host_of(url), asyncio.Semaphore(self._per_host_limit))
        async with host, self._parallel:
            yield
