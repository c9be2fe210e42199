"""`story-tui people` and `story-tui search`: output and exit codes, as scripts use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from story_tui.cli.main import main
from tests.library_fixture import write_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_library(tmp_path)


def test_people_text_and_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "people", str(folder))
    assert code == 0
    assert out.splitlines()[0] == "Ana Pérez: 2 quotes in 2 stories (border-town, bakery-prices)"
    assert "Tom Lee: 2 quotes in 2 stories (border-town, river-notes)" in out.splitlines()
    assert f"{folder / 'broken.yaml'}:14:15: error:" in err  # reported, and the rest still listed
    code, out, _err = run(capsys, "people", str(folder), "--format", "json")
    assert code == 0
    people = json.loads(out)["people"]
    assert people[0] == {
        "name": "Ana Pérez",
        "same_as": [],
        "stories": ["border-town", "bakery-prices"],
        "paths": [str(folder / "2025" / "border.yaml"), str(folder / "2024" / "bakery.yaml")],
        "quotes": 2,
        "unconfirmed": 0,
    }
    assert {p["name"] for p in people} == {"Ana Pérez", "Tom Lee", "Ming Lee"}
    assert people[1]["same_as"] == ["https://www.wikidata.org/entity/Q4115189"]


def test_search_grep_style_and_exit_codes(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, _err = run(capsys, "search", "crossing", str(folder))
    assert code == 0
    assert out.splitlines() == [
        f"{folder / '2025' / 'border.yaml'}:13: border-town/arrival/0: "
        "…“the bread runs out by noon” at the crossing.",
        f"{folder / '2024' / 'bakery.yaml'}:12: bakery-prices/prices/0: "
        "…is up 20 percent” on Monday, and the crossing is quiet.",
    ]
    code, out, _err = run(capsys, "search", "no such words", str(folder))
    assert (code, out) == (1, "")
    code, out, _err = run(capsys, "search", "ferry", str(folder), "--format", "json")
    assert code == 0
    hit = json.loads(out)["hits"][0]
    assert (hit["story"], hit["section"], hit["paragraph"], hit["line"]) == (
        "river-notes",
        "notes",
        0,
        8,
    )
    assert hit["context"] == "The river was low and the ferry did not run."


def test_nothing_to_open_is_exit_2_with_a_line_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    code, out, err = run(capsys, "search", "x", str(empty), str(binary), str(tmp_path / "gone"))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert f"story-tui: {empty}: no story files (*.yaml) in this folder" in lines
    assert any(line.startswith(f"{binary}:1:") and "not UTF-8" in line for line in lines)
    assert f"story-tui: cannot read {tmp_path / 'gone'}: No such file or directory" in lines
    assert lines[-1] == "story-tui: error: no story could be opened"
    assert "Traceback" not in err
    code, _out, err = run(capsys, "people", str(empty))
    assert code == 2
    code, _out, err = run(capsys, "people")
    assert code == 2 and "PATH" in err


def test_browser_on_a_folder_without_stories_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _out, err = run(capsys, str(empty))
    assert code == 2
    assert f"{empty}: no story files (*.yaml) in this folder" in err
    assert "Traceback" not in err


def test_item_options_need_one_story(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, _out, err = run(capsys, str(folder), "--person", "perez")
    assert code == 2
    assert "--person opens one story" in err
