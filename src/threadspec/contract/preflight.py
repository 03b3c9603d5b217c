"""Before any check: can the server be reached, does it take the key, is the base URL its API root,
and does it keep state? Anything that would fail every check is one message and exit code 2.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from threadspec.contract.client import ContractClient
from threadspec.contract.exchange import Exchange
from threadspec.contract.judge import is_success, message_of

_REFUSED = (401, 403)
_MOVED = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class Preflight:
    failure: str | None  # why no check can run, or None
    stateful: bool
    state_reason: str


def _unreachable(client: ContractClient, exchange: Exchange) -> str:
    return (
        f"cannot reach the server at {client.root} ({exchange.error}); "
        "is it running, and is --base-url its API root?"
    )


def _moved(client: ContractClient, exchange: Exchange) -> str:
    where = exchange.response.header("location") if exchange.response is not None else None
    hint = f"; use the URL it names as --base-url (it sends {where})" if where else ""
    return f"the server redirects requests under {client.root} with {exchange.status}{hint}"


def _refused(client: ContractClient, exchange: Exchange, key_sent: bool, api_key_env: str) -> str:
    # the server's own words, quoted: a mock's canned 401 body may say something unrelated to keys
    said = f', saying "{message_of(exchange)}"' if message_of(exchange) else ""
    if not key_sent:
        return (
            f"the server refused every request with {exchange.status}{said}; no key was sent: "
            f"set ${api_key_env} (or name another variable with --api-key-env)"
        )
    return f"the server refused the key in ${api_key_env} with {exchange.status} on every request{said}"


def alternative(root: str) -> str:
    """The other usual API root on the same server: with ``/v1`` added, or taken away."""
    return root.removesuffix("/v1") if urlsplit(root).path.rstrip("/").endswith("/v1") else root + "/v1"


def _all_404(client: ContractClient, answers: bool) -> str:
    other = alternative(client.root)
    hint = (
        f"the API answers at {other}: use --base-url {other}"
        if answers
        else f"is the API root {other}, or another path?"
    )
    return f"the server answers 404 on every route under {client.root}: {hint}"


async def _answers_at_alternative(client: ContractClient) -> bool:
    """Whether the same server answers the API at :func:`alternative` root."""
    probe = ContractClient(
        alternative(client.root),
        client.key,
        contract=client.contract,
        transport=client.transport,
        timeout=10.0,
    )
    try:
        exchange = await probe.call("createThread", body={})
        await probe.delete_created()
    finally:
        await probe.aclose()
    return exchange.status not in (None, 404)


async def _state(client: ContractClient, created: Exchange) -> tuple[bool, str]:
    body = created.json()
    ident = body.get("id") if isinstance(body, dict) else None
    if not is_success(created) or not isinstance(ident, str):
        return True, "could not tell (createThread gave no thread): the workflows will show"
    again = await client.call("getThread", {"thread_id": ident})
    found = again.json()
    if not is_success(again) or not isinstance(found, dict) or found.get("id") != ident:
        return False, f"a thread it had just created could not be retrieved ({again.status or again.error})"
    stranger = f"thread_threadspec{secrets.token_hex(6)}"
    other = await client.call("getThread", {"thread_id": stranger})
    if is_success(other):  # a 404, or a 400 for an id of a form it never hands out: no such thread
        return False, f"a thread it never created was retrieved ({other.status})"
    return True, "a thread it created was retrieved by its id, one it never created was not"


async def preflight(
    client: ContractClient, *, key_sent: bool, api_key_env: str, stateful: bool | None
) -> Preflight:
    created = await client.call("createThread", body={})
    if created.response is None:
        return Preflight(_unreachable(client, created), False, "")
    if created.status in _REFUSED:
        others = [await client.call("createThreadAndRun", body={})]
        if all(e.status in _REFUSED for e in others):
            return Preflight(_refused(client, created, key_sent, api_key_env), False, "")
    if created.status in _MOVED:
        return Preflight(_moved(client, created), False, "")
    if created.status == 404:
        others = [await client.call("createThreadAndRun", body={})]
        if all(e.status == 404 for e in others):
            return Preflight(_all_404(client, await _answers_at_alternative(client)), False, "")
    if stateful is not None:
        return Preflight(None, stateful, "as told (--stateful)" if stateful else "as told (--stateless)")
    state, reason = await _state(client, created)
    return Preflight(None, state, reason)
