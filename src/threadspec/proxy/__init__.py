"""A validating proxy: the contract checked on real traffic to a real server (``threadspec proxy``).

Put it between your clients and an Assistants API server (a self-hosted reimplementation in
staging, say)::

    threadspec proxy --upstream http://staging:8000/v1 --log violations.jsonl
    # clients use http://127.0.0.1:4020/v1 as their base URL

Every request is forwarded with httpx — method, path, query, headers (``Authorization``
included), body — and the answer streams back as it arrives. On the way each request is judged
by the middleware's gates and :func:`threadspec.iter_request_errors` (every violation, not only the
first), and each response by the same checks as ``ValidationMiddleware(validate_responses=True)``:
a JSON body once it has passed (kept up to ``max_checked_response_bytes``), an event stream frame
by frame as it passes, its events in a legal order (:mod:`threadspec.stream_order`), and it must end
with ``done``. Each request is held to the contract its ``OpenAI-Beta`` header names among the
profiles of ``ProxyConfig.profiles`` (by default v2 and v1), and so is its answer.

=============================  =================================================================
mode                           a request that breaks the contract
=============================  =================================================================
``observe`` (the default)      forwarded unchanged; its violations are logged with the status
                               the upstream answered (a 2xx means the server accepted it)
``enforce``                    refused in the API's envelope, as the middleware refuses it (400,
                               404, 405, 413); it never reaches the upstream
=============================  =================================================================

Responses reach the client as the upstream sent them in both modes; their violations are logged.
An upstream that cannot be reached or does not answer within ``timeout_seconds`` gives a 502 in
the API's envelope (type ``server_error``); one that breaks off a stream ends it with an
``error`` event and ``done``.

Each violation is one JSON line in ``log`` (:mod:`threadspec.proxy.record` shows one); when the
proxy stops it prints a summary (:mod:`threadspec.proxy.summary`): requests and violations by
operation, violations by rule with their first message, invalid requests the upstream answered
2xx, and the operations never seen.

``create_app(ProxyConfig(upstream=...))`` gives the ASGI app (``app.recorder`` holds the counts);
``serve(config)`` serves it on a port until Ctrl-C and prints the summary; ``serve_in_thread``
serves it for the length of a ``with`` block.
"""

from __future__ import annotations

from threadspec._extras import needs

with needs("proxy", "threadspec.proxy"):
    from threadspec.proxy.app import ProxyApp, create_app
    from threadspec.proxy.config import ProxyConfig
    from threadspec.proxy.record import Exchange, Recorder, Tally
    from threadspec.proxy.server import serve, serve_in_thread
    from threadspec.proxy.summary import render as render_summary

__all__ = [
    "Exchange",
    "ProxyApp",
    "ProxyConfig",
    "Recorder",
    "Tally",
    "create_app",
    "render_summary",
    "serve",
    "serve_in_thread",
]
