"""The growth chart above the figures: short, whatever the number of figures."""

from __future__ import annotations

from dataclasses import replace

from story_tui.story.model import Story
from story_tui.tui.widgets.figures import CHART_ROWS, growth_chart


def test_bundled_story_chart_shows_every_point(story: Story) -> None:
    lines = growth_chart(story).plain.splitlines()
    assert "latest" not in lines[0]
    assert len(lines) >= 3  # a title and at least two bars


def test_a_long_series_shows_only_the_latest_points(story: Story) -> None:
    base = next(f for f in story.figures if f.unit and isinstance(f.value, int))
    figures = tuple(
        replace(base, id=f"f{year}", as_of=str(year), value=year - 1990)
        for year in range(2000, 2030)
    )
    lines = growth_chart(replace(story, figures=figures)).plain.splitlines()
    assert lines[0].endswith(f"(latest {CHART_ROWS} of 30)")
    assert len(lines) == CHART_ROWS + 1
    assert lines[1].lstrip().startswith(str(2030 - CHART_ROWS))
    assert lines[-1].lstrip().startswith("2029")
    assert lines[-1].rstrip().endswith("39")  # the largest value has the full bar


def test_the_chart_title_keeps_the_unit_as_written(story: Story) -> None:
    figures = tuple(replace(f, unit="USD") for f in story.figures)
    assert growth_chart(replace(story, figures=figures)).plain.startswith("USD over time")
