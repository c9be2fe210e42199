"""What changed between two editions of a story: `stories.diff_stories` (paragraphs, then items via
`items`), each difference a `change.Change`. Plain Python; no UI imports."""
