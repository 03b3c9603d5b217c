"""A violation's preview of the offending value: exactly the start of the whole value's JSON text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.limits import too_many_metadata
from threadspec._preview import preview


def _whole_preview(value: Any) -> str:
    """The preview as first defined: the whole value encoded, then cut (the yardstick of the shortcut)."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except (ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=120)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=40) | st.dictionaries(st.text(max_size=6), inner, max_size=20),
    max_leaves=60,
)


@given(_JSON)
def test_a_preview_shows_exactly_the_start_of_the_whole_value(value: Any) -> None:
    assert preview(value) == _whole_preview(value)


@pytest.mark.parametrize(
    "value",
    [
        too_many_metadata(),  # the corpus's invalid metadata, one key past the limit
        {"ke\ny": 'v"\\é', **{f"k{i}": "\x00\u2028" for i in range(15)}},  # strings needing escapes
        {"k": "v", "n": 1},  # not only strings
        {},
        {"": 0, **{str(i): 0 for i in range(12)}},  # the shortest members there are
        {str(i): i for i in range(11)},  # a member fewer than cut
        [0] * 28,  # the shortest items there are
        list(range(27)),
        "é" * 200,
        "\n" * 100,  # escapes make the text longer, never shorter
        "x" * 79,
        "x" * 81,
        [float("nan")] * 40,
        {"set": {1, 2}, **{str(i): i for i in range(20)}},  # not JSON: shown by repr, as json.dumps does
    ],
    ids=repr,
)
def test_a_preview_is_cut_where_the_whole_text_would_be(value: Any) -> None:
    assert preview(value) == _whole_preview(value)
