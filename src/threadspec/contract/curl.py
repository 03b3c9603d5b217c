"""A recorded request as a curl command a person can paste into a shell."""

from __future__ import annotations

import shlex

from threadspec.contract.exchange import SHOWN_BODY, SentRequest, capped

_SKIPPED = {
    "authorization",
    "accept",
    "content-length",
    "host",
    "user-agent",
    "accept-encoding",
    "connection",
}


def render(request: SentRequest, api_key_env: str = "OPENAI_API_KEY", *, key_sent: bool = True) -> str:
    """``curl`` for ``request``; the key is the shell variable ``$<api_key_env>``, never its value, and
    appears only when the run sent one. A body past :data:`SHOWN_BODY` characters is cut, and says so."""
    parts = ["curl", "-sS"]
    if request.method != "GET" or request.body is not None:
        parts += ["-X", request.method]
    parts.append(shlex.quote(request.url))
    if key_sent:  # double quotes, so the shell expands the variable when the command is pasted
        parts += ["-H", f'"Authorization: Bearer ${api_key_env}"']
    for name, value in request.headers:
        if name.lower() not in _SKIPPED:
            parts += ["-H", shlex.quote(f"{name}: {value}")]
    text = request.text
    if text is not None:
        cut = capped(text)
        parts += ["--data-raw", shlex.quote(cut["body"])]
        if cut.get("truncated"):
            parts.append(f"# body cut at {SHOWN_BODY} of {cut['body_characters']} characters")
    return " \\\n  ".join(_pairs(parts))


def _pairs(parts: list[str]) -> list[str]:
    """Flags and their values on one line each, so long commands stay readable."""
    lines: list[str] = []
    head: list[str] = []
    for part in parts:
        if part.startswith("-") and part != "-sS" and head and not head[-1].startswith("-"):
            lines.append(" ".join(head))
            head = []
        head.append(part)
    lines.append(" ".join(head))
    return lines
