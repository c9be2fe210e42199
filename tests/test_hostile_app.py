"""The app against hostile text, random keys and every terminal size. Nothing may crash or leak."""

from __future__ import annotations

import asyncio
import dataclasses
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

from story_tui.storage.state import State, load_state, save_state
from story_tui.story.loader import load_story
from story_tui.story.model import Story
from story_tui.story.safety import UNSAFE_TEXT
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.main import PANES, MainScreen
from tests.conftest import DATA, examples, wait_for

APP_KEYS = [
    "tab",
    "shift+tab",
    "1",
    "2",
    "3",
    "4",
    "5",
    "j",
    "k",
    "up",
    "down",
    "space",
    "b",
    "g",
    "G",
    "pageup",
    "pagedown",
    "home",
    "end",
    "left_square_bracket",
    "right_square_bracket",
    "left_curly_bracket",
    "right_curly_bracket",
    "enter",
    "escape",
    "z",
    "s",
    "slash",
    "n",
    "N",
    "backspace",
    "H",
    "L",
    "y",
    "question_mark",
    "f1",
    "q",
]


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def poisoned(story: Story) -> Story:
    """The story with terminal controls smuggled into every text (bypassing the loader)."""
    bad = "\x1b]52;c;SGVsbG8=\x07\x1b[2J\u202eevil\u2066\x9b31m"

    def poison(text: str) -> str:
        return text + bad

    sections = tuple(
        dataclasses.replace(
            s, title=poison(s.title), paragraphs=tuple(poison(p) for p in s.paragraphs)
        )
        for s in story.sections
    )
    people = tuple(
        dataclasses.replace(p, name=poison(p.name), role=poison(p.role)) for p in story.people
    )
    figures = tuple(dataclasses.replace(f, label=poison(f.label)) for f in story.figures)
    timeline = tuple(dataclasses.replace(e, label=poison(e.label)) for e in story.timeline)
    return dataclasses.replace(
        story,
        title=poison(story.title),
        standfirst=poison(story.standfirst or ""),
        sections=sections,
        people=people,
        figures=figures,
        timeline=timeline,
    )


def rendered_text(screen_widgets: list[Widget]) -> str:
    lines: list[str] = []
    for widget in screen_widgets:
        if widget.display and widget.region.area:
            strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
            lines += [strip.text for strip in strips]
    return "\n".join(lines)


async def test_controls_in_story_text_never_reach_the_terminal(story: Story) -> None:
    app = StoryApp(poisoned(story), remember=False)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        steps = [
            ([], True),
            (["3", "enter"], True),
            (["escape", "question_mark"], False),
            (["escape", "4", "enter"], True),
            (["right_curly_bracket", "enter"], True),
        ]
        for keys, shows_story in steps:
            await pilot.press(*keys)
            await pilot.pause()
            text = rendered_text(list(app.screen.walk_children(Widget)))
            if shows_story:
                assert "evil" in text  # the text is there...
            assert not UNSAFE_TEXT.search(text), repr(
                UNSAFE_TEXT.search(text)
            )  # ...its controls not
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\u202e" not in svg


async def _mash(story: Story, keys: list[str], size: tuple[int, int]) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=size) as pilot:
        for key in keys:
            if not app.is_running:
                return
            await pilot.press(key)
        # Still responsive: back to the main screen (out of any text input), then q quits.
        for _ in range(6):
            in_input = isinstance(app.focused, Input)
            if not app.is_running or (isinstance(app.screen, MainScreen) and not in_input):
                break
            await pilot.press("escape")
        if app.is_running:
            assert isinstance(app.screen, MainScreen)
            await pilot.press("q")
            await pilot.pause()
            if app.is_running:  # that q closed the sidebar open over the article (medium size)
                await pilot.press("q")
                await pilot.pause()
            assert not app.is_running


MASHING = settings(
    max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
KEYS = st.lists(
    st.one_of(
        st.sampled_from([k for k in APP_KEYS if k != "q"]),
        st.characters(min_codepoint=32, max_codepoint=126).filter(lambda c: c not in "qy"),
    ),
    min_size=5,
    max_size=30,
)


@pytest.mark.fuzz
@MASHING
@given(keys=KEYS)
def test_key_mashing_on_the_bundled_story(story: Story, keys: list[str]) -> None:
    asyncio.run(_mash(story, keys, (100, 30)))


@pytest.mark.fuzz
@MASHING
@given(keys=KEYS, wide=st.booleans())
def test_key_mashing_on_a_hostile_story(keys: list[str], wide: bool) -> None:
    hostile = load_story(DATA / "hostile.yaml")
    asyncio.run(_mash(hostile, keys, (120, 36) if wide else (60, 20)))


async def test_every_size_and_a_resize_storm(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        for width in range(20, 201, 15):
            for height in range(8, 61, 13):
                await pilot.resize_terminal(width, height)
                await pilot.pause()
        for index in range(60):  # a storm: no pause between sizes
            await pilot.resize_terminal(20 + (index * 37) % 180, 8 + (index * 11) % 52)
        await pilot.press("tab", "3", "enter", "escape", "G")
        await pilot.resize_terminal(80, 24)
        assert app.is_running
        screen = app.screen
        assert isinstance(screen, MainScreen)

        def shown() -> list[str]:
            return [p for p in PANES if screen.pane(p).display and screen.pane(p).region.area]

        # The last size wins, and the screen is laid out for it as if it had started there. On a
        # busy machine the storm's resizes and keys are still being handled when `pause` returns
        # (it waits for the process to look idle), so wait for the outcome, not a moment.
        people = screen.list_pane("people")
        await wait_for(
            pilot,
            lambda: (
                app.size == (80, 24)
                and screen.size == (80, 24)
                and shown() == ["sections", "article", "people"]  # below 110 columns: no figures
                and app.focused is people
                and people.highlighted == len(story.people) - 1
            ),
            "the layout for 80x24, People focused at the last person",
        )
        for pane_id in shown():
            assert Region(0, 0, 80, 24).contains_region(screen.pane(pane_id).region), pane_id
        # The keys pressed during the storm all took effect: People focused, at the last person.
        assert app.focused is people
        assert people.highlighted == len(story.people) - 1
        # The article is wrapped to its new width, and still shows the story.
        article = screen.pane("article")

        def lines() -> list[Strip]:
            region = article.scrollable_content_region
            return [article.render_line(y) for y in range(region.height)]

        def wrapped() -> bool:
            width = article.scrollable_content_region.width
            return all(line.cell_length <= width for line in lines())

        await wait_for(pilot, wrapped, "the article wrapped to its new width")
        assert story.sections[0].title in "\n".join(line.text for line in lines())


# State files -----------------------------------------------------------------------------------


def test_state_is_written_atomically(_state_dir: Path) -> None:
    assert save_state(State(theme="nord")) is None
    assert load_state().theme == "nord"
    names = sorted(p.name for p in _state_dir.iterdir())
    assert names == ["state.json", "state.json.lock"]  # no temp files left


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\xff\xfe garbage", "not valid JSON"),
        (b"[1, 2, 3]", "unexpected contents"),
        (b"{" * 100_000, "not valid JSON"),
        (b"x" * 2_000_000, "larger than expected"),
    ],
)
def test_corrupt_state_is_ignored(_state_dir: Path, content: bytes, problem: str) -> None:
    _state_dir.mkdir(parents=True)
    (_state_dir / "state.json").write_bytes(content)
    state = load_state()
    assert state.stories == {} and state.theme is None
    assert state.problem is not None and problem in state.problem


def test_unreadable_state_is_ignored(_state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _state_dir.mkdir(parents=True)
    (_state_dir / "state.json").write_text("{}", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # as root, chmod 000 would still read
    state = load_state()
    assert state.stories == {} and state.theme is None
    assert state.problem is not None and "Permission denied" in state.problem


def test_state_that_is_a_directory_is_ignored(_state_dir: Path) -> None:
    (_state_dir / "state.json").mkdir(parents=True)
    state = load_state()
    assert state.stories == {} and state.theme is None and state.problem is not None


def test_unwritable_state_dir_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    problem = save_state(State(theme="nord"), blocker / "sub")
    assert problem is not None and "could not save settings" in problem
    assert stat.S_ISREG(blocker.stat().st_mode)


async def test_unwritable_state_while_running(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(blocker / "sub"))
    app = StoryApp(story)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "nord"
        await pilot.pause()
        assert app.is_running


async def test_a_failed_save_is_told_as_text_from_the_saving_thread(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The saving thread tells the app through call_from_thread: its notice is text, never
    # markup, as the main thread's is (a folder named `[x]` vanished from the message).
    from tests.conftest import wait_for

    blocker = tmp_path / "[x]"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(blocker / "sub"))
    app = StoryApp(story)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.save_state()  # written by the saving thread, which fails

        def shown() -> str:
            return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))

        await wait_for(pilot, lambda: "could not save settings" in shown(), "the notice")
        assert f"could not save settings in {blocker / 'sub'}:" in shown()
