"""API facts that the middleware, the mock and the contract runner all rely on, stated once.

What the spec states is read from the spec (run and step statuses, id prefixes, which operations
stream); what it cannot state (which statuses end a run, how the API words a server error, how the
``OpenAI-Beta`` header lists features) is written here and nowhere else.
"""

from __future__ import annotations

from functools import cache

from threadspec import spec

BETA_HEADER = "OpenAI-Beta"
BETA_FEATURE = "assistants"
BETA_VERSION = "v2"
BETA_VALUE = f"{BETA_FEATURE}={BETA_VERSION}"

SERVER_ERROR = "The server had an error while processing your request. Sorry about that!"

# Response headers the spec declares: the id of every request, and how long a polling client waits.
REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_PREFIX = "req_"
POLL_AFTER_HEADER = "openai-poll-after-ms"

# A run in one of these statuses will never change again; `requires_action` waits for the client.
TERMINAL_RUN_STATUSES = frozenset({"completed", "cancelled", "failed", "incomplete", "expired"})
WAITING_RUN_STATUSES = frozenset({"requires_action"})
# The run events a stream may end on before `done`: a terminal status or a pause for tool outputs.
STREAM_RUN_ENDS = TERMINAL_RUN_STATUSES | WAITING_RUN_STATUSES
# Steps and messages end in one of these (a step or message has no `requires_action`).
TERMINAL_ITEM_STATUSES = frozenset({"completed", "incomplete", "failed", "cancelled", "expired"})
STREAM_DONE_EVENT = "done"
# What a stream event's `data` encodes, by its contentMediaType (codegen/operations.py allows no other).
EVENT_DATA_MEDIA_TYPE = "application/json"

# The `object` of each kind the API returns, and the kind of a path parameter.
OBJECT_TYPES = {
    "thread": "thread",
    "message": "thread.message",
    "run": "thread.run",
    "step": "thread.run.step",
    "assistant": "assistant",
}


def parse_beta(value: str | None) -> dict[str, str]:
    """The features an ``OpenAI-Beta`` header opts in to: ``"assistants=v2, other=x"`` → two entries.

    The API reads the header as a comma-separated list of ``feature=version`` pairs; a later pair
    for the same feature wins, and entries without ``=`` name no version.
    """
    features: dict[str, str] = {}
    for part in (value or "").split(","):
        name, sep, version = part.strip().partition("=")
        if name.strip():
            features[name.strip()] = version.strip() if sep else ""
    return features


def beta_version(value: str | None) -> str | None:
    """The Assistants API version an ``OpenAI-Beta`` header asks for (``"v2"``), or ``None``."""
    return parse_beta(value).get(BETA_FEATURE) or None


@cache
def run_statuses() -> tuple[str, ...]:
    """Every status a run can have, as the spec lists them."""
    statuses: list[str] = spec.shared_schema("RunStatus")["enum"]
    return tuple(statuses)


@cache
def id_prefixes() -> dict[str, str]:
    """The prefix of each kind of id, by path parameter name (``thread_id`` → ``thread``), from the spec."""
    found: dict[str, str] = {}
    for operation in spec.operations().values():
        for param in operation.parameters_in("path"):
            if param.id_prefix is not None:
                found.setdefault(param.name, param.id_prefix)
    return found


@cache
def prefix_for_object(object_type: str) -> str | None:
    """The id prefix of objects whose ``object`` is ``object_type`` (``thread.message`` → ``msg``)."""
    for kind, name in OBJECT_TYPES.items():
        if name == object_type:
            return id_prefixes().get(f"{kind}_id")
    return None


@cache
def streaming_operations() -> tuple[str, ...]:
    """The operations that answer ``stream: true`` with server-sent events, in spec order."""
    return tuple(op_id for op_id, op in spec.operations().items() if op.streams)
