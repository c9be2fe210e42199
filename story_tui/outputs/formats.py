"""The export formats, listed once: `story-tui export --format` and the palette's `export:` both
read this table (as harlequin's export reads its `_FILE_FORMATS`). No UI imports.

A format that needs the terminal app to draw it (`svg`, a screenshot) has no writer here: the
command line draws it; the palette, already inside the app, leaves it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from story_tui.story.model import Story


def _json(story: Story) -> str:
    from story_tui.story.serialize import to_json

    return to_json(story)


def _markdown(story: Story) -> str:
    from story_tui.outputs.markdown import to_markdown

    return to_markdown(story)


def _html(story: Story) -> str:
    from story_tui.outputs.html import to_html

    return to_html(story)


def _annotations(story: Story) -> str:
    from story_tui.outputs.annotations import to_annotations_json

    return to_annotations_json(story)


@dataclass(frozen=True)
class ExportFormat:
    """One way to write a story out."""

    name: str
    """What `--format` takes, e.g. `markdown`."""
    suffix: str
    """The file name's suffix, without the dot, e.g. `md`."""
    description: str
    """A few words for the help and the palette, e.g. `one self-contained page`."""
    write: Callable[[Story], str] | None
    """The story as this format's text; None when the app must draw it (`svg`)."""


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("json", "json", "the resolved story with locations", _json),
    ExportFormat("markdown", "md", "a readable document", _markdown),
    ExportFormat("html", "html", "one self-contained page", _html),
    ExportFormat("svg", "svg", "a screenshot of the app's main screen", None),
    ExportFormat("annotations", "jsonld", "W3C Web Annotations, JSON-LD", _annotations),
)
"""Every export format; the first is the default."""

FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)


def export_format(name: str) -> ExportFormat:
    """The format called `name` (one of FORMAT_NAMES).

    Raises:
        KeyError: no format has that name.
    """
    for candidate in FORMATS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def text_formats() -> tuple[ExportFormat, ...]:
    """The formats written without the app (all but the screenshot)."""
    return tuple(f for f in FORMATS if f.write is not None)
