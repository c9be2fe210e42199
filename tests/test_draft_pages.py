"""Web pages: what the page says about itself (outlet, authors, dates), escapes, the fallback."""

from __future__ import annotations

import json

from story_tui.draft.core import make_draft
from story_tui.draft.html import plain, read_html
from story_tui.draft.pagemeta import person_names, read_meta, registered_domain
from story_tui.draft.write import validated

_PROSE = (
    "The city council voted on Tuesday to close the old bridge for repairs after engineers "
    "found cracks in two of its supports, officials said in a statement released that evening."
)


def _page(head: str = "", body: str = "") -> bytes:
    paragraphs = "".join(f"<p>{_PROSE} Paragraph {i} of the story.</p>" for i in range(6))
    return (
        f"<!DOCTYPE html><html><head><title>Bridge closed</title>{head}</head><body>"
        f"<article><h1>Bridge closed</h1>{body or paragraphs}</article></body></html>"
    ).encode()


def _ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def test_the_outlet_is_the_publisher_then_the_site_name_then_the_registered_domain() -> None:
    article = {
        "@type": "NewsArticle",
        "publisher": {"@type": "Organization", "name": "The Daily Ledger"},
    }
    site = '<meta property="og:site_name" content="Ledger Online">'
    assert read_meta(_page(_ld(article) + site)).outlet() == "The Daily Ledger"
    assert read_meta(_page(site)).outlet() == "Ledger Online"
    canonical = '<link rel="canonical" href="https://news.example.co.uk/a/1">'
    assert read_meta(_page(canonical)).outlet() == "example.co.uk"


def test_a_word_from_a_subdomain_or_a_section_is_never_the_outlet() -> None:
    hosted = (
        '<meta property="og:site_name" content="Hosted">'
        '<link rel="canonical" href="https://hosted.ap.org/story/1">'
    )
    assert read_meta(_page(hosted)).outlet() == "ap.org"
    section = (
        '<meta property="og:site_name" content="U.S.">'
        '<link rel="canonical" href="https://www.wirenews.com/article/1">'
    )
    assert read_meta(_page(section)).outlet() == "wirenews.com"
    handle = '<meta property="og:site_name" content="@factcheck">'
    assert read_meta(_page(handle + '<link rel="canonical" href="https://x.org/a">')).outlet() == (
        "x.org"
    )
    lower = '<meta property="og:site_name" content="nj"><link rel="canonical" href="https://www.nj.com/a">'
    assert read_meta(_page(lower)).outlet() == "nj.com"
    assert registered_domain("https://hosted.ap.org/x") == "ap.org"


def test_authors_come_from_json_ld_or_the_author_meta_tag_and_are_people() -> None:
    article = {
        "@type": "NewsArticle",
        "author": [
            {"@type": "Person", "name": "JANE ROE"},
            {"@type": "Person", "name": "AP National Political Writer"},
            {"@type": "Organization", "name": "Associated Press"},
            {"@type": "Person", "name": "Sarah E. Needleman"},
        ],
        "dateModified": "2024-05-02T10:00:00Z",
        "datePublished": "2024-05-01T08:00:00Z",
    }
    meta = read_meta(_page(_ld({"@graph": [article]})))
    assert meta.authors == ["Jane Roe", "Sarah E. Needleman"]
    assert meta.modified == "2024-05-02"
    assert read_meta(_page('<meta name="author" content="By Ann Lee and Bo Chan">')).authors == [
        "Ann Lee",
        "Bo Chan",
    ]
    assert person_names("HNN Staff") == []
    assert person_names("The Associated Press") == []
    assert person_names("Finian Cunningham. Sputnik International") == ["Finian Cunningham"]


def test_a_page_gives_the_draft_its_authors_updated_date_and_address() -> None:
    article = {
        "@type": "NewsArticle",
        "author": {"@type": "Person", "name": "Ann Lee"},
        "datePublished": "2024-05-01",
        "dateModified": "2024-05-03",
        "publisher": {"name": "The Daily Ledger"},
    }
    head = _ld(article) + '<link rel="canonical" href="https://ledger.example.com/bridge">'
    page = read_html(_page(head), "bridge.html")
    assert page.authors == ["Ann Lee"] and page.updated == "2024-05-03"
    assert page.url == "https://ledger.example.com/bridge" and page.outlet == "The Daily Ledger"
    draft = make_draft(page)
    text = validated(draft, "bridge").text
    assert 'updated: "2024-05-03"' in text
    assert 'url: "https://ledger.example.com/bridge"' in text and 'authors: ["Ann Lee"]' in text


def test_a_year_in_the_text_is_no_publication_date() -> None:
    body = "".join(f"<p>In 1996 the old bridge was built. {_PROSE}</p>" for _ in range(4))
    assert read_html(_page(body=body), "old.html").published is None


def test_a_short_brief_is_an_article_and_a_login_wall_is_not() -> None:
    import pytest

    from story_tui.draft.input import NoArticle

    brief = (
        "<p>On Saturday it was announced that the actor to play the new lead was Matt Smith.</p>"
        "<p>“Who?” asked people entirely appropriately.</p>"
    )
    assert read_html(_page(body=brief), "brief.html").paragraphs
    wall = "<p>Subscribe to continue reading this article, or log in if you are a subscriber.</p>"
    with pytest.raises(NoArticle):
        read_html(_page(body=wall), "wall.html")


def test_a_template_date_is_no_date() -> None:
    head = '<meta property="article:modified_time" content="0001-01-01T00:00:00Z">'
    assert read_meta(_page(head)).modified is None


def test_the_extractors_markdown_escapes_never_reach_the_text() -> None:
    assert plain(r"the \[Syrian\] regime, @user\_name and 5 \* 3") == (
        "the [Syrian] regime, @user_name and 5 * 3"
    )
    assert plain(r"**bold** and *it* but \*not\* emphasis") == "bold and it but *not* emphasis"
    body = "".join(
        f"<p>{_PROSE} They said “the \\[old\\] bridge” mattered, item_{i} and [notes].</p>"
        for i in range(4)
    )
    page = read_html(_page(body=body), "escapes.html")
    text = " ".join(p for _h, p in page.paragraphs)
    assert "\\" not in text and "[notes]" in text and "item_0" in text


def test_a_page_the_precise_extraction_misses_is_read_with_the_recall_one() -> None:
    # The story sits in a layout table: the precise extraction keeps nothing of it; the
    # recall-oriented one keeps the prose.
    story = "".join(f"<p>{_PROSE} Line {i}.</p>" for i in range(8))
    page = (
        "<!DOCTYPE html><html><head><title>Bridge</title></head><body><table><tr>"
        f'<td><a href="/a">Home</a></td><td>{story}</td></tr></table></body></html>'
    ).encode()
    article = read_html(page, "table.html")
    assert sum(len(p.split()) for _h, p in article.paragraphs) > 200


def test_a_list_of_links_is_still_no_article() -> None:
    import pytest

    from story_tui.draft.input import NoArticle

    links = "".join(f'<li><a href="/p{i}">Page {i} of the index</a></li>' for i in range(40))
    page = f"<!DOCTYPE html><html><body><table><tr><td><ul>{links}</ul></td></tr></table>"
    with pytest.raises(NoArticle):
        read_html(page.encode(), "index.html")
