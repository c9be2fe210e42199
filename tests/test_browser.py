"""The browser as a reader uses it: every pane, every key, on the bundled story and a fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget

from story_tui.story.loader import load_story
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.help import HelpScreen
from story_tui.tui.screens.main import PANES, MainScreen
from story_tui.tui.screens.person import PersonCard
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.lists import ListPane
from story_tui.tui.widgets.sections import SectionsPane
from tests.conftest import DATA, notifications, wait_for


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's remembered settings away from the real state directory."""
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def widget_text(widget: Widget) -> str:
    """The text a widget shows right now (its rendered lines, borders included)."""
    strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return "\n".join(strip.text for strip in strips)


def main_screen(app: StoryApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def article(app: StoryApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def top_section(app: StoryApp) -> str:
    return article(app).current_section


async def test_opens_with_every_pane_visible_at_120x36(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        for pane_id in PANES:
            assert screen.pane(pane_id).display, pane_id
            assert screen.pane(pane_id).region.area > 0, pane_id
        assert app.focused is article(app)
        assert story.title in widget_text(screen.query_one("#title"))
        assert "Milbayajaira Rivas" in widget_text(screen.pane("people"))
        assert "330,000 people" in widget_text(screen.pane("figures"))
        assert "2024 ██████████████ 330,000" in widget_text(screen.query_one("#chart"))


@pytest.mark.parametrize(("key", "pane_id"), list(zip("12345", PANES, strict=True)))
async def test_number_keys_focus_panes(story: Story, key: str, pane_id: str) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(key)
        assert app.focused is main_screen(app).pane(pane_id)


async def test_tab_and_shift_tab_cycle_panes_in_order(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        seen = []
        for _ in PANES:
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == ["people", "figures", "timeline", "sections", "article"]
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "sections"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["j", "j", "j"], 3),
        (["down", "down", "up"], 1),
        (["j", "j", "k"], 1),
    ],
)
async def test_article_line_keys(story: Story, keys: list[str], expected: int) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        for key in keys:
            await pilot.press(key)
        assert article(app).scroll_y == expected


@pytest.mark.parametrize(("forward", "back"), [("space", "b"), ("pagedown", "pageup")])
async def test_article_page_keys(story: Story, forward: str, back: str) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = article(app)
        await pilot.press(forward)
        page = view.scroll_y
        assert page >= view.scrollable_content_region.height - 2
        await pilot.press(forward, back)
        assert view.scroll_y == page


@pytest.mark.parametrize(("end", "home"), [("G", "g"), ("end", "home")])
async def test_article_ends(story: Story, end: str, home: str) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        view = article(app)
        await pilot.press(end)
        assert view.scroll_y == view.max_scroll_y > 0
        assert top_section(app) == story.sections[-1].id
        await pilot.press(home)
        assert view.scroll_y == 0


async def test_list_keys_move_the_highlight(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        people = app.focused
        assert isinstance(people, ListPane)
        await pilot.press("j", "j")
        assert people.highlighted == 2
        await pilot.press("k")
        assert people.highlighted == 1
        await pilot.press("G")
        assert people.highlighted == len(story.people) - 1
        await pilot.press("g")
        assert people.highlighted == 0
        await pilot.press("end")
        assert people.highlighted == len(story.people) - 1
        await pilot.press("home", "down", "down", "up")
        assert people.highlighted == 1
        await pilot.press("space")
        assert people.highlighted == len(story.people) - 1
        await pilot.press("b")
        assert people.highlighted == 0


async def test_section_keys_and_sections_pane_follow_the_article(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        sections = app.screen.query_one(SectionsPane)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert top_section(app) == story.sections[1].id
        assert sections.current == story.sections[1].id
        assert sections.highlighted == 1
        await pilot.press("right_square_bracket", "right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert top_section(app) == story.sections[2].id
        assert sections.highlighted == 2
        # Scrolling by hand moves the table of contents too.
        await pilot.press("g")
        await pilot.pause()
        assert sections.highlighted == 0


async def test_enter_on_a_section_scrolls_the_article_there(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1", "j", "j", "j", "enter")
        await pilot.pause()
        assert top_section(app) == story.sections[3].id
        assert (
            widget_text(article(app))
            .splitlines()[1]
            .strip(" │")
            .startswith(story.sections[3].title)
        )


async def test_person_card_opens_lists_quotes_and_closes(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, PersonCard)
        assert card.person.id == "rivas"
        text = widget_text(card.query_one("#card-quotes"))
        assert "“Kast said he was going to remove foreigners who have not been" in text
        assert "direct · AFP · in “Migrants rush to leave before the run-off”" in text
        assert "Age 56 · from Venezuela" in widget_text(card.query_one("#card-facts"))
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.is_running


async def test_enter_on_a_quote_highlights_it_in_the_article(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j", "j", "enter")  # Diego Paco
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        quote = story.quotes_in_section("stranded-at-the-border")[0]
        assert isinstance(app.screen, MainScreen)
        assert app.focused is article(app)
        assert article(app).highlight == quote.location
        assert "Among these 100 people" in widget_text(article(app))


@pytest.mark.parametrize(("key", "item_kind"), [("4", "figure"), ("5", "event")])
async def test_enter_on_a_figure_or_event_highlights_it(
    story: Story, key: str, item_kind: str
) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(key, "j", "enter")
        await pilot.pause()
        expected = story.figures[1] if item_kind == "figure" else story.timeline_sorted()[1]
        assert app.focused is article(app)
        assert article(app).highlight == expected.location
        assert main_screen(app).query_one(SectionsPane).current == expected.location.section


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key_and_closes(story: Story, key: str) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = widget_text(app.screen.query_one("#help-text"))
        for needle in ["tab", "shift+tab", "[", "]", "Maximize", "j", "PgDn", "Home", "ctrl+q"]:
            assert needle in text, needle
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)
        assert app.is_running


async def test_z_maximizes_and_restores(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "z")
        screen = main_screen(app)
        assert screen.maximized is screen.pane("figures")
        await pilot.press("z")
        assert screen.maximized is None


async def test_s_toggles_the_standfirst(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        standfirst = app.screen.query_one("#standfirst")
        assert standfirst.display
        await pilot.press("s")
        assert not standfirst.display
        await pilot.press("s")
        assert standfirst.display


async def test_q_quits_at_top_level(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_quits_from_an_overlay(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "enter")
        assert isinstance(app.screen, PersonCard)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_mouse_click_focuses_and_selects(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.click("#people", offset=(10, 0))  # the border: focus only
        await pilot.pause()
        assert app.focused is main_screen(app).pane("people")
        await pilot.click("#timeline", offset=(5, 1))  # the first event: open it
        await pilot.pause()
        assert app.focused is article(app)
        assert article(app).highlight == story.timeline_sorted()[0].location


# Terminals as they are -------------------------------------------------------------------------


async def test_80x24_folds_the_sidebar_and_4_opens_it(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        right = screen.query_one("#right")
        assert not right.display
        assert screen.pane("sections").display and screen.pane("people").display
        await pilot.press("4")
        assert right.display and app.focused is screen.pane("figures")
        await pilot.press("5")
        assert app.focused is screen.pane("timeline")
        await pilot.press("2")
        assert not right.display


async def test_60x20_shows_one_pane_at_a_time(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        for key, pane_id in zip("12345", PANES, strict=True):
            await pilot.press(key)
            await pilot.pause()
            shown = [p for p in PANES if screen.pane(p).display and screen.pane(p).region.area]
            assert shown == [pane_id]
            assert app.focused is screen.pane(pane_id)
        await pilot.press("tab")
        assert app.focused is screen.pane("sections")


async def test_too_small_shows_a_message_and_recovers(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        message = app.screen.query_one("#too-small")
        assert message.display
        assert "too small" in widget_text(message)
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert not message.display
        assert main_screen(app).pane("article").region.area > 0


async def test_resizing_keeps_the_readers_place(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        before = top_section(app)
        for size in [(80, 24), (60, 20), (200, 60), (120, 36)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert top_section(app) == before, size


async def test_reading_width_is_capped_and_centred(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        lines = widget_text(article(app)).splitlines()[3:12]
        widths = [len(line.strip(" │▌▁▂▃▄▅▆▇█")) for line in lines]
        assert max(widths) <= 80
        margin = len(lines[2]) - len(lines[2].lstrip("│ "))
        assert margin > 4  # centred (the side columns take some of the room: issue 16 item 31)


# Themes ----------------------------------------------------------------------------------------


async def test_theme_option_and_remembered_choice(story: Story, _state_dir: Path) -> None:
    app = StoryApp(story, theme="textual-light")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        app.theme = "nord"
        await pilot.pause()
    assert '"theme": "nord"' in (_state_dir / "state.json").read_text(encoding="utf-8")
    again = StoryApp(story)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_corrupt_state_file_is_ignored_with_a_notice(
    story: Story, _state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _state_dir.mkdir(parents=True)
    (_state_dir / "state.json").write_text("{not json", encoding="utf-8")
    app = StoryApp(story)
    notes = notifications(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.is_running
        assert app.theme == "textual-dark"
        assert any("not valid JSON" in note for note in notes)


# Story text is shown literally -----------------------------------------------------------------


async def test_hostile_text_is_shown_literally_and_never_runs() -> None:
    hostile = load_story(DATA / "hostile.yaml")
    app = StoryApp(hostile, remember=False)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        title = widget_text(screen.query_one("#title"))
        assert "[bold red]Headline[/] [@click=app.quit]click[/]" in title
        assert "[USD]" in widget_text(screen.query_one("#standfirst"))
        sections = widget_text(screen.pane("sections"))
        assert "[@click=app.quit]Section" in sections and "] <i>one</i>" in sections
        body = widget_text(article(app))
        assert "[bold]Zoë Ñúñez[/bold]" in body
        assert "“[@click=app.quit]quit now[/]”" in body
        people = widget_text(screen.pane("people"))
        assert "[b]Reporter[/b]" in people and "東京" in people
        assert "[red]Money[/red] in [USD]" in widget_text(screen.pane("figures"))
        assert "[@click=app.quit]Event[/]" in widget_text(screen.pane("timeline"))
        # Click every line of the title and the article: nothing may run.
        for y in range(3):
            await pilot.click("#title", offset=(5 + y * 10, 0))
        await pilot.click("#article", offset=(10, 5))
        await pilot.press("3", "enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, PersonCard)
        assert "[@click=app.quit]quit now[/]" in widget_text(card.query_one("#card-quotes"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running


async def test_wide_characters_align(story: Story) -> None:
    hostile = load_story(DATA / "hostile.yaml")
    app = StoryApp(hostile, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        from rich.cells import cell_len

        view = article(app)
        lines = [view.render_line(y) for y in range(view.size.height)]
        widths = {strip.cell_length for strip in lines}
        assert widths == {view.scrollable_content_region.width}
        assert any("東京" in strip.text for strip in lines)
        assert all(cell_len(strip.text) == strip.cell_length for strip in lines)


async def test_keys_typed_fast_reach_the_new_pane(story: Story) -> None:
    """`3` then `enter` in one burst (as a fast typist or a paste sends them) opens the card."""
    from textual import events

    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        # The browser takes keys once its screen has focused the article (on a busy machine that
        # can come after the first pause); a key before that has no pane to go to.
        await wait_for(pilot, lambda: app.focused is article(app), "the article's focus")
        # Posted together, without waiting between them (pilot.press waits after each key).
        app.post_message(events.Key("3", "3"))
        app.post_message(events.Key("enter", "\r"))
        await wait_for(pilot, lambda: isinstance(app.screen, PersonCard), "the person card")


async def test_marks_differ_by_more_than_colour(story: Story) -> None:
    """Under NO_COLOR only text attributes remain: each kind of mark must differ in them."""
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_square_bracket")  # the section with quotes and a paraphrase
        await pilot.pause()
        view = article(app)
        attributes: dict[str, set[tuple[bool, bool, bool]]] = {}
        wanted = {
            "Hugo de Zela": "name",
            "November 28, 2025": "figure",
            "Peru would not": "paraphrase",
            "Peru doesn’t want": "direct",
        }
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                style = segment.style
                if style is None:
                    continue
                for needle, kind in wanted.items():
                    text = segment.text.strip()
                    if len(text) >= 4 and (needle.startswith(text) or text.startswith(needle)):
                        attributes.setdefault(kind, set()).add(
                            (bool(style.bold), bool(style.italic), bool(style.underline))
                        )
        assert attributes["name"] == {(True, False, False)}
        assert attributes["figure"] == {(True, False, True)}
        assert attributes["paraphrase"] == {(False, False, True)}
        assert (False, True, False) in attributes["direct"]


async def test_every_key_on_the_small_fixture_story(mini: Story) -> None:
    """The same keys work on any story in the format, not only the bundled one."""
    app = StoryApp(mini, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        for key, pane_id in zip("12345", PANES, strict=True):
            await pilot.press(key)
            assert app.focused is screen.pane(pane_id)
        sections = screen.query_one(SectionsPane)
        await pilot.press("2", "right_square_bracket")
        assert sections.current == "second"  # the whole story fits: the list still follows
        await pilot.press("left_square_bracket")
        assert sections.current == "first"
        await pilot.press("j", "k", "space", "b", "G", "g")
        assert article(app).scroll_y == 0
        await pilot.press("3", "j", "enter")
        assert isinstance(app.screen, PersonCard) and app.screen.person.id == "lee"
        await pilot.press("enter")
        await pilot.pause()
        quote = mini.quote("lee#0")
        assert quote is not None and article(app).highlight == quote.location
        await pilot.press("backspace")  # back to the card the quote was chosen on
        await pilot.pause()
        assert isinstance(app.screen, PersonCard) and app.screen.person.id == "lee"
        await pilot.press("escape", "4", "enter")
        figure = mini.figure("bread-price")
        assert figure is not None and article(app).highlight == figure.location
        await pilot.press("5", "enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q", "z")
        assert main_screen(app).maximized is not None
        await pilot.press("z", "tab", "shift+tab", "q")
        await pilot.pause()
        assert not app.is_running


async def test_letters_typed_right_after_slash_reach_the_find_bar(story: Story) -> None:
    """A fast typist, a paste or tmux send-keys: `/ven3` arrives before any redraw."""
    from textual import events
    from textual.widgets import Input

    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for key, char in [("slash", "/"), ("v", "v"), ("e", "e"), ("n", "n"), ("3", "3")]:
            app.post_message(events.Key(key, char))  # all at once, no wait between them

        def typed() -> str:
            found = app.screen.query("#find-input")
            return found.first(Input).value if found else ""

        await wait_for(pilot, lambda: typed() == "ven3", "the letters in the find bar")
        find_input = app.screen.query_one("#find-input", Input)
        assert find_input.value == "ven3"  # in the find bar, digits are text, not pane keys
