"""Characters that must never reach a terminal from story text. Plain Python; no UI imports."""

from __future__ import annotations

import re

UNSAFE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (C0 but tab and newline, DEL, C1) and bidi embeddings, overrides, isolates."""

_CONTROL_NAMES = {0x1B: "ESC", 0x00: "NUL", 0x0D: "CR", 0x07: "BEL", 0x08: "BS", 0x7F: "DEL"}


def describe_unsafe(char: str) -> str:
    """Name an unsafe character for an author, e.g. `control character U+001B (ESC)`."""
    code = ord(char)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"bidirectional control character U+{code:04X}"
    name = _CONTROL_NAMES.get(code)
    return f"control character U+{code:04X}" + (f" ({name})" if name else "")


def visible(text: str) -> str:
    """Replace every unsafe character with a visible `<U+XXXX>` so text can be printed anywhere."""
    return UNSAFE_TEXT.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def replace_unsafe(text: str) -> str:
    """Replace each unsafe character (and tab) with one safe one, keeping every offset valid."""
    return UNSAFE_TEXT.sub("\ufffd", text).replace("\t", " ")
