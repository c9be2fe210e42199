"""docs/architecture.md names every module of the package, so a newcomer finds each one there.

A module is named by its path under `story_tui/` (`story/model.py`) anywhere in the document, or
by its file name inside the bullet of its folder in the module map:

    - `story/diff/`: `change.py` (one change), `stories.py` (...), `items.py` (...)

A new module fails this test until it is named (a line in the map says what it is for).
"""

from __future__ import annotations

import re
from pathlib import Path

import story_tui

PACKAGE = Path(story_tui.__file__).parent
ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"

_BULLET = re.compile(r"^- `((?:[\w]+/)+)`")
_FILE = re.compile(r"`(\w+\.py)`")


def package_modules(root: Path = PACKAGE) -> list[str]:
    """Every module of the package as a path under it (`story/model.py`), `__init__.py` aside."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if path.name != "__init__.py" and "__pycache__" not in path.parts
    )


def named_modules(text: str) -> set[str]:
    """The module paths a document names: whole paths, and file names in a folder's bullet."""
    named = set(re.findall(r"(?<![\w/])((?:\w+/)*\w+\.py)\b", text))
    folder: str | None = None
    for line in text.splitlines():
        bullet = _BULLET.match(line)
        if bullet:
            folder = bullet.group(1)
        elif not line.startswith("  "):
            folder = None  # a bullet runs on over its indented lines only
        if folder is not None:
            named.update(folder + name for name in _FILE.findall(line))
    return named


def unnamed(modules: list[str], text: str) -> list[str]:
    named = named_modules(text)
    return [module for module in modules if module not in named]


def test_every_module_is_named_in_the_architecture() -> None:
    missing = unnamed(package_modules(), ARCHITECTURE.read_text(encoding="utf-8"))
    assert not missing, (
        "name these modules in docs/architecture.md (the module map: `- `folder/`: `name.py` "
        "(what it is for)`): " + ", ".join(missing)
    )


def test_the_check_tells_named_from_unnamed() -> None:
    text = (
        "The loader (`story/loader.py`) reads a file.\n"
        "\n"
        "- `story/diff/`: `change.py` (one change),\n"
        "  `items.py` (the items)\n"
        "- `tui/`: `app.py`\n"
        "Prose after the list: `stories.py` is not in a folder's bullet.\n"
    )
    modules = [
        "story/loader.py",
        "story/diff/change.py",
        "story/diff/items.py",
        "story/diff/stories.py",
        "tui/app.py",
        "story/model.py",
        "cli/loader.py",
    ]
    assert unnamed(modules, text) == ["story/diff/stories.py", "story/model.py", "cli/loader.py"]


def test_the_walk_finds_modules_in_nested_packages() -> None:
    modules = package_modules()
    assert "story/model.py" in modules
    assert "story/diff/stories.py" in modules
    assert "tui/screens/main.py" in modules
    assert not [m for m in modules if m.endswith("__init__.py")]


CONTRIBUTING = PACKAGE.parent / "CONTRIBUTING.md"


def adding_a_field() -> str:
    """CONTRIBUTING.md's section on adding a field to the story format."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    start = text.index("## Adding a field")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def test_adding_a_field_names_files_that_exist() -> None:
    # A rename (story/drafts.py became story/partial.py) must not leave the recipe pointing at
    # a file that is gone.
    section = adding_a_field()
    named = set(re.findall(r"(?<![\w/])((?:story_tui/)?(?:[a-z_]+/)+[a-z_]+\.py)\b", section))
    assert named
    missing = []
    for path in sorted(named):
        relative = path.removeprefix("story_tui/")
        if not (PACKAGE / relative).exists() and not (PACKAGE.parent / path).exists():
            missing.append(path)
    assert not missing, f"CONTRIBUTING.md names files that do not exist: {missing}"


def test_adding_a_field_names_every_file_a_field_touches() -> None:
    # What the lead's `url`/`authors`/`check` fields touched, and the two schemas to bump.
    section = adding_a_field()
    for path in (
        "story/spec.py",
        "story/model.py",
        "story/loader.py",
        "story/partial.py",
        "story/serialize.py",
        "story/yamlout.py",
        "storage/cache.py",
        "story/formatting.py",
        "draft/write.py",
        "docs/story-format.md",
        "tests/test_loader_rules.py",
    ):
        assert path in section, path
