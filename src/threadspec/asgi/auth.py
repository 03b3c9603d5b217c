"""The header gates in front of every operation: the bearer API key (when set) and the beta header."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from threadspec import messages
from threadspec.asgi.refusal import Refusal
from threadspec.asgi.wording import MISSING_KEY, incorrect_key
from threadspec.facts import BETA_HEADER, beta_version


def check_api_key(headers: Mapping[str, str], api_key: str | None) -> None:
    """A 401 refusal unless ``Authorization: Bearer <api_key>``; nothing to check without a key."""
    if api_key is None:
        return
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Refusal(401, messages.error_body(MISSING_KEY))
    # constant time: how long a wrong key takes to refuse tells nothing about the right one
    if not hmac.compare_digest(token.encode("latin-1"), api_key.encode("utf-8")):
        raise Refusal(401, messages.error_body(incorrect_key(token), None, "invalid_api_key"))


def check_beta(headers: Mapping[str, str], required: str | None) -> None:
    """A 400 refusal unless ``OpenAI-Beta`` asks for the ``required`` version (``v2``: ``assistants=v2``, or a
    list of features that includes it); nothing to check when the contract requires no version."""
    if required is not None and beta_version(headers.get(BETA_HEADER.lower())) != required:
        raise Refusal(400, messages.error_body(messages.INVALID_BETA, None, "invalid_beta"))
