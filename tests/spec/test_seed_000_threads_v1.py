"""Seed 000 documents Threads v1: its curl examples and their responses are v1 bodies, read straight out of
the seed file and checked against the v1 spec with jsonschema's Draft 2020-12 validator.

The seeds live beside the worktrees (``../shared/seeds``, or ``$THREADSPEC_SEEDS``); without them the module
is skipped, with the reason in the summary.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.spec._document import ROOT, Document
from tests.spec.test_openapi_v1_document import V1, V2

SEEDS = Path(os.environ.get("THREADSPEC_SEEDS", ROOT.parent / "shared" / "seeds"))
if not SEEDS.is_dir():
    pytest.skip(f"no seeds directory at {SEEDS}", allow_module_level=True)
SEED = next(iter(sorted(SEEDS.glob("000_*.txt"))), None)
BASE_URL = "https://api.openai.com/v1"
# "OBJECT <title>" blocks show an object on its own; the seed names it in words
OBJECT_SCHEMAS = {"The thread object (v1)": "ThreadObject"}


@dataclass(frozen=True)
class Example:
    title: str
    documented: tuple[str, str]  # the method and path template the seed states above the example
    method: str
    url: str
    headers: dict[str, str]
    data: str | None
    response: Any


def _json_after(text: str, marker: str) -> Any:
    """The JSON value after ``marker``, past the rendered line numbers."""
    rest = text[text.index(marker) + len(marker) :]
    rest = re.sub(r"\A(\s*\d+\n)+", "", rest)
    return json.JSONDecoder().raw_decode(rest.lstrip())[0]


def _curl(block: str) -> tuple[str, str, dict[str, str], str | None]:
    args = shlex.split(block.replace("\\\n", " "))
    assert args[0] == "curl", block
    url, headers, data, method = "", {}, None, None
    words = iter(args[1:])
    for word in words:
        if word == "-H":
            name, _, value = next(words).partition(":")
            headers[name.strip()] = value.strip()
        elif word == "-d":
            data = next(words)
        elif word == "-X":
            method = next(words).lower()
        else:
            url = word
    # curl's own defaults: -d makes a POST, nothing makes a GET
    return method or ("post" if data is not None else "get"), url, headers, data


# an endpoint's section opens with its title, "Legacy", then the method and URL (a no-break space between them)
SECTION = re.compile(r"^(?P<title>.+)\nLegacy\n\n(?P<method>get|post|delete)\s+(?P<url>\S+)$", re.MULTILINE)


def seed_examples(text: str) -> list[Example]:
    starts = list(SECTION.finditer(text))
    found = []
    for head, after in zip(starts, [*starts[1:], None], strict=True):
        section = text[head.start() : after.start() if after else len(text)]
        curl = re.search(r"Example request\n(?:\d+\n)+(curl .*?)\nResponse\n", section, re.DOTALL)
        assert curl is not None, f"no curl example under {head['title']!r}"
        method, url, headers, data = _curl(curl.group(1))
        response = _json_after(section, "\nResponse\n")
        documented = (head["method"], head["url"].removeprefix(BASE_URL))
        found.append(Example(head["title"], documented, method, url, headers, data, response))
    return found


def seed_objects(text: str) -> list[tuple[str, Any]]:
    return [
        (title, _json_after(text, f"OBJECT {title}")) for title in re.findall(r"^OBJECT (.+)$", text, re.M)
    ]


TEXT = SEED.read_text(encoding="utf-8") if SEED else ""
EXAMPLES = seed_examples(TEXT)
OBJECTS = seed_objects(TEXT)


def test_seed_000_is_there_with_its_four_threads_examples() -> None:
    assert SEED is not None, f"no 000_*.txt in {SEEDS}"
    assert "Threads (v1)" in TEXT
    assert [(e.method, e.documented[1]) for e in EXAMPLES] == [
        ("post", "/threads"),
        ("get", "/threads/{thread_id}"),
        ("post", "/threads/{thread_id}"),
        ("delete", "/threads/{thread_id}"),
    ]
    assert [title for title, _ in OBJECTS] == list(OBJECT_SCHEMAS)


def _operation(method: str, url: str) -> tuple[str, dict[str, str]]:
    """The v1 operation a concrete request hits, and its path parameters; literal segments win over {params}."""
    path = url.removeprefix(BASE_URL)
    candidates = []
    for op_id, found in V1.operations().items():
        pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", found.path)
        match = re.fullmatch(pattern, path)
        if found.method == method and match:
            candidates.append((found.path.count("{"), op_id, match.groupdict()))
    assert candidates, f"no v1 operation for {method.upper()} {path}"
    _, op_id, params = min(candidates)
    return op_id, params


def _errors(document: Document, schema_ref: dict[str, Any], instance: Any) -> list[str]:
    validator = Draft202012Validator(document.as_json_schema(schema_ref))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_seed_request_fits_the_v1_operation(example: Example) -> None:
    op_id, path_params = _operation(example.method, example.url)
    found = V1.operations()[op_id]
    assert (found.method, found.path) == example.documented
    params = {p["name"]: p for p in V1.parameters(op_id)}
    assert example.headers["OpenAI-Beta"] == params["OpenAI-Beta"]["schema"]["const"]
    assert example.headers["Authorization"].startswith("Bearer ")
    for name, value in path_params.items():
        assert Draft202012Validator(params[name]["schema"]).is_valid(value), (name, value)
    body = found.op.get("requestBody")
    if example.data is None or not example.data.strip():
        # `-d ''` sends no body, which the operation must allow
        assert body is None or body["required"] is False, op_id
    else:
        schema = body["content"]["application/json"]["schema"]
        assert _errors(V1, schema, json.loads(example.data)) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_seed_response_fits_the_v1_operation(example: Example) -> None:
    op_id, _ = _operation(example.method, example.url)
    assert _errors(V1, V1.response_schema(op_id, "200"), example.response) == []


@pytest.mark.parametrize(("title", "instance"), OBJECTS, ids=[t for t, _ in OBJECTS])
def test_seed_object_fits_its_v1_component(title: str, instance: Any) -> None:
    assert _errors(V1, {"$ref": f"#/components/schemas/{OBJECT_SCHEMAS[title]}"}, instance) == []


def test_seed_threads_are_not_v2_threads() -> None:
    """The seed's threads have no `tool_resources`, which every v2 thread carries: the profiles really differ."""
    threads = [e.response for e in EXAMPLES if e.response.get("object") == "thread"]
    assert len(threads) == 3
    for thread in threads:
        assert _errors(V2, {"$ref": "#/components/schemas/ThreadObject"}, thread) == [
            ": 'tool_resources' is a required property"
        ]


def test_seed_modify_body_fails_v1_when_it_breaks_a_limit() -> None:
    """The checks above can fail: the seed's own modify body, pushed past the metadata limit, is refused."""
    modify = next(e for e in EXAMPLES if e.method == "post" and e.documented[1] == "/threads/{thread_id}")
    assert modify.data is not None
    body = json.loads(modify.data)
    body["metadata"].update({f"k{i}": "v" for i in range(17 - len(body["metadata"]))})
    assert _errors(V1, {"$ref": "#/components/schemas/ModifyThreadRequest"}, body) == [
        "metadata: {'modified': 'true', 'user': 'abc123', "
        + ", ".join(f"'k{i}': 'v'" for i in range(15))
        + "} has too many properties"
    ]
