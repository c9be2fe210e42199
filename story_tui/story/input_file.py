"""Reading a story file's bytes and text, with the size and encoding checks. No YAML here.

Kept apart from the loader so that opening a cached story never imports PyYAML.
"""

from __future__ import annotations

import os

from story_tui.story.diagnostics import Diagnostic, StoryInvalid, StoryUnreadable
from story_tui.story.spec import DEFAULT_MAX_BYTES


def read_story_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a story file's bytes, checking its size.

    Raises:
        StoryUnreadable: the file cannot be opened or read.
        StoryInvalid: it is larger than `max_bytes`.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise StoryUnreadable(name, "it is a folder, not a file") from None
    except OSError as error:
        raise StoryUnreadable(name, error.strerror or str(error)) from None
    if len(data) > max_bytes:
        raise StoryInvalid(
            [
                Diagnostic(
                    1,
                    1,
                    f"file is larger than the limit of {max_bytes:,} bytes "
                    "(raise it with --max-bytes)",
                    file=name,
                )
            ]
        )
    return data


def read_story_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a story file as text, checking its size and encoding.

    Raises:
        StoryUnreadable: the file cannot be opened or read.
        StoryInvalid: it is too large or not UTF-8.
    """
    return decode_story_bytes(read_story_bytes(path, max_bytes), os.fspath(path))


def decode_story_bytes(data: bytes, name: str) -> str:
    """Decode UTF-8 (an optional BOM is dropped), or report where the first bad byte is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = data[error.start]
        raise StoryInvalid(
            [
                Diagnostic(
                    line,
                    col,
                    f"the file is not UTF-8 text (byte 0x{byte:02X} at offset {error.start})",
                    file=name,
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")
