"""A library folder: where its stories go, what it follows, and the one place a story is added.

Everything a library needs lives inside its folder, so it can be copied or synced whole:

    LIBRARY/
      feeds.opml               what it follows (OPML 2.0, human-readable)
      .story-tui/fetch.json    what refresh remembers (validators, entries seen, last results)
      .story-tui/lock          held while a command adds to the library
      OUTLET/DATE-SLUG.yaml    the stories
      chile-peru-border.yaml   the bundled story (in the default library)

The default library is `library/` in the user's data directory (platformdirs;
`$STORY_TUI_DATA_DIR` overrides it, as the tests do). No UI imports.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from story_tui.storage.files import write_atomic
from story_tui.story.bundled import bundled_story

if TYPE_CHECKING:
    # Imported on first use: `story-tui` with no PATH asks Shelf.used() before its first paint,
    # and memory (through fetch: http, email, cookies) and opml (xml) cost it 70-110 ms.
    from story_tui.news.memory import Memory
    from story_tui.news.opml import Followed

FEEDS_FILE = "feeds.opml"
HIDDEN = ".story-tui"
_TOP_KEY = re.compile(r"^(url|id):[ \t]*(?:\"((?:[^\"\\]|\\.)*)\"|'([^']*)'|([^\s#]+))", re.M)

OnAdded = Callable[[Path], None]
"""Called with a story's path once it is in the library (new or a new edition)."""


class LibraryBusy(Exception):
    """Another story-tui command is adding to this library right now."""


def data_dir() -> Path:
    """story-tui's data directory."""
    override = os.environ.get("STORY_TUI_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("story-tui", appauthor=False))


def default_library() -> Path:
    """The folder `add`, `follow` and `refresh` use without `--library`."""
    return data_dir() / "library"


@dataclass
class Shelf:
    """One library folder."""

    root: Path

    @classmethod
    def open(cls, root: Path | None = None) -> Shelf:
        """The library at `root` (the default library when None), created on first use.

        A new default library gets a copy of the bundled story.

        Raises:
            OSError: the folder cannot be created.
        """
        default = root is None
        folder = default_library() if root is None else root
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            if default:
                bundled = bundled_story()
                write_atomic(folder / bundled.name, bundled.read_text(encoding="utf-8"))
        return cls(folder)

    @property
    def feeds_path(self) -> Path:
        return self.root / FEEDS_FILE

    def feeds(self) -> list[Followed]:
        """What the library follows (nothing when there is no feeds file yet).

        Raises:
            BadOpml: the feeds file is damaged (said with its path).
        """
        from story_tui.news.opml import BadOpml, read_opml

        try:
            data = self.feeds_path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise BadOpml(f"{self.feeds_path}: {error.strerror}") from None
        try:
            return read_opml(data)
        except BadOpml as error:
            raise BadOpml(f"{self.feeds_path}: {error}") from None

    def save_feeds(self, feeds: list[Followed]) -> None:
        """Write the feeds file atomically."""
        from story_tui.news.opml import write_opml

        write_atomic(self.feeds_path, write_opml(feeds))

    def memory(self) -> Memory:
        """What refresh remembers about this library."""
        from story_tui.news.memory import load_memory

        return load_memory(self.root / HIDDEN / "fetch.json")

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the library's lock while adding to it.

        Raises:
            LibraryBusy: another command holds it.
        """
        import fcntl

        folder = self.root / HIDDEN
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "lock", "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                if error.errno in (errno.EAGAIN, errno.EACCES):
                    raise LibraryBusy(
                        f"another story-tui command is adding to {self.root}"
                    ) from None
                raise
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def story_files(self) -> Iterator[Path]:
        """Every story file in the library (hidden folders skipped)."""
        for folder, folders, files in os.walk(self.root):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                    yield Path(folder) / name

    def scan(self) -> tuple[dict[str, Path], set[str]]:
        """Each story's `url` -> its file, and every story id (read from the top-level lines)."""
        urls: dict[str, Path] = {}
        ids: set[str] = set()
        for path in self.story_files():
            try:
                head = _ends(path)
            except OSError:
                continue
            for match in _TOP_KEY.finditer(head):
                value = next(v for v in match.groups()[1:] if v is not None)
                if match.group(1) == "url":
                    urls.setdefault(value, path)
                else:
                    ids.add(value)
        return urls, ids

    def used(self) -> bool:
        """Whether the reader has followed or added anything here."""
        if self.feeds_path.exists():
            return True
        bundled = bundled_story().name
        return any(p.name != bundled or p.parent != self.root for p in self.story_files())

    def add_story(
        self, text: str, outlet: str, date: str, slug: str, on_added: OnAdded | None = None
    ) -> Path:
        """Write a new story file at `OUTLET/DATE-SLUG.yaml`, never over another file.

        This is the one place a story joins the library: `on_added` (e.g. threads joining it
        to a thread) runs once the file is whole on disk.

        Raises:
            OSError: the folder is not writable.
        """
        folder = self.root / (outlet or "web")
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{date}-{slug}" if date else slug
        path = write_new(folder, stem, ".yaml", text)
        if on_added is not None:
            on_added(path)
        return path

    def relative(self, path: Path) -> str:
        """A story's path as the reader sees it, inside the library."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


def _ends(path: Path, size: int = 64 * 1024) -> str:
    """The first and last `size` bytes of a file, as text (top-level keys are in one of them:
    the format's keys first, `x-` keys last).

    Raises:
        OSError: it cannot be read, or it is not a regular file: a FIFO named `x.yaml` would
            block the open (and the command) until something writes to it.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with os.fdopen(fd, "rb") as handle:
        head = handle.read(size)
        if len(head) == size:
            handle.seek(max(size, handle.seek(0, os.SEEK_END) - size))
            head += b"\n" + handle.read(size)
    return head.decode("utf-8", errors="replace")


def write_new(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Write `text` to `folder/stem.suffix`, or `stem-2`, `stem-3`, …: never over a file.

    The file appears whole (written aside, then linked into place, which fails if the name is
    taken, even by a file another process created a moment ago).
    """
    temp = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
    write_atomic(temp, text)
    try:
        for number in range(1, 1000):
            path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
            try:
                os.link(temp, path)
            except FileExistsError:
                continue
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                    raise
                if path.exists():  # a file system without hard links
                    continue
                shutil.copyfile(temp, path)
            return path
        raise FileExistsError(f"no free name for {stem}{suffix} in {folder}")
    finally:
        temp.unlink(missing_ok=True)
