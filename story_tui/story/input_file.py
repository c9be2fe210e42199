"""Reading a story file's bytes and text, with the size and encoding checks. No YAML here.

Kept apart from the loader so that opening a cached story never imports PyYAML.
"""

from __future__ import annotations

import os
import zlib
from typing import NoReturn

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


GZIP_MAGIC = b"\x1f\x8b"


def gunzipped(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """`data` itself, or, when it is gzip-compressed (a saved `page.html.gz`), what it holds.

    Decompressed in steps, never more than `max_bytes`, so a small file that would expand to
    gigabytes is refused as too large instead of filling the memory.

    Raises:
        StoryInvalid: damaged compressed data, or more than `max_bytes` once decompressed.
    """
    if not data.startswith(GZIP_MAGIC):
        return data
    out = bytearray()
    rest = data
    try:
        while rest.startswith(GZIP_MAGIC):  # a file may hold several gzip members
            inflater = zlib.decompressobj(wbits=31)
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes or inflater.unconsumed_tail:
                _refuse(
                    name,
                    f"decompressed, the file is larger than the limit of {max_bytes:,} "
                    "bytes (raise it with --max-bytes)",
                )
            if not inflater.eof:
                _refuse(name, "the gzip-compressed file is cut short")
            rest = inflater.unused_data
    except zlib.error as error:
        _refuse(name, f"damaged gzip-compressed data ({error})")
    return bytes(out)


def _refuse(name: str, message: str) -> NoReturn:
    raise StoryInvalid([Diagnostic(1, 1, message, file=name)])


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
