"""v1 request bodies are valid under v1 and refused under v2, naming the place v2 changed, with the API's code.

The same table is put to the validator and to a middleware holding both contracts, where the
``OpenAI-Beta`` header decides which one a body is judged by.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import threadspec
from threadspec import contract_for
from threadspec.asgi import Receive, Scope, Send, ValidationMiddleware

V1, V2 = contract_for("v1"), contract_for("v2")
FILES = ["file-abc123"]
V1_MESSAGE = {"role": "user", "content": "Summarize the report.", "file_ids": FILES}
RETRIEVAL = {"type": "retrieval"}
A = "asst_abc123"
T = "thread_abc123"

# (what, operation, path, v1 body, the v2 error's param, its code)
TABLE: list[tuple[str, str, str, dict[str, Any], str, str]] = [
    ("message files", "createMessage", f"/threads/{T}/messages", V1_MESSAGE, "file_ids", "unknown_parameter"),
    ("a thread's first messages' files", "createThread", "/threads", {"messages": [V1_MESSAGE]},
     "messages[0].file_ids", "unknown_parameter"),
    ("a new thread's messages' files", "createThreadAndRun", "/threads/runs",
     {"assistant_id": A, "thread": {"messages": [V1_MESSAGE]}}, "thread.messages[0].file_ids", "unknown_parameter"),
    ("the retrieval tool", "createAssistant", "/assistants", {"model": "gpt-4-turbo", "tools": [RETRIEVAL]},
     "tools[0].type", "invalid_value"),
    ("an assistant's files", "createAssistant", "/assistants", {"model": "gpt-4-turbo", "file_ids": FILES},
     "file_ids", "unknown_parameter"),
    ("an assistant's files replaced", "modifyAssistant", f"/assistants/{A}", {"file_ids": FILES},
     "file_ids", "unknown_parameter"),
    ("retrieval for one run", "createRun", f"/threads/{T}/runs",
     {"assistant_id": A, "tools": [{"type": "code_interpreter"}, RETRIEVAL]}, "tools[1].type", "invalid_value"),
    ("no response format", "createRun", f"/threads/{T}/runs", {"assistant_id": A, "response_format": "none"},
     "response_format", "invalid_value"),
    ("retrieval chosen", "createRun", f"/threads/{T}/runs", {"assistant_id": A, "tool_choice": RETRIEVAL},
     "tool_choice.type", "invalid_value"),
]  # fmt: skip
IDS = [row[0] for row in TABLE]


@pytest.mark.parametrize(("what", "operation", "path", "body", "param", "code"), TABLE, ids=IDS)
def test_valid_under_v1_refused_under_v2_at_the_right_place(
    what: str, operation: str, path: str, body: dict[str, Any], param: str, code: str
) -> None:
    schema = V1.operation(operation).request_schema
    assert schema is not None and schema == V2.operation(operation).request_schema
    assert threadspec.validate(body, schema, contract=V1).errors == []
    first = threadspec.validate(body, schema, contract=V2).errors[0]
    assert (first.param, first.code) == (param, code)
    assert threadspec.to_openai_error(first)["error"]["param"] == param


async def _accept(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


@pytest.mark.anyio
@pytest.mark.parametrize(("what", "operation", "path", "body", "param", "code"), TABLE, ids=IDS)
async def test_the_header_decides_which_contract_judges_the_body(
    what: str, operation: str, path: str, body: dict[str, Any], param: str, code: str
) -> None:
    app = ValidationMiddleware(_accept, contracts=[V2, V1])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api/v1") as client:
        under_v1 = await client.post(path, json=body, headers={"OpenAI-Beta": "assistants=v1"})
        under_v2 = await client.post(path, json=body, headers={"OpenAI-Beta": "assistants=v2"})
    assert under_v1.status_code == 204, under_v1.text
    assert under_v2.status_code == 400
    assert (under_v2.json()["error"]["param"], under_v2.json()["error"]["code"]) == (param, code)


def test_v1_only_operations_are_no_v2_operations() -> None:
    only_v1 = set(V1.operations()) - set(V2.operations())
    assert only_v1 == {
        "listAssistantFiles", "createAssistantFile", "getAssistantFile", "deleteAssistantFile",
        "listMessageFiles", "getMessageFile",
    }  # fmt: skip
    assert threadspec.validate({"file_id": "file-abc123"}, "CreateAssistantFileRequest", contract=V1).valid
    with pytest.raises(threadspec.UnknownOperationError):
        threadspec.validate_request("createAssistantFile", {"file_id": "file-abc123"}, contract=V2)
