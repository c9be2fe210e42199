"""The panes of the browser; each reads the model and talks to its screen through messages."""
