"""Placeholder, replaced by the browser."""
