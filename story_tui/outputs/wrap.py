"""Wrapping text to a width in terminal columns, for `story-tui read`. Plain Python.

`textwrap` counts characters and breaks only at spaces: Chinese or Japanese text, which has no
spaces and takes two columns a character, came out as one line twice too wide. Here a wide
character is a place to break, widths are display columns, and closing punctuation (`。`, `」`)
stays with the character before it, an opening one with the character after it.
"""

from __future__ import annotations

import re
import unicodedata

_TOKENS = re.compile(r"\s+|[^\s]")
_CLOSING = set("、。，．！？：；」』）〕】〉》”’・ー")
_OPENING = set("「『（〔【〈《“‘")


def char_width(char: str) -> int:
    """Columns a character takes: 2 for wide (CJK), 0 for combining marks, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Columns `text` takes in a terminal."""
    return sum(char_width(char) for char in text)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _pieces(text: str) -> list[str]:
    """Unbreakable pieces: words, runs of spaces, and single wide characters (with what closes)."""
    pieces: list[str] = []
    word = ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            if word:
                pieces.append(word)
                word = ""
            pieces.append(" ")
        elif token in _CLOSING and (word or (pieces and not pieces[-1].isspace())):
            if word:
                word += token
            else:
                pieces[-1] += token
        elif _is_wide(token):
            if word:
                pieces.append(word)
                word = ""
            pieces.append(token)
        elif pieces and not word and _is_wide(pieces[-1][-1]) and not pieces[-1].isspace():
            word = token  # Latin letters right after CJK: a new word, breakable before it
        else:
            word += token
    if word:
        pieces.append(word)
    # An opening mark stays with what it opens.
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1] and all(char in _OPENING for char in merged[-1]):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _split_long(piece: str, width: int) -> list[str]:
    """A piece wider than a line, cut into line-sized parts."""
    parts, part = [], ""
    for char in piece:
        if part and text_width(part + char) > width:
            parts.append(part)
            part = ""
        part += char
    if part:
        parts.append(part)
    return parts


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """`text` as lines of at most `width` columns (each starting with `indent`)."""
    room = max(1, width - text_width(indent))
    lines: list[str] = []
    line, used = "", 0
    for piece in _pieces(" ".join(text.split())):
        if piece == " ":
            if line:
                line, used = line + " ", used + 1
            continue
        size = text_width(piece)
        if used + size > room and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        rest = piece
        if size > room:
            *full, rest = _split_long(piece, room)
            lines.extend(full)
            size = text_width(rest)
        line, used = line + rest, used + size
    if line.strip():
        lines.append(line.rstrip())
    return [indent + line for line in lines]
