"""Pure ASGI middleware that holds every request to the contract before the wrapped app sees it.

Mount it in front of any ASGI app (Starlette, FastAPI, a bare callable)::

    app = ValidationMiddleware(my_app, api_key="sk-test")

It routes each request to an operation of the spec (method and path template, path segments
percent-decoded once, with or without the ``/v1`` prefix) and answers in the API's own error
envelope, never passing on a request that breaks the contract:

===========================================  ======  ========================================
request                                      status  error
===========================================  ======  ========================================
``rate_limit`` set, client over it           429     ``rate_limit_exceeded``, ``Retry-After``
over 256 headers or ``max_header_bytes``     400     ``request_headers_too_large``
``api_key`` set, missing or wrong bearer     401     ``Incorrect API key provided: sk-ab***…``
unknown path (``unknown_routes="refuse"``)   404     ``Invalid URL (POST /v1/foo)``
known path, other method                     405     ``Invalid method for URL (...)``
``OpenAI-Beta`` names no contract's version  400     ``invalid_beta``
body larger than ``max_body_bytes``          413     ``request_too_large``
query over 4 KiB or 256 fields               400     ``Query string too long`` …
body not JSON by its ``Content-Type``        400     ``invalid_content_type``
malformed JSON, bad UTF-8, nested too deep   400     ``_decode.JSON_BODY_ERROR``
a key repeated within one object             400     the same, naming the key
invalid path id, query or body               400     the first :class:`Violation`, worded
===========================================  ======  ========================================

Beside a service's own routes, and under a prefix:

- ``unknown_routes="pass"`` hands every path the spec does not know to the app untouched — no
  limits, no key, no beta header — so ``/healthz``, ``/docs`` and ``/openapi.json`` of a FastAPI
  service answer as FastAPI does, while the API's paths are validated (a known path with a method
  it does not take is still the API's 405)::

      app = FastAPI()
      app.add_middleware(ValidationMiddleware, unknown_routes="pass")

- ``prefix`` (default ``"/v1"``) is where the API's paths start; a path is matched with or without
  it, so ``/v1/threads`` and ``/threads`` are both ``createThread``. An API served at
  ``/openai/v1/threads`` takes ``prefix="/openai/v1"``.
- A mount point is not part of the API's URL: the scope's ``root_path`` is taken off the path
  before routing. So Starlette's ``Mount("/v1", app=ValidationMiddleware(api))`` (FastAPI's
  ``app.mount("/v1", ...)``) validates only what is under ``/v1``, with the mounted app's routes
  written as ``/threads``; and under a gateway's prefix (``uvicorn --root-path /gateway``)
  ``/gateway/v1/threads`` is routed as ``/v1/threads``.

The contract is ``threadspec.contract_for("v2")`` unless ``ValidationMiddleware(app, contract=...)``
names another; its spec says which ``OpenAI-Beta`` version is required (``assistants=v2``, alone or in a
list of features). With ``contracts=[contract_for("v2"), contract_for("v1")]`` the header chooses, per
request, the contract it is routed and validated by (:mod:`.profiles`); one that names none of their
versions goes to the first and is refused ``invalid_beta``, in the documented words.

A request that passes reaches the app with its body replayed, and with a :class:`MatchedRequest`
in ``scope["state"]["threadspec"]`` — in Starlette, ``request.state.threadspec`` — holding the
operation, the decoded path parameters, the query, the decoded JSON body and the contract it was
held to (``.contract``, ``.profile``).

With ``validate_responses=True`` the app's responses are checked too. JSON responses are buffered
and checked whole; event streams are checked frame by frame as they pass. A response that breaks
the contract is logged (logger ``threadspec.asgi``) and replaced by a 500 envelope (streams end
with an ``error`` event instead) — or, with ``on_invalid_response="raise"``, raises
:class:`ResponseContractError`, which is what test suites want.

Every response, refusals included, carries an ``x-request-id`` (``request_id``) unless the app
set its own.

One module per step, run in the table's order by ``middleware``: ``profiles`` (the contract the
beta header chooses), ``ratelimit``, ``headers`` (size limit), ``auth`` (API key, then the beta header
after routing), ``routing``, ``body``
(size limit, JSON decoding, replay), ``duplicates`` (repeated keys), ``query``; then ``responses``
(response checks). ``refusal`` sends the error answers, ``wording`` words them, ``state`` holds
:class:`MatchedRequest`.
"""

from __future__ import annotations

from threadspec.asgi.body import DEFAULT_MAX_BODY_BYTES
from threadspec.asgi.headers import DEFAULT_MAX_HEADER_BYTES as DEFAULT_MAX_HEADER_BYTES
from threadspec.asgi.middleware import ValidationMiddleware
from threadspec.asgi.refusal import send_json
from threadspec.asgi.responses import ResponseContractError
from threadspec.asgi.responses import logger as logger
from threadspec.asgi.routing import route
from threadspec.asgi.state import STATE_KEY, MatchedRequest, matched_request
from threadspec.asgi.types import ASGIApp as ASGIApp
from threadspec.asgi.types import Message as Message
from threadspec.asgi.types import Receive as Receive
from threadspec.asgi.types import Scope as Scope
from threadspec.asgi.types import Send as Send
from threadspec.asgi.wording import MISSING_KEY as MISSING_KEY
from threadspec.asgi.wording import SERVER_ERROR as SERVER_ERROR
from threadspec.asgi.wording import incorrect_key as incorrect_key
from threadspec.asgi.wording import invalid_method as invalid_method
from threadspec.asgi.wording import invalid_response as invalid_response
from threadspec.asgi.wording import invalid_url as invalid_url
from threadspec.asgi.wording import mask_key
from threadspec.asgi.wording import too_large as too_large
from threadspec.asgi.wording import too_many_query_fields as too_many_query_fields
from threadspec.asgi.wording import wrong_content_type as wrong_content_type

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "STATE_KEY",
    "MatchedRequest",
    "ResponseContractError",
    "ValidationMiddleware",
    "mask_key",
    "matched_request",
    "route",
    "send_json",
]
