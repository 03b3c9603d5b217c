"""The middleware in a real service: FastAPI's own routes beside validated API routes, and mounting under a prefix."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.asgi.helpers import BETA, THREAD, envelope
from threadspec import messages, spec
from threadspec.asgi import ValidationMiddleware, matched_request

pytestmark = pytest.mark.anyio

KEY = "sk-service-test-key-0123456789"
AUTH = {**BETA, "Authorization": f"Bearer {KEY}"}
TOO_MANY = spec.shared_schema("Metadata")["maxProperties"] + 1
TOO_MANY_KEYS = {"metadata": {f"k{i}": "v" for i in range(TOO_MANY)}}


async def _create_thread(request: Request) -> dict[str, Any]:
    matched = matched_request(request.scope)
    return {**THREAD, "metadata": (matched.body or {}).get("metadata") or {}}


def _service(api: str = "/v1", **options: Any) -> FastAPI:
    """A service with a health check, FastAPI's docs, and an Assistants route behind the middleware."""
    service = FastAPI(title="a service with its own routes")

    @service.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    service.post(f"{api}/threads")(_create_thread)

    @service.get(f"{api}/threads/{{thread_id}}")
    async def get_thread(thread_id: str) -> dict[str, Any]:
        return {**THREAD, "id": thread_id}

    service.add_middleware(ValidationMiddleware, api_key=KEY, **options)  # type: ignore[arg-type]
    return service


def _client(app: Any, root_path: str = "") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, root_path=root_path)
    return httpx.AsyncClient(transport=transport, base_url="http://service")


async def test_the_services_own_routes_answer_as_fastapi_does() -> None:
    service = _service(unknown_routes="pass")
    async with _client(service) as client:
        # no API key, no beta header: a load balancer's health check carries neither
        health = await client.get("/healthz")
        assert (health.status_code, health.json()) == (200, {"status": "ok"})
        docs = await client.get("/docs")
        assert docs.status_code == 200
        assert "swagger-ui" in docs.text
        schema = await client.get("/openapi.json")
        assert (schema.status_code, schema.json()) == (200, service.openapi())
        unknown = await client.get("/nowhere")
        assert (unknown.status_code, unknown.json()) == (404, {"detail": "Not Found"})


async def test_the_api_routes_beside_them_are_validated() -> None:
    async with _client(_service(unknown_routes="pass")) as client:
        created = await client.post("/v1/threads", json={"metadata": {"a": "b"}}, headers=AUTH)
        assert (created.status_code, created.json()["metadata"]) == (200, {"a": "b"})
        fetched = await client.get("/v1/threads/thread_abc", headers=AUTH)
        assert (fetched.status_code, fetched.json()["id"]) == (200, "thread_abc")

        too_many = await client.post("/v1/threads", json=TOO_MANY_KEYS, headers=AUTH)
        assert too_many.status_code == 400
        assert (too_many.json()["error"]["param"], too_many.json()["error"]["code"]) == (
            "metadata",
            "object_above_max_properties",
        )
        wrong_id = await client.get("/v1/threads/run_abc", headers=AUTH)
        assert (
            wrong_id.json()["error"]["message"]
            == "Invalid 'thread_id': 'run_abc'. Expected an ID that begins with 'thread'."
        )
        no_key = await client.post("/v1/threads", json={}, headers=BETA)
        assert no_key.status_code == 401
        no_beta = await client.post("/v1/threads", json={}, headers={"Authorization": f"Bearer {KEY}"})
        assert no_beta.json() == envelope(messages.INVALID_BETA, None, "invalid_beta")
        # the path is the API's, so a method it does not take is the API's 405, not FastAPI's
        wrong_method = await client.delete("/v1/threads", headers=AUTH)
        assert (wrong_method.status_code, wrong_method.headers["allow"]) == (405, "POST")


async def test_by_default_every_route_belongs_to_the_api() -> None:
    async with _client(_service()) as client:
        health = await client.get("/healthz", headers=AUTH)
        assert (health.status_code, health.json()) == (404, envelope("Invalid URL (GET /healthz)"))


async def test_unknown_routes_takes_only_refuse_or_pass() -> None:
    with pytest.raises(ValueError, match="unknown_routes must be 'refuse' or 'pass', not 'allow'"):
        ValidationMiddleware(_create_thread, unknown_routes="allow")  # type: ignore[arg-type]


async def test_api_under_another_prefix() -> None:
    service = _service(api="/openai/v1", prefix="/openai/v1", unknown_routes="pass")
    async with _client(service) as client:
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.post("/openai/v1/threads", json={}, headers=AUTH)).status_code == 200
        assert (await client.post("/openai/v1/threads", json=TOO_MANY_KEYS, headers=AUTH)).status_code == 400


async def test_behind_a_gateway_that_sets_root_path() -> None:
    # as `uvicorn --root-path /gateway` serves it: the path keeps the root, the scope names it
    async with _client(_service(unknown_routes="pass"), root_path="/gateway") as client:
        assert (await client.get("/gateway/healthz")).status_code == 200
        assert (await client.post("/gateway/v1/threads", json={}, headers=AUTH)).status_code == 200
        refused = await client.post("/gateway/v1/threads", json=TOO_MANY_KEYS, headers=AUTH)
        assert refused.json()["error"]["code"] == "object_above_max_properties"


async def test_mounted_at_v1_beside_the_services_routes() -> None:
    async def create(request: Any) -> JSONResponse:
        return JSONResponse(THREAD)

    api = Starlette(routes=[Route("/threads", create, methods=["POST"])])
    service = FastAPI()

    @service.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    # only the mounted app is the API's: nothing outside /v1 reaches the middleware
    service.mount("/v1", ValidationMiddleware(api))
    async with _client(service) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        assert (await client.post("/v1/threads", json={}, headers=BETA)).json() == THREAD
        refused = await client.post("/v1/threads", json=TOO_MANY_KEYS, headers=BETA)
        assert refused.json()["error"]["param"] == "metadata"
        unknown = await client.get("/v1/nowhere", headers=BETA)
        assert unknown.json() == envelope("Invalid URL (GET /v1/nowhere)")
