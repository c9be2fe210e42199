"""Cross-links: every item leads to its place in the article, and back."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.cli.browse import build_browse_parser, start_target
from story_tui.story.attribution import quote_attribution
from story_tui.story.find import ArticleIndex, fold
from story_tui.story.loader import load_story
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.history import History
from story_tui.tui.palette import story_commands
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.screens.paragraph import ParagraphItems
from story_tui.tui.screens.person import PersonCard
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.findbar import FindBar
from tests.conftest import DATA, palette_highlight, wait_for
from tests.test_browser import widget_text


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))


def screen_of(app: StoryApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def article(app: StoryApp) -> ArticleView:
    return screen_of(app).article


# Pure pieces -----------------------------------------------------------------------------------


def test_folding_keeps_offsets() -> None:
    folded = fold("Ñúñez e\u0301te", case_sensitive=False)
    assert folded.text == "nunez ete"
    assert folded.original_span(6, 9, "Ñúñez e\u0301te") == (6, 10)


def test_find_counts_every_venezuela_in_order(story: Story) -> None:
    index = ArticleIndex(story)
    article_text = "\n".join(p for s in story.sections for p in s.paragraphs)
    matches, more = index.find("venezuela")
    assert not more
    assert len(matches) == article_text.lower().count("venezuela") == 8
    assert all(story.span(m).lower() == "venezuela" for m in matches)
    index_of = {section.id: i for i, section in enumerate(story.sections)}
    order = [(index_of[m.section], m.paragraph, m.start) for m in matches]
    assert order == sorted(order)


def test_find_smart_case_and_loose_accents() -> None:
    hostile = load_story(DATA / "hostile.yaml")
    index = ArticleIndex(hostile)
    assert [hostile.span(m) for m in index.find("Nunez")[0]] == ["Ñúñez", "Ñúñez"]
    assert [hostile.span(m) for m in index.find("nunez")[0]] == ["Ñúñez", "Ñúñez"]
    assert index.find("NUNEZ")[0] == []


def test_history_back_and_forward() -> None:
    history: History[str] = History()
    history.record("a")
    history.record("b")
    assert history.back("c") == "b"
    assert history.back("b") == "a"
    assert history.back("a") is None
    assert history.forward("a") == "b"
    history.record("x")
    assert history.forward("x") is None


def test_open_at_options_resolve_against_the_story(story: Story) -> None:
    parse = build_browse_parser().parse_args
    assert start_target(story, parse(["--person", "rivas"])) == ("person", "rivas")
    assert start_target(story, parse(["--section", "migrants-in-chile"])) == (
        "section",
        "migrants-in-chile",
    )
    assert start_target(story, parse(["--figure", "undocumented-2024"])) == (
        "figure",
        "undocumented-2024",
    )
    assert start_target(story, parse(["--quote", "AT LEAST bring us"])) == ("quote", "gonzalez#1")


# In the app ------------------------------------------------------------------------------------


async def test_quote_jump_highlights_exact_span_and_backspace_returns(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j", "enter")  # Billy Gonzalez's card
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        await pilot.press("j", "enter")
        await pilot.pause()
        quote = story.quote("gonzalez#1")
        assert quote is not None
        assert app.focused is article(app)
        assert article(app).highlight == quote.location
        assert story.span(quote.location) == quote.text
        view = article(app)
        shown = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        assert any("Ecuador so we can continue" in line for line in shown)
        await pilot.press("backspace")  # back to the card the quote was chosen on
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen_of(app).pane("people")
        assert article(app).scroll_y == 0
        assert article(app).highlight is None
        await pilot.press("L")
        await pilot.pause()
        assert article(app).highlight == quote.location
        await pilot.press("H")
        assert article(app).highlight is None


async def test_paragraph_cursor_lists_items_and_opens_one(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # the Rivas paragraph
        assert article(app).cursor_location == ("before-the-run-off", 2)
        await pilot.press("enter")
        await pilot.pause()
        items = app.screen
        assert isinstance(items, ParagraphItems)
        text = widget_text(items.query_one("#items-list"))
        assert "person  Milbayajaira Rivas" in text
        assert "direct  Milbayajaira Rivas: “Kast said he was going" in text
        await pilot.press("j", "j", "enter")  # the quote (after Kast and Rivas)
        await pilot.pause()
        assert article(app).highlight == story.quote("rivas#0").location  # type: ignore[union-attr]
        await pilot.press("left_curly_bracket", "left_curly_bracket", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ParagraphItems)
        await pilot.press("enter")  # first item of the first paragraph: Jose Antonio Kast
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)


async def test_clicking_a_name_opens_the_card(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = article(app)
        await pilot.pause()
        # Find where "Jose Antonio Kast" is drawn and click it.
        for y in range(view.scrollable_content_region.height):
            text = view.render_line(y).text
            if "Jose" in text:
                x = text.index("Jose")
                break
        else:
            raise AssertionError("name not on screen")
        await pilot.click(ArticleView, offset=(1 + x + 1, 1 + y))  # inside the border
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        assert app.screen.person.id == "kast"


async def test_speaker_lens_and_n_steps_through_mentions(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        assert article(app).lens == "rivas"
        await pilot.press("j")
        assert article(app).lens == "gonzalez"
        gonzalez = story.person("gonzalez")
        assert gonzalez is not None
        hits = article(app).lens_locations()
        assert {story.span(h) for h in hits} >= {"Billy Gonzalez", "Gonzalez"}
        await pilot.press("n")
        assert app.focused is article(app)
        assert article(app).highlight == hits[0]
        await pilot.press("n")
        assert article(app).highlight == hits[1]
        await pilot.press("N")
        assert article(app).highlight == hits[0]
        await pilot.press("escape")
        assert article(app).lens is None


async def test_find_counts_steps_and_closes(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"Venezuela")
        await pilot.pause()
        bar = app.screen.query_one(FindBar)
        count = widget_text(bar.query_one("#find-count")).strip()
        assert count == "1/8"
        await pilot.press("enter")
        assert app.focused is article(app)
        assert "2/8" in widget_text(bar.query_one("#find-count"))
        await pilot.press("n", "n", "N")
        assert "3/8" in widget_text(bar.query_one("#find-count"))
        find = screen_of(app).find
        assert find is not None and len(find.matches) == 8
        await pilot.press("escape")
        assert screen_of(app).find is None
        assert not bar.display


async def test_find_in_a_list_pane_moves_its_highlight(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "slash", *"paco")
        await pilot.pause()
        people = screen_of(app).list_pane("people")
        assert people.highlighted == 2
        assert widget_text(app.screen.query_one("#find-count")).strip() == "1/1"


async def test_copy_puts_an_attribution_on_the_clipboard(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("y")  # nothing highlighted yet: a notice, nothing copied
        assert app.clipboard == ""
        await pilot.press("3", "enter", "enter", "y")
        await pilot.pause()
        quote = story.quote("rivas#0")
        assert quote is not None
        assert app.clipboard == quote_attribution(story, quote)
        assert app.clipboard.startswith("“Kast said he was going to remove foreigners")
        assert "— Milbayajaira Rivas, Nurse, 56, Venezuela (direct quote, AFP)." in app.clipboard
        await pilot.press("4", "j", "y")
        assert app.clipboard.startswith(
            "Undocumented migrants in Chile, 2018: an estimated 10,000 people"
        )


@pytest.mark.parametrize(
    ("start", "check"),
    [
        (("section", "migrants-in-chile"), "section"),
        (("person", "paco"), "person"),
        (("figure", "stranded-at-border"), "figure"),
        (("quote", "gonzalez#0"), "quote"),
    ],
)
async def test_open_at_an_item(story: Story, start: tuple[str, str], check: str) -> None:
    app = StoryApp(story, remember=False, start=start)
    async with app.run_test(size=(120, 36)) as pilot:

        def opened() -> bool:
            if check == "person":
                return isinstance(app.screen, PersonCard)
            if check == "section":
                return article(app).current_section == "migrants-in-chile"
            return article(app).highlight is not None

        await wait_for(pilot, opened, f"the {check} opened at start")
        if check == "person":
            assert isinstance(app.screen, PersonCard)
            assert app.screen.person.id == "paco"
        elif check == "section":
            assert article(app).current_section == "migrants-in-chile"
        elif check == "figure":
            figure = story.figure("stranded-at-border")
            assert figure is not None and article(app).highlight == figure.location
        else:
            quote = story.quote("gonzalez#0")
            assert quote is not None and article(app).highlight == quote.location


async def test_palette_finds_each_kind_and_jumps(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        titles = {command.title.split(":")[0] for command in story_commands(screen_of(app))}
        assert titles == {
            "section",
            "person",
            "quote",
            "figure",
            "event",
            "pane",
            "export",
            "help",
            "back",
            "about",
        }
        await pilot.press("ctrl+p", *"330,000")
        await wait_for(pilot, lambda: "330,000" in palette_highlight(app), "the figure's hit")
        await pilot.press("enter")
        await pilot.pause()
        figure = story.figure("undocumented-2024")
        assert figure is not None
        assert article(app).highlight == figure.location


async def test_palette_quote_by_its_words(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"quote Ecuador")
        words = story.quote("gonzalez#1").text  # type: ignore[union-attr]
        await wait_for(pilot, lambda: words[:20] in palette_highlight(app), "the quote's hit")
        await pilot.press("enter")
        await pilot.pause()
        assert article(app).highlight == story.quote("gonzalez#1").location  # type: ignore[union-attr]


async def test_palette_export_writes_a_file(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        for command in story_commands(screen_of(app)):
            if command.title.startswith("export: markdown"):
                command.callback()
        await pilot.pause()
    text = (tmp_path / f"{story.id}.md").read_text(encoding="utf-8")
    assert text.startswith(f"# {story.title}")


async def test_opened_items_are_marked_as_seen(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "enter")  # the first figure
        await pilot.pause()
        figures = widget_text(screen_of(app).pane("figures"))
        assert figures.count("✓ seen") == 1
        assert "14 Dec 2025  ✓ seen" in figures
        await pilot.press("5", "j", "enter")
        await pilot.pause()
        assert widget_text(screen_of(app).pane("timeline")).count("✓ seen") == 1
        await pilot.press("3", "enter", "enter")  # Rivas's first quote, then her card again
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, PersonCard)
        text = widget_text(card.query_one("#card-quotes"))
        assert text.count("✓ seen") == 1
        assert "direct · AFP · in “Migrants rush to leave before the run-off” · ✓ seen" in text
