"""Reply files and what the assistant does by default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from threadspec.mock.script import GREETING, Call, Plan, Script, sample_arguments

FUNCTION = {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}


def run(**fields: Any) -> dict[str, Any]:
    return {"tools": [], "tool_choice": "auto", "parallel_tool_calls": True, **fields}


@pytest.mark.parametrize(
    ("parameters", "arguments"),
    [
        (None, {}),
        ({"type": "object"}, {}),
        ({"properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}, {"a": "example", "b": 1}),
        ({"properties": {"a": {"type": "number"}, "b": {"type": "boolean"}}, "required": ["b"]}, {"b": True}),
        ({"properties": {"u": {"enum": ["c", "f"]}, "k": {"const": 3}, "n": {"type": ["null", "array"]}}}, {"u": "c", "k": 3, "n": []}),
        ({"properties": {"o": {"type": "object"}, "z": {"type": "null"}, "w": True}}, {"o": {}, "z": None, "w": "example"}),
        ({"properties": "not an object"}, {}),
    ],
)  # fmt: skip
def test_sample_arguments(parameters: Any, arguments: dict[str, Any]) -> None:
    assert json.loads(sample_arguments(parameters)) == arguments


@pytest.mark.parametrize(
    ("fields", "user", "outputs", "plan"),
    [
        ({}, "hi", None, Plan(text="hi")),
        ({}, None, None, Plan(text=GREETING)),
        ({"tools": [FUNCTION]}, "hi", None, Plan(calls=(Call("f", "{}"),))),
        ({"tools": [FUNCTION], "tool_choice": "none"}, "hi", None, Plan(text="hi")),
        ({"tools": [FUNCTION], "tool_choice": {"type": "code_interpreter"}}, "hi", None, Plan(text="hi")),
        (
            {"tools": [FUNCTION], "tool_choice": {"type": "function", "function": {"name": "g"}}},
            "hi",
            None,
            Plan(calls=(Call("g", "{}"),)),
        ),
        ({"tools": [FUNCTION]}, "hi", ["a", "b"], Plan(text="a\nb")),
    ],
)
def test_defaults(fields: dict[str, Any], user: str | None, outputs: list[str] | None, plan: Plan) -> None:
    assert Script().plan(run(**fields), user, outputs) == plan


def test_rules_in_order() -> None:
    script = Script.parse(
        [
            {"match": "Weather", "tool_calls": [{"name": "f", "arguments": '{"x": 1}'}]},
            {"match": "weather", "text": "no tools"},
            {"match": "fail", "error": "down"},
            "anything else",
        ]
    )
    assert script.plan(run(tools=[FUNCTION]), "the WEATHER", None) == Plan(calls=(Call("f", '{"x": 1}'),))
    assert script.plan(run(tools=[FUNCTION]), "the WEATHER", ["out"]) == Plan(text="out")
    assert script.plan(run(), "the weather", None) == Plan(text="no tools")
    assert script.plan(run(), "fail now", None) == Plan(error="down")
    assert script.plan(run(tools=[FUNCTION]), "other", None) == Plan(text="anything else")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"rules": []}, "expected a list of replies"),
        ([3], "reply 0: expected a string or an object"),
        ([{"text": "a", "when": "b"}], "unknown keys ['when']"),
        ([{"match": 1}], "'match' must be a string"),
        ([{"tool_calls": [{"arguments": {}}]}], "'tool_calls' must be a list"),
    ],
)
def test_bad_reply_files_are_refused(raw: Any, problem: str) -> None:
    with pytest.raises(ValueError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        Script.parse(raw)


def test_load(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"replies": ["x"]}')
    assert Script.load(path).plan(run(), "q", None) == Plan(text="x")
    assert Script.load(None).rules == ()
    path.write_text("{not json")
    with pytest.raises(ValueError, match="cannot read the reply file"):
        Script.load(path)
    with pytest.raises(ValueError, match="cannot read the reply file"):
        Script.load(tmp_path / "missing.json")
