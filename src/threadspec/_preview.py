"""How an offending value is shown in a violation: a short, single-line rendering of its JSON text."""

from __future__ import annotations

import json
from itertools import islice
from json.encoder import encode_basestring
from typing import Any

_PREVIEW = 80
# json.dumps(value, ensure_ascii=False, default=repr), without building an encoder per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=repr)
# A longer value shows only its start. Each array item adds at least 3 characters (`0, `), each object
# member 7 (`"": 0, `), each character of a string 1: the text of this many already runs past the
# preview, and what follows them cannot change its first characters.
_SHOWN_ITEMS, _SHOWN_MEMBERS, _SHOWN_CHARS = _PREVIEW // 3 + 1, _PREVIEW // 7 + 1, _PREVIEW


def _head(value: Any) -> Any:
    """As much of ``value`` as its preview shows (the value itself when it is short)."""
    kind = type(value)
    if kind is dict and len(value) > _SHOWN_MEMBERS:
        return dict(islice(value.items(), _SHOWN_MEMBERS))
    if kind is list and len(value) > _SHOWN_ITEMS:
        return value[:_SHOWN_ITEMS]
    if kind is str and len(value) > _SHOWN_CHARS:
        return value[:_SHOWN_CHARS]
    return value


def _strings(value: dict[Any, Any]) -> str | None:
    """The encoder's text for an object of strings (metadata, most often), framed here: the encoder
    builds its machinery on every call, which costs more than the members; None for other objects.
    It stops at the member that carries the text past the preview: what follows cannot show."""
    members = []
    length = 0
    for key, item in islice(value.items(), _SHOWN_MEMBERS):
        if type(key) is not str or type(item) is not str:
            return None
        member = f"{encode_basestring(key)}: {encode_basestring(item)}"
        members.append(member)
        length += len(member) + 2  # with its `, `, or `{` and `}` for the first
        if length > _PREVIEW:
            break
    return "{" + ", ".join(members) + "}"


def preview(value: Any) -> str:
    """A short, single-line rendering of an offending value."""
    text = _strings(value) if type(value) is dict else None
    if text is None:
        try:
            text = _ENCODER.encode(_head(value))
        except (ValueError, RecursionError):
            text = repr(value)
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"
