"""Seed 000's four curl examples (Threads v1), sent to the mock as they are written, get the seed's responses
in shape: the same fields, types and values, ids and timestamps aside.

The examples are read straight out of the seed file by the parser of ``tests/spec/test_seed_000_threads_v1.py``
(skipped, with it, where the seeds are not at hand). Each answer is also checked against the v1 spec by the
conftest's hook, as every answer of the mock is.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.mock.conftest import OpenMock
from tests.spec.test_seed_000_threads_v1 import BASE_URL, EXAMPLES, Example
from threadspec import facts
from threadspec.mock import MockConfig

pytestmark = pytest.mark.anyio

SEED_THREAD = "thread_abc123"  # the thread the seed's retrieve, modify and delete examples name


def in_shape(value: Any, key: str = "") -> Any:
    """``value`` with ids and timestamps made placeholders of their type, everything else as it is."""
    if isinstance(value, dict):
        return {k: in_shape(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [in_shape(v) for v in value]
    if key == "id" or key.endswith("_id"):
        return f"<{type(value).__name__} id>"
    if facts.is_timestamp(key):
        return f"<{type(value).__name__} timestamp>"
    return value


async def send(client: httpx.AsyncClient, example: Example, thread_id: str | None) -> httpx.Response:
    path = example.url.removeprefix(BASE_URL)
    if thread_id is not None:
        path = path.replace(SEED_THREAD, thread_id)
    headers = {k: v for k, v in example.headers.items() if k != "Authorization"}  # the mock wants no key
    data = example.data.encode() if example.data else None  # `-d ''` sends no body
    return await client.request(example.method.upper(), path, content=data, headers=headers)


def test_the_seed_has_the_four_examples_in_lifecycle_order() -> None:
    assert [(e.method, e.documented[1]) for e in EXAMPLES] == [
        ("post", "/threads"),
        ("get", "/threads/{thread_id}"),
        ("post", "/threads/{thread_id}"),
        ("delete", "/threads/{thread_id}"),
    ]
    assert {e.headers["OpenAI-Beta"] for e in EXAMPLES} == {"assistants=v1"}


@pytest.mark.parametrize("store", ["memory", "sqlite"])
async def test_the_seeds_examples_get_the_seeds_responses(
    open_mock: OpenMock, tmp_path: Any, store: str
) -> None:
    config = MockConfig(db=tmp_path / "seed.sqlite" if store == "sqlite" else None)
    thread_id: str | None = None
    async with open_mock(config, {}) as client:
        for example in EXAMPLES:
            response = await send(client, example, thread_id)
            assert response.status_code == 200, (example.title, response.text)
            answer = response.json()
            assert in_shape(answer) == in_shape(example.response), example.title
            assert [type(answer[k]) for k in answer] == [type(example.response[k]) for k in answer]
            thread_id = thread_id or answer["id"]
        # the thread the seed deleted is gone, as the API would have it
        gone = await send(client, EXAMPLES[1], thread_id)
        assert (gone.status_code, gone.json()["error"]["message"]) == (
            404,
            f"No thread found with id '{thread_id}'.",
        )


async def test_the_shapes_differ_where_the_seed_differs(open_mock: OpenMock) -> None:
    """The comparison can fail: a v2 thread (the same request with the v2 header) is not the seed's shape."""
    create = EXAMPLES[0]
    async with open_mock(MockConfig(), {"OpenAI-Beta": "assistants=v2"}) as client:
        answer = (await client.post(create.url.removeprefix(BASE_URL))).json()
    assert in_shape(answer) != in_shape(create.response)
    assert set(answer) - set(create.response) == {"tool_resources"}
