"""The library index's file: its tables, and whether it can be written now. No UI imports.

`storage/index.py` opens, fills and reads the index; this is what it needs to know of the file
itself: the SQL that makes its tables (`TABLES`, versioned by `index.SCHEMA`), how long a write
waits for another copy of story-tui (`BUSY_SECONDS`), and the checks that tell a file that cannot
be written from one another copy is writing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, digest TEXT);
CREATE TABLE stories (
    digest TEXT PRIMARY KEY, id TEXT, title TEXT, published TEXT, updated TEXT,
    sources TEXT, people INTEGER, quotes INTEGER, figures INTEGER, to_check INTEGER,
    error_line INTEGER, error_col INTEGER, error TEXT
);
CREATE TABLE people (
    digest TEXT, person TEXT, position INTEGER, name TEXT, kind TEXT, same_as TEXT, role TEXT,
    quotes INTEGER, unconfirmed INTEGER
);
CREATE INDEX people_digest ON people (digest);
CREATE TABLE quotes (
    digest TEXT, person TEXT, key TEXT, text TEXT, kind TEXT,
    section TEXT, paragraph INTEGER, start INTEGER, "end" INTEGER, guess TEXT
);
CREATE INDEX quotes_digest ON quotes (digest);
CREATE TABLE figures (digest TEXT, id TEXT, label TEXT, text TEXT);
CREATE INDEX figures_digest ON figures (digest);
CREATE VIRTUAL TABLE paragraphs USING fts5 (
    body, digest UNINDEXED, section UNINDEXED, paragraph UNINDEXED, line UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2"
);
"""


BUSY_SECONDS = 10
"""How long a write waits for another copy of story-tui that is writing the index."""


def check_writable(db: sqlite3.Connection) -> None:
    """Raise now, not in the middle of a refresh, when the index file cannot be written. One that
    another copy is writing (locked) can be: not waited for, nor deleted as a damaged file."""
    db.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute("BEGIN IMMEDIATE")
        db.rollback()
    except sqlite3.OperationalError as error:
        if "locked" not in str(error):
            raise
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")


def read_only(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "readonly" in str(error) or "unable to open" in str(error)
    )


def why_unwritable(path: Path, error: OSError | sqlite3.Error) -> str:
    """`is not a folder`, `cannot be written: Permission denied`, ... for the notice."""
    for folder in (path.parent, *path.parent.parents):
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                return "is not a folder" if folder == path.parent else f"is under {folder}, a file"
            break
    if isinstance(error, OSError):
        return f"cannot be written: {error.strerror or error}"
    return f"cannot be written: {error}"
