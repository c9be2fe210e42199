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
        "Quote, direct, by Milbayajaira Rivas, Nurse, from Venezuela: “Kast said he was going to "
        "remove foreigners who have not been regularized”. Source: AFP." in flat
    )
    assert "Undocumented migrants in Chile, 2024: roughly 330,000 people, as of 2024." in flat
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


def _story_in(language: str, title: str, paragraph: str) -> Story:
    from story_tui.story.loader import parse_story

    text = (
        f"format: 1\nid: t\ntitle: {title}\nlanguage: {language}\n"
        f"sections:\n  - id: s\n    title: {title}\n    paragraphs:\n      - {paragraph}\n"
    )
    return parse_story(text, "t.yaml")


def test_read_writes_whole_sentences(story: Story) -> None:
    text = read_text(story, width=200)
    flat = " ".join(text[text.index("People (5)") :].split())  # the article's own words aside
    # A paraphrase without a full stop, and a quote cut before the article's comma, each end
    # their sentence before the next one starts.
    assert "Peru would not accept any more irregular migrants. In the section" in flat
    assert "“Peru doesn’t want any more Venezuelans”. In the section" in flat
    assert ",” " not in flat and not re.search(r"(\w|\w”) In the section", flat)
    # A quote that ends its own sentence gets no second full stop.
    assert "“We don’t know what we’re going to do.” In the section" in flat
    # Roles keep the capitals they were written with.
    assert "by Hugo de Zela, Peruvian Foreign Minister, from Peru:" in flat
    assert "peruvian" not in flat


def test_read_wraps_cjk_by_display_width() -> None:
    from story_tui.outputs.wrap import text_width

    paragraph = "秘鲁总统宣布边境进入紧急状态，数百名委内瑞拉移民滞留在智利与秘鲁边境。" * 4
    text = read_text(_story_in("zh", "边境危机", paragraph), width=30)
    lines = [line for line in text.splitlines() if line]
    assert all(text_width(line) <= 30 for line in lines), lines
    assert len(lines) > 8  # wrapped, not one line two terminals wide
    assert "".join(lines[1:]).replace("Section 1 of 1: 边境危机", "") == paragraph
    assert not any(line.startswith(("，", "。")) for line in lines)


@pytest.mark.parametrize("width", ["5", "-3", "0", "19", "wide"])
def test_read_rejects_a_width_below_20(width: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", f"--width={width}"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("story-tui: error: argument --width: ") and err.count("\n") == 1


def test_read_accepts_width_20(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", "--width", "20"]) == 0
    assert max(len(line) for line in capsys.readouterr().out.splitlines()) <= 20


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("ar", "rtl"),
        ("he-IL", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("en", "ltr"),
        ("az-Arab", "rtl"),
    ],
)
def test_html_of_a_right_to_left_story_says_so(language: str, direction: str) -> None:
    page = to_html(_story_in(language, "عنوان", "نص المقال."))
    assert f'<html lang="{language}" dir="{direction}">' in page


def test_copy_text_drops_the_comma_and_says_a_date_once(story: Story) -> None:
    from story_tui.story.attribution import attribution

    quote = next(q for q in story.quotes if q.text.endswith("regularized,"))
    assert attribution(story, quote).startswith(
        "“Kast said he was going to remove foreigners who have not been regularized” — "
    )
    run_off = next(f for f in story.figures if f.value == "2025-12-14")
    copied = attribution(story, run_off)
    assert copied.startswith("Chile’s presidential run-off: 14 Dec 2025. ")
    assert copied.count("14 Dec 2025") == 1
    dated = next(f for f in story.figures if f.as_of == "2024" and f.value == 330_000)
    assert "330,000 people (as of 2024; " in attribution(story, dated)


def test_markdown_uses_one_date_style(story: Story) -> None:
    from story_tui.outputs.markdown import to_markdown

    text = to_markdown(story)
    assert not re.search(r"\b\d{4}-\d{2}(-\d{2})?\b", text), re.findall(r".*\d{4}-\d{2}.*", text)
    assert "| Chile’s presidential run-off | 14 Dec 2025 |  |" in text
    assert "| Peru’s earlier state of emergency on the same border | Apr 2023 |  |" in text
