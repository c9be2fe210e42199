"""`story-tui diff`: every kind of change between two editions, in text and JSON."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from story_tui.cli.main import main
from story_tui.story.bundled import bundled_story
from story_tui.story.diff.stories import diff_stories
from story_tui.story.loader import load_story, parse_story
from story_tui.story.yamlout import to_yaml

DATA: dict[str, Any] = yaml.safe_load(bundled_story().read_text(encoding="utf-8"))
STORY = load_story(bundled_story())


def edition(change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(DATA)
    change(data)
    return to_yaml(data)


def summaries(change: Callable[[dict[str, Any]], None]) -> list[str]:
    return [c.summary for c in diff_stories(STORY, parse_story(edition(change)))]


def test_a_story_against_itself_is_empty() -> None:
    assert diff_stories(STORY, STORY) == []
    assert summaries(lambda d: None) == []


def test_paragraph_added_and_removed() -> None:
    def change(data: dict[str, Any]) -> None:
        data["sections"][5]["paragraphs"].append("A closing line was added.")
        del data["sections"][4]["paragraphs"][0]  # no item is anchored there

    assert summaries(change) == [
        'paragraph a-regional-pattern[0] removed: "Chile’s migration story is not unique in '
        'Latin America. Regional inst…"',
        'paragraph what-comes-next[3] added: "A closing line was added."',
    ]


def test_paragraph_edited_word_by_word() -> None:
    def change(data: dict[str, Any]) -> None:
        paragraphs = data["sections"][5]["paragraphs"]
        paragraphs[2] = paragraphs[2].replace("In the end,", "Ultimately,")

    assert summaries(change) == [
        "paragraph what-comes-next[2] changed: [-In the end,-] {+Ultimately,+} the story "
        "unfolding at …"
    ]


def test_paragraphs_moved() -> None:
    def change(data: dict[str, Any]) -> None:
        paragraphs = data["sections"][5]["paragraphs"]
        paragraphs[0], paragraphs[2] = paragraphs[2], paragraphs[0]

    assert summaries(change) == [
        'paragraph what-comes-next[0] moved from what-comes-next[2]: "In the end, the story '
        'unfolding at Chile’s northe…"',
        'paragraph what-comes-next[2] moved from what-comes-next[0]: "The upcoming Chilean '
        'election has become a refere…"',
    ]


def test_quote_reworded_added_removed() -> None:
    def change(data: dict[str, Any]) -> None:
        paco, rivas = data["people"][2], data["people"][0]
        paragraphs = data["sections"][2]["paragraphs"]
        paragraphs[1] = paragraphs[1].replace("who could get sick", "who might get sick")
        paco["quotes"][0]["text"] = paco["quotes"][0]["text"].replace("could", "might")
        rivas["quotes"].pop()
        rivas["quotes"].append(
            {"text": "Peru might seem like an obvious choice", "kind": "paraphrase"}
        )

    assert summaries(change)[1:] == [
        "quote paco#0 reworded (Diego Paco): … There are people who [-could-] {+might+} get sick "
        "from how …",
        'quote rivas#2 added (Milbayajaira Rivas): "Peru might seem like an obvious choice"',
        'quote rivas#2 removed (Milbayajaira Rivas): "We don’t know what we’re going to do."',
    ]


def test_figure_revised_added_removed() -> None:
    def change(data: dict[str, Any]) -> None:
        section = data["sections"][0]["paragraphs"]
        section[1] = section[1].replace("roughly 330,000", "roughly 340,000")
        figures = data["figures"]
        figures[2]["text"], figures[2]["value"] = "roughly 340,000", 340000
        data["timeline"][2]["text"] = "roughly 340,000 by 2024"
        removed = figures.pop(7)
        figures.append({**removed, "id": "children", "label": "Children", "text": "children"})
        del figures[-1]["value"], figures[-1]["unit"]

    found = summaries(change)
    assert found[:1] == [
        "paragraph before-the-run-off[1] changed: … in 2018 to roughly [-330,000-] {+340,000+} by "
        "2024, with Venezuelans …"
    ]
    assert (
        'figure undocumented-2024 revised: "roughly 330,000" (330000) -> "roughly 340,000" '
        "(340000)" in found
    )
    assert 'figure children added: Children: "children"' in found
    assert (
        "figure stranded-at-border removed: People stranded at the border, as counted by "
        'Arica’s governor: "100 people"' in found
    )
    assert (
        "event timeline[2] changed (2024 Undocumented migrants in Chile number roughly "
        '330,000): text "roughly 330,000 by 2024" -> "roughly 340,000 by 2024"' in found
    )


def test_people_and_events_added_and_removed() -> None:
    def change(data: dict[str, Any]) -> None:
        data["people"].append(
            {"id": "peru", "name": "Peru", "role": "Country", "kind": "organisation"}
        )
        data["people"][2]["role"] = "Regional governor of Arica"
        del data["people"][4]  # kast: his quote goes with him
        data["timeline"].pop(0)
        data["timeline"].append(
            {"date": "2025-12-14", "label": "Run-off", "text": "December 14, 2025"}
        )

    found = summaries(change)
    assert "person peru added: Peru (Country)" in found
    assert any(s.startswith("person kast removed: Jose Antonio Kast") for s in found)
    assert any(s.startswith("person paco changed: role ") for s in found)
    assert "event timeline[4] added: 2025-12-14 Run-off" in found
    assert (
        "event timeline[0] removed: 2018 Undocumented migrants in Chile number about 10,000"
        in found
        or any(s.startswith("event timeline[0] removed: 2018") for s in found)
    )


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_json_shape_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["sections"][0]["paragraphs"][1] = data["sections"][0]["paragraphs"][1].replace(
            "roughly 330,000", "roughly 340,000"
        )
        data["figures"][2]["text"], data["figures"][2]["value"] = "roughly 340,000", 340000
        data["timeline"][2]["text"] = "roughly 340,000 by 2024"

    new = write(tmp_path, "new.yaml", edition(change))
    old = str(bundled_story())
    assert main(["diff", old, old]) == 0
    assert capsys.readouterr().out == ""
    assert main(["diff", old, new, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    figure = next(c for c in data["changes"] if c["kind"] == "figure")
    assert set(figure) == {"kind", "change", "id", "old", "new", "location"}
    assert (figure["change"], figure["id"]) == ("changed", "undocumented-2024")
    assert (figure["old"]["text"], figure["new"]["text"]) == ("roughly 330,000", "roughly 340,000")
    assert (figure["old"]["value"], figure["new"]["value"]) == (330000, 340000)
    assert figure["location"] == figure["new"]["location"]
    assert [c["kind"] for c in data["changes"]] == ["paragraph", "figure", "event"]
    assert main(["diff", old, new]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_cli_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "bad.yaml", "format: 1\n")
    assert main(["diff", str(bundled_story()), bad]) == 2
    assert "missing required key 'id'" in capsys.readouterr().err
    assert main(["diff", str(bundled_story()), str(tmp_path / "none.yaml")]) == 2
    assert main(["diff", str(bundled_story())]) == 2
