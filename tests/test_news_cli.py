"""`add`, `follow`, `unfollow`, `feeds` and `refresh` against a web server on loopback.

Every page and feed here is written by the test and served on 127.0.0.1 (tests/news_server.py);
nothing reaches the internet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.news.shelf import Shelf, default_library
from story_tui.story.loader import load_story
from tests.news_server import PARAGRAPHS, Route, Server, article_page, atom, rss, serve

MORE = "By Tuesday evening the water had fallen by a metre, and 300 residents had returned home."
DATE = "Mon, 30 Nov 2026 08:00:00 GMT"


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def stories(library: Path) -> list[Path]:
    return sorted(p for p in library.rglob("*.yaml") if ".story-tui" not in p.parts)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_by_address_writes_outlet_date_slug_with_url_and_metadata(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/news/storm")
    server.routes["/news/storm"] = Route(article_page(canonical=url))
    code, out, err = run(capsys, "add", url, "--library", str(tmp_path))
    assert code == 0, err
    path = tmp_path / "riverton-herald" / "2026-11-30-storm-floods-riverton.yaml"
    assert out == f"new        {path.relative_to(tmp_path)}  Storm floods Riverton\n"
    story = load_story(path)
    assert story.title == "Storm floods Riverton"
    assert story.published is not None and str(story.published) == "2026-11-30"
    assert story.url == url
    assert "Marta Lindqvist" in {p.name for p in story.people}
    assert any("never seen the water" in q.text for q in story.quotes)
    headers = server.asked("/news/storm")[0]
    assert headers["user-agent"].startswith("story-tui/")


def test_add_again_unchanged_does_nothing_and_changed_makes_a_new_edition(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/news/storm")
    server.routes["/news/storm"] = Route(article_page(canonical=url))
    assert run(capsys, "add", url, "--library", str(tmp_path))[0] == 0
    [path] = stories(tmp_path)
    before = path.read_bytes()
    code, out, _ = run(capsys, "add", url, "--library", str(tmp_path))
    assert code == 0 and out.startswith("unchanged")
    assert path.read_bytes() == before

    from story_tui.storage.cache import edition_key
    from story_tui.storage.editions import changes_since

    old_digest = edition_key(before)
    server.routes["/news/storm"] = Route(
        article_page(canonical=url, paragraphs=[*PARAGRAPHS, MORE])
    )
    code, out, err = run(capsys, "add", url, "--library", str(tmp_path))
    assert code == 0, err
    assert out.startswith("updated")
    assert stories(tmp_path) == [path]  # a new edition, not a second story
    story = load_story(path)
    assert MORE in [p for s in story.sections for p in s.paragraphs]
    assert url in path.read_text(encoding="utf-8")
    # What changed lists the new paragraph against the edition the reader had.
    changes = changes_since(story, old_digest)
    assert any(c.change == "added" and c.kind == "paragraph" for c in changes), changes


def test_add_never_overwrites_another_story(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b"):
        server.routes[f"/{name}"] = Route(article_page(canonical=server.url(f"/{name}")))
    code, _out, _ = run(
        capsys, "add", server.url("/a"), server.url("/b"), "--library", str(tmp_path)
    )
    assert code == 0
    names = sorted(p.name for p in stories(tmp_path))
    assert names == [
        "2026-11-30-storm-floods-riverton-2.yaml",
        "2026-11-30-storm-floods-riverton.yaml",
    ]
    ids = {load_story(p).id for p in stories(tmp_path)}
    assert len(ids) == 2


def test_add_a_saved_page_and_a_text_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "saved.html"
    page.write_bytes(article_page(canonical="https://herald.example/storm"))
    text = tmp_path / "note.md"
    text.write_text("# Rain in Riverton\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    library = tmp_path / "lib"
    code, out, err = run(capsys, "add", str(page), str(text), "--library", str(library))
    assert code == 0, err
    assert len(out.splitlines()) == 2
    saved = next(p for p in stories(library) if "riverton-herald" in p.parts)
    assert "https://herald.example/storm" in saved.read_text(encoding="utf-8")


def test_add_some_failed_exits_1_and_adds_the_others(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/ok"] = Route(article_page())
    code, out, err = run(
        capsys,
        "add",
        server.url("/missing"),
        server.url("/ok"),
        "ftp://example.invalid/x",
        str(tmp_path / "nothing.txt"),
        "--library",
        str(tmp_path / "lib"),
    )
    assert code == 1
    assert len(stories(tmp_path / "lib")) == 1
    assert out.count("\n") == 1
    lines = err.splitlines()
    assert len(lines) == 3
    assert any("/missing: HTTP 404" in line for line in lines)
    assert any("only http and https" in line for line in lines)
    assert any("nothing.txt" in line for line in lines)


def test_add_usage_error_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "add")[0] == 2
    afile = tmp_path / "f"
    afile.write_text("x")
    code, _, err = run(capsys, "add", "x.txt", "--library", str(afile))
    assert code == 2 and "not a folder" in err


def test_follow_rss_and_atom_then_refresh_adds_their_articles(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/one"] = Route(article_page(title="Storm floods Riverton"))
    server.routes["/two"] = Route(article_page(title="Council opens shelters"))
    server.routes["/rss"] = Route(
        rss("Herald", [("Storm", server.url("/one"), DATE)]), "application/rss+xml", etag='"r1"'
    )
    server.routes["/atom"] = Route(
        atom("Gazette", [("Shelters", server.url("/two"), "2026-11-30T09:00:00Z")]),
        "application/atom+xml",
        etag='"a1"',
    )
    lib = str(tmp_path)
    code, out, _ = run(capsys, "follow", server.url("/rss"), server.url("/atom"), "--library", lib)
    assert code == 0
    assert "following Herald" in out and "following Gazette" in out
    assert (tmp_path / "feeds.opml").is_file()
    code, out, err = run(capsys, "refresh", "--library", lib)
    assert code == 0, err
    assert out.splitlines()[-1] == "2 new, 0 updated stories; 0 feeds unchanged, 0 failed"
    assert {load_story(p).title for p in stories(tmp_path)} == {
        "Storm floods Riverton",
        "Council opens shelters",
    }
    # Again: the feeds answer 304 to the conditional request; nothing is fetched or written.
    code, out, _ = run(capsys, "refresh", "--library", lib)
    assert out.splitlines()[-1] == "0 new, 0 updated stories; 2 feeds unchanged, 0 failed"
    assert server.asked("/rss")[-1]["if-none-match"] == '"r1"'
    assert len(server.asked("/one")) == 1
    code, out, _ = run(capsys, "feeds", "--library", lib)
    assert "Herald" in out and "not modified" in out


def test_refresh_a_changed_feed_entry_becomes_a_new_edition(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/one"] = Route(article_page(), etag='"p1"')
    server.routes["/rss"] = Route(
        rss("Herald", [("Storm", server.url("/one"), DATE)]), "application/rss+xml"
    )
    lib = str(tmp_path)
    run(capsys, "follow", server.url("/rss"), "--library", lib)
    run(capsys, "refresh", "--library", lib)
    server.routes["/one"] = Route(article_page(paragraphs=[*PARAGRAPHS, MORE]), etag='"p2"')
    server.routes["/rss"] = Route(
        rss("Herald", [("Storm", server.url("/one"), "Tue, 01 Dec 2026 08:00:00 GMT")]),
        "application/rss+xml",
    )
    _code, out, _ = run(capsys, "refresh", "--library", lib)
    assert out.splitlines()[-1] == "0 new, 1 updated story; 0 feeds unchanged, 0 failed"
    assert server.asked("/one")[-1]["if-none-match"] == '"p1"'
    [path] = stories(tmp_path)
    assert MORE in path.read_text(encoding="utf-8")


def test_follow_a_json_feed_and_refuse_a_page_that_is_not_a_feed(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/one"] = Route(article_page())
    server.routes["/feed.json"] = Route(
        (
            '{"version": "https://jsonfeed.org/version/1.1", "title": "Herald JSON", "items": '
            f'[{{"id": "1", "url": "{server.url("/one")}", "title": "Storm"}}]}}'
        ).encode(),
        "application/feed+json",
    )
    server.routes["/page"] = Route(article_page())
    lib = str(tmp_path)
    code, out, err = run(
        capsys, "follow", server.url("/feed.json"), server.url("/page"), "--library", lib
    )
    assert code == 1
    assert "following Herald JSON" in out
    assert "/page: not an RSS or Atom feed; not followed" in err
    code, out, _ = run(capsys, "refresh", "--library", lib)
    assert out.splitlines()[-1] == "1 new, 0 updated story; 0 feeds unchanged, 0 failed"


def test_opml_import_export_and_unfollow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head/><body>'
        '<outline text="News"><outline text="A" xmlUrl="https://a.example/feed"/>'
        '<outline text="B &amp; C" xmlUrl="https://b.example/rss"/></outline>'
        "</body></opml>",
        encoding="utf-8",
    )
    lib = str(tmp_path / "lib")
    code, out, _ = run(capsys, "follow", "--opml", str(opml), "--library", lib)
    assert code == 0 and "following 2 feeds" in out
    code, out, _ = run(capsys, "feeds", "--opml", "--library", lib)
    assert 'xmlUrl="https://a.example/feed"' in out and 'title="B &amp; C"' in out
    code, out, _ = run(capsys, "feeds", "--library", lib)
    assert "B & C  https://b.example/rss  (never refreshed)" in out
    code, out, _ = run(capsys, "unfollow", "b & c", "--library", lib)
    assert code == 0 and "unfollowed B & C" in out
    code, _, err = run(capsys, "unfollow", "https://nope.example/", "--library", lib)
    assert code == 1 and "not following" in err
    bad = tmp_path / "bad.opml"
    bad.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>', encoding="utf-8")
    code, _, err = run(capsys, "follow", "--opml", str(bad), "--library", lib)
    assert code == 2 and "document type declaration" in err


def test_default_library_is_created_with_the_bundled_story_and_opened_once_used(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    from story_tui.cli.browse import default_library_if_used

    assert default_library_if_used() == []
    server.routes["/one"] = Route(article_page())
    code, _, _ = run(capsys, "add", server.url("/one"))
    assert code == 0
    library = default_library()
    names = {p.name for p in stories(library)}
    assert "chile-peru-border.yaml" in names and len(names) == 2
    assert default_library_if_used() == [str(library)]
    assert Shelf(library).used()


def test_a_damaged_memory_is_set_aside_with_a_note(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/one"] = Route(article_page())
    server.routes["/rss"] = Route(
        rss("Herald", [("Storm", server.url("/one"), DATE)]), "application/rss+xml"
    )
    (tmp_path / "feeds.opml").write_text(
        f'<opml version="2.0"><body><outline text="H" xmlUrl="{server.url("/rss")}"/></body></opml>'
    )
    hidden = tmp_path / ".story-tui"
    hidden.mkdir()
    for damage in (
        '{"version": 1, "addresses": {"x": {"entries": []}}}',
        '{"version": 1, "addresses": {"x": {"etag": 3}}}',
        "not json",
    ):
        (hidden / "fetch.json").write_text(damage)
        code, _out, err = run(capsys, "refresh", "--library", str(tmp_path))
        assert code == 0, err
        assert "note: ignored" in err and "fetch.json" in err
        assert "Traceback" not in err


def test_a_library_that_cannot_be_written_is_one_line(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/one"] = Route(article_page())
    (tmp_path / ".story-tui").write_text("a file where the library keeps its folder")
    code, _, err = run(capsys, "add", server.url("/one"), "--library", str(tmp_path))
    assert code == 2 and "cannot write in" in err
    code, _, err = run(capsys, "refresh", "--library", str(tmp_path))
    assert code == 2 and "cannot write in" in err
    assert "Traceback" not in err


def test_follow_a_site_follows_the_feed_its_page_names(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/"] = Route(
        b"<!doctype html><html><head><title>Herald</title>"
        b'<link rel="alternate" type="application/rss+xml" title="News" href="/rss">'
        b"</head><body><p>Welcome</p></body></html>"
    )
    server.routes["/rss"] = Route(rss("Herald news", []), "application/rss+xml")
    code, out, err = run(capsys, "follow", server.url("/"), "--library", str(tmp_path))
    assert code == 0, err
    assert out == f"following Herald news  {server.url('/rss')} (named by {server.url('/')})\n"
    code, out, _ = run(capsys, "follow", server.url("/rss"), "--library", str(tmp_path))
    assert out.startswith("already following")
