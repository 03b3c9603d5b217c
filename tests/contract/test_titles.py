"""Every finding title, word for word: what was expected and what came back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from threadspec.contract import titles

CASES: list[tuple[Callable[..., str], tuple[Any, ...], str]] = [
    # what a request held at a constrained place
    (titles.phrase, ("maxProperties", "metadata", {f"k{i}": "" for i in range(17)}, 16), "17 metadata keys (limit 16)"),
    (titles.phrase, ("maximum", "temperature", 3, 2), "temperature 3 (limit 2)"),
    (titles.phrase, ("minimum", "query limit", 0, 1), "query limit 0 (minimum 1)"),
    (titles.phrase, ("maxItems", "tools", [{}] * 21, 20), "21 tools (limit 20)"),
    (titles.phrase, ("minItems", "content", [], 1), "0 content (minimum 1)"),
    (titles.phrase, ("maxLength", "metadata value", "x" * 513, 512), "a 513-character metadata value (limit 512)"),
    (titles.phrase, ("propertyNames", "metadata", {"k" * 65: ""}, 64, "maxLength"), "a 65-character metadata key (limit 64)"),
    (titles.phrase, ("type", "max_prompt_tokens", 256.0, ("integer", "null")), "max_prompt_tokens 256.0 (type integer or null)"),
    (titles.phrase, ("enum", "role", "userx", ("user", "assistant")), 'role "userx" (one of "user" or "assistant")'),
    (titles.phrase, ("const", "content item type", "textx", "text"), 'content item type "textx" (must be "text")'),
    (titles.phrase, ("required", "a request body", {}, "assistant_id"), "a request body without assistant_id (required)"),
    (titles.phrase, ("additionalProperties", "a request body", "unknown_field", False), 'a request body with an unknown property "unknown_field"'),
    (titles.phrase, ("pattern", "function name", "a b", "^[a-z]+$"), 'function name "a b" (pattern ^[a-z]+$)'),
    (titles.phrase, ("oneOf", "file_search", {"vector_store_ids": [], "vector_stores": []}, ("vector_store_ids", "vector_stores")),
     "file_search with vector_store_ids and vector_stores (exactly one of vector_store_ids or vector_stores)"),
    (titles.phrase, ("at_most_half_of", "static", {"max_chunk_size_tokens": 100, "chunk_overlap_tokens": 51},
                     {"rule": "at_most_half_of", "property": "chunk_overlap_tokens", "of": "max_chunk_size_tokens"}),
     "chunk_overlap_tokens 51 (at most half of max_chunk_size_tokens 100)"),
    # requests judged against a limit
    (titles.accepted, ("17 metadata keys (limit 16)",), "accepted 17 metadata keys (limit 16)"),
    (titles.accepted_strict, ("max_prompt_tokens 256.0 (type integer or null)",),
     "accepted max_prompt_tokens 256.0 (type integer or null), which threadspec refuses"),
    (titles.refused_at_limit, ("16 metadata keys (limit 16)", 400), "refused 16 metadata keys (limit 16) with 400, though it is within the limit"),
    (titles.wrong_id, ("thread_id", "msg_abc123", "thread"), "path thread_id \"msg_abc123\" (an id that begins with 'thread')"),
    # status and transport
    (titles.no_response, ("getThread", "ConnectError: refused"), "getThread: no response (ConnectError: refused)"),
    (titles.valid_refused, ("createRun", 404, "No assistant found with id 'asst_x'."),
     "valid request to createRun refused with 404: No assistant found with id 'asst_x'."),
    (titles.valid_failed, ("createRun", 500, ""), "valid request to createRun answered 500"),
    (titles.route_missing, ("POST", "/threads/{thread_id}/runs/{run_id}/cancel"),
     "POST /threads/{thread_id}/runs/{run_id}/cancel answered 404 to a valid request: is the route missing?"),
    (titles.invalid_server_error, (500, 400), "answered 500 to invalid requests (400 expected)"),
    (titles.invalid_other_status, (422, 400), "400 expected, 422 received for invalid requests"),
    (titles.envelope, ("/error: a string",), "error body is not the API's error envelope: /error: a string"),
    (titles.error_param, ("body.metadata", ("metadata",)), 'error param "body.metadata" does not name the broken place ("metadata")'),
    (titles.error_code, (None, ("object_above_max_properties",)), 'error code null, the API\'s is "object_above_max_properties"'),
    (titles.undocumented_status, ("createThread", 201, ["200"]), "createThread answered 201; the contract documents 200"),
    (titles.wrong_media, ("getThread", "text/html", "application/json"), "getThread answered text/html, expected application/json"),
    (titles.unparsable, ("getThread", "application/json", "bad"), "getThread answered a application/json body that does not parse: bad"),
    # response bodies
    (titles.response_rule, ("ThreadObject.created_at", "type", "integer", "1.5"), "ThreadObject.created_at: type integer, got 1.5"),
    (titles.response_rule, ("RunObject.status", "enum", ["queued", "completed"], '"done"'), 'RunObject.status: one of "queued" or "completed", got "done"'),
    (titles.missing, ("ThreadObject", ["metadata"]), "ThreadObject.metadata missing (required)"),
    (titles.missing, ("MessageObject", ["content", "role"]), "MessageObject missing content and role (2 required properties)"),
    (titles.renamed, ("ThreadObject.metadata missing (required)", ["meta"]), "ThreadObject.metadata missing (required); the object has meta instead"),
    (titles.id_prefix, ("msg", "1f3a", "msg_"), 'msg ids without their prefix: "1f3a" (expected msg_…)'),
    (titles.id_prefix, ("file", "file_1f3a", "file-"), 'file ids without their prefix: "file_1f3a" (expected file-…)'),
    (titles.file_not_kept, ("thread.message", "file-threadspec", []),
     'thread.message created with file_ids ["file-threadspec"] came back with file_ids []'),
    (titles.timestamp_milliseconds, ("created_at", 1712345678123), "timestamps in milliseconds, not Unix seconds: created_at 1712345678123"),
    (titles.timestamp_fraction, ("created_at", 1712345678.25), "timestamps with fractions, not integer Unix seconds: created_at 1712345678.25"),
    (titles.timestamp_decimal, ("created_at", 1712345678.0), "timestamps as decimals (created_at 1712345678.0), which threadspec reads as not integers"),
    (titles.timestamp_far, ("created_at", 1699014083, 1123, "the server's Date header"), "created_at 1699014083 is 1123 days away from the server's Date header"),
    (titles.unknown_property, ("ThreadObject.x_debug",), "responses carry properties the spec does not define: ThreadObject.x_debug"),
    (titles.wrong_object, ("getThread", "id", "thread_a", "thread_b"), 'getThread answered id "thread_a" for "thread_b"'),
    # streams
    (titles.stream_media, ("application/json",), "stream requested, answered application/json instead of text/event-stream"),
    (titles.stream_order, ("thread.run.queued", "not allowed after 'start'; expected thread.run.created"),
     "stream event thread.run.queued not allowed after 'start'; expected thread.run.created"),
    (titles.stream_no_done, ("thread.run.completed",), "stream ended without the done event (last: thread.run.completed)"),
    (titles.stream_end, ("thread.run.failed", "thread.run.completed"), "stream ended on thread.run.failed, expected thread.run.completed"),
    (titles.stream_unparsed, ("bad frame",), "stream could not be parsed: bad frame"),
    # behaviour across calls
    (titles.mismatch, ("modifyThread", "metadata", {}, {"a": "1"}, "modify"), 'modifyThread answered metadata {}, expected {"a": "1"} (modify)'),
    (titles.expectation, ("pagination", "after pages repeat nothing", "['msg_1'] appeared again"),
     "pagination: after pages repeat nothing: ['msg_1'] appeared again"),
    (titles.still_there, ("getThread", 200), "getThread answered 200 for a deleted object, expected 404"),
    (titles.run_stuck, ("queued", 60.0), 'a run stayed "queued" through 60s of polling'),
    (titles.no_tool_call, ("completed",), 'a run that must call a function ended "completed" without asking for tool outputs'),
    (titles.no_steps, ("completed",), "a completed run lists no steps"),
    (titles.control_unusable, ("createThread", "no string id"), "createThread answered 2xx without a usable object: no string id"),
    # how findings are shown
    (titles.with_more, ("ThreadObject.metadata missing (required)", ["RunObject", "MessageObject"]),
     "ThreadObject.metadata missing (required) (+2 more: RunObject, MessageObject)"),
    (titles.with_more, ("a", ["b", "c", "d", "e"]), "a (+4 more: b, c, d, …)"),
    (titles.alike, ("accepted temperature 3 (limit 2)", ["top_p"]), "accepted temperature 3 (limit 2) (+1 more like it: top_p)"),
    (titles.alike, ("accepted temperature 3 (limit 2)", []), "accepted temperature 3 (limit 2)"),
]  # fmt: skip


@pytest.mark.parametrize(("template", "args", "expected"), CASES, ids=[c[2][:50] for c in CASES])
def test_titles_word_for_word(template: Callable[..., str], args: tuple[Any, ...], expected: str) -> None:
    assert template(*args) == expected


def test_long_values_are_cut_short() -> None:
    assert titles.shown("x" * 100) == '"' + "x" * 38 + "…"
    assert len(titles.shown(list(range(100)))) == 40
