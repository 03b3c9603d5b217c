"""The upstream side: which URL a request goes to, and which headers travel in each direction.

Hop-by-hop headers (RFC 9110 §7.6.1) stay on their hop. ``Accept-Encoding`` is the proxy's own:
httpx asks for what it can decode, and the body reaches the client decoded (so it can be checked),
without ``Content-Encoding`` and, when it was encoded, without its ``Content-Length``.
"""

from __future__ import annotations

import httpx

_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
     "trailer", "transfer-encoding", "upgrade"}
)  # fmt: skip
_REQUEST_OWN = frozenset({"host", "content-length", "accept-encoding"})
Headers = list[tuple[bytes, bytes]]


def _named_by_connection(headers: Headers) -> set[str]:
    named: set[str] = set()
    for key, value in headers:
        if key.lower() == b"connection":
            named |= {token.strip().lower() for token in value.decode("latin-1").split(",")}
    return named


def request_headers(headers: Headers) -> Headers:
    """The client's headers for the upstream: Authorization, OpenAI-Beta and the rest, less this hop's."""
    drop = _HOP_BY_HOP | _REQUEST_OWN | _named_by_connection(headers)
    return [(k, v) for k, v in headers if k.decode("latin-1").lower() not in drop]


def response_headers(response: httpx.Response) -> Headers:
    """The upstream's headers for the client, less this hop's and the encoding httpx has undone."""
    raw = [(k.lower(), v) for k, v in response.headers.raw]
    drop = set(_HOP_BY_HOP) | _named_by_connection(raw)
    if any(k == b"content-encoding" for k, _ in raw):
        drop |= {"content-encoding", "content-length"}
    return [(k, v) for k, v in raw if k.decode("latin-1") not in drop]


def upstream_url(upstream: str, tail: str, query_string: bytes) -> httpx.URL:
    """``<upstream><tail>?<query>``, the path and query kept exactly as the client encoded them."""
    base = httpx.URL(upstream)
    path = base.raw_path.split(b"?", 1)[0].rstrip(b"/") + tail.encode("latin-1")
    return base.copy_with(raw_path=path + (b"?" + query_string if query_string else b""))
