"""The event-pass reader gives every scalar the value PyYAML's own safe loader gives it."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from story_tui.story.yamltree import Map, Scalar, read_tree
from tests.conftest import examples

# Characters that start (or break) implicit types: numbers, booleans, nulls, dates, floats.
PLAIN = st.text(st.sampled_from(list("0123456789aeflnorstuy AEFLNORSTUY~.-+:_eE")), max_size=12)


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(PLAIN)
def test_plain_scalars_resolve_as_pyyaml_does(value: str) -> None:
    document = f"k: {value}\n"
    try:
        expected = yaml.safe_load(document)
    except (yaml.YAMLError, ValueError, OverflowError):
        # Not valid YAML, or an implicit type that does not construct (2023-02-30): the reader
        # reports the first and keeps the second as text, which the loader then checks.
        return
    tree = read_tree(document)
    assert tree.complete and isinstance(tree.root, Map)
    (_key, node) = tree.root.items[0]
    assert isinstance(node, Scalar)
    assert repr(node.value) == repr(expected["k"])  # repr: NaN is not equal to itself
    assert type(node.value) is type(expected["k"])


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.text(max_size=20))
def test_quoted_scalars_are_text(value: str) -> None:
    document = yaml.safe_dump({"k": value}, allow_unicode=True, default_style='"')
    tree = read_tree(document)
    if not tree.complete:
        return
    assert isinstance(tree.root, Map)
    node = tree.root.items[0][1]
    assert isinstance(node, Scalar)
    assert node.value == yaml.safe_load(document)["k"]
