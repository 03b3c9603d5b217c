"""A deterministic corpus of request bodies: small, typical (~2 KB) and large (~60 KB), valid and invalid."""

from __future__ import annotations

import copy
import json
from typing import Any

from threadspec import spec


def _function_tool(i: int) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": f"lookup_record_{i}",
            "description": "Look up a customer record by id and return its status, owner and history.",
            "parameters": {
                "type": "object",
                "properties": {
                    "record_id": {"type": "string", "description": "The record id, e.g. rec_123."},
                    "fields": {
                        "type": "array",
                        "items": {"type": "string", "enum": ["status", "owner", "history"]},
                    },
                    "limit": {"type": "integer", "minimum": 1, "maximum": 100},
                },
                "required": ["record_id"],
            },
        },
    }


def typical() -> dict[str, Any]:
    """A realistic CreateThreadAndRunRequest of about 2 KB."""
    return {
        "assistant_id": "asst_abc123",
        "model": "gpt-4o",
        "instructions": "You are a support assistant for Acme. Answer briefly, cite the knowledge base, "
        "and call the lookup tool before you talk about a specific customer record.",
        "thread": {
            "messages": [
                {"role": "user", "content": "Hi, my order rec_8812 has not arrived. Can you check its status?",
                 "metadata": {"channel": "web", "session": "s_93a1"}},
                {"role": "assistant", "content": "Of course. Let me look that up for you."},
                {"role": "user", "content": [
                    {"type": "text", "text": "Here is the photo of the shipping label."},
                    {"type": "image_url", "image_url": {"url": "https://example.com/label-8812.png", "detail": "low"}},
                ]},
            ],
            "metadata": {"customer": "cus_42", "priority": "high"},
        },
        "tools": [{"type": "code_interpreter"}, {"type": "file_search", "file_search": {"max_num_results": 8}},
                  _function_tool(0)],
        "tool_resources": {"code_interpreter": {"file_ids": ["file_a1", "file_b2"]},
                           "file_search": {"vector_store_ids": ["vs_kb_main"]}},
        "metadata": {"user": "user_42", "ticket": "T-1000", "env": "prod"},
        "temperature": 0.4,
        "top_p": 0.9,
        "max_prompt_tokens": 20000,
        "max_completion_tokens": 1024,
        "truncation_strategy": {"type": "last_messages", "last_messages": 12},
        "tool_choice": "auto",
        "parallel_tool_calls": True,
        "response_format": "auto",
    }  # fmt: skip


def small() -> dict[str, Any]:
    return {"assistant_id": "asst_abc123", "thread": {"messages": [{"role": "user", "content": "Hello"}]}}


def large() -> dict[str, Any]:
    """About 60 KB: 32 messages and 20 function tools."""
    body = typical()
    text = "The quick brown fox jumps over the lazy dog while the assistant keeps careful notes. " * 18
    body["thread"]["messages"] = [
        {
            "role": "user" if i % 2 == 0 else "assistant",
            "content": f"{i}: {text}",
            "metadata": {"turn": str(i)},
        }
        for i in range(32)
    ]
    body["tools"] = [_function_tool(i) for i in range(20)]
    return body


# one past the contract's limit (17 while the spec allows 16), so a changed limit keeps the body invalid
TOO_MANY_KEYS = spec.shared_schema("Metadata")["maxProperties"] + 1


def invalid(body: dict[str, Any]) -> dict[str, Any]:
    """The same body with one metadata key too many: one violation, deep enough to need the full report."""
    broken = copy.deepcopy(body)
    broken["metadata"] = {f"k{i}": "v" for i in range(TOO_MANY_KEYS)}
    return broken


def corpus() -> dict[str, bytes]:
    bodies = {"small": small(), "typical": typical(), "large": large()}
    out = {f"{name}/valid": json.dumps(body).encode() for name, body in bodies.items()}
    out.update({f"{name}/invalid": json.dumps(invalid(body)).encode() for name, body in bodies.items()})
    return out


def _scale_message(i: int) -> dict[str, Any]:
    """One of three message shapes, in turn: plain text, text with metadata, content parts with an image."""
    text = f"Turn {i}: the order rec_{8800 + i} left the warehouse on time but the tracking page still says pending."
    if i % 3 == 0:
        return {"role": "user", "content": text}
    if i % 3 == 1:
        return {"role": "assistant", "content": text, "metadata": {"turn": str(i), "channel": "web"}}
    return {
        "role": "user",
        "content": [
            {"type": "text", "text": text},
            {
                "type": "image_url",
                "image_url": {"url": f"https://example.com/label-{i}.png", "detail": "low"},
            },
        ],
    }


def sized(target: int) -> dict[str, Any]:
    """A valid CreateThreadAndRunRequest of about ``target`` bytes (at least ~250): more messages, same shapes."""
    body: dict[str, Any] = {
        "assistant_id": "asst_abc123",
        "model": "gpt-4o",
        "metadata": {"user": "user_42"},
        "thread": {"messages": []},
    }
    size = len(json.dumps(body))
    messages = body["thread"]["messages"]
    while True:
        message = _scale_message(len(messages))
        grown = size + len(json.dumps(message)) + (2 if messages else 0)
        if messages and grown > target:
            return body
        messages.append(message)
        size = grown
