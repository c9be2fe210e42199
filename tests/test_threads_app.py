"""The thread views as a reader uses them (Pilot): the list of threads, one thread, its merged
timeline, people with quotes in time order, figures as they changed, jumps and back, what is new."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import Library, open_library
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.screens.threads import ThreadScreen, ThreadsScreen
from story_tui.tui.widgets.thread_list import ThreadItemOption, ThreadOption
from tests.conftest import wait_for
from tests.threads_fixture import write_library


def _library(tmp_path: Path) -> Library:
    folder = write_library(tmp_path / "lib")
    return open_library([folder], index=LibraryIndex(tmp_path / "index.sqlite3"))


def _texts(screen: ThreadScreen) -> list[str]:
    pane = screen.list
    options = [pane.get_option_at_index(i) for i in range(pane.option_count)]
    return [o.item.text for o in options if isinstance(o, ThreadItemOption)]


async def _open_threads(app: StoryApp, pilot: object) -> ThreadsScreen:
    await pilot.press("ctrl+t")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, ThreadsScreen), "the threads screen")  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, ThreadsScreen)
    await wait_for(pilot, lambda: screen.list.option_count == 2, "the threads grouped")  # type: ignore[arg-type]
    return screen


async def _open_thread(
    app: StoryApp, pilot: object, threads: ThreadsScreen, index: int
) -> ThreadScreen:
    threads.list.highlighted = index
    await pilot.press("enter")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, ThreadScreen), "the thread")  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, ThreadScreen)
    return screen


def _index_of(screen: ThreadScreen, wanted: Callable[[str], bool]) -> int:
    """The place of the first item of the thread whose text `wanted` accepts."""
    pane = screen.list
    return next(
        i
        for i in range(pane.option_count)
        if isinstance(o := pane.get_option_at_index(i), ThreadItemOption) and wanted(o.item.text)
    )


async def _select(pilot: object, screen: ThreadScreen, text: str) -> None:
    screen.list.highlighted = _index_of(screen, lambda item: item == text)
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_thread_list_and_thread_view(tmp_path: Path) -> None:
    app = StoryApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        threads = await _open_threads(app, pilot)
        options = [threads.list.get_option_at_index(i) for i in range(2)]
        assert [o.thread.title for o in options if isinstance(o, ThreadOption)] == [
            "Senator Harry Reid schedules budget vote in the Senate",
            "Tara Reid checks into Promises rehab clinic in Malibu",
        ]
        assert "unread" in str(options[1].prompt)
        assert "5 Mar – 7 Mar 2008 · AFP, Reuters, The Wire · 3 stories" in str(options[1].prompt)
        thread = await _open_thread(app, pilot, threads, 1)
        texts = _texts(thread)
        # Stories in time order, the undated one last.
        stories = texts[texts.index("Stories · 3, in time order") + 1 :][:3]
        assert stories == [
            "Tara Reid checks into Promises rehab clinic in Malibu",
            "American Pie actress Reid enters Promises rehab",
            "Friends rally around Tara Reid at Malibu rehab",
        ]
        # The merged timeline: the check-in once, with both reports.
        start = texts.index("Timeline · 1 event")
        assert texts[start + 1 : start + 4] == [
            "4 Mar 2008  Tara Reid checks into Promises",
            "AFP: checked into the Promises rehab clinic",
            "Reuters: entered the Promises rehab clinic",
        ]
        # People: one Tara Reid (not Harry), quotes in time order.
        start = texts.index("People · 2")
        assert texts[start + 1 : start + 7] == [
            "Jack Ketsoyan (also Ketsoyan)",
            "“She is doing well and asks for privacy,”",
            "“Tara wants to thank her fans,”",
            "Tara Reid (also Reid)",
            "“I am ready to get better.”",
            "Figures as they changed · 1",
        ]
        assert not any("Harry" in text for text in texts)
        # Figures as they changed.
        start = texts.index("Figures as they changed · 1")
        pane = thread.list
        change = pane.get_option_at_index(pane.option_count - 3)
        assert isinstance(change, ThreadItemOption)
        assert change.item.detail == "$48,000 (AFP, 5 Mar) → $50,000 (Reuters, 7 Mar)"
        assert texts[start + 2 :] == ["$48,000 · AFP, 5 Mar 2008", "$50,000 · Reuters, 7 Mar 2008"]

        # A quote is one key from its place in its story; backspace comes back.
        await _select(pilot, thread, "“Tara wants to thank her fans,”")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story")
        story = app.screen
        assert isinstance(story, MainScreen)
        assert story.session.story.id == "reid-rehab-reuters"
        await wait_for(
            pilot,
            lambda: story.article.highlight is not None,
            "the quote highlighted in the article",
        )
        await pilot.press("backspace")
        await wait_for(pilot, lambda: app.screen is thread, "back in the thread")
        # A timeline event and a figure too.
        await _select(pilot, thread, "Reuters: entered the Promises rehab clinic")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story")
        assert app.screen.session.story.id == "reid-rehab-reuters"  # type: ignore[attr-defined]
        await pilot.press("backspace")
        await wait_for(pilot, lambda: app.screen is thread, "back in the thread")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: app.screen is threads, "back in the threads")
        option = threads.list.get_option_at_index(1)
        # Read or unread is the library's memory: one of the three stories is read now.
        assert str(option.prompt).endswith("· 2 unread")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "all stories")
        await pilot.press("t")  # the filter is empty: t is the key, not a letter
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadsScreen), "threads again")
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "all stories")
        await pilot.press("x", "t")  # typing: t is a letter of the filter
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#library-filter").value == "xt"  # type: ignore[attr-defined]


async def test_what_is_new_since_the_thread_was_last_opened(tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    wire = folder / "rehab-wire.yaml"
    text = wire.read_text(encoding="utf-8")
    wire.unlink()
    index = LibraryIndex(tmp_path / "index.sqlite3")
    app = StoryApp(open_library([folder], index=index))
    async with app.run_test(size=(120, 40)) as pilot:
        threads = await _open_threads(app, pilot)
        thread = await _open_thread(app, pilot, threads, 1)
        assert "New since" not in " ".join(_texts(thread))
    state = app.state
    wire.write_text(text, encoding="utf-8")
    again = StoryApp(open_library([folder], index=index), state=state)
    async with again.run_test(size=(120, 40)) as pilot:
        threads = await _open_threads(again, pilot)
        option = threads.list.get_option_at_index(1)
        assert "1 new since you last opened it" in str(option.prompt)
        texts = _texts(await _open_thread(again, pilot, threads, 1))
        assert texts[:2] == [
            "New since you last opened it · 1 story",
            "Friends rally around Tara Reid at Malibu rehab",
        ]


async def test_moving_and_splitting_a_story_is_kept_and_shown(tmp_path: Path) -> None:
    library = _library(tmp_path)
    folder = tmp_path / "lib"
    app = StoryApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        threads = await _open_threads(app, pilot)
        thread = await _open_thread(app, pilot, threads, 0)  # the senate thread
        thread.list.highlighted = _index_of(
            thread, lambda item: item.startswith("Harry Reid and Senate")
        )
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen is not thread, "the choice of threads")
        await pilot.press("enter")  # the only other thread: the rehab one
        await wait_for(pilot, lambda: app.screen is threads, "back in the threads")
        assert threads.threads is not None
        moved = threads.threads.thread_of(str(folder / "senate-deal.yaml"))
        assert moved == "reid-rehab-afp"
        text = (folder / "threads.txt").read_text(encoding="utf-8")
        assert "together senate-deal.yaml rehab-afp.yaml" in text
        # Split the undated story off.
        index = next(i for i, t in enumerate(threads.threads.threads) if t.id == moved)
        thread = await _open_thread(app, pilot, threads, index)
        thread.list.highlighted = _index_of(
            thread, lambda item: item == "Friends rally around Tara Reid at Malibu rehab"
        )
        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen is threads, "back in the threads")
        assert threads.list.option_count == 3
        assert "apart rehab-wire.yaml rehab-afp.yaml" in (folder / "threads.txt").read_text(
            encoding="utf-8"
        )


GUESS = "speaker guessed: the speaker of the paragraph before"


def _guess_one_quote(folder: Path) -> None:
    """Ketsoyan's quote in the Reuters story becomes a guess, as a draft would leave it."""
    path = folder / "rehab-reuters.yaml"
    text = path.read_text(encoding="utf-8")
    quote = '      - text: "Tara wants to thank her fans,"\n        kind: direct\n'
    assert quote in text
    path.write_text(text.replace(quote, f"{quote}        check: {GUESS!r}\n"), encoding="utf-8")


async def test_a_guessed_speaker_is_marked_in_the_thread_view(tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib")
    _guess_one_quote(folder)
    library = open_library([folder], index=LibraryIndex(tmp_path / "index.sqlite3"))
    app = StoryApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        threads = await _open_threads(app, pilot)
        options = [threads.list.get_option_at_index(i) for i in range(threads.list.option_count)]
        index = next(
            i
            for i, option in enumerate(options)
            if isinstance(option, ThreadOption) and "Promises" in option.thread.title
        )
        screen = await _open_thread(app, pilot, threads, index)
        pane = screen.list

        def prompt(wanted: Callable[[str], bool]) -> str:
            option = pane.get_option_at_index(_index_of(screen, wanted))
            return str(option.prompt)

        guessed = prompt(lambda text: text == "“Tara wants to thank her fans,”")
        assert guessed.splitlines()[0].endswith(" ?")
        assert "? unconfirmed: speaker guessed: the speaker of the paragraph before" in guessed
        confirmed = prompt(lambda text: text == "“She is doing well and asks for privacy,”")
        assert "?" not in confirmed
        person = prompt(lambda text: text.startswith("Jack Ketsoyan"))
        assert person.splitlines()[0].endswith(" ?") and "1 unconfirmed" in person


async def test_letters_typed_in_a_burst_are_all_filter_text(tmp_path: Path) -> None:
    """Keys pasted or typed faster than the screen draws: `t`, `a`, `r` after letters filter
    (they are the keys of Threads, Add and Refresh only on an empty filter)."""
    from textual import events
    from textual.widgets import Input

    app = StoryApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        filter_box = screen.query_one(Input)
        for word in ("Reidt", "Reida", "Reidr"):
            for letter in word:  # all queued before the first is handled
                app.post_message(events.Key(letter, letter))
            await wait_for(pilot, lambda w=word: filter_box.value == w, f"the filter {word!r}")  # type: ignore[misc]
            assert app.screen is screen
            await pilot.press("escape")
            await wait_for(pilot, lambda: filter_box.value == "", "the filter cleared")
        app.post_message(events.Key("t", "t"))
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadsScreen), "threads on empty")


async def test_f1_opens_the_library_keys_on_the_threads_screens(tmp_path: Path) -> None:
    from story_tui.tui.screens.help import HelpScreen

    app = StoryApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        threads = await _open_threads(app, pilot)
        for expected in (ThreadsScreen, ThreadScreen):
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            await pilot.press("escape")
            await wait_for(pilot, lambda e=expected: isinstance(app.screen, e), "back")  # type: ignore[misc]
            if expected is ThreadsScreen:
                await _open_thread(app, pilot, threads, 0)
