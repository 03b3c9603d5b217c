"""The middleware's own refusals, worded like the API's; quoted request text is always cut short."""

from __future__ import annotations

from threadspec.facts import SERVER_ERROR as SERVER_ERROR
from threadspec.result import Violation

_PREVIEW = 200
MISSING_KEY = (
    "You didn't provide an API key. You need to provide your API key in an Authorization header using "
    "Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
)


def invalid_url(method: str, path: str) -> str:
    return f"Invalid URL ({method} {path[:_PREVIEW]})"


def invalid_method(method: str, path: str, allowed: list[str]) -> str:
    return f"Invalid method for URL ({method} {path[:_PREVIEW]}). Supported methods: {', '.join(allowed)}."


def mask_key(key: str) -> str:
    """An API key as the API quotes it back: a few characters at each end, the rest starred."""
    head = key[: min(6, len(key) // 4)]
    tail = key[-4:] if len(key) >= 20 else ""
    return head + "*" * (len(key) - len(head) - len(tail)) + tail


def incorrect_key(key: str) -> str:
    return f"Incorrect API key provided: {mask_key(key)[:_PREVIEW]}. You can find your API key in your account settings."


def too_large(limit: int) -> str:
    return f"Request too large: the body may be at most {limit} bytes."


def wrong_content_type(content_type: str) -> str:
    return f"Invalid Content-Type header ({content_type[:_PREVIEW]}); expected application/json."


def too_many_headers(fields: int, size: int) -> str:
    return f"Request headers too large: at most {fields} fields and {size} bytes are accepted."


def query_too_long(limit: int) -> str:
    return f"Query string too long: at most {limit} bytes are accepted."


def too_many_query_fields(limit: int) -> str:
    return f"Too many query parameters: at most {limit} are accepted."


def invalid_response(operation_id: str, status: int, first: Violation) -> str:
    where = first.pointer or "the body"
    return f"The server's {status} response to {operation_id} broke the contract at {where}: {first.message}"
