"""`story-tui draft` never writes a draft that does not validate, and says what it left to check."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from story_tui.cli.main import main
from story_tui.draft.core import make_draft
from story_tui.draft.input import NoArticle, read_article
from story_tui.draft.write import short, summary, validated, write
from story_tui.story.loader import load_story, parse_story
from tests.conftest import DATA, examples


def _draft(tmp_path: Path, text: str | bytes, name: str = "a.txt", *extra: str) -> tuple[int, Path]:
    article = tmp_path / name
    article.write_bytes(text.encode() if isinstance(text, str) else text)
    out = tmp_path / "out.yaml"
    return main(["draft", str(article), "-o", str(out), *extra]), out


def test_an_empty_article_is_refused_with_one_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _draft(tmp_path, "  \n\n \n")
    assert code == 1 and not out.exists()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nothing drafted" in err


def test_a_bad_id_is_a_usage_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _draft(tmp_path, "One paragraph said nothing.\n", "a.txt", "--id", "Bad Id")
    assert code == 2 and not out.exists()
    assert "--id must be a slug" in capsys.readouterr().err


def test_control_characters_are_reported_where_they_are_and_kept_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _draft(tmp_path, "Headline here\n\nFirst para\x85graph.\n\nSecond \x1b[31mone.\n")
    assert code == 0
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a.txt'}:3:11: warning: control character U+0085" in err
    assert ":5:8: warning: control character U+001B (ESC)" in err
    story = load_story(out)  # ftfy reads U+0085 as the Windows-1252 ellipsis it was meant to be,
    # and drops the terminal escape sequence whole
    assert story.title == "Headline here"
    assert [p for s in story.sections for p in s.paragraphs] == ["First para…graph.", "Second one."]


def test_the_summary_counts_exactly_the_check_comments_and_never_cuts_a_word() -> None:
    article = (DATA / "article.txt").read_text(encoding="utf-8")
    draft = make_draft(article)
    written = write(draft, "seed")
    keys = len(re.findall(r"^\s+check: ", written.text, re.MULTILINE))
    comments = written.text.count("# check:") + keys
    assert keys, "a guessed speaker is a check key"
    text = summary(draft, written)
    assert f"to check ({comments})" in text
    assert len([line for line in text.splitlines() if line.startswith("  - ")]) == comments
    for line in text.splitlines():
        for cut in re.findall(r"(\w+)…", line):
            assert cut in article, f"cut word {cut!r} in {line!r}"


def test_one_of_a_thing_is_singular() -> None:
    draft = make_draft("Storm in Lyon\n\nIt rained on 3 June 2024 in Lyon.\n")
    text = summary(draft, write(draft, "x"))
    assert text.startswith("found 1 section, 1 paragraph, 0 people,")
    assert short("a fairly long sentence that must be cut", 20) == "a fairly long…"


def test_a_page_with_no_article_gets_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    links = "".join(f'<li><a href="/p{i}">Page {i}</a></li>' for i in range(30))
    page = f"<!DOCTYPE html><html><body><nav><ul>{links}</ul></nav></body></html>"
    code, out = _draft(tmp_path, page, "index.html")
    assert code == 1 and not out.exists()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no article found" in err


def test_bytes_that_are_not_utf8_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _draft(tmp_path, b"Caf\xe9 owners said nothing.\n")
    assert code == 1 and not out.exists()
    assert ":1:4: error: the file is not UTF-8 text" in capsys.readouterr().err


_PAGE = (
    "<!DOCTYPE html><html><head><title>Bridge closes</title></head><body><article>"
    "<h1>Bridge closes</h1><p>The old bridge in Riverton closed on Monday after engineers "
    "found cracks in two of its piers, the town said in a statement.</p><p>Repairs are "
    "expected to take most of the year, and a ferry will carry cars across the river until "
    "the bridge opens again.</p></article></body></html>"
)


def test_a_gzip_saved_page_drafts_as_the_page_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, plain = _draft(tmp_path, _PAGE, "riverton.html")
    assert code == 0
    (tmp_path / "gz").mkdir()
    code, packed = _draft(tmp_path / "gz", gzip.compress(_PAGE.encode()), "riverton.html.gz")
    assert code == 0, capsys.readouterr().err
    assert packed.read_text() == plain.read_text()  # the id too: "riverton", not "riverton-html"
    assert load_story(packed).id == "riverton"


def test_a_gzip_bomb_or_a_cut_gzip_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = gzip.compress(b"<html><p>" + b" " * 3_000_000)
    code, out = _draft(tmp_path, bomb, "bomb.html.gz", "--max-bytes", "1000000")
    assert code == 1 and not out.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "decompressed, the file is larger than the limit" in err[0]
    cut = gzip.compress(_PAGE.encode())[:-20]
    code, out = _draft(tmp_path, cut, "cut.html.gz")
    assert code == 1 and not out.exists()
    assert "cut short" in capsys.readouterr().err


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc")),
    max_size=400,
)


@pytest.mark.fuzz
@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT, min_size=1, max_size=6))
def test_any_text_drafts_to_a_valid_file_or_a_clear_refusal(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    try:
        article = read_article(text.encode(), "x.txt")
    except NoArticle:
        return
    written = validated(make_draft(article), "x")  # what the command writes
    parse_story(written.text, "x.yaml")  # raises if the draft does not validate
