"""API facts that the middleware, the mock and the contract runner all rely on, stated once.

What a spec states is read from the contract (the ``OpenAI-Beta`` value it requires, run statuses,
id prefixes, which operations stream: properties of :class:`threadspec.Contract`, also reachable
through the functions below, which read the default contract unless given one); what no spec can
state (which statuses end a run, how the API words a server error, how the ``OpenAI-Beta`` header
lists features) is written here and nowhere else.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from threadspec._contract import Contract

BETA_HEADER = "OpenAI-Beta"
BETA_FEATURE = "assistants"

SERVER_ERROR = "The server had an error while processing your request. Sorry about that!"
EVENT_STREAM = "text/event-stream"

# Response headers the spec declares: the id of every request, and how long a polling client waits.
REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_PREFIX = "req_"
POLL_AFTER_HEADER = "openai-poll-after-ms"

# A run in one of these statuses will never change again; `requires_action` waits for the client.
TERMINAL_RUN_STATUSES = frozenset({"completed", "cancelled", "failed", "incomplete", "expired"})
WAITING_RUN_STATUSES = frozenset({"requires_action"})
# The run events a stream may end on before `done`: a terminal status or a pause for tool outputs.
STREAM_RUN_ENDS = TERMINAL_RUN_STATUSES | WAITING_RUN_STATUSES
# A run that reaches one of its token caps (`max_prompt_tokens`, `max_completion_tokens`) ends in this status,
# with `incomplete_details` saying which; where a profile's runs have no such status (v1), it ends `completed`
# with the same details, as v1's published spec said ("the run will end with status `complete`").
CAPPED_RUN_STATUS = "incomplete"
CAPPED_RUN_FALLBACK = "completed"
# Steps and messages end in one of these (a step or message has no `requires_action`).
TERMINAL_ITEM_STATUSES = frozenset({"completed", "incomplete", "failed", "cancelled", "expired"})
STREAM_DONE_EVENT = "done"
# What a stream event's `data` encodes, by its contentMediaType (threadspec._bundle allows no other).
EVENT_DATA_MEDIA_TYPE = "application/json"

# The status the API answers a request that breaks the contract with (body, query or path id).
INVALID_REQUEST_STATUS = 400

# Timestamps are Unix seconds (integers) in properties whose names end in this suffix.
TIMESTAMP_SUFFIX = "_at"

# A deletion answers an object whose `object` is the kind's type with this suffix (`thread.deleted`).
DELETED_SUFFIX = ".deleted"

# What joins an id's prefix and its key: `thread_abc`, and in v1 `file-abc` (each path parameter's pattern says
# which); the first is the usual one.
ID_SEPARATORS = ("_", "-")

# The `object` of each kind the API returns, and the kind of a path parameter.
OBJECT_TYPES = {
    "thread": "thread",
    "message": "thread.message",
    "run": "thread.run",
    "step": "thread.run.step",
    "assistant": "assistant",
}

# Response properties the spec requires but the official Python SDK types as optional (`= None`), by
# `object`: a server that leaves one out breaks the documented contract in a way SDK users do not feel.
SDK_OPTIONAL_FIELDS: dict[str, frozenset[str]] = {
    "thread": frozenset({"metadata", "tool_resources"}),
    "thread.message": frozenset(
        {
            "assistant_id",
            "attachments",
            "completed_at",
            "incomplete_at",
            "incomplete_details",
            "metadata",
            "run_id",
        }
    ),
    "thread.run": frozenset(
        {
            "cancelled_at",
            "completed_at",
            "expires_at",
            "failed_at",
            "incomplete_details",
            "last_error",
            "max_completion_tokens",
            "max_prompt_tokens",
            "metadata",
            "required_action",
            "response_format",
            "started_at",
            "tool_choice",
            "truncation_strategy",
            "usage",
            "temperature",
            "top_p",
        }
    ),
    "thread.run.step": frozenset(
        {"cancelled_at", "completed_at", "expired_at", "failed_at", "last_error", "metadata", "usage"}
    ),
}


def is_timestamp(name: str) -> bool:
    """Whether a response property holds a Unix timestamp in seconds (``created_at``, ``expires_at`` …)."""
    return name.endswith(TIMESTAMP_SUFFIX)


def sdk_optional(object_type: str | None, name: str) -> bool:
    """Whether the official SDK reads a missing ``name`` of an ``object_type`` object as ``None``."""
    return name in SDK_OPTIONAL_FIELDS.get(object_type or "", frozenset())


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


# asked two or three times a request (which contract, the header check, the version the contract
# requires), of a handful of distinct values: remembered rather than parsed again
@lru_cache(maxsize=256)
def beta_version(value: str | None) -> str | None:
    """The Assistants API version an ``OpenAI-Beta`` header asks for (``"v2"``), or ``None``."""
    return parse_beta(value).get(BETA_FEATURE) or None


def _contract(contract: Contract | None) -> Contract:
    from threadspec._contract import resolve_contract  # the contract reads this module's facts

    return resolve_contract(contract)


def beta_value(contract: Contract | None = None) -> str | None:
    """The ``OpenAI-Beta`` value the contract requires (``"assistants=v2"``)."""
    return _contract(contract).beta_value


def run_statuses(contract: Contract | None = None) -> tuple[str, ...]:
    """Every status a run can have, as the contract's spec lists them."""
    return _contract(contract).run_statuses


def active_run_statuses(contract: Contract | None = None) -> frozenset[str]:
    """The statuses of a run that is not over yet (``queued`` … ``cancelling``)."""
    return frozenset(run_statuses(contract)) - TERMINAL_RUN_STATUSES


def stream_run_ends(contract: Contract | None = None) -> frozenset[str]:
    """The statuses a stream may end a run on, among those the contract's runs can have (v1: no ``incomplete``)."""
    statuses = run_statuses(contract)
    return STREAM_RUN_ENDS & frozenset(statuses) if statuses else STREAM_RUN_ENDS


def capped_run_status(contract: Contract | None = None) -> str:
    """The status of a run that reached a token cap: ``incomplete``, or ``completed`` where runs have no such status."""
    statuses = run_statuses(contract)
    return CAPPED_RUN_STATUS if CAPPED_RUN_STATUS in statuses or not statuses else CAPPED_RUN_FALLBACK


def id_prefixes(contract: Contract | None = None) -> dict[str, str]:
    """The prefix of each kind of id, by path parameter name (``thread_id`` → ``thread``), from the spec."""
    return _contract(contract).id_prefixes


def id_starts(contract: Contract | None = None) -> dict[str, str]:
    """What an id of each kind starts with, by path parameter name (``thread_id`` → ``thread_``, ``file_id`` →
    ``file-``), from the spec."""
    return _contract(contract).id_starts


def prefix_for_object(object_type: str, contract: Contract | None = None) -> str | None:
    """The id prefix of objects whose ``object`` is ``object_type`` (``thread.message`` → ``msg``)."""
    return _contract(contract).prefix_for_object(object_type)


def object_type_of(component: str, contract: Contract | None = None) -> str | None:
    """The ``object`` a component's instances carry (``MessageObject`` → ``thread.message``), from the spec."""
    node = _contract(contract).shared_schema(component).get("properties", {}).get("object", {})
    value = node.get("const") if isinstance(node, dict) else None
    return value if isinstance(value, str) else None


def streaming_operations(contract: Contract | None = None) -> tuple[str, ...]:
    """The operations that answer ``stream: true`` with server-sent events, in spec order."""
    return _contract(contract).streaming_operations
