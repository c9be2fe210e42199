"""The browser's screens: the main screen (mediator between panes), help, and the person card."""
