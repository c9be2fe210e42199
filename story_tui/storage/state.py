"""What the app remembers between runs (the theme), stored atomically. No UI imports.

The file lives in the platform's state directory (platformdirs), or in `$STORY_TUI_STATE_DIR`
when that is set (tests use it). A missing, unreadable or corrupt file is never fatal: the app
starts with defaults and says so once.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from story_tui.storage.files import write_atomic

STATE_FILE = "state.json"
MAX_STORIES = 100


def state_dir() -> Path:
    """Where story-tui keeps its state."""
    override = os.environ.get("STORY_TUI_STATE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("story-tui", appauthor=False))


@dataclass
class State:
    """Remembered settings; `problem` says why a stored file was ignored, if it was."""

    data: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None

    def story(self, story_id: str) -> dict[str, Any]:
        """What was remembered about one story (a copy; empty when nothing)."""
        stories = self.data.get("stories")
        memory = stories.get(story_id) if isinstance(stories, dict) else None
        return dict(memory) if isinstance(memory, dict) else {}

    def remember_story(self, story_id: str, memory: dict[str, Any]) -> None:
        """Store what to remember about a story; keeps the most recent MAX_STORIES."""
        stories = self.data.get("stories")
        if not isinstance(stories, dict):
            stories = {}
        stories.pop(story_id, None)
        stories[story_id] = memory  # dicts keep insertion order: most recent last
        while len(stories) > MAX_STORIES:
            stories.pop(next(iter(stories)))
        self.data["stories"] = stories

    @property
    def theme(self) -> str | None:
        """The theme the reader chose last, if any."""
        theme = self.data.get("theme")
        return theme if isinstance(theme, str) else None


def load_state(directory: Path | None = None) -> State:
    """Read the state file; never raises."""
    path = (directory or state_dir()) / STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return State()
    except OSError as error:
        return State(problem=f"could not read {path}: {error.strerror}")
    if len(raw) > 1_000_000:
        return State(problem=f"ignored {path}: larger than expected")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return State(problem=f"ignored {path}: it is not valid JSON")
    if not isinstance(data, dict):
        return State(problem=f"ignored {path}: unexpected contents")
    return State(data)


def save_state(state: State, directory: Path | None = None) -> str | None:
    """Write the state file atomically; returns a problem description instead of raising."""
    folder = directory or state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / STATE_FILE, json.dumps(state.data, indent=2), mode=0o600)
    except OSError as error:
        return f"could not save settings in {folder}: {error.strerror}"
    return None
