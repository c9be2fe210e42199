"""`story-tui threads`: the JSON contract, the text, and exit codes, as scripts use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from story_tui.cli.main import main
from tests.threads_fixture import write_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    code, out, _err = run(capsys, "threads", str(folder), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["threads"]
    threads = {t["id"]: t for t in data["threads"]}
    assert list(threads) == ["reid-senate-vote", "reid-rehab-afp"]  # newest first
    for thread in data["threads"]:
        assert list(thread) == ["id", "title", "stories", "people", "timeline"]
        for story in thread["stories"]:
            assert list(story) == ["path", "id", "title", "published"]
            assert Path(story["path"]).parent == folder
        for person in thread["people"]:
            assert list(person) == ["name", "aliases", "stories", "quotes"]
        for event in thread["timeline"]:
            assert list(event) == ["date", "label", "stories"]
    rehab = threads["reid-rehab-afp"]
    assert rehab["stories"][2] == {
        "path": str(folder / "rehab-wire.yaml"),
        "id": "reid-rehab-wire",
        "title": "Friends rally around Tara Reid at Malibu rehab",
        "published": None,
    }
    reid = next(p for p in rehab["people"] if p["name"] == "Tara Reid")
    assert reid["aliases"] == ["Reid"]
    assert reid["stories"] == ["reid-rehab-afp", "reid-rehab-reuters", "reid-rehab-wire"]
    assert reid["quotes"] == [
        {
            "story": "reid-rehab-afp",
            "key": "reid#0",
            "text": "I am ready to get better.",
            "check": None,
        }
    ]
    assert rehab["timeline"] == [
        {
            "date": "2008-03-04",
            "label": "Tara Reid checks into Promises",
            "stories": ["reid-rehab-afp", "reid-rehab-reuters"],
        }
    ]


def test_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    code, out, _err = run(capsys, "threads", str(folder))
    assert code == 0
    assert out.splitlines()[0] == (
        "Senator Harry Reid schedules budget vote in the Senate  ·  2 stories  ·  "
        "10 Oct – 14 Oct 2013"
    )
    assert "  Monthly cost of the clinic: $48,000 (AFP, 5 Mar) → $50,000 (Reuters, 7 Mar)" in (
        out.splitlines()
    )
    assert "  people: Harry Reid (2 stories, 2 quotes)" in out.splitlines()
    assert "Jack Ketsoyan (3 stories, 2 quotes)" in out
    assert "Tara Reid (3 stories, 1 quote)" in out  # one quote, not "1 quotes"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "threads")
    assert code == 2
    assert "error: the following arguments are required: PATH" in err
    code, _out, err = run(capsys, "threads", str(tmp_path / "missing"))
    assert code == 2
    assert "no story could be opened" in err
    folder = write_library(tmp_path / "lib")
    code, _out, err = run(capsys, "threads", str(folder), "--format", "xml")
    assert code == 2


def test_a_guessed_speaker_is_a_guess_in_json_and_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_library(tmp_path / "lib")
    path = folder / "rehab-reuters.yaml"
    quote = '      - text: "Tara wants to thank her fans,"\n        kind: direct\n'
    guess = "speaker guessed: the speaker of the paragraph before"
    path.write_text(path.read_text().replace(quote, f"{quote}        check: {guess!r}\n"))
    code, out, _err = run(capsys, "threads", str(folder), "--format", "json")
    assert code == 0
    rehab = next(t for t in json.loads(out)["threads"] if t["id"] == "reid-rehab-afp")
    ketsoyan = next(p for p in rehab["people"] if p["name"] == "Jack Ketsoyan")
    checks = {q["text"]: q["check"] for q in ketsoyan["quotes"]}
    assert checks == {
        "She is doing well and asks for privacy,": None,
        "Tara wants to thank her fans,": guess,
    }
    code, out, _err = run(capsys, "threads", str(folder))
    assert "Jack Ketsoyan (3 stories, 2 quotes, 1 unconfirmed)" in out
