"""Find in a list pane: only the story's words match, and each match is marked in its item."""

from __future__ import annotations

import pytest
from textual.content import Content

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.widgets.lists import MATCH_STYLE, ListPane
from tests.conftest import notifications
from tests.test_browser import main_screen, widget_text


def marked_text(pane: ListPane, index: int) -> list[str]:
    """The words of an option marked as a find match."""
    prompt = pane.get_option_at_index(index).prompt
    assert isinstance(prompt, Content)
    return [prompt.plain[s.start : s.end] for s in prompt.spans if str(s.style) == MATCH_STYLE]


async def test_the_panes_own_words_do_not_match(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        people = main_screen(app).list_pane("people")
        assert people.matching("quotes") == []  # "3 quotes" is the pane's, not the story's
        assert people.matching("venezuela") == [0, 1]
        figures = main_screen(app).list_pane("figures")
        # Six figures show "as of <date>" in the pane's words: none matches. Figure 3 does,
        # through its own words ("Kast has", "hundreds of thousands"): every word, anywhere.
        assert figures.matching("as of") == [3]
        assert figures.matching("note") == []
        assert figures.matching("campaign pledge") == [3]


async def test_matches_are_marked_and_cleared(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        people = main_screen(app).list_pane("people")
        before = people.get_option_at_index(0).prompt
        people.mark_matches("venezuela")
        assert marked_text(people, 0) == ["Venezuela"]
        assert marked_text(people, 2) == []
        people.mark_matches(None)
        assert people.get_option_at_index(0).prompt == before
        assert marked_text(people, 0) == []
        # A seen mark while searching keeps the marks.
        timeline = main_screen(app).list_pane("timeline")
        timeline.mark_matches("peru")
        event = story.timeline_sorted()[1]
        main_screen(app).query_one("#timeline").mark_seen(event)  # type: ignore[attr-defined]
        assert marked_text(timeline, 1) == ["Peru"]
        timeline.mark_matches(None)
        prompt = timeline.get_option_at_index(1).prompt
        assert isinstance(prompt, Content) and "seen" in prompt.plain
        assert marked_text(timeline, 1) == []


async def test_find_in_people_marks_the_story_words_only(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "slash", *"quote")
        await pilot.pause()
        count = app.screen.query_one("#find-count")
        assert widget_text(count).strip() == "no matches"
        people = main_screen(app).list_pane("people")
        assert all(marked_text(people, i) == [] for i in range(people.option_count))
        for _ in range(5):
            await pilot.press("backspace")
        await pilot.press(*"venezuela")
        await pilot.pause()
        assert marked_text(people, 0) == ["Venezuela"]
        assert marked_text(people, 1) == ["Venezuela"]
        notes = notifications(app, monkeypatch)
        await pilot.press("enter", "n", "n")  # two matches: the second step wraps
        await pilot.pause()
        assert any("wrapped to the first match" in note for note in notes)
        await pilot.press("escape")
        await pilot.pause()
        assert marked_text(people, 0) == []
