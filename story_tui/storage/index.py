"""The library index: what a folder of stories holds, in SQLite with FTS5. No UI imports.

The index lives in the cache directory and is only a cache: deleting it loses nothing. Each story
file is keyed by the SHA-256 digest of its bytes; a file whose size and modification time are
those the index last saw is not read again, and a file that changed is parsed once and replaces
its old rows (an incremental update). For each story it keeps what the library shows without
loading the story: the title, dates, sources, counts, the first error of an invalid file, the
people with their quotes, the figures, and every paragraph (with its line in the file) in an FTS5
table for search across stories. An index that is corrupt, or that another program or version
wrote, is deleted and rebuilt, and `notice` says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from story_tui.storage.index_file import (
    BUSY_SECONDS,
    TABLES,
    check_writable,
    read_only,
    why_unwritable,
)
from story_tui.storage.rows import (
    ParagraphRow,
    PersonRow,
    QuoteRow,
    StoryRow,
    iso,
    paragraph_lines,
)
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.formatting import person_guesses
from story_tui.story.model import Story
from story_tui.story.spec import DEFAULT_MAX_BYTES

INDEX_FILE = "library-index.sqlite3"
APPLICATION_ID = 0x53545549  # "STUI": PRAGMA application_id marks the file as ours
SCHEMA = "3"  # 3: people.unconfirmed, quotes.guess (a guessed speaker marked everywhere)
"""Bump when the tables change or the loader's rules change what a story resolves to."""

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) while the index is brought up to date."""


def index_path() -> Path:
    """Where the library index lives: beside the cached stories."""
    from story_tui.storage.cache import cache_dir

    return cache_dir() / INDEX_FILE


class LibraryIndex:
    """The index file, opened (and rebuilt when it has to be)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        self.notice: str | None = None
        """Why the index was rebuilt, when it was (corrupt, foreign or outdated)."""
        self.db = self._open()

    # Opening -----------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        from story_tui.storage.files import make_private, private_dir

        private_dir(self.path.parent)
        # Created 0600 before SQLite opens it: its -wal and -shm files take the same mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600))
        # One an older version made (0644, with every article's text) is tightened, companions too.
        make_private(*(f"{self.path}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")))
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def _open(self) -> sqlite3.Connection:
        try:
            return self._open_file()
        except (OSError, sqlite3.Error) as error:
            # A read-only cache, a file where the folder should be, a full disk: the library
            # still works, on an index that lives as long as this run.
            self.notice = (
                f"The library cache {self.path.parent} {why_unwritable(self.path, error)}: "
                "the index is kept in memory for this run."
            )
            db = sqlite3.connect(":memory:", check_same_thread=False)
            self._create(db)
            return db

    def _open_file(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            problem = self._check(db)
            if problem is None:
                check_writable(db)
                return db
            db.close()
        except sqlite3.DatabaseError as error:
            if read_only(error):
                raise
            problem = "it was not a readable SQLite file"
        if problem != "new":
            self.notice = f"The library index {self.path} was rebuilt: {problem}."
        self._remove()
        db = self._connect()
        self._create(db)
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.executescript(TABLES)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
        db.commit()

    def _check(self, db: sqlite3.Connection) -> str | None:
        """None when the file is our index at this schema; otherwise what is wrong with it."""
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application == 0 and tables == 0:
            return "new"
        if application != APPLICATION_ID:
            return "another program wrote it"
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != SCHEMA:
            return "an older version of story-tui wrote it"
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "it was corrupt"
        return None

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    # Bringing it up to date --------------------------------------------------------------------

    def _known(self) -> dict[str, tuple[int, int, str | None]]:
        return {
            path: (mtime, size, digest)
            for path, mtime, size, digest in self.db.execute("SELECT * FROM files")
        }

    def stale(self, files: Iterable[Path]) -> int:
        """How many of `files` are new or changed since the index last read them."""
        known = self._known()
        count = 0
        for path in files:
            seen = known.get(str(path))
            try:
                status = os.stat(path)
            except OSError:
                continue  # refresh reports it; there is nothing to read
            if seen is None or (seen[0], seen[1]) != (status.st_mtime_ns, status.st_size):
                count += 1
        return count

    def refresh(
        self,
        files: Iterable[Path],
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress | None = None,
    ) -> list[StoryRow]:
        """Index every file that is new or changed; return a row for each file, in order."""
        files = list(files)
        known = self._known()
        digests: list[str | None] = []
        unreadable: dict[int, str] = {}
        try:
            for number, path in enumerate(files):
                name = str(path)
                try:
                    status = os.stat(name)
                except OSError as error:
                    unreadable[number] = f"cannot read {name}: {error.strerror or error}"
                    digests.append(None)
                    continue
                seen = known.get(name)
                if seen is not None and seen[0] == status.st_mtime_ns and seen[1] == status.st_size:
                    digests.append(seen[2])
                else:
                    digest, problem = self._index_file(name, max_bytes)
                    if problem is not None:
                        unreadable[number] = problem
                    digests.append(digest)
                    self.db.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                        (name, status.st_mtime_ns, status.st_size, digest),
                    )
                    if seen is not None and seen[2] != digest:
                        self._forget_unused(seen[2])
                if progress is not None and (number % 50 == 49 or number == len(files) - 1):
                    progress(number + 1, len(files))
                    self.db.commit()
        finally:
            self.db.commit()
        rows = self._rows({d for d in digests if d is not None})
        result = []
        for number, (path, digest) in enumerate(zip(files, digests, strict=True)):
            if number in unreadable:
                result.append(StoryRow(str(path), digest, error=unreadable[number]))
                continue
            assert digest is not None
            row = rows.get(digest)
            if row is None:
                result.append(StoryRow(str(path), None, error=f"cannot read {path}"))
                continue
            values = dict(row)
            line, col, message = values.pop("error_line"), values.pop("error_col"), values["error"]
            values["error"] = None if message is None else f"{path}:{line}:{col}: error: {message}"
            values["sources"] = tuple(json.loads(values["sources"] or "[]"))
            values["to_check"] = values["to_check"] or 0
            result.append(StoryRow(path=str(path), **values))
        return result

    def _rows(self, digests: set[str]) -> dict[str, dict[str, Any]]:
        cursor = self.db.execute("SELECT * FROM stories")
        names = [column[0] for column in cursor.description]
        found = {}
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            if row["digest"] in digests:
                found[row["digest"]] = row
        return found

    def _index_file(self, name: str, max_bytes: int) -> tuple[str | None, str | None]:
        """Read and, when its digest is new, index one file: (digest, why it cannot be read)."""
        from story_tui.story.input_file import read_story_bytes

        try:
            data = read_story_bytes(name, max_bytes)
        except StoryUnreadable as error:
            return None, str(error)
        except StoryInvalid as error:
            digest = hashlib.sha256(f"too large:{name}".encode()).hexdigest()
            self._store_invalid(digest, error)
            return digest, None
        digest = hashlib.sha256(data).hexdigest()
        if self.db.execute("SELECT 1 FROM stories WHERE digest = ?", (digest,)).fetchone():
            return digest, None
        from story_tui.story.input_file import decode_story_bytes
        from story_tui.story.loader import parse_story

        try:
            text = decode_story_bytes(data, name)
            story = parse_story(text, name)
        except StoryInvalid as error:
            self._store_invalid(digest, error)
            return digest, None
        self._store(digest, story, paragraph_lines(text))
        return digest, None

    def _store_invalid(self, digest: str, error: StoryInvalid) -> None:
        first = error.diagnostics[0] if error.diagnostics else None
        line, col = (first.line, first.col) if first else (1, 1)
        message = str(first).split(": error: ", 1)[-1] if first else "invalid story"
        self.db.execute(
            "INSERT OR REPLACE INTO stories (digest, error_line, error_col, error)"
            " VALUES (?, ?, ?, ?)",
            (digest, line, col, message),
        )

    def _store(self, digest: str, story: Story, lines: dict[tuple[int, int], int]) -> None:
        db = self.db
        db.execute(
            "INSERT OR REPLACE INTO stories"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)",
            (
                digest,
                story.id,
                story.title,
                iso(story.published),
                iso(story.updated),
                json.dumps([source.name for source in story.sources]),
                len(story.people),
                len(story.quotes),
                len(story.figures),
                len(story.to_check()),
            ),
        )
        db.executemany(
            "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    digest,
                    person.id,
                    position,
                    person.name,
                    person.kind,
                    json.dumps(list(person.same_as)),
                    person.role,
                    len(person.quotes),
                    person_guesses(person),
                )
                for position, person in enumerate(story.people)
            ],
        )
        db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (digest, q.speaker, q.key, q.text, q.kind, *_location(q.location), q.check)
                for q in story.quotes
            ],
        )
        db.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?)",
            [(digest, f.id, f.label, f.text) for f in story.figures],
        )
        db.executemany(
            "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)",
            [
                (text, digest, section.id, p, lines.get((s, p), 1))
                for s, section in enumerate(story.sections)
                for p, text in enumerate(section.paragraphs)
            ],
        )

    def _forget_unused(self, digest: str | None) -> None:
        """Drop a story's rows once no file has that digest any more."""
        if digest is None:
            return
        if self.db.execute("SELECT 1 FROM files WHERE digest = ?", (digest,)).fetchone():
            return
        for table in ("stories", "people", "quotes", "figures", "paragraphs"):
            self.db.execute(f"DELETE FROM {table} WHERE digest = ?", (digest,))

    # Reading -----------------------------------------------------------------------------------

    def people(self, digests: Iterable[str]) -> list[PersonRow]:
        """The people of these stories, each story's in file order."""
        wanted = set(digests)
        rows = self.db.execute(
            "SELECT digest, person, name, kind, same_as, role, quotes, unconfirmed FROM people"
            " ORDER BY digest, position"
        )
        return [
            PersonRow(
                d, person, name, kind or "person", tuple(json.loads(same or "[]")), role, n, u
            )
            for d, person, name, kind, same, role, n, u in rows
            if d in wanted
        ]

    def quotes(self, digests: Iterable[str]) -> list[QuoteRow]:
        """The quotes of these stories."""
        wanted = set(digests)
        return [
            QuoteRow(*row) for row in self.db.execute("SELECT * FROM quotes") if row[0] in wanted
        ]

    def figures(self, digests: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """(digest, id, label, text) of the figures of these stories."""
        wanted = set(digests)
        return [row for row in self.db.execute("SELECT * FROM figures") if row[0] in wanted]

    def paragraphs_matching(self, fts_query: str, digests: Iterable[str]) -> Iterator[ParagraphRow]:
        """Paragraphs of these stories that match an FTS5 query, in file order per story."""
        wanted = set(digests)
        rows = self.db.execute(
            "SELECT digest, section, paragraph, line, body FROM paragraphs"
            " WHERE paragraphs MATCH ? ORDER BY rowid",
            (fts_query,),
        )
        for digest, section, paragraph, line, body in rows:
            if digest in wanted:
                yield ParagraphRow(digest, section, int(paragraph), int(line), body)


def _location(location: Any) -> tuple[str, int, int, int]:
    return location.section, location.paragraph, location.start, location.end
