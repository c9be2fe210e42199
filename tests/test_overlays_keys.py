"""The help screen and the person card (issue 16, items 28 and 29)."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.help import HelpScreen
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.screens.person import PersonCard, QuoteOption, QuotesList
from tests.conftest import notifications, wait_for


async def test_help_scrolls_with_the_readers_keys(story: Story) -> None:
    # Item 28: g, G, space and b did nothing; ten quick j presses moved it 3 lines.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 20
        await pilot.press(*["j"] * 10)
        assert body.scroll_y == 10
        await pilot.press("k")
        assert body.scroll_y == 9
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("space")
        page = body.scroll_y
        assert page > 5
        await pilot.press("b")
        assert body.scroll_y == 0


async def test_person_card_copies_a_quote_and_backspace_returns(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Item 29: y did nothing on a card; backspace did nothing when it was opened from the palette.
    app = StoryApp(story, remember=False)
    copied: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("5")
        person = next(p for p in story.people if p.quotes and p is not story.people[0])
        screen.open_target(("person", person.id))  # as the palette does
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        notes = notifications(app, monkeypatch)
        await pilot.press("y")
        assert copied and person.quotes[0].text[:20] in copied[-1]
        assert notes and person.quotes[0].text[:20] in notes[-1]
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is screen  # type: ignore[comparison-overlap]
        assert app.focused is screen.pane("timeline")
        people = screen.list_pane("people")
        assert people.highlighted == 0  # the People list is where it was


async def test_backspace_from_a_quote_chosen_on_a_card_returns_to_the_card(story: Story) -> None:
    # Issue 20 item 9: enter on a quote closed the card for good; backspace went past it.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("3")  # People
        person = next(p for p in story.people if len(p.quotes) > 1)
        screen.open_target(("person", person.id))  # as enter on the People list does
        await wait_for(pilot, lambda: isinstance(app.screen, PersonCard), "the person card")
        await pilot.press("j", "enter")  # the second quote
        await wait_for(pilot, lambda: app.screen is screen, "the card to close")
        assert app.focused is screen.pane("article")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonCard), "the card again")
        card = app.screen
        assert isinstance(card, PersonCard) and card.person == person
        quotes = card.query_one("#card-quotes", QuotesList)
        option = quotes.highlighted_option
        assert isinstance(option, QuoteOption) and option.quote == person.quotes[1]
        await pilot.press("backspace")  # and from the card, back to the People list
        await wait_for(pilot, lambda: app.screen is screen, "the card to close again")
        assert app.focused is screen.pane("people")
