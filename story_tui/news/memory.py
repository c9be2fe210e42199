"""What refresh remembers between runs, per address: validators, entries seen, the last result.

Kept in the library (`.story-tui/fetch.json`, a hidden folder the library never reads as
stories), so a library copied whole keeps it; losing it costs only full fetches (an article
already in the library is then found unchanged). Written atomically; a damaged file is set
aside with a notice, never fatal. No UI imports.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from story_tui.news.fetch import Validators
from story_tui.storage.files import write_atomic

VERSION = 1


@dataclass
class Address:
    """One feed or article address, as the last fetch left it."""

    etag: str | None = None
    last_modified: str | None = None
    checked: float | None = None
    """Epoch seconds of the last attempt."""
    result: str = ""
    """The last result, in words (`3 new`, `not modified`, `failed: HTTP 404 Not Found`)."""
    ok: bool = True
    retry_at: float | None = None
    """The server asked not to be asked again before this time (429/503 Retry-After)."""
    added: bool = False
    """An article the reader added by its address (refresh fetches it again)."""
    entries: dict[str, str] = field(default_factory=dict)
    """For a feed: entry address -> signature, for the entries already added."""

    @property
    def validators(self) -> Validators:
        """What makes the next request conditional."""
        return Validators(self.etag, self.last_modified)

    def record(self, result: str, ok: bool, validators: Validators | None = None) -> None:
        """Remember the result of an attempt made now."""
        self.checked = time.time()
        self.result = result
        self.ok = ok
        if validators is not None:
            self.etag, self.last_modified = validators.etag, validators.last_modified


@dataclass
class Memory:
    """Every address a library fetched, and where that is kept."""

    path: Path
    addresses: dict[str, Address] = field(default_factory=dict)
    problem: str | None = None

    def of(self, url: str) -> Address:
        """The record for an address (a new, empty one the first time)."""
        return self.addresses.setdefault(url, Address())

    def save(self) -> None:
        """Write the file atomically.

        Raises:
            OSError: the library folder is not writable.
        """
        data = {
            "version": VERSION,
            "addresses": {url: asdict(a) for url, a in sorted(self.addresses.items())},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


_TYPES: dict[str, tuple[type, ...]] = {
    "etag": (str, type(None)),
    "last_modified": (str, type(None)),
    "checked": (int, float, type(None)),
    "result": (str,),
    "ok": (bool,),
    "retry_at": (int, float, type(None)),
    "added": (bool,),
    "entries": (dict,),
}


def _address(fields: Any) -> Address:
    """One record, every field checked (a value of the wrong type is refused, not trusted)."""
    if not isinstance(fields, dict):
        raise ValueError("not a record")
    for name, value in fields.items():
        if name in _TYPES and not isinstance(value, _TYPES[name]):
            raise ValueError(f"{name}: unexpected value")
    entries = fields.get("entries", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in entries.items()):
        raise ValueError("entries: unexpected value")
    return Address(**{k: v for k, v in fields.items() if k in _TYPES})


def load_memory(path: Path) -> Memory:
    """The remembered fetches; an empty memory (and a `problem`) for a damaged file."""
    memory = Memory(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return memory
    except OSError as error:
        memory.problem = f"could not read {path}: {error.strerror}"
        return memory
    try:
        data: Any = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise ValueError("unknown version")
        for url, fields in data["addresses"].items():
            memory.addresses[str(url)] = _address(fields)
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        memory.addresses.clear()
        memory.problem = f"ignored {path}: not a file this version of story-tui wrote"
    return memory
