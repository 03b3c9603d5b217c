"""The query string as the validator reads it: at most 4 KiB and 256 fields, or a 400 refusal."""

from __future__ import annotations

from urllib.parse import parse_qs

from threadspec import messages
from threadspec.asgi.refusal import Refusal
from threadspec.asgi.wording import query_too_long, too_many_query_fields

MAX_QUERY_FIELDS = 256
# far above any query the API takes (a few ids and enums); it also keeps an all-digits value under
# the 4,300 digits Python's int() converts, which the validator's integer coercion relies on
MAX_QUERY_BYTES = 4096


def parse_query(raw: bytes) -> dict[str, list[str]]:
    """Every value of every field, blanks kept; a 400 refusal past the limits."""
    if len(raw) > MAX_QUERY_BYTES:
        raise Refusal(400, messages.error_body(query_too_long(MAX_QUERY_BYTES)))
    try:
        return parse_qs(
            raw.decode("latin-1"), keep_blank_values=True, errors="replace", max_num_fields=MAX_QUERY_FIELDS
        )
    except ValueError:
        raise Refusal(400, messages.error_body(too_many_query_fields(MAX_QUERY_FIELDS))) from None
