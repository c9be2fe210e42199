"""One wording for a quote's words and one for a list of sources, shared by every view."""

from __future__ import annotations

from story_tui.outputs.html import to_html
from story_tui.outputs.markdown import to_markdown
from story_tui.outputs.text import quote_sentence, read_text
from story_tui.story.attribution import quote_attribution
from story_tui.story.formatting import quoted, quoted_in_sentence, source_names
from story_tui.story.model import Story


def test_direct_quotes_in_quotation_marks_paraphrases_bare(story: Story) -> None:
    direct = next(q for q in story.quotes if q.kind == "direct")
    paraphrase = next(q for q in story.quotes if q.kind == "paraphrase")
    assert quoted(direct) == f"“{direct.text}”"
    assert quoted(paraphrase) == paraphrase.text
    assert quoted(paraphrase, paraphrase_mark="≈ ") == f"≈ {paraphrase.text}"
    assert quoted(direct, paraphrase_mark="≈ ") == f"“{direct.text}”"
    # In a sentence of ours (copy text, `read`) the comma the article's sentence carried is
    # dropped: `“…regularized,” explained Rivas` becomes `“…regularized” — Rivas`.
    cut = next(q for q in story.quotes if q.text.endswith(","))
    assert quoted_in_sentence(cut) == f"“{cut.text[:-1]}”"
    assert quoted_in_sentence(direct) == quoted(direct).replace(",”", "”")
    for view in (quote_attribution(story, direct), quote_sentence(story, direct)):
        assert quoted_in_sentence(direct) in view


def test_sources_by_name(story: Story) -> None:
    every = ", ".join(source.name for source in story.sources)
    assert source_names(story) == every
    assert source_names(story, [story.sources[0].id, "not-listed"]) == (
        f"{story.sources[0].name}, not-listed"
    )
    assert source_names(story, ()) == ""
    # One byline, worded once (story/formatting.byline) for the browser, read, Markdown and HTML.
    assert f"From {every}." in read_text(story, width=1000)
    assert f"From {every}" in to_markdown(story)
    assert f"From {every}" in to_html(story)
