"""Differential: the generated models and the JSON Schemas give one verdict, at and past every limit.

``CASES`` are hand-picked v2 bodies; the spec's own examples are checked for every bundled profile.
"""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pydantic
import pytest

from tests.limits import limit, metadata_keys, too_many_metadata
from threadspec import Contract, contract_for, profiles

BASE: dict[str, Any] = {
    "assistant_id": "asst_1",
    "thread": {
        "messages": [{"role": "user", "content": "hi", "metadata": {}}],
        "tool_resources": {"file_search": {"vector_stores": [{
            "chunking_strategy": {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}},
            "metadata": {}}]}},
    },
    "tools": [{"type": "file_search", "file_search": {"max_num_results": 10,
                                                    "ranking_options": {"score_threshold": 0.5}}}],
    "metadata": {},
}  # fmt: skip
STATIC = ("thread", "tool_resources", "file_search", "vector_stores", 0, "chunking_strategy", "static")
FN = {"type": "function", "function": {"name": "f"}}


def IMAGE(url: str) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": url}}


def _with(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    body = copy.deepcopy(BASE)
    node: Any = body
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return body


_DELETE = object()
KEY = limit("Metadata", "", "propertyNames.maxLength")
VALUE = limit("Metadata", "*", "maxLength")

# (case id, body, expected verdict)
CASES: list[tuple[str, Any, bool]] = [
    ("base", BASE, True),
    ("metadata at the key limit", _with(("metadata",), {f"k{i}": "v" for i in range(metadata_keys())}), True),
    ("metadata past the key limit", _with(("metadata",), too_many_metadata()), False),
    ("metadata null", _with(("metadata",), None), True),
    ("key at the limit", _with(("metadata",), {"k" * KEY: "v"}), True),
    ("key past the limit", _with(("metadata",), {"k" * (KEY + 1): "v"}), False),
    ("astral key at the limit", _with(("metadata",), {"😀" * KEY: "v"}), True),
    ("astral key past the limit", _with(("metadata",), {"😀" * (KEY + 1): "v"}), False),
    ("value at the limit", _with(("metadata",), {"k": "é" * VALUE}), True),
    ("value past the limit", _with(("metadata",), {"k": "é" * (VALUE + 1)}), False),
    ("value not a string", _with(("metadata",), {"k": 1}), False),
    ("message metadata past the key limit", _with(("thread", "messages", 0, "metadata"), too_many_metadata()), False),
    ("vector store metadata past the key limit",
     _with(("thread", "tool_resources", "file_search", "vector_stores", 0, "metadata"), too_many_metadata()), False),
    ("temperature 2", _with(("temperature",), 2), True),
    ("temperature above 2", _with(("temperature",), math.nextafter(2.0, 3.0)), False),
    ("temperature 0", _with(("temperature",), 0), True),
    ("temperature below 0", _with(("temperature",), -1e-9), False),
    ("temperature string", _with(("temperature",), "1"), False),
    ("temperature bool", _with(("temperature",), True), False),
    ("top_p 1", _with(("top_p",), 1.0), True),
    ("top_p above 1", _with(("top_p",), math.nextafter(1.0, 2.0)), False),
    ("max_prompt_tokens 256", _with(("max_prompt_tokens",), 256), True),
    ("max_prompt_tokens 255", _with(("max_prompt_tokens",), 255), False),
    ("max_prompt_tokens 256.0", _with(("max_prompt_tokens",), 256.0), False),
    ("max_completion_tokens null", _with(("max_completion_tokens",), None), True),
    ("max_completion_tokens '300'", _with(("max_completion_tokens",), "300"), False),
    ("20 tools", _with(("tools",), [FN] * 20), True),
    ("21 tools", _with(("tools",), [FN] * 21), False),
    ("function name 64", _with(("tools",), [{"type": "function", "function": {"name": "a" * 64}}]), True),
    ("function name 65", _with(("tools",), [{"type": "function", "function": {"name": "a" * 65}}]), False),
    ("function name space", _with(("tools",), [{"type": "function", "function": {"name": "a b"}}]), False),
    ("function name newline", _with(("tools",), [{"type": "function", "function": {"name": "ab\n"}}]), False),
    ("unknown tool type", _with(("tools",), [{"type": "browser"}]), False),
    ("max_num_results 50", _with(("tools", 0, "file_search", "max_num_results"), 50), True),
    ("max_num_results 51", _with(("tools", 0, "file_search", "max_num_results"), 51), False),
    ("score_threshold 1", _with(("tools", 0, "file_search", "ranking_options", "score_threshold"), 1), True),
    ("score_threshold 1.01", _with(("tools", 0, "file_search", "ranking_options", "score_threshold"), 1.01), False),
    ("1 vector store id", _with(("tool_resources",), {"file_search": {"vector_store_ids": ["vs_1"]}}), True),
    ("2 vector store ids", _with(("tool_resources",), {"file_search": {"vector_store_ids": ["vs_1", "vs_2"]}}), False),
    ("20 file ids", _with(("tool_resources",), {"code_interpreter": {"file_ids": ["f"] * 20}}), True),
    ("21 file ids", _with(("tool_resources",), {"code_interpreter": {"file_ids": ["f"] * 21}}), False),
    ("chunk 100", _with((*STATIC, "max_chunk_size_tokens"), 100) | {}, False),  # overlap 400 > 50
    ("chunk 4096", _with((*STATIC, "max_chunk_size_tokens"), 4096), True),
    ("chunk 4097", _with((*STATIC, "max_chunk_size_tokens"), 4097), False),
    ("overlap half", _with((*STATIC, "chunk_overlap_tokens"), 400), True),
    ("overlap above half", _with((*STATIC, "chunk_overlap_tokens"), 401), False),
    ("both vector store forms", _with(("thread", "tool_resources", "file_search", "vector_store_ids"), ["vs"]), False),
    ("no vector store form", _with(("thread", "tool_resources", "file_search"), {}), False),
    ("2 vector stores", _with(("thread", "tool_resources", "file_search", "vector_stores"), [{}, {}]), False),
    ("tool_choice named without name", _with(("tool_choice",), {"type": "function"}), False),
    ("tool_choice named", _with(("tool_choice",), {"type": "function", "function": {"name": "f"}}), True),
    ("tool_choice required", _with(("tool_choice",), "required"), True),
    ("tool_choice bogus", _with(("tool_choice",), "sometimes"), False),
    ("last_messages 1", _with(("truncation_strategy",), {"type": "last_messages", "last_messages": 1}), True),
    ("last_messages 0", _with(("truncation_strategy",), {"type": "last_messages", "last_messages": 0}), False),
    ("role system", _with(("thread", "messages", 0, "role"), "system"), False),
    ("content parts", _with(("thread", "messages", 0, "content"), [{"type": "text", "text": "x"}]), True),
    ("content empty list", _with(("thread", "messages", 0, "content"), []), False),
    ("attachment without file_id", _with(("thread", "messages", 0, "attachments"), [{"tools": []}]), True),
    ("attachment file_id not a string", _with(("thread", "messages", 0, "attachments"), [{"file_id": 1}]), False),
    ("image url", _with(("thread", "messages", 0, "content"), [IMAGE("https://example.com/cat.png")]), True),
    ("image data url", _with(("thread", "messages", 0, "content"), [IMAGE("data:image/png;base64,iVBORw0KGgo=")]), True),
    ("image url without scheme", _with(("thread", "messages", 0, "content"), [IMAGE("example.com/cat.png")]), False),
    ("image url with a space", _with(("thread", "messages", 0, "content"), [IMAGE("https://example.com/a cat.png")]), False),
    ("image url ending in a newline", _with(("thread", "messages", 0, "content"), [IMAGE("https://example.com/\n")]), False),
    ("image url empty", _with(("thread", "messages", 0, "content"), [IMAGE("")]), False),
    ("10,001 vector store file ids", _with(("thread", "tool_resources", "file_search", "vector_stores", 0, "file_ids"),
                                           ["file"] * 10_001), True),
    ("instructions of 256,001", _with(("instructions",), "x" * 256_001), True),
    ("tool_choice file_search with a function", _with(("tool_choice",), {"type": "file_search", "function": {"name": "f"}}), True),
    ("tool_choice any function name", _with(("tool_choice",), {"type": "function", "function": {"name": "get weather!"}}), True),
    ("tool_choice function without a name", _with(("tool_choice",), {"type": "function", "function": {}}), False),
    ("tool_choice unknown tool", _with(("tool_choice",), {"type": "browser"}), False),
    ("unknown parameter", _with(("bogus",), 1), False),
    ("unknown nested parameter", _with(("thread", "bogus"), 1), False),
    ("missing assistant_id", _with(("assistant_id",), _DELETE), False),
    ("stream null", _with(("stream",), None), True),
    ("json_schema format", _with(("response_format",), {"type": "json_schema", "json_schema": {"name": "x", "schema": {}}}), True),
    ("response_format auto", _with(("response_format",), "auto"), True),
    ("not an object", [BASE], False),
]  # fmt: skip


def _verdicts(body: Any, schema: str, contract: Contract | None = None) -> dict[str, bool]:
    found = contract or contract_for()
    compiled = found.compiled(schema)

    def model_ok() -> bool:
        try:
            found.model_class(schema).model_validate(body)
        except pydantic.ValidationError:
            return False
        return True

    return {
        "reference": compiled.reference.is_valid(body),
        "fast(bytes)": bool(compiled.is_valid_json(json.dumps(body).encode())),
        "fast(values)": bool(compiled.is_valid_value(body)),
        "model": model_ok(),
    }


@pytest.mark.parametrize(("case", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_model_fast_path_and_schema_agree_at_and_past_each_limit(
    case: str, body: Any, expected: bool
) -> None:
    verdicts = _verdicts(body, "CreateThreadAndRunRequest")
    assert verdicts == dict.fromkeys(verdicts, expected), case


def _examples() -> list[tuple[str, str, Any]]:
    return [
        (profile, name, example)
        for profile in profiles()
        for name in contract_for(profile).schema_names()
        for example in contract_for(profile).shared_schema(name).get("examples", [])
    ]


@pytest.mark.parametrize(
    ("profile", "schema", "example"),
    _examples(),
    ids=[f"{p}-{n}-{i}" for i, (p, n, _) in enumerate(_examples())],
)
def test_model_fast_path_and_schema_accept_every_spec_example(
    profile: str, schema: str, example: Any
) -> None:
    assert _verdicts(example, schema, contract_for(profile)) == dict.fromkeys(
        ("reference", "fast(bytes)", "fast(values)", "model"), True
    )
