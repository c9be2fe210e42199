"""The bundled story: the article verbatim, every item anchored, nothing invented."""

from __future__ import annotations

import re

from story_tui.story.model import Anchored, Story
from tests.conftest import DATA

ARTICLE = (DATA / "article.txt").read_text(encoding="utf-8")


def test_paragraphs_reproduce_the_article_character_for_character(story: Story) -> None:
    paragraphs = [p for section in story.sections for p in section.paragraphs]
    assert paragraphs == ARTICLE.split("\n")
    assert len(paragraphs) == 14
    assert 5 <= len(story.sections) <= 7


def test_every_anchored_item_slices_to_its_text(story: Story) -> None:
    items: list[Anchored] = [*story.quotes, *story.figures, *story.timeline]
    assert len(items) >= 15
    for item in items:
        assert story.span(item.location) == item.text


def test_every_direct_quotation_is_a_direct_quote_of_its_speaker(story: Story) -> None:
    in_article = re.findall(r"“([^”]*)”", ARTICLE)
    direct = {q.text: story.speaker_of(q).name for q in story.quotes if q.kind == "direct"}
    assert sorted(direct) == sorted(in_article)
    assert direct == {
        in_article[0]: "Milbayajaira Rivas",
        in_article[1]: "Milbayajaira Rivas",
        in_article[2]: "Milbayajaira Rivas",
        in_article[3]: "Diego Paco",
        in_article[4]: "Billy Gonzalez",
        in_article[5]: "Billy Gonzalez",
    }


def test_people_named_in_the_article(story: Story) -> None:
    names = {p.name for p in story.people}
    assert names == {
        "Milbayajaira Rivas",
        "Billy Gonzalez",
        "Diego Paco",
        "Hugo de Zela",
        "Jose Antonio Kast",
    }
    rivas = story.person("rivas")
    assert rivas is not None and (rivas.age, rivas.origin) == (56, "Venezuela")
    gonzalez = story.person("gonzalez")
    assert gonzalez is not None and (gonzalez.age, gonzalez.origin) == (48, "Venezuela")
    for person in story.people:
        assert person.mentions, person.id
        for alias in person.aliases:
            assert alias in ARTICLE


def test_paraphrases_of_de_zela_and_kast(story: Story) -> None:
    paraphrases = {q.speaker for q in story.quotes if q.kind == "paraphrase"}
    assert paraphrases == {"de-zela", "kast"}


def test_key_figures_cover_counts_and_dates(story: Story) -> None:
    values = {f.id: f.value for f in story.figures}
    assert values["undocumented-2018"] == 10000
    assert values["undocumented-2024"] == 330000
    assert values["runoff-date"] == "2025-12-14"
    assert values["peru-emergency-2025"] == "2025-11-28"
    assert values["peru-emergency-2023"] == "2023-04"
    assert values["stranded-at-border"] == 100
    for figure in story.figures:
        for source in figure.sources:
            assert story.source(source) is not None


def test_timeline_in_date_order(story: Story) -> None:
    dates = [e.date for e in story.timeline_sorted()]
    assert dates == ["2018", "2023-04", "2024", "2025-11-28", "2025-12-14"]


def test_sources_are_afp_and_the_economic_times(story: Story) -> None:
    assert [s.name for s in story.sources] == ["AFP", "The Economic Times"]
