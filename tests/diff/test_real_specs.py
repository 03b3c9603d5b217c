"""The real pairs: v1 → v2 (the migration guide) and OpenAI's published spec → threadspec's v2.

Each test states a fact about the two specs, with the limits read from the contracts themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.limits import limit
from threadspec import Contract, contract_for
from threadspec.diff import BREAKING_CLIENTS, BREAKING_SERVERS, COMPATIBLE, Change, SpecDiff, compare, render

UPSTREAM = Path(__file__).resolve().parents[3] / "shared" / "reference" / "openai-assistants-upstream.yaml"


@pytest.fixture(scope="module")
def v1_to_v2() -> SpecDiff:
    return compare(contract_for("v1"), contract_for("v2"))


@pytest.fixture(scope="module")
def upstream_to_v2() -> SpecDiff:
    if not UPSTREAM.is_file():
        pytest.skip(f"OpenAI's published spec is not at {UPSTREAM}")
    return compare(Contract.load(UPSTREAM), contract_for("v2"))


def _one(diff: SpecDiff, message_start: str) -> Change:
    found = [c for c in diff.changes if c.message.startswith(message_start)]
    assert len(found) == 1, [c.message for c in diff.changes if message_start.split(":")[0] in c.message]
    return found[0]


def test_v2_wants_its_own_beta_header(v1_to_v2: SpecDiff) -> None:
    change = _one(v1_to_v2, "OpenAI-Beta: assistants=v1 → assistants=v2")
    assert (change.kind, change.classification) == ("beta-version", BREAKING_CLIENTS)


def test_threads_gain_tool_resources(v1_to_v2: SpecDiff) -> None:
    response = _one(
        v1_to_v2, "ThreadObject.tool_resources: property added (required; ThreadToolResources | null)"
    )
    request = _one(v1_to_v2, "CreateThreadRequest.tool_resources: property added (optional;")
    assert (response.sides, response.classification) == (("response",), COMPATIBLE)
    assert (request.sides, request.classification) == (("request",), COMPATIBLE)
    assert "ThreadToolResources" not in contract_for("v1").schema_names()


def test_the_retrieval_tool_is_gone(v1_to_v2: SpecDiff) -> None:
    removed = _one(v1_to_v2, 'AssistantTool.type: discriminator values removed: "retrieval"')
    added = _one(v1_to_v2, 'AssistantTool.type: discriminator values added: "file_search"')
    assert removed.sides == added.sides == ("request", "response")  # tools are sent and read back
    assert [i.classification for i in removed.impacts] == [BREAKING_CLIENTS, COMPATIBLE]
    assert [i.classification for i in added.impacts] == [COMPATIBLE, BREAKING_SERVERS]
    names = [c for c in v1_to_v2.changes if c.kind == "schema-removed"]
    assert "AssistantToolsRetrieval" in {c.old for c in names}


def test_message_file_ids_are_replaced_by_attachments(v1_to_v2: SpecDiff) -> None:
    v1 = contract_for("v1").schema("CreateMessageRequest")["properties"]
    assert (
        _one(v1_to_v2, "CreateMessageRequest.file_ids: property removed").classification == BREAKING_CLIENTS
    )
    assert (
        _one(v1_to_v2, "CreateMessageRequest.attachments: property added (optional;").classification
        == COMPATIBLE
    )
    assert (
        _one(v1_to_v2, "MessageObject.file_ids: property removed (was required").classification
        == BREAKING_SERVERS
    )
    _one(v1_to_v2, "MessageObject.attachments: property added")
    # v1 content was text of bounded length; v2 also takes a list of parts
    _one(v1_to_v2, f"CreateMessageRequest.content: maxLength {v1['content']['maxLength']} → no limit")
    _one(v1_to_v2, "CreateMessageRequest.content: type string → array | string (request loosened")


def test_v2_added_message_deletion_and_the_incomplete_run_status(v1_to_v2: SpecDiff) -> None:
    assert _one(v1_to_v2, "deleteMessage: operation added").classification == COMPATIBLE
    assert _one(v1_to_v2, 'RunStatus: enum values added: "incomplete"').classification == BREAKING_SERVERS


def test_the_migration_guide_stays_readable(v1_to_v2: SpecDiff) -> None:
    text = render.text(v1_to_v2)
    lines = text.splitlines()
    assert len(lines) < 150  # one line per change at the place it is written, not per root that reaches it
    messages = [c.message for c in v1_to_v2.changes]
    assert len(messages) == len(set(messages))
    # a component is reported where it is defined, once, not from each request and response that holds it
    assert not [m for m in messages if m.startswith("CreateRunRequest.tools")]
    # the run's own limit did change: a run keeps its assistant's tools, as many as an assistant has in v2
    v1, v2 = (limit("RunObject", "tools", "maxItems", profile=p) for p in ("v1", "v2"))
    assert [m for m in messages if m.startswith("RunObject.tools")] == [
        f"RunObject.tools: maxItems {v1} → {v2} (response widened: breaking for response consumers)"
    ]
    assert lines[3].startswith(
        f"{len(v1_to_v2.changes)} changes: {len(v1_to_v2.of(BREAKING_CLIENTS))} breaking"
    )
    assert lines[5] == f"Breaking for clients ({len(v1_to_v2.of(BREAKING_CLIENTS))})"


def test_upstream_states_no_machine_checkable_metadata_limits(upstream_to_v2: SpecDiff) -> None:
    metadata = contract_for("v2").schema("Metadata")
    both = "(request tightened: breaking for clients; response narrowed: compatible for response consumers)"
    assert _one(upstream_to_v2, "Metadata: maxProperties").message == (
        f"Metadata: maxProperties no limit → {metadata['maxProperties']} {both}"
    )
    assert _one(upstream_to_v2, "Metadata: propertyNames.maxLength").message == (
        f"Metadata: propertyNames.maxLength no limit → {metadata['propertyNames']['maxLength']} {both}"
    )
    assert _one(upstream_to_v2, "Metadata.*: maxLength").message == (
        f"Metadata.*: maxLength no limit → {metadata['additionalProperties']['maxLength']} {both}"
    )


def test_upstream_has_no_beta_header_and_no_id_patterns(upstream_to_v2: SpecDiff) -> None:
    v2 = contract_for("v2")
    beta = _one(upstream_to_v2, f"OpenAI-Beta: not required → {v2.beta_value}")
    assert beta.classification == BREAKING_CLIENTS
    thread_id = next(p for p in v2.operation("getThread").parameters if p.name == "thread_id")
    pattern = next(
        c for c in upstream_to_v2.changes if c.what.endswith(f"pattern none → {thread_id.schema['pattern']}")
    )
    assert pattern.what.startswith("path parameter thread_id: ")
    assert "getThread" in pattern.operations and pattern.classification == BREAKING_CLIENTS


def test_upstream_documents_no_error_responses(upstream_to_v2: SpecDiff) -> None:
    added = [
        c for c in upstream_to_v2.changes if c.kind == "response-added" and "response 400 added" in c.message
    ]
    assert len(added) == 1  # one line for every operation that gained it
    assert "createThread" in added[0].operations and added[0].classification == COMPATIBLE


def test_upstream_nullable_is_not_read_as_null(upstream_to_v2: SpecDiff) -> None:
    # OpenAPI 3.0's `nullable: true` means nothing in 3.1: threadspec's explicit nulls widen the responses
    change = _one(upstream_to_v2, "RunObject.expires_at: type integer → integer | null")
    assert change.classification == BREAKING_SERVERS
