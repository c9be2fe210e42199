"""Keys mashed at random in the browser never raise, whatever the terminal's size.

Keys are posted in bursts, without waiting between them (as a key-masher, a paste or tmux
send-keys sends them): a priority key (1-5, tab) moves focus before the keys queued behind it
reach the pane, and a pane hidden a moment ago may still get a late `Hide` and hand focus on.
"""

from __future__ import annotations

import random

import pytest
from textual import events

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.widgets.lists import ListPane
from tests.conftest import wait_for

KEYS = (
    "pageup",
    "pagedown",
    "home",
    "end",
    "j",
    "k",
    "tab",
    "1",
    "2",
    "3",
    "4",
    "5",
    "z",
    "escape",
)
BURSTS = 30
SEED = 0


def post_keys(app: StoryApp, keys: list[str]) -> None:
    """Post keys together, as a terminal delivers a burst (pilot.press waits after each key)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


def focus_is_shown(app: StoryApp) -> bool:
    """The focused widget is in the maximized pane, when one is maximized."""
    screen = app.screen
    maximized, focused = screen.maximized, screen.focused
    if maximized is None or focused is None:
        return True
    return focused is maximized or maximized in focused.ancestors


async def test_a_late_hide_does_not_leave_focus_behind_the_maximized_pane(story: Story) -> None:
    """`5 escape z 4` then `pageup` at 60x20: the timeline's focus moved to key figures, which were
    maximized; key figures' late `Hide` (from when `5` folded them away) handed focus to the
    timeline, hidden behind them, and `pageup` there raised KeyError in Textual's OptionList."""
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        post_keys(app, ["5", "escape", "z", "4"])
        # One pause can return while the burst is still being handled on a busy machine (it
        # waits for the process to look idle): wait for the maximized pane, then check focus.
        await wait_for(pilot, lambda: app.screen.maximized is not None, "a pane maximized")
        await wait_for(pilot, lambda: focus_is_shown(app), "focus on the maximized pane")
        assert focus_is_shown(app), f"{app.screen.focused} has focus behind the maximized pane"
        post_keys(app, ["pageup", "pagedown"])
        await pilot.pause()


async def test_paging_a_pane_with_no_size_yet_does_nothing(story: Story) -> None:
    """A list pane that has not been laid out (hidden, or shown a moment ago) ignores paging."""
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", ListPane)
        assert not timeline.display  # narrow: only the article is shown
        before = timeline.highlighted
        timeline.action_page_up()
        timeline.action_page_down()
        assert timeline.highlighted == before


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24), (120, 36)])
async def test_mashing_keys_never_raises(story: Story, size: tuple[int, int]) -> None:
    """Random bursts of paging, moving, pane and maximize keys (seeded: a failure replays)."""
    rng = random.Random(SEED)
    app = StoryApp(story, remember=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(BURSTS):
            burst = [rng.choice(KEYS) for _ in range(rng.randint(1, 4))]
            post_keys(app, burst)
            await pilot.pause()
            assert focus_is_shown(app), f"after {burst}: focus behind the maximized pane"
    # Leaving `run_test` re-raises anything a handler raised.
