"""What a diff is made of: changes, their impact on each side of the API, and the verdict tables.

A change is judged per side. A request schema is written by clients and read by servers: a tightened
request breaks clients. A response schema is written by servers and read by clients: a widened response
breaks those who read it, and a response status a server may no longer send breaks servers. A component
used in requests and responses alike (``Metadata``) carries one impact for each side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Side = Literal["request", "response"]
Direction = Literal["tightened", "loosened", "changed"]
Classification = Literal["breaking-clients", "breaking-servers", "compatible"]

BREAKING_CLIENTS: Classification = "breaking-clients"
BREAKING_SERVERS: Classification = "breaking-servers"
COMPATIBLE: Classification = "compatible"
CLASSIFICATIONS: tuple[Classification, ...] = (BREAKING_CLIENTS, BREAKING_SERVERS, COMPATIBLE)
HEADINGS: dict[Classification, str] = {
    BREAKING_CLIENTS: "Breaking for clients",
    BREAKING_SERVERS: "Breaking for servers / response consumers",
    COMPATIBLE: "Compatible",
}
SIDES: tuple[Side, ...] = ("request", "response")

# (side, direction) -> the verdict. "changed" is neither tighter nor looser: it breaks whoever depends on the side.
VERDICTS: dict[tuple[Side, Direction], Classification] = {
    ("request", "tightened"): BREAKING_CLIENTS,
    ("request", "loosened"): COMPATIBLE,
    ("request", "changed"): BREAKING_CLIENTS,
    ("response", "tightened"): COMPATIBLE,
    ("response", "loosened"): BREAKING_SERVERS,
    ("response", "changed"): BREAKING_SERVERS,
}
# how a direction reads on each side: a request is tightened, a response narrowed
DIRECTION_WORDS: dict[tuple[Side, Direction], str] = {
    ("request", "tightened"): "request tightened",
    ("request", "loosened"): "request loosened",
    ("request", "changed"): "request changed",
    ("response", "tightened"): "response narrowed",
    ("response", "loosened"): "response widened",
    ("response", "changed"): "response changed",
}
# who a verdict is for, by side
PARTIES: dict[Side, str] = {"request": "clients", "response": "response consumers"}


@dataclass(frozen=True, slots=True)
class KindSpec:
    """How one kind of change reads, and which direction it has on a side when not the one found."""

    directions: Mapping[Side, Direction] | None = None
    # replaces DIRECTION_WORDS: by (side, direction), else by side; "" leaves the words out
    words: Mapping[Any, str] | None = None
    party: Mapping[Side, str] | None = None  # replaces PARTIES
    note: str | None = None  # replaces the whole phrase: what changed is a name, not the wire


_NO_WORDS = {"request": "", "response": ""}
_A_NAME = "compatible: a name only, not on the wire"
_UNCHANGED: dict[Side, Direction] = {"request": "loosened", "response": "tightened"}  # compatible either side
# The kinds of change, one entry each. Schema-level kinds take the direction their comparison found.
KINDS: dict[str, KindSpec] = {
    # a constraint of the inventory: maxLength, pattern, type, additionalProperties, a rule ...
    "constraint": KindSpec(),
    "values-removed": KindSpec(),  # enum, const or discriminator values no longer allowed
    "values-added": KindSpec(),
    "property-added": KindSpec(
        directions={"response": "tightened"},
        words={
            ("request", "tightened"): "required request field added",
            "request": "request field added",
            "response": "response field added",
        },
    ),
    "property-removed": KindSpec(
        directions={"request": "changed", "response": "loosened"},
        words={"request": "request field removed", "response": "response field removed"},
    ),
    "required-added": KindSpec(
        directions={"request": "tightened", "response": "tightened"},
        words={"request": "request field made required", "response": "response field made required"},
    ),
    "required-removed": KindSpec(
        directions={"request": "loosened", "response": "loosened"},
        words={"request": "request field made optional", "response": "response field made optional"},
    ),
    "branch-added": KindSpec(directions={"request": "loosened", "response": "loosened"}),
    "branch-removed": KindSpec(directions={"request": "tightened", "response": "tightened"}),
    # the API and its operations
    "beta-version": KindSpec(),
    "operation-added": KindSpec(words=_NO_WORDS),
    "operation-removed": KindSpec(words=_NO_WORDS),
    "operation-moved": KindSpec(words=_NO_WORDS),
    "operation-renamed": KindSpec(directions=_UNCHANGED, note=_A_NAME),
    "parameter-added": KindSpec(
        words={
            ("request", "tightened"): "required request parameter added",
            "request": "request parameter added",
        }
    ),
    "parameter-removed": KindSpec(words={"request": "request parameter removed"}),
    "parameter-required": KindSpec(),
    "parameter-renamed": KindSpec(directions=_UNCHANGED, note=_A_NAME),
    "id-prefix": KindSpec(),
    "request-body": KindSpec(),
    "response-added": KindSpec(words=_NO_WORDS),
    "response-removed": KindSpec(words=_NO_WORDS, party={"response": "servers"}),
    "media-added": KindSpec(words=_NO_WORDS),
    "media-removed": KindSpec(words=_NO_WORDS, party={"response": "servers"}),
    "schema-name": KindSpec(directions=_UNCHANGED, note=_A_NAME),
    # component names: not on the wire; what changed on the wire is listed where they are used
    "schema-added": KindSpec(directions=_UNCHANGED, note=_A_NAME),
    "schema-removed": KindSpec(directions=_UNCHANGED, note=_A_NAME),
    "schema-renamed": KindSpec(directions=_UNCHANGED, note=_A_NAME),
}
# the kinds that name components, summed up in one line each
NAME_KINDS = frozenset({"schema-added", "schema-removed", "schema-renamed"})


@dataclass(frozen=True, slots=True)
class Impact:
    """What a change means for one side of the API."""

    side: Side
    direction: Direction
    classification: Classification
    phrase: str  # "request loosened: compatible for clients"

    @classmethod
    def of(cls, kind: str, side: Side, direction: Direction) -> Impact:
        spec = KINDS[kind]
        direction = (spec.directions or {}).get(side, direction)
        verdict = VERDICTS[(side, direction)]
        if spec.note is not None:
            return cls(side, direction, verdict, spec.note)
        judged = (
            f"{'compatible' if verdict == COMPATIBLE else 'breaking'} for {(spec.party or PARTIES)[side]}"
        )
        words = spec.words or {}
        said = words.get((side, direction), words.get(side, DIRECTION_WORDS[(side, direction)]))
        return cls(side, direction, verdict, f"{said}: {judged}" if said else judged)


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference as a comparison finds it, before it is judged per side and merged with its repeats.

    ``location`` is where it is written (a component and the place inside it, a parameter, ``OpenAI-Beta``);
    ``None`` for what belongs to operations (a response added), which are named when it is reported.
    """

    kind: str
    keyword: str | None
    location: str | None
    schema: str | None
    path: str
    old: Any
    new: Any
    what: str  # "maxProperties 16 → 20", "property added (optional; ThreadToolResources)"
    direction: Direction
    at: str = ""  # the place under the root the walk started from, param style


@dataclass(frozen=True, slots=True)
class Change:
    """One change from the old contract to the new one, judged for each side it touches.

    ``location`` is the component (or operation) and the place inside it in the API's ``param`` style
    (``Metadata``, ``CreateMessageRequest.attachments[*].tools``, ``query parameter limit``); ``schema``
    and ``path`` are its two parts; ``operations`` are the operations it touches and ``used_in`` where,
    from each operation's request or response (``createThread request: messages[*].metadata``).
    """

    kind: str
    keyword: str | None
    location: str
    schema: str | None
    path: str
    old: Any
    new: Any
    what: str  # the message without its location and verdicts: "maxProperties 16 → 20"
    impacts: tuple[Impact, ...]
    message: str
    operations: tuple[str, ...] = ()
    used_in: tuple[str, ...] = field(default=(), repr=False)
    uses: tuple[tuple[Side, str], ...] = field(default=(), repr=False)  # (side, operation), for summaries

    @property
    def classifications(self) -> tuple[Classification, ...]:
        found = {impact.classification for impact in self.impacts}
        return tuple(c for c in CLASSIFICATIONS if c in found)

    @property
    def classification(self) -> Classification:
        """The most severe verdict over its sides: breaking for clients, for servers, or compatible."""
        return self.classifications[0]

    @property
    def breaking(self) -> bool:
        return self.classification != COMPATIBLE

    @property
    def sides(self) -> tuple[Side, ...]:
        return tuple(impact.side for impact in self.impacts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "keyword": self.keyword,
            "location": self.location,
            "schema": self.schema,
            "path": self.path,
            "old": self.old,
            "new": self.new,
            "what": self.what,
            "classification": self.classification,
            "impacts": [
                {"side": i.side, "direction": i.direction, "classification": i.classification}
                for i in self.impacts
            ],
            "message": self.message,
            "operations": list(self.operations),
            "used_in": list(self.used_in),
        }


@dataclass(frozen=True, slots=True)
class Source:
    """One side of a diff: what was given, and what the contract says about itself."""

    label: str  # the profile name or the path as given
    spec: str  # the spec file it came from
    beta: str | None  # the OpenAI-Beta value it requires
    operations: int
    schemas: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "spec": self.spec,
            "beta": self.beta,
            "operations": self.operations,
            "schemas": self.schemas,
        }


@dataclass(frozen=True, slots=True)
class SpecDiff:
    """Every change from ``old`` to ``new``, in reading order: the API, operations, then schemas."""

    old: Source
    new: Source
    changes: tuple[Change, ...]
    routes: Mapping[str, str] = field(default_factory=dict, repr=False)  # operationId -> "POST /threads"

    def of(self, classification: Classification) -> tuple[Change, ...]:
        """The changes whose most severe verdict is ``classification``."""
        return tuple(c for c in self.changes if c.classification == classification)

    def counts(self) -> dict[Classification, int]:
        return {c: len(self.of(c)) for c in CLASSIFICATIONS}

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)

    def fails(self, fail_on: str) -> bool:
        """Whether ``--fail-on`` fails: ``breaking``, ``breaking-clients``, ``breaking-servers``, ``any``, ``never``."""
        return bool(self.selected(fail_on))

    def selected(self, fail_on: str) -> tuple[Change, ...]:
        picks = FAIL_ON[fail_on]
        return tuple(c for c in self.changes if set(c.classifications) & picks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "counts": {**self.counts(), "total": len(self.changes)},
            "changes": [c.to_dict() for c in self.changes],
        }


FAIL_ON: dict[str, frozenset[Classification]] = {
    "breaking": frozenset({BREAKING_CLIENTS, BREAKING_SERVERS}),
    "breaking-clients": frozenset({BREAKING_CLIENTS}),
    "breaking-servers": frozenset({BREAKING_SERVERS}),
    "any": frozenset(CLASSIFICATIONS),
    "never": frozenset(),
}
