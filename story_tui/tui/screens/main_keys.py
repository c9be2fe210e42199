"""The main screen's keys, in the order the help screen and the key bar show them.

The keys that move focus (1-5, tab, /) are priority bindings: the app runs them before it hands
the next key to a widget, so `3 enter` or `/ven` typed in one burst (a fast typist, a paste, tmux
send-keys) reaches the pane or the find bar it was meant for.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

SECTION = Binding.Group("Section", compact=True)
MATCH = Binding.Group("Match")
HISTORY = Binding.Group("Back/fwd")

KEY_BAR_RANK: tuple[str, ...] = (
    "help",
    "quit",
    "find",
    "toggle_maximize",
    "next_hit",
    "step_section",
    "copy",
    "back",
    "cycle",
)
"""Which of the screen's keys the key bar keeps when it runs out of room (the focused pane's own
keys come first; these follow in this order)."""

MAIN_BINDINGS: list[BindingType] = [
    Binding("tab", "cycle(1)", "Next pane", priority=True, id="pane.next"),
    Binding("shift+tab", "cycle(-1)", "Previous pane", show=False, priority=True, id="pane.prev"),
    Binding(
        "1", "focus_pane('sections')", "Sections", show=False, priority=True, id="pane.sections"
    ),
    Binding("2", "focus_pane('article')", "Article", show=False, priority=True, id="pane.article"),
    Binding("3", "focus_pane('people')", "People", show=False, priority=True, id="pane.people"),
    Binding(
        "4",
        "focus_pane('figures')",
        "Key figures",
        show=False,
        priority=True,
        id="pane.figures",
    ),
    Binding(
        "5", "focus_pane('timeline')", "Timeline", show=False, priority=True, id="pane.timeline"
    ),
    Binding(
        "left_square_bracket",
        "step_section(-1)",
        "Previous section",
        id="section.prev",
        group=SECTION,
    ),
    Binding(
        "right_square_bracket", "step_section(1)", "Next section", id="section.next", group=SECTION
    ),
    Binding("slash", "find", "Find", priority=True, id="find"),
    Binding("n", "next_hit(1)", "Next match", id="find.next", group=MATCH),
    Binding("N", "next_hit(-1)", "Previous match", id="find.prev", group=MATCH),
    Binding("backspace,H", "back", "Back", key_display="H", id="history.back", group=HISTORY),
    Binding("L", "forward", "Forward", id="history.forward", group=HISTORY),
    Binding("y", "copy", "Copy", id="copy"),
    Binding("escape", "clear", "Clear marks", show=False, id="clear"),
    Binding("z", "toggle_maximize", "Maximize", id="pane.maximize"),
    Binding("s", "toggle_standfirst", "Standfirst", show=False, id="standfirst.toggle"),
    Binding("i", "app.about", "About this story", show=False, id="about"),
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
    Binding(
        "w",
        "what_changed",
        "What changed since you last read the story",
        show=False,
        id="what-changed",
    ),
]
"""
| Key(s) | Description |
| :- | :- |
| tab, shift+tab | Next, previous pane. |
| 1 2 3 4 5 | Sections, Article, People, Key figures, Timeline. |
| [, ] | Previous, next section. |
| / | Find in the focused pane (the article by default). |
| n, N | Next, previous match (or mention of the marked person). |
| backspace, H / L | Back to where you were before a jump / forward again. |
| y | Copy the highlighted quote, figure or event with its attribution. |
| escape | Clear find matches and the speaker lens. |
| z | Maximize the focused pane, and back. |
| s | Show or hide the standfirst. |
| ?, F1 | Help: every key, by pane. |
| q | Quit. |
| w | What changed since you last read this story (when it changed). |
"""
