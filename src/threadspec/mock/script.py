"""What the mock assistant does in a run: answer, call functions, or fail — by default or by script.

Without a reply file the assistant
 * calls functions when the run offers function tools and ``tool_choice`` is not ``"none"``: the
   named one, else all of them (``parallel_tool_calls``, the default) or the first; the
   arguments are made from each function's ``parameters`` (first ``enum`` value, ``"example"``,
   ``1``, ``true``, ``[]``, ``{}`` by type, for the required properties or else all of them);
 * after the tool outputs are in, answers with the outputs, one per line;
 * otherwise answers with the text of the last user message (or :data:`GREETING` when the
   thread has none).

A reply file is JSON: a list of rules, or ``{"replies": [...]}``. A rule is a string (answer
with it) or an object::

    {"match": "weather",                       # case-insensitive substring of the last user message;
                                               #   left out, the rule matches everything
     "tool_calls": [{"name": "get_weather", "arguments": {"city": "Oslo"}}],
                                               # call these first ("arguments" left out: made up)
     "text": "It is sunny in Oslo.",           # the answer (after the tool outputs, if any)
     "error": "The model is overloaded."}      # or: the run fails with this message

The first rule that matches and whose functions the run offers is used; when none is, the
defaults above apply. A rule with ``tool_calls`` but no ``text`` answers with the outputs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GREETING = "Hello! How can I help you today?"
_RULE_KEYS = frozenset({"match", "tool_calls", "text", "error"})
_SAMPLES: dict[str, Any] = {
    "string": "example",
    "integer": 1,
    "number": 1,
    "boolean": True,
    "array": [],
    "object": {},
}


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    arguments: str  # JSON text, as the API hands it over


@dataclass(frozen=True, slots=True)
class Plan:
    """One turn of the assistant: call functions, answer with text, or fail."""

    text: str = ""
    calls: tuple[Call, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    match: str | None = None
    tool_calls: tuple[tuple[str, Any], ...] = ()  # (name, arguments or None)
    text: str | None = None
    error: str | None = None


def _sample(schema: Any) -> Any:
    if not isinstance(schema, dict):
        return "example"
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    return None if kind == "null" else _SAMPLES.get(str(kind), "example")


def sample_arguments(parameters: Any) -> str:
    """Arguments for a function, made from the top level of its JSON Schema (nothing deeper is read)."""
    properties = parameters.get("properties") if isinstance(parameters, dict) else None
    if not isinstance(properties, dict):
        return "{}"
    required = parameters.get("required")
    names = (
        [n for n in required if n in properties]
        if isinstance(required, list) and required
        else list(properties)
    )
    return json.dumps({name: _sample(properties[name]) for name in names})


def _functions(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The functions the model may call in this run: none when ``tool_choice`` rules them out."""
    choice = run.get("tool_choice")
    if choice == "none" or (isinstance(choice, dict) and choice.get("type") != "function"):
        return {}
    return {
        t["function"]["name"]: t["function"]
        for t in run.get("tools", [])
        if isinstance(t, dict) and t.get("type") == "function"
    }


def _default_calls(run: dict[str, Any], functions: dict[str, dict[str, Any]]) -> tuple[Call, ...]:
    choice = run.get("tool_choice")
    if isinstance(choice, dict) and choice.get("type") == "function":
        names = [choice["function"]["name"]]
    elif run.get("parallel_tool_calls", True):
        names = list(functions)
    else:
        names = list(functions)[:1]
    return tuple(Call(n, sample_arguments(functions.get(n, {}).get("parameters"))) for n in names)


class Script:
    """The rules of a reply file (none: the defaults)."""

    def __init__(self, rules: Sequence[Rule] = ()) -> None:
        self.rules = tuple(rules)

    @classmethod
    def load(cls, path: Path | str | None) -> Script:
        if path is None:
            return cls()
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read the reply file {path}: {exc}") from None
        return cls.parse(raw, str(path))

    @classmethod
    def parse(cls, raw: Any, source: str = "reply file") -> Script:
        items = raw.get("replies") if isinstance(raw, dict) else raw
        if not isinstance(items, list):
            raise ValueError(f'{source}: expected a list of replies or {{"replies": [...]}}')
        return cls([_rule(item, f"{source}: reply {index}") for index, item in enumerate(items)])

    def _rule_for(self, user_text: str, functions: dict[str, dict[str, Any]]) -> Rule | None:
        for rule in self.rules:
            if rule.match is not None and rule.match.lower() not in user_text.lower():
                continue
            if all(name in functions for name, _ in rule.tool_calls):
                return rule
        return None

    def plan(self, run: dict[str, Any], user_text: str | None, outputs: list[str] | None) -> Plan:
        """The assistant's next turn; ``outputs`` are the submitted tool outputs once there are some."""
        functions = _functions(run)
        rule = self._rule_for(user_text or "", functions)
        if outputs is not None:
            return Plan(text=rule.text if rule is not None and rule.text is not None else "\n".join(outputs))
        if rule is not None:
            if rule.error is not None:
                return Plan(error=rule.error)
            if rule.tool_calls:
                return Plan(calls=tuple(_call(name, args, functions) for name, args in rule.tool_calls))
            return Plan(text=rule.text or "")
        if functions:
            return Plan(calls=_default_calls(run, functions))
        return Plan(text=GREETING if user_text is None else user_text)


def _call(name: str, arguments: Any, functions: dict[str, dict[str, Any]]) -> Call:
    if arguments is None:
        return Call(name, sample_arguments(functions[name].get("parameters")))
    return Call(name, arguments if isinstance(arguments, str) else json.dumps(arguments))


def _rule(item: Any, where: str) -> Rule:
    if isinstance(item, str):
        return Rule(text=item)
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected a string or an object")
    unknown = set(item) - _RULE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}; a rule has {sorted(_RULE_KEYS)}")
    for key in ("match", "text", "error"):
        if key in item and not isinstance(item[key], str):
            raise ValueError(f"{where}: '{key}' must be a string")
    calls = item.get("tool_calls", [])
    if not isinstance(calls, list) or not all(
        isinstance(c, dict) and isinstance(c.get("name"), str) for c in calls
    ):
        raise ValueError(f'{where}: \'tool_calls\' must be a list of {{"name": ..., "arguments": ...}}')
    return Rule(
        match=item.get("match"),
        tool_calls=tuple((c["name"], c.get("arguments")) for c in calls),
        text=item.get("text"),
        error=item.get("error"),
    )
