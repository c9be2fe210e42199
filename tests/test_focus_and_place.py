"""Focus and place (issue 16, items 6-12): keys land where the reader can see them."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.keybar import KeyBar
from tests.conftest import wait_for


def main_screen(app: StoryApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def bar_text(app: StoryApp) -> str:
    bar = app.screen.query_one(KeyBar)
    return bar.render_lines(Region(0, 0, bar.region.width, 1))[0].text


def bar_shows(app: StoryApp, hint: str) -> Callable[[], bool]:
    """A condition for `wait_for`: the key bar shows `hint`."""
    return lambda: hint in bar_text(app)


async def test_switching_pane_leaves_the_maximized_view(story: Story) -> None:
    # Item 6: after `z`, `3` and `tab` used to focus panes that stayed hidden.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        await pilot.press("z")
        assert screen.maximized is screen.pane("article")
        await pilot.press("3")
        assert screen.maximized is None
        assert app.focused is screen.pane("people")
        assert screen.pane("people").region.area > 0
        await pilot.press("z", "tab")
        assert screen.maximized is None
        assert app.focused is screen.pane("figures")


async def test_a_maximized_pane_keeps_the_key_bar_with_a_restore_hint(story: Story) -> None:
    # Item 27: the maximized view hid the key bar, so nothing said how to restore.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.region.area > 0
        assert "z Restore" in bar_text(app)
        await pilot.press("z")
        await pilot.pause()
        assert "z Maximize" in bar_text(app)


async def test_j_and_k_stop_at_the_ends_of_a_list(story: Story) -> None:
    # Item 11: j/k wrapped around at the ends of every list.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = main_screen(app).list_pane("sections")
        await pilot.press("1")
        assert pane.highlighted == 0
        await pilot.press("k")
        assert pane.highlighted == 0
        await pilot.press("G", "j", "j")
        assert pane.highlighted == pane.option_count - 1


async def test_the_key_bar_shows_each_panes_own_keys_and_uses_the_room(story: Story) -> None:
    # Item 27: the same keys in every list pane, none of y, n/N, [ ], { } at 120 columns.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        article_bar = bar_text(app)
        for hint in ("{} Paragraph", "[] Section", "n N Match", "y Copy", "? Help", "q Quit"):
            assert hint in article_bar, hint
        own = {}
        wanted = {"sections": "Go", "people": "Card", "figures": "Show", "timeline": "Show"}
        for key, pane in (("1", "sections"), ("3", "people"), ("4", "figures"), ("5", "timeline")):
            await pilot.press(key)
            # The bar redraws on the screen's next bindings refresh, a moment after the focus.
            hint = wanted[pane]
            await wait_for(pilot, bar_shows(app, hint), f"{hint} in the key bar")
            own[pane] = bar_text(app).split()[1]
        assert own == wanted
    small = StoryApp(story, remember=False)
    async with small.run_test(size=(60, 20)) as pilot:
        # Under load the first key can arrive before the layout settles focus on the article.
        await wait_for(pilot, lambda: isinstance(small.focused, ArticleView), "the article's focus")
        await pilot.press("3")
        await wait_for(pilot, bar_shows(small, "Card"), "the people pane's keys")
        text = bar_text(small)
        assert text.split()[1] == "Card"  # the pane's own key is the last to go
        assert "Help" in text


async def test_resizing_below_40x12_and_back_refocuses_the_pane(story: Story) -> None:
    # Item 7: no pane had focus after the terminal was too small; `?` `q` focused Sections.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert app.focused is screen.pane("article")
        await pilot.press("question_mark")
        await pilot.press("q")
        await pilot.pause()
        assert app.focused is screen.pane("article")
        await pilot.press("3")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert app.focused is screen.pane("people")
        await pilot.press("j")
        assert screen.list_pane("people").highlighted == 1


async def test_resizing_keeps_the_paragraph_cursor(story: Story) -> None:
    # Item 8: resizing moved the paragraph cursor back several paragraphs.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        article = main_screen(app).article
        await pilot.press(*["right_curly_bracket"] * 6)
        cursor = article.cursor
        assert cursor == 6
        for size in [(80, 24), (60, 20), (200, 60), (45, 14), (120, 36)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert article.cursor == cursor, size
            start = article.text_layout.paragraph_start(article.text_layout.paragraphs[cursor])
            top = round(article.scroll_y)
            assert top <= start < top + article.scrollable_content_region.height, size


async def test_80x24_fold_out_closes_on_escape_and_q(story: Story) -> None:
    # Item 9: escape did not close the Key figures/Timeline fold-out, and q quit the app.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main_screen(app)
        right = screen.query_one("#right")
        await pilot.press("3", "4")
        assert right.display
        await pilot.press("escape")
        assert not right.display
        assert app.focused is screen.pane("people")
        await pilot.press("5", "q")
        await pilot.pause()
        assert app.is_running
        assert not right.display
        assert app.focused is screen.pane("people")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_list_highlights_come_back_on_reopen_and_reload(story: Story) -> None:
    # Item 10: the People highlight was lost on reopen and on a --watch reload, and the
    # restored paragraph sat at the top with its section heading scrolled away.
    app = StoryApp(story)
    diego = next(p for p in story.people if p.name.startswith("Diego"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        screen.open_target(("section", story.sections[1].id))
        await pilot.pause()
        await pilot.press("3")
        people = screen.list_pane("people")
        people.highlighted = people.get_option_index(diego.id)
        await pilot.press("right_curly_bracket")
        cursor = screen.article.cursor_location
        await screen.replace_story(story)
        await pilot.pause()
        people = screen.list_pane("people")
        assert people.highlighted_option is not None
        assert people.highlighted_option.id == diego.id
        assert screen.article.cursor_location == cursor
        await pilot.press("q")
    again = StoryApp(story)
    async with again.run_test(size=(120, 36)) as pilot:
        await wait_for(
            pilot,
            lambda: again.focused is main_screen(again).pane("people"),
            "the people pane focused again",
        )
        screen = main_screen(again)
        people = screen.list_pane("people")
        assert people.highlighted_option is not None
        assert people.highlighted_option.id == diego.id
        assert again.focused is screen.pane("people")
        assert screen.article.cursor_location == cursor
        heading = screen.article.text_layout.section_start(1)
        assert round(screen.article.scroll_y) <= heading  # the section's heading is in view


def test_find_keeps_the_matches_from_the_readers_place_when_there_are_too_many() -> None:
    # Item 12: with more matches than the cap, the ones after the reader's place were dropped.
    from story_tui.story import find as find_module
    from story_tui.story.find import ArticleIndex
    from tests.conftest import generated_story

    story = generated_story(sections=30, paragraphs=10, people=5, quotes=1, figures=1, events=1)
    index = ArticleIndex(story)
    everything, more = index.find("e")
    assert not more
    cap = len(everything) // 3
    old_cap = find_module.MAX_MATCHES
    find_module.MAX_MATCHES = cap
    try:
        last = 280  # a paragraph near the end
        found, more = index.find("e", start=last)
    finally:
        find_module.MAX_MATCHES = old_cap
    assert more and len(found) == cap
    assert found == sorted(found, key=everything.index)  # still in article order
    order = {s.id: i for i, s in enumerate(story.sections)}
    after = [loc for loc in everything if order[loc.section] * 10 + loc.paragraph >= last]
    assert after[0] in found  # the next match after the reader's place is kept


async def test_find_in_a_list_starts_from_the_highlighted_row(story: Story) -> None:
    # Item 12: find in a list jumped to its first match, not the next after the highlight.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        await pilot.press("3")
        people = screen.list_pane("people")
        people.highlighted = people.option_count - 1
        await pilot.press("slash", *"Venezuela")
        await pilot.pause()
        find = screen.find
        assert find is not None and find.matches
        current = find.matches[find.current or 0]
        assert isinstance(current, int)
        later = [m for m in find.matches if isinstance(m, int) and m >= people.option_count - 1]
        assert current == (later[0] if later else find.matches[0])
