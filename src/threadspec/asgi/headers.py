"""The request's headers as one lower-cased mapping, refused (400) past a size or count limit.

HTTP servers differ here: h11 caps a request's head at 16 KiB, httptools (uvicorn's default when
installed) passes any number of any size. The middleware holds the line itself, so a header flood
is answered in the API's envelope whichever server runs it.
"""

from __future__ import annotations

from threadspec import messages
from threadspec.asgi.refusal import Refusal
from threadspec.asgi.types import Scope
from threadspec.asgi.wording import too_many_headers

DEFAULT_MAX_HEADER_BYTES = 64 * 1024
MAX_HEADER_FIELDS = 256
_FIELD_OVERHEAD = 4  # ": " and CRLF, as the header travels on the wire


def read_headers(scope: Scope, max_bytes: int) -> dict[str, str]:
    """Name (lower case) to value, the last one of a repeated name winning; 400 past the limits."""
    raw: list[tuple[bytes, bytes]] = scope.get("headers", [])
    size = sum(len(k) + len(v) + _FIELD_OVERHEAD for k, v in raw)
    if len(raw) > MAX_HEADER_FIELDS or size > max_bytes:
        body = messages.error_body(
            too_many_headers(MAX_HEADER_FIELDS, max_bytes), None, "request_headers_too_large"
        )
        raise Refusal(400, body)
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw}
