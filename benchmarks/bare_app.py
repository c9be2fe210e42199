"""The reference for time to first paint: a bare Textual app with one Static and a Footer."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class BareApp(App[None]):
    """One Static and a Footer; `q` quits."""

    BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield Static("Bare Textual app ready")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
