"""Turning jsonschema's errors into located, worded violations, one handler per keyword.

Unions get special care: jsonschema reports "not valid under any of the given schemas", while the
API names the one problem inside the branch the payload was meant for. The branch is chosen by
:class:`threadspec._branches.BranchChooser`, the same chooser the localized walk uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from numbers import Number
from typing import TYPE_CHECKING, Any

from threadspec import messages, rules
from threadspec._branches import TAG_PROPERTIES, BranchChooser
from threadspec.result import Violation

if TYPE_CHECKING:
    from jsonschema import ValidationError

Path = Sequence[str | int]
NODE_TYPE = "x-threadspec-node-type"  # the type of a node whose keywords are checked one by one


def pointer_of(path: Path) -> str:
    out = ""
    for part in path:
        text = str(part)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        out += "/" + text
    return out


def param_of(path: Path) -> str | None:
    if not path:
        return None
    out = str(path[0])
    for part in path[1:]:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


ABSENT = object()  # the value of a missing property: previewed as nothing, not as null


def violation(
    path: Path, rule: str, limit: Any, value: Any, worded: tuple[str, str | None], location: str
) -> Violation:
    message, code = worded
    return Violation(
        pointer=pointer_of(path),
        param=param_of(path),
        rule=rule,
        limit=limit,
        value="" if value is ABSENT else messages.preview(value),
        message=message,
        code=code,
        location=location,
    )


def _schema_types(schema: Any) -> list[str]:
    kinds = schema.get("type", schema.get(NODE_TYPE)) if isinstance(schema, dict) else None
    if isinstance(kinds, str):
        return [kinds]
    return list(kinds) if isinstance(kinds, list) else []


class _Translator:
    def __init__(self, chooser: BranchChooser, location: str, prefix: Path = ()) -> None:
        self.chooser = chooser
        self.location = location
        self.prefix = list(prefix)

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
        if "propertyNames" in error.relative_schema_path:
            yield from _property_name(self, error, path)
            return
        yield from _HANDLERS.get(str(error.validator), _other)(self, error, path)

    def emit(
        self, path: Path, rule: str, limit: Any, value: Any, worded: tuple[str, str | None]
    ) -> Violation:
        return violation(path, rule, limit, value, worded, self.location)


Handler = Callable[[_Translator, "ValidationError", Path], Iterator[Violation]]


def _property_name(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    rule, limit, value = str(error.validator), error.validator_value, error.instance
    if rule in ("maxLength", "minLength"):
        length = len(value) if isinstance(value, str) else 0
        worded = messages.string_length(param_of(path), limit, length, rule == "maxLength", noun="key")
    else:
        worded = messages.wrong_type(param_of(path), ["string"], value)
    yield t.emit(path, "propertyNames", limit, value, worded)


def _required(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    present = error.instance if isinstance(error.instance, dict) else {}
    for name in error.validator_value:
        if name not in present:
            missing = [*path, name]
            worded = messages.missing_parameter(param_of(missing) or name, t.location)
            yield t.emit(missing, "required", name, ABSENT, worded)


def _additional(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    known = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
    value = error.instance
    for name in value if isinstance(value, dict) else ():
        if name not in known:
            unknown = [*path, name]
            worded = messages.unknown_parameter(param_of(unknown) or name, t.location)
            yield t.emit(unknown, "additionalProperties", False, value[name], worded)


# the size keywords: the JSON type they apply to, and how their breach is worded
SIZES: dict[str, tuple[type[Sized], Callable[..., tuple[str, str]]]] = {
    "maxProperties": (dict, messages.object_properties),
    "minProperties": (dict, messages.object_properties),
    "maxLength": (str, messages.string_length),
    "minLength": (str, messages.string_length),
    "maxItems": (list, messages.array_length),
    "minItems": (list, messages.array_length),
}


def size_violation(rule: str, limit: int, value: Any, path: Path, location: str) -> Violation | None:
    """The breach of one size keyword at ``path``, worded as the translator words jsonschema's; else None."""
    kind, measure = SIZES[rule]
    if not isinstance(value, kind):  # as jsonschema: a size keyword holds only its own type to the limit
        return None
    above, count = rule.startswith("max"), len(value)
    if count <= limit if above else count >= limit:
        return None
    return violation(path, rule, limit, value, measure(param_of(path), limit, count, above), location)


def _count(measure: Callable[..., tuple[str, str]]) -> Handler:
    """maxProperties/minProperties, maxLength/minLength, maxItems/minItems: a size against a limit."""

    def handle(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
        rule, limit, value = str(error.validator), error.validator_value, error.instance
        worded = measure(param_of(path), limit, len(value), rule.startswith("max"))
        yield t.emit(path, rule, limit, value, worded)

    return handle


# the bound keywords, and when a number breaks each (jsonschema's comparisons)
BOUNDS: dict[str, Callable[[Any, Any], bool]] = {
    "maximum": lambda value, limit: value > limit,
    "exclusiveMaximum": lambda value, limit: value >= limit,
    "minimum": lambda value, limit: value < limit,
    "exclusiveMinimum": lambda value, limit: value <= limit,
}


def _bound_worded(rule: str, limit: Any, value: Any, path: Path, integer: bool) -> tuple[str, str]:
    above = rule in ("maximum", "exclusiveMaximum")
    return messages.number_bound(param_of(path), limit, value, above, integer, rule.startswith("exclusive"))


def bound_violation(
    rule: str, limit: Any, value: Any, path: Path, location: str, schema: Any
) -> Violation | None:
    """The breach of one bound keyword of ``schema`` at ``path``, worded as the translator words
    jsonschema's; else None."""
    if not isinstance(value, Number) or isinstance(value, bool) or not BOUNDS[rule](value, limit):
        return None  # as jsonschema: a bound holds only numbers to it
    integer = "integer" in _schema_types(schema)
    return violation(path, rule, limit, value, _bound_worded(rule, limit, value, path, integer), location)


def _bound(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    rule, limit, value = str(error.validator), error.validator_value, error.instance
    integer = "integer" in _schema_types(error.schema)
    yield t.emit(path, rule, limit, value, _bound_worded(rule, limit, value, path, integer))


def _type(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    limit = error.validator_value
    expected = [limit] if isinstance(limit, str) else list(limit)
    yield t.emit(
        path, "type", limit, error.instance, messages.wrong_type(param_of(path), expected, error.instance)
    )


def _value(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    rule, limit = str(error.validator), error.validator_value
    allowed = list(limit) if rule == "enum" else [limit]
    yield t.emit(path, rule, limit, error.instance, messages.invalid_value(error.instance, allowed))


def _pattern(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    limit = error.validator_value
    yield t.emit(path, "pattern", limit, error.instance, messages.pattern_mismatch(param_of(path), limit))


def _format(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    name = error.validator_value
    yield t.emit(path, "format", name, error.instance, rules.FORMATS[name].word(param_of(path)))


def _rule(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    breach: rules.RuleBreach = error.validator_value
    kind = rules.RULES[breach.rule]
    yield t.emit(path, breach.rule, breach.limit, breach.value, kind.word(breach, param_of(path)))


def _union(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    branches: list[Any] = list(error.validator_value)
    value, param = error.instance, param_of(path)
    if all(isinstance(b, dict) and set(b) == {"required"} for b in branches):
        names = [n for b in branches for n in b["required"]]
        present = sum(1 for n in names if isinstance(value, dict) and n in value)
        yield t.emit(path, str(error.validator), names, value, messages.exactly_one_of(param, names, present))
        return
    by_branch: dict[int, list[ValidationError]] = {i: [] for i in range(len(branches))}
    for sub in error.context or ():
        by_branch[int(sub.relative_schema_path[0])].append(sub)
    candidates = t.chooser.candidates(value, branches)
    if not candidates:
        yield _no_branch(t, branches, value, path)
        return
    best = min(candidates, key=lambda i: len(by_branch[i]))  # of equals, the one closest to valid
    if not by_branch[best]:  # oneOf matched several branches
        worded = (f"Invalid {messages.where(param)}: matches more than one allowed shape.", "invalid_value")
        yield t.emit(path, str(error.validator), None, value, worded)
        return
    yield from t.translate(by_branch[best])


def _no_branch(t: _Translator, branches: list[Any], value: Any, path: Path) -> Violation:
    """No branch fits: a tag no branch has, else the JSON type."""
    for tag in TAG_PROPERTIES:
        allowed = t.chooser.tag_values(branches, tag) if isinstance(value, dict) and tag in value else []
        if allowed:
            at, found = [*path, tag], value[tag]
            if isinstance(found, str):
                return t.emit(at, "const", allowed, found, messages.invalid_value(found, allowed))
            return t.emit(at, "type", "string", found, messages.wrong_type(param_of(at), ["string"], found))
    expected = t.chooser.listed_types(branches)
    return t.emit(path, "type", expected, value, messages.wrong_type(param_of(path), expected, value))


def _other(t: _Translator, error: ValidationError, path: Path) -> Iterator[Violation]:
    """A keyword the spec does not use today: still located and reported."""
    worded = (f"Invalid {messages.where(param_of(path))}: {error.message}.", "invalid_value")
    yield t.emit(path, str(error.validator), error.validator_value, error.instance, worded)


_HANDLERS: dict[str, Handler] = {
    "required": _required,
    "additionalProperties": _additional,
    **{rule: _count(measure) for rule, (_, measure) in SIZES.items()},
    "maximum": _bound,
    "minimum": _bound,
    "exclusiveMaximum": _bound,
    "exclusiveMinimum": _bound,
    "type": _type,
    "enum": _value,
    "const": _value,
    "pattern": _pattern,
    "format": _format,
    rules.RULES_KEYWORD: _rule,
    "oneOf": _union,
    "anyOf": _union,
}


def violations(
    errors: Iterable[ValidationError], chooser: BranchChooser, location: str = "body", prefix: Path = ()
) -> Iterator[Violation]:
    """Worded violations for jsonschema errors raised against the schema ``chooser`` reads."""
    return _Translator(chooser, location, prefix).translate(errors)
