"""Which operation of the spec a request goes to: method and path template, ids percent-decoded once."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from threadspec import spec
from threadspec._contract import Contract, resolve_contract


@dataclass(frozen=True, slots=True)
class _Template:
    segments: tuple[str | None, ...]  # None where a parameter goes
    names: tuple[str, ...]
    by_method: dict[str, spec.Operation]
    literal_at: tuple[tuple[int, str], ...]  # where the literal segments are, and what they say
    parameter_at: tuple[int, ...]  # where the parameters are, in the order of `names`

    @property
    def literals(self) -> int:
        return len(self.literal_at)


# the templates by their number of segments: a path is tried only against those of its own length
_Routes = dict[int, tuple[_Template, ...]]


def _templates(contract: Contract) -> _Routes:
    return contract.memo("asgi.routes", lambda: _build_templates(contract))


def _build_templates(contract: Contract) -> _Routes:
    grouped: dict[str, dict[str, spec.Operation]] = {}
    for op in contract.operations().values():
        grouped.setdefault(op.path, {})[op.method.upper()] = op
    out = []
    for path, by_method in grouped.items():
        parts = path.strip("/").split("/")
        segments = tuple(None if p.startswith("{") else p for p in parts)
        names = tuple(p[1:-1] for p in parts if p.startswith("{"))
        literal_at = tuple((i, s) for i, s in enumerate(segments) if s is not None)
        parameter_at = tuple(i for i, s in enumerate(segments) if s is None)
        out.append(_Template(segments, names, by_method, literal_at, parameter_at))
    # literal segments win over parameters: POST /threads/runs is createThreadAndRun, not modifyThread
    routes: dict[int, list[_Template]] = {}
    for template in sorted(out, key=lambda t: -t.literals):
        routes.setdefault(len(template.segments), []).append(template)
    return {length: tuple(templates) for length, templates in routes.items()}


def resolve(
    method: str, segments: list[str], contract: Contract | None = None
) -> tuple[spec.Operation, dict[str, str]] | list[str] | None:
    """The operation and its path parameters, the allowed methods (wrong method), or None (no path).

    The path names the first template it fits, literal segments first: ``/threads/runs`` is that
    resource (POST only), never a thread with the id ``runs``, whatever the method.
    """
    for template in _templates(resolve_contract(contract)).get(len(segments), ()):
        for at, literal in template.literal_at:
            if segments[at] != literal:
                break
        else:
            op = template.by_method.get(method)
            if op is None:
                return list(template.by_method)
            return op, {
                name: segments[at] for name, at in zip(template.names, template.parameter_at, strict=True)
            }
    return None


def segments(raw_path: str, prefix: str) -> list[str]:
    """The path's segments after the prefix, each percent-decoded exactly once."""
    parts = raw_path.split("/")[1:]
    wanted = [p for p in prefix.split("/") if p]
    if wanted and parts[: len(wanted)] == wanted:
        parts = parts[len(wanted) :]
    if "%" not in raw_path:  # nothing to decode: unquote would give every segment back as it is
        return parts
    return [unquote(p, errors="replace") for p in parts]


def route(
    method: str, path: str, prefix: str = "/v1", *, contract: Contract | None = None
) -> tuple[spec.Operation, dict[str, str]] | None:
    """The operation a request goes to and its decoded path parameters; ``path`` as sent, percent-encoded."""
    found = resolve(method.upper(), segments(path.split("?", 1)[0], prefix), contract)
    return found if isinstance(found, tuple) else None
