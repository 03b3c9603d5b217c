"""The API around the schemas: its version, its operations, their parameters, bodies and responses.

Operations are matched by method and path (parameter names aside: ``{thread_id}`` and ``{threadId}`` are
one route), then by operationId for one that moved. For each matched pair the request body, every
response (by status and media type) and every path and query parameter are walked with
:class:`threadspec.diff._schemas.SchemaWalk`, each distinct pair of schemas once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from threadspec import facts
from threadspec._bundle import ID_PREFIX_KEYWORD
from threadspec._contract import Contract
from threadspec._operation import Operation, Parameter
from threadspec._refs import Resolver
from threadspec.constraints import Location
from threadspec.diff._model import Direction, Finding, Side
from threadspec.diff._schemas import SchemaWalk, describe
from threadspec.diff._tree import tree

_ROUTE_PARAMETER = re.compile(r"\{[^}]*\}")
# the parameters the inventory lists constraints of (headers are compared by presence only)
_PARAMETER_LOCATIONS: dict[str, Location] = {"path": "path", "query": "query"}
# what a component's definition may say without changing what it accepts
_ANNOTATIONS = frozenset(
    {"description", "title", "examples", "example", "$comment", "deprecated", "externalDocs"}
)


@dataclass(frozen=True, slots=True)
class Usage:
    """Where a finding applies: a side of the API, an operation, and which part of it."""

    side: Side
    operation: str | None  # None: the whole API
    where: str  # "request", "response 200", "response 200 stream", "path", "query"


Found = tuple[Finding, Usage]


def _finding(kind: str, what: str, direction: Direction, old: Any = None, new: Any = None,
             keyword: str | None = None, location: str | None = None) -> Finding:  # fmt: skip
    return Finding(kind, keyword, location, None, "", old, new, what, direction)


def _route(operation: Operation) -> tuple[str, str]:
    return operation.method, _ROUTE_PARAMETER.sub("{}", operation.path)


def _signature(operation: Operation) -> str:
    return f"{operation.method} {operation.path}"


class Comparison:
    """Walks two contracts; :meth:`run` yields every finding with where it applies."""

    def __init__(self, old: Contract, new: Contract) -> None:
        self.old, self.new = old, new
        self._walks: dict[tuple[str, str, str, str], list[Finding]] = {}

    def run(self) -> Iterator[Found]:
        yield from self._beta()
        yield from self._operations()
        yield from self._names()

    # -- the API version ----------------------------------------------------------------------------
    def _beta(self) -> Iterator[Found]:
        before, after = self.old.beta_value, self.new.beta_value
        if before == after:
            return
        direction: Direction = "changed" if before and after else "tightened" if after else "loosened"
        what = f"{before or 'not required'} → {after or 'not required'}"
        found = _finding("beta-version", what, direction, before, after, "const", facts.BETA_HEADER)
        yield found, Usage("request", None, "every operation")

    # -- operations -----------------------------------------------------------------------------------
    def _operations(self) -> Iterator[Found]:
        old_ops, new_ops = self.old.operations(), self.new.operations()
        by_route = {_route(op): op for op in old_ops.values()}
        pairs: list[tuple[Operation, Operation]] = []
        unmatched_old = dict(old_ops)
        added: list[Operation] = []
        for op in new_ops.values():
            before = by_route.get(_route(op))
            if before is not None and before.operation_id in unmatched_old:
                pairs.append((before, op))
                del unmatched_old[before.operation_id]
            else:
                added.append(op)
        for op in list(added):  # the same operationId elsewhere: the operation moved
            before = unmatched_old.pop(op.operation_id, None)
            if before is not None:
                added.remove(op)
                what = f"moved: {_signature(before)} → {_signature(op)}"
                yield _finding("operation-moved", what, "changed"), Usage("request", op.operation_id, "route")
                pairs.append((before, op))
        for op in unmatched_old.values():
            what = f"operation removed ({_signature(op)})"
            yield _finding("operation-removed", what, "changed"), Usage("request", op.operation_id, "route")
        for op in added:
            what = f"operation added ({_signature(op)})"
            yield _finding("operation-added", what, "loosened"), Usage("request", op.operation_id, "route")
        order = {op_id: index for index, op_id in enumerate(new_ops)}
        for before, after in sorted(pairs, key=lambda p: order[p[1].operation_id]):
            yield from self._operation(before, after)

    def _operation(self, old: Operation, new: Operation) -> Iterator[Found]:
        op_id = new.operation_id
        if old.operation_id != op_id:
            what = f"operationId {old.operation_id} → {op_id}"
            yield _finding("operation-renamed", what, "loosened"), Usage("request", op_id, "route")
        yield from self._parameters(old, new)
        yield from self._request_body(old, new)
        yield from self._responses(old, new)

    # -- parameters ------------------------------------------------------------------------------------
    def _parameters(self, old: Operation, new: Operation) -> Iterator[Found]:
        op_id = new.operation_id
        # path parameters pair by their place in the route (their names are not on the wire), others by name
        old_path = {p.name: p for p in old.parameters_in("path")}
        new_path = {p.name: p for p in new.parameters_in("path")}
        pairs = [
            (old_path[before], new_path[after])
            for before, after in zip(_path_names(old.path), _path_names(new.path), strict=False)
            if before in old_path and after in new_path
        ]
        taken = {id(p) for pair in pairs for p in pair}
        unpaired = {(p.location, p.name): p for p in old.parameters if id(p) not in taken and not _is_beta(p)}
        for param in new.parameters:
            if id(param) in taken or _is_beta(param):
                continue
            before = unpaired.pop((param.location, param.name), None)
            if before is not None:
                pairs.append((before, param))
                continue
            shape = describe(param.schema, Resolver({}))
            what = f"{param.location} parameter {param.name} added ({'required' if param.required else 'optional'}; {shape})"
            direction: Direction = "tightened" if param.required else "loosened"
            yield (
                _finding("parameter-added", what, direction, None, param.name),
                Usage("request", op_id, param.location),
            )
        for param in unpaired.values():
            what = f"{param.location} parameter {param.name} removed"
            yield (
                _finding("parameter-removed", what, "changed", param.name),
                Usage("request", op_id, param.location),
            )
        for before, after in pairs:
            yield from self._parameter(old, new, before, after)

    def _parameter(
        self, old_op: Operation, new_op: Operation, old: Parameter, new: Parameter
    ) -> Iterator[Found]:
        op_id = new_op.operation_id
        usage = Usage("request", op_id, new.location)
        label = f"{new.location} parameter {new.name}"
        if old.name != new.name:
            what = f"path parameter {{{old.name}}} → {{{new.name}}}"
            yield _finding("parameter-renamed", what, "loosened", old.name, new.name), usage
        if old.required != new.required:
            what = f"{label}: {'required' if old.required else 'optional'} → {'required' if new.required else 'optional'}"
            direction: Direction = "tightened" if new.required else "loosened"
            yield (
                _finding("parameter-required", what, direction, old.required, new.required, "required"),
                usage,
            )
        if old.id_prefix != new.id_prefix:
            prefix: Direction = (
                "changed" if old.id_prefix and new.id_prefix else "tightened" if new.id_prefix else "loosened"
            )
            what = f"{label}: id prefix {old.id_prefix or 'none'} → {new.id_prefix or 'none'}"
            yield (
                _finding("id-prefix", what, prefix, old.id_prefix, new.id_prefix, ID_PREFIX_KEYWORD),
                usage,
            )
        location = _PARAMETER_LOCATIONS.get(new.location)
        if location is None or old.location != new.location:
            return
        before = tree(self.old, old_op.operation_id, location).child("property", old.name)
        after = tree(self.new, op_id, location).child("property", new.name)
        if before is not None and after is not None:
            walk = SchemaWalk()
            walk.compare(before, after, new.name)
            for finding in walk.found:  # said of the operations that have the parameter, like the lines above
                where = str(finding.location)  # "query parameter limit", "query parameter include[][*]"
                path = where.split(" parameter ", 1)[1]
                yield replace(finding, location=None, what=f"{where}: {finding.what}", path=path), usage

    # -- request bodies ------------------------------------------------------------------------------------
    def _request_body(self, old: Operation, new: Operation) -> Iterator[Found]:
        usage = Usage("request", new.operation_id, "request")
        before, after = old.request_schema, new.request_schema
        if before is None and after is None:
            return
        if before is None or after is None:
            if after is not None:
                required = new.request_body_required
                what = f"request body added ({'required' if required else 'optional'}; {after})"
                yield (
                    _finding("request-body", what, "tightened" if required else "loosened", None, after),
                    usage,
                )
            else:
                what = f"request body removed (was {before})"
                yield _finding("request-body", what, "changed", before, None), usage
            return
        if old.request_body_required != new.request_body_required:
            required = new.request_body_required
            what = f"request body {'optional → required' if required else 'required → optional'}"
            direction: Direction = "tightened" if required else "loosened"
            yield (
                _finding("request-body", what, direction, old.request_body_required, required, "required"),
                usage,
            )
        if before != after:
            yield (
                _finding("schema-name", f"request body schema {before} → {after}", "loosened", before, after),
                usage,
            )
        for finding in self._walk(before, after, "request"):
            yield finding, usage

    # -- responses ---------------------------------------------------------------------------------------------
    def _responses(self, old: Operation, new: Operation) -> Iterator[Found]:
        op_id = new.operation_id
        for status in dict.fromkeys([*new.responses, *old.responses]):
            before, after = old.responses.get(status), new.responses.get(status)
            usage = Usage("response", op_id, f"response {status}")
            if before is None:
                what = f"response {status} added ({_media(after or {})})"
                yield _finding("response-added", what, "tightened", None, status), usage
                continue
            if after is None:
                what = f"response {status} removed (was {_media(before)})"
                yield _finding("response-removed", what, "changed", status, None), usage
                continue
            for media in dict.fromkeys([*after, *before]):
                old_schema, new_schema = before.get(media), after.get(media)
                where = Usage(
                    "response", op_id, f"response {status}{' stream' if media == facts.EVENT_STREAM else ''}"
                )
                if old_schema is None or new_schema is None:
                    kind = "media-added" if old_schema is None else "media-removed"
                    what = f"response {status} {media} {'added' if old_schema is None else 'removed'} ({new_schema or old_schema})"
                    yield _finding(kind, what, "tightened" if old_schema is None else "changed"), where
                    continue
                if old_schema != new_schema:
                    what = f"response {status} {media} schema {old_schema} → {new_schema}"
                    yield _finding("schema-name", what, "tightened", old_schema, new_schema), where
                for finding in self._walk(old_schema, new_schema, "response"):
                    yield finding, where

    def _walk(self, old: str, new: str, side: str) -> list[Finding]:
        key = (old, new, side, "body")
        found = self._walks.get(key)
        if found is None:
            walk = SchemaWalk()
            walk.compare(tree(self.old, old), tree(self.new, new))
            found = self._walks[key] = walk.found
        return found

    # -- component names ---------------------------------------------------------------------------------------
    def _names(self) -> Iterator[Found]:
        old_names, new_names = self.old.schema_names(), self.new.schema_names()
        removed = [n for n in old_names if n not in set(new_names)]
        added = [n for n in new_names if n not in set(old_names)]
        old_bodies = {n: _canonical(self.old.openapi(), n) for n in removed}
        new_bodies = {n: _canonical(self.new.openapi(), n) for n in added}
        usage = Usage("request", None, "components")
        for name in list(removed):
            same = [n for n in added if new_bodies[n] == old_bodies[name]]
            if len(same) == 1:
                removed.remove(name)
                added.remove(same[0])
                what = f"schema renamed to {same[0]}"
                yield _finding("schema-renamed", what, "loosened", name, same[0], location=name), usage
        for name in removed:
            yield _finding("schema-removed", "schema removed", "loosened", name, None, location=name), usage
        for name in added:
            yield _finding("schema-added", "schema added", "loosened", None, name, location=name), usage


def _is_beta(param: Parameter) -> bool:
    return param.location == "header" and param.name.lower() == facts.BETA_HEADER.lower()


def _path_names(path: str) -> list[str]:
    return [name.strip("{}") for name in _ROUTE_PARAMETER.findall(path)]


def _media(media: Mapping[str, str]) -> str:
    return ", ".join(f"{kind} {schema}" for kind, schema in media.items()) or "no body"


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k not in _ANNOTATIONS and not k.startswith("x-oai")}
    if isinstance(node, list):
        return [_strip(item) for item in node]
    return node


def _canonical(document: Mapping[str, Any], name: str) -> str:
    """A component as what it accepts: annotations left out, keys sorted."""
    return json.dumps(_strip(document["components"]["schemas"][name]), sort_keys=True)
