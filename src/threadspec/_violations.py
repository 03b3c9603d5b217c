"""Turning jsonschema's errors into located, worded violations.

Unions get special care: jsonschema reports "not valid under any of the given schemas", while the
API names the one problem inside the branch the payload was meant for. The branch is chosen by
the JSON type and the discriminator the payload carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from jsonschema import ValidationError

from threadspec import messages
from threadspec.result import Violation

Path = Sequence[str | int]
_DISCRIMINATORS = ("type", "event")


def pointer_of(path: Path) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def param_of(path: Path) -> str | None:
    if not path:
        return None
    out = str(path[0])
    for part in path[1:]:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


_ABSENT = object()  # the value of a missing property: previewed as nothing, not as null


def _violation(
    path: Path, rule: str, limit: Any, value: Any, worded: tuple[str, str | None], location: str
) -> Violation:
    message, code = worded
    return Violation(
        pointer=pointer_of(path),
        param=param_of(path),
        rule=rule,
        limit=limit,
        value="" if value is _ABSENT else messages.preview(value),
        message=message,
        code=code,
        location=location,
    )


NODE_TYPE = "x-threadspec-node-type"  # the type of a node whose keywords are checked one by one


def _schema_types(schema: Any) -> list[str]:
    if not isinstance(schema, dict):
        return []
    kinds = schema.get("type", schema.get(NODE_TYPE))
    if isinstance(kinds, str):
        return [kinds]
    if isinstance(kinds, list):
        return list(kinds)
    if "const" in schema or "enum" in schema:
        return ["string"]
    return []


class _Translator:
    def __init__(self, root_schema: dict[str, Any], location: str, prefix: Path = ()) -> None:
        self.defs = root_schema.get("$defs", {})
        self.location = location
        self.prefix = list(prefix)

    def resolve(self, schema: Any) -> Any:
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            schema = self.defs.get(schema["$ref"].rsplit("/", 1)[-1], {})
        return schema

    def union_types(self, schema: Any) -> list[str]:
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return []
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches and "type" not in schema:
            return [t for b in branches for t in self.union_types(b)]
        return _schema_types(schema)

    def translate(self, errors: Iterable[ValidationError]) -> Iterator[Violation]:
        done_required: set[tuple[str | int, ...]] = set()
        for error in errors:
            path = (*self.prefix, *error.absolute_path)
            if error.validator == "required":
                if path in done_required:
                    continue
                done_required.add(path)
            yield from self.one(error, path)

    def one(self, error: ValidationError, path: Path) -> Iterator[Violation]:
        rule, limit, value = str(error.validator), error.validator_value, error.instance
        param = param_of(path)
        loc = self.location
        if "propertyNames" in error.relative_schema_path:
            length = len(value) if isinstance(value, str) else 0
            if rule == "maxLength" or rule == "minLength":
                worded = messages.string_length(param, limit, length, rule == "maxLength", noun="key")
            else:
                worded = messages.wrong_type(param, ["string"], value)
            yield _violation(path, "propertyNames", limit, value, worded, loc)
        elif rule == "required":
            present = value if isinstance(value, dict) else {}
            for name in limit:
                if name not in present:
                    missing = [*path, name]
                    worded = messages.missing_parameter(param_of(missing) or name)
                    yield _violation(missing, rule, name, _ABSENT, worded, loc)
        elif rule == "additionalProperties":
            known = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
            for name in value if isinstance(value, dict) else ():
                if name not in known:
                    unknown = [*path, name]
                    worded = messages.unknown_parameter(param_of(unknown) or name)
                    yield _violation(unknown, rule, False, value[name], worded, loc)
        elif rule in ("maxProperties", "minProperties"):
            worded = messages.object_properties(param, limit, len(value), rule == "maxProperties")
            yield _violation(path, rule, limit, value, worded, loc)
        elif rule in ("maxLength", "minLength"):
            worded = messages.string_length(param, limit, len(value), rule == "maxLength")
            yield _violation(path, rule, limit, value, worded, loc)
        elif rule in ("maxItems", "minItems"):
            worded = messages.array_length(param, limit, len(value), rule == "maxItems")
            yield _violation(path, rule, limit, value, worded, loc)
        elif rule in ("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"):
            integer = "integer" in _schema_types(error.schema)
            above = rule in ("maximum", "exclusiveMaximum")
            worded = messages.number_bound(param, limit, value, above, integer, rule.startswith("exclusive"))
            yield _violation(path, rule, limit, value, worded, loc)
        elif rule == "type":
            expected = [limit] if isinstance(limit, str) else list(limit)
            yield _violation(path, rule, limit, value, messages.wrong_type(param, expected, value), loc)
        elif rule in ("enum", "const"):
            allowed = list(limit) if rule == "enum" else [limit]
            yield _violation(path, rule, limit, value, messages.invalid_value(value, allowed), loc)
        elif rule == "pattern":
            yield _violation(path, rule, limit, value, messages.pattern_mismatch(param, limit), loc)
        elif rule == "x-threadspec-rules":
            rules = error.schema.get("x-threadspec-rules", []) if isinstance(error.schema, dict) else []
            name = rules[0]["rule"] if len(rules) == 1 else rule
            worded = messages.number_bound(param, limit, value, above=True, integer=isinstance(value, int))
            yield _violation(path, name, limit, value, worded, loc)
        elif rule in ("oneOf", "anyOf"):
            yield from self.union(error, path)
        else:  # a keyword the spec does not use today: still located and reported
            worded = (f"Invalid {messages.where(param)}: {error.message}.", "invalid_value")
            yield _violation(path, rule, limit, value, worded, loc)

    def union(self, error: ValidationError, path: Path) -> Iterator[Violation]:
        branches: list[Any] = list(error.validator_value)
        value = error.instance
        param = param_of(path)
        if all(isinstance(b, dict) and set(b) == {"required"} for b in branches):
            names = [n for b in branches for n in b["required"]]
            present = sum(1 for n in names if isinstance(value, dict) and n in value)
            worded = messages.exactly_one_of(param, names, present)
            yield _violation(path, str(error.validator), names, value, worded, self.location)
            return
        by_branch: dict[int, list[ValidationError]] = {i: [] for i in range(len(branches))}
        for sub in error.context or ():
            by_branch[int(sub.relative_schema_path[0])].append(sub)
        candidates = [i for i, errs in by_branch.items() if not any(self._rules_out(e) for e in errs)]
        if not candidates:
            for tag in _DISCRIMINATORS:
                allowed = self._discriminator_values(branches, tag) if isinstance(value, dict) else []
                if not allowed or tag not in value:
                    continue
                at = [*path, tag]
                if isinstance(value[tag], str):
                    worded = messages.invalid_value(value[tag], allowed)
                    yield _violation(at, "const", allowed, value[tag], worded, self.location)
                else:
                    yield _violation(
                        at,
                        "type",
                        "string",
                        value[tag],
                        messages.wrong_type(param_of(at), ["string"], value[tag]),
                        self.location,
                    )
                return
            expected = [t for b in branches for t in self.union_types(b)]
            worded = messages.wrong_type(param, expected, value)
            yield _violation(path, "type", expected, value, worded, self.location)
            return
        best = min(candidates, key=lambda i: len(by_branch[i]))
        if not by_branch[best]:  # oneOf matched several branches
            worded = (
                f"Invalid {messages.where(param)}: matches more than one allowed shape.",
                "invalid_value",
            )
            yield _violation(path, str(error.validator), None, value, worded, self.location)
            return
        inner = _Translator({"$defs": self.defs}, self.location, self.prefix)
        yield from inner.translate(by_branch[best])

    @staticmethod
    def _rules_out(error: ValidationError) -> bool:
        """Whether this error shows the payload was never meant for the branch."""
        relative = list(error.relative_path)
        if not relative and error.validator == "type":
            return True
        # a tag is a const; an enum-valued "type" (TruncationObject) is an ordinary field
        return len(relative) == 1 and relative[0] in _DISCRIMINATORS and error.validator == "const"

    def _discriminator_values(self, branches: list[Any], prop: str) -> list[Any]:
        values: list[Any] = []
        for branch in branches:
            target = self.resolve(branch)
            if isinstance(target, dict) and ("oneOf" in target or "anyOf" in target) and "type" not in target:
                values.extend(
                    self._discriminator_values(target.get("oneOf") or target.get("anyOf") or [], prop)
                )
                continue
            sub = target.get("properties", {}).get(prop, {}) if isinstance(target, dict) else {}
            if "const" in sub:
                values.append(sub["const"])
        return values


def violations(
    errors: Iterable[ValidationError], root_schema: dict[str, Any], location: str = "body", prefix: Path = ()
) -> Iterator[Violation]:
    """Worded violations for jsonschema errors raised against ``root_schema``."""
    return _Translator(root_schema, location, prefix).translate(errors)
