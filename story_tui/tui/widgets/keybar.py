"""The key bar at the bottom of every screen: the keys that work here, in one line.

Textual's `Footer` rebuilds a widget per key every time focus moves, which was about a third of
the time a focus change took (see docs/performance.md). This bar is one widget that draws one line
of `Content`; when the bindings change it rebuilds that line, and only repaints when the line is
different. Clicking a key presses it, like the stock footer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


class KeyHint(NamedTuple):
    """One key (or a group of keys) as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    rank: tuple[int, ...] = ()
    """Lower ranks stay when the bar runs out of room."""
    order: int = 0
    """Where the hint goes on the bar."""


class KeyBar(Widget, can_focus=False):
    """One line of key hints, docked to the bottom of its screen."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keybar--key",
        "keybar--description",
        "keybar--hover",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keybar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hints: tuple[tuple[KeyHint, ...], KeyHint | None] | None = None
        self._spans: list[tuple[int, int, KeyHint]] = []
        self._hover: KeyHint | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        hints = self._collect()
        if hints != self._hints:
            self._hints = hints
            self.refresh()

    def _collect(self) -> tuple[tuple[KeyHint, ...], KeyHint | None]:
        """The keys to show and the palette's key.

        One hint per action; bindings of one `Binding.Group` share a hint (`[]` Section). The
        focused pane's own keys come first and are the last to go when room runs out; then the
        screen's keys in the order of its `KEY_BAR_RANK`, if it has one.
        """
        app, screen = self.app, self.screen
        rank_of = {name: i for i, name in enumerate(getattr(screen, "KEY_BAR_RANK", ()))}
        maximized = screen.maximized is not None
        seen_actions: set[str] = set()
        hints: list[KeyHint] = []
        grouped: dict[int, int] = {}
        palette: KeyHint | None = None
        items = screen.active_bindings.items()
        for order, (key, (node, binding, enabled, _tooltip)) in enumerate(items):
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = KeyHint(key, app.get_key_display(binding), binding.description, enabled)
                continue
            if not binding.show or binding.action in seen_actions:
                continue
            seen_actions.add(binding.action)
            display = app.get_key_display(binding)
            group = binding.group
            if group is not None and id(group) in grouped:
                index = grouped[id(group)]
                hint = hints[index]
                joined = f"{hint.display}{'' if group.compact else ' '}{display}"
                hints[index] = hint._replace(display=joined, enabled=hint.enabled or enabled)
                continue
            name = binding.action.partition("(")[0]
            description = group.description if group is not None else binding.description
            if name == "toggle_maximize" and maximized:
                description = "Restore"
            own = node is not screen and node is not app
            rank = (0, order) if own else (1, rank_of.get(name, len(rank_of)), order)
            if group is not None:
                grouped[id(group)] = len(hints)
            hints.append(KeyHint(key, display, description, enabled, rank, order))
        return tuple(hints), palette

    def render(self) -> Content:
        if self._hints is None:
            self._hints = self._collect()
        hints, palette = self._hints
        key_style = self.get_visual_style("keybar--key")
        description_style = self.get_visual_style("keybar--description")
        hover_style = self.get_visual_style("keybar--hover")
        width = self.size.width
        parts: list[Content] = []
        spans: list[tuple[int, int, KeyHint]] = []
        x = 0

        def piece(hint: KeyHint) -> Content:
            text = Content.assemble(
                (f" {hint.display} ", key_style),
                (f"{hint.description} " if hint.description else "", description_style),
            )
            if hint == self._hover:
                text = text.stylize(hover_style)
            if not hint.enabled:
                text = text.stylize("dim")
            return text

        tail = piece(palette) if palette is not None else Content("")
        room = width - (tail.cell_length + 1 if palette is not None else 0)
        # Keep the hints of lowest rank that fit, then show them in their order.
        kept: list[tuple[KeyHint, Content]] = []
        used = 0
        for hint in sorted(hints, key=lambda h: h.rank):
            part = piece(hint)
            if used + part.cell_length + 1 > room + 1:
                continue
            kept.append((hint, part))
            used += part.cell_length + 1
        for hint, part in sorted(kept, key=lambda kept_hint: kept_hint[0].order):
            spans.append((x, x + part.cell_length, hint))
            parts.append(part)
            parts.append(Content(" "))
            x += part.cell_length + 1
        if palette is not None and tail.cell_length < width:
            gap = max(0, width - tail.cell_length - x)
            parts.append(Content(" " * gap))
            x += gap
            spans.append((x, x + tail.cell_length, palette))
            parts.append(tail)
        self._spans = spans
        return Content("").join(parts)

    def _hint_at(self, x: int) -> KeyHint | None:
        for start, end, hint in self._spans:
            if start <= x < end:
                return hint
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hint = self._hint_at(event.x)
        if hint != self._hover:
            self._hover = hint
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hint = self._hint_at(event.x)
        if hint is None:
            return
        event.stop()
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
