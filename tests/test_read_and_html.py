"""`story-tui read` (linear plain text) and `export --format html|svg`."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.outputs.html import to_html
from story_tui.outputs.text import read_text
from story_tui.story.model import Story
from tests.conftest import DATA


def test_read_is_linear_plain_text_in_reading_order(story: Story) -> None:
    text = read_text(story, width=72)
    assert not re.search(r"[─│╭╮╰╯┌┐└┘]", text)  # no box drawing
    assert "\x1b" not in text
    assert all(len(line) <= 72 for line in text.splitlines())
    order = [
        text.index("Venezuelan migrants stranded at the Chile–Peru border before"),
        text.index("Section 1 of 6: Migrants rush to leave before the run-off"),
        text.index("Section 6 of 6: The election and what comes next"),
        text.index("People (5)"),
        text.index("Key figures (8)"),
        text.index("Timeline (5 events)"),
    ]
    assert order == sorted(order)
    flat = " ".join(text.split())
    assert (
        "Quote, direct, by Milbayajaira Rivas, nurse from Venezuela: “Kast said he was going to "
        "remove foreigners who have not been regularized,” Source: AFP." in flat
    )
    assert "Undocumented migrants in Chile, 2024: 330,000 people, as of 2024." in flat
    assert "Apr 2023: Peru declares a two-month state of emergency on the Chile border." in flat
    for paragraph in (p for s in story.sections for p in s.paragraphs):
        assert paragraph in flat


def test_read_parts_and_colour(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", "--section", "migrants-in-chile", "--width", "60"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Section 4 of 6: Migrants in Chile\n")
    assert "People (" not in out and "\x1b" not in out  # not a terminal: no colour
    assert main(["read", "--person", "gonzalez"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Billy Gonzalez\n") and out.count("Quote, direct") == 2
    assert main(["read", "--person", "nobody"]) == 2
    coloured = read_text(story, 80, color=True)
    assert coloured.startswith("\x1b[1mVenezuelan migrants stranded")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_export_is_self_contained_and_has_every_quote(story: Story) -> None:
    page = to_html(story)
    parser = _Collector()
    parser.feed(page)
    assert parser.urls == [] and "script" not in parser.tags
    text = "".join(parser.text)
    for quote in story.quotes:
        assert quote.text in text
    for paragraph in (p for s in story.sections for p in s.paragraphs):
        assert paragraph in text
    assert page.count('<mark class="direct">') == 6
    assert page.count('<mark class="paraphrase">') == 2


def test_html_escapes_hostile_text() -> None:
    from story_tui.story.loader import load_story

    page = to_html(load_story(DATA / "hostile.yaml"))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "[@click=app.quit]" in page


def test_export_html_and_svg_files(tmp_path: Path) -> None:
    assert main(["export", "--format", "html", "-o", str(tmp_path / "s.html")]) == 0
    assert (tmp_path / "s.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["export", "--format", "svg", "-o", str(tmp_path / "s.svg")]) == 0
    svg = (tmp_path / "s.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "Sections" in svg and "Key" in svg
