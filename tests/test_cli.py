"""The command line as authors use it: exit codes, messages, export and schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from story_tui.cli.main import main
from story_tui.story.bundled import bundled_story
from story_tui.story.model import Story
from tests.conftest import MINI

INVALID = "format: 1\nid: Bad\ntitle: 7\nsections: []\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_bundled_story_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert code == 0
    # Named in words, not by a path inside site-packages.
    assert out.startswith(
        "the bundled story (chile-peru-border.yaml): valid (6 sections, 14 paragraphs, 5 people,"
    )
    assert str(bundled_story().parent) not in out
    assert err == ""


def test_validate_reports_every_error_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(INVALID, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(bad), str(MINI))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:2:5: error: 'Bad' is not a valid id: use lowercase letters, digits and hyphens, "
        "starting with a letter or digit [id]",
        f"{bad}:3:8: error: expected text, got integer 7 (put it in quotes) [title]",
        f"{bad}:4:11: error: needs at least one section [sections]",
        f"{MINI}: valid (2 sections, 3 paragraphs, 2 people, 2 quotes, 1 figure, 1 event)",
    ]
    assert err == f"{bad}: 3 errors\n"


def test_unreadable_file_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "no-such-story.yaml")
    assert (code, out) == (2, "")
    assert err == "story-tui: error: cannot read no-such-story.yaml: No such file or directory\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--nope"],
        ["export", "--format", "pdf"],
        ["--max-bytes", "x"],
        ["a", "b", "--section", "x"],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("story-tui: error: ")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("story-tui ")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "validate" in capsys.readouterr().out


def test_export_json_carries_every_paragraph_and_location(
    capsys: pytest.CaptureFixture[str], story: Story
) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    paragraphs = {s["id"]: s["paragraphs"] for s in data["sections"]}
    assert [p for s in data["sections"] for p in s["paragraphs"]] == [
        p for s in story.sections for p in s.paragraphs
    ]
    items = [q for p in data["people"] for q in p["quotes"]] + data["figures"] + data["timeline"]
    assert len(items) == len(story.quotes) + len(story.figures) + len(story.timeline)
    for item in items:
        loc = item["location"]
        assert (
            paragraphs[loc["section"]][loc["paragraph"]][loc["start"] : loc["end"]] == item["text"]
        )
    for person in data["people"]:
        names = {person["name"], *person.get("aliases", [])}
        for loc in person["mentions"]:
            assert paragraphs[loc["section"]][loc["paragraph"]][loc["start"] : loc["end"]] in names


def test_export_to_file_and_markdown(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "mini.md"
    code, out, _ = run(capsys, "export", str(MINI), "--format", "markdown", "-o", str(out_file))
    assert (code, out) == (0, "")
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("# A small test story\n")
    assert "## People" in text and "### Ana Pérez" in text
    assert "> bread is up 20 percent" in text
    assert "| Rise in the price of bread | 20 percent | 2024\\-03 | The Wire Service |" not in text
    assert "| Rise in the price of bread | 20 percent | Mar 2024 | The Wire Service |" in text
    assert "- **Mar 2024**: Prices rise" in text


def test_export_markdown_escapes_markup_lookalikes() -> None:
    from story_tui.outputs.markdown import md_escape

    assert md_escape("*stars* and [link](x) <b>") == r"\*stars\* and \[link\](x) \<b\>"
    assert md_escape("- not a list") == r"\- not a list"


def test_export_invalid_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(INVALID, encoding="utf-8")
    code, out, err = run(capsys, "export", str(bad))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 3


def test_schema_accepts_the_bundled_story_and_rejects_a_typo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    # An editor's YAML plugin reads YAML 1.2, where dates are strings.
    data = json.loads(json.dumps(yaml.safe_load(bundled_story().read_text("utf-8")), default=str))
    jsonschema.validate(data, schema)
    data["people"][0]["roel"] = "typo"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_python_dash_m_and_no_traceback_on_garbage(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.yaml"
    garbage.write_bytes(b"\x00\x01\x02binary\xff\xfe")
    result = subprocess.run(
        [sys.executable, "-m", "story_tui", "validate", str(garbage)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == (
        f"{garbage}:1:10: error: the file is not UTF-8 text (byte 0xFF at offset 9)\n"
    )
