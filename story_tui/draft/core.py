"""Draft a story file from an article, by transparent rules. Plain Python; no UI imports.

Every span in the draft is copied from the article, so every anchor is verbatim by construction.
What the rules guess (a speaker from "he said", a figure's unit, a placeholder heading) is marked
with a `# check:` comment for the editor. No model, no network. The steps, each in its module:

1. input: paragraphs and headings (text, Markdown, HTML), title, published date, clean text.
2. people: names with titles, roles, appositions, ages; surnames and given names as aliases.
3. quotes + speakers + attribute: quotations and who said each.
4. figures and dates: key numbers; dated clauses for the timeline.
"""

from __future__ import annotations

from story_tui.draft.article import Article, split_paragraphs
from story_tui.draft.attribute import attribute
from story_tui.draft.dates import find_dates
from story_tui.draft.figures import find_figures
from story_tui.draft.input import read_text
from story_tui.draft.model import Draft, DraftEvent, DraftQuote, slug
from story_tui.draft.people import (
    People,
    add_aliases,
    find_people,
    not_a_person,
    not_a_speaker,
)
from story_tui.draft.quotes import find_spans
from story_tui.draft.sources import Sources
from story_tui.draft.text import Text
from story_tui.draft.titles import name_sections
from story_tui.draft.write import summary, to_yaml

__all__ = ["make_draft", "slug", "split_paragraphs", "summary", "to_yaml"]


def make_draft(article: Article | str, per_section: int = 3) -> Draft:
    """Find sections, people, quotes, figures and events in an article."""
    if isinstance(article, str):
        article = read_text(article, "<article>")
    text = Text(article.paragraphs, per_section)
    name_sections(text)
    people = People()
    find_people(text.paragraphs, text.bases, people, article.authors)
    add_aliases(people, text.article)
    sources = Sources()
    if article.outlet:
        sources.add(article.outlet)
    spans = find_spans(text.paragraphs)
    quotes, orphans = attribute(text, spans, people, sources)
    add_aliases(people, text.article)
    events, date_figures, date_spans = find_dates(text.paragraphs, article.published)
    figures = find_figures(text.paragraphs, date_spans, sources)
    figures = sorted([*figures, *date_figures], key=lambda f: (f.paragraph, f.start))
    reported: dict[int, list[str]] = {}  # per paragraph: once, not once per figure in it
    for figure in figures:
        if figure.paragraph not in reported:
            reported[figure.paragraph] = sources.reported(text.paragraphs[figure.paragraph])
        figure.sources = list(reported[figure.paragraph])
    junk = {
        p.id for p in people.people if (p.kind != "person" or p.unnamed) and not_a_speaker(p.name)
    }
    for quote in quotes:
        if quote.speaker in junk:  # a piece of a sentence is nobody: the quote has no speaker
            quote.speaker, quote.check = None, "no speaker found"
    # a direct quotation stays listed as one with no speaker; a paraphrase without one is nothing
    orphans = [*orphans, *(q for q in quotes if q.speaker is None and q.kind == "direct")]
    quotes = [q for q in quotes if q.speaker is not None]
    people.people = [p for p in people.people if p.id not in junk]
    speakers = {q.speaker for q in quotes}
    for person in people.people:
        if person.kind == "person" and not_a_person(person.name):
            # a place or a body that speaks (`the New York Post reported`) is an organisation
            person.kind = "organisation"
            person.role = None
    kept = [p for p in people.people if p.kind == "person" or p.id in speakers]
    return Draft(
        title=article.title or "Untitled story",
        sections=text.sections,
        people=sorted(kept, key=lambda p: p.first),
        quotes=[*quotes, *orphans],
        figures=figures,
        events=_unique_events(events),
        sources=sources.names,
        published=article.published,
        title_found=article.title is not None,
        byline=article.byline,
        authors=list(article.authors),
        updated=article.updated,
        url=article.url,
    )


def _unique_events(events: list[DraftEvent]) -> list[DraftEvent]:
    seen: set[str] = set()
    result = []
    for event in events:
        if event.text and event.text not in seen:
            seen.add(event.text)
            result.append(event)
    return result


def quotes_of(draft: Draft) -> list[DraftQuote]:
    """The quotes that have a speaker (the ones the story file holds)."""
    return [q for q in draft.quotes if q.speaker]
