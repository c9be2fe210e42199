"""Where the bundled story lives, in a wheel and in a source checkout alike."""

from __future__ import annotations

from pathlib import Path

BUNDLED_STORY = "chile-peru-border.yaml"


def bundled_story() -> Path:
    """The path of the story that ships with story-tui.

    A wheel carries `assets/` inside the package (`story_tui/assets/`); a source checkout or an
    editable install keeps it at the top of the project, beside the package. (A plain path check:
    `importlib.resources` costs start-up time and the package is never zipped.)
    """
    package = Path(__file__).resolve().parent.parent
    packaged = package / "assets" / BUNDLED_STORY
    if packaged.is_file():
        return packaged
    return package.parent / "assets" / BUNDLED_STORY
