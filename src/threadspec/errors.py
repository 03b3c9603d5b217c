"""Every exception threadspec raises.

ThreadspecError                  root: catch this to catch anything threadspec raises
├── SpecLookupError              a name the contract does not have (also a KeyError)
│   ├── UnknownSchemaError       no component schema of that name
│   ├── UnknownOperationError    no operation with that operationId
│   └── UnknownProfileError      no bundled contract of that profile (``contract_for("v9")``)
├── InvalidSpecError             a spec file ``Contract.load`` cannot use: unreadable, not OpenAPI 3.1,
│   └── UnknownRuleError         or outside what threadspec reads; an ``x-threadspec-rules`` rule it lacks
├── ModelsUnavailableError       ``parse``/``model_class`` on a contract without generated models
├── ForeignModelError            a model class given as the schema that is not the contract's generated model
├── UngeneratableSchemaError     ``strategies.valid`` on a schema with a keyword no generator knows (a ValueError)
├── MissingExtraError            a part whose extra is not installed: ``threadspec[mock]`` … (an ImportError)
└── PayloadError                 a payload breaks the contract; ``.errors`` lists every violation
    ├── MalformedPayloadError    not decodable: bad JSON, bad UTF-8, nested too deeply
    └── InvalidPayloadError      decoded, but the schema or a spec rule rejects it
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threadspec._suggest import unknown_name

if TYPE_CHECKING:
    from threadspec.result import Violation


class ThreadspecError(Exception):
    """Root of the threadspec exception hierarchy."""


class SpecLookupError(ThreadspecError, KeyError):
    """A name that the contract does not define; the message suggests the closest names it does define."""

    def __init__(self, kind: str, name: str, known: list[str], hint: str) -> None:
        self.name = name
        self.known = known
        super().__init__(unknown_name(kind, name, known, hint))

    def __str__(self) -> str:
        return str(self.args[0])


def _listed_by(command: str, function: str, profile: str | None, source: str | None, in_file: str) -> str:
    """Where the known names are listed: for the default contract, another bundled ``profile``, or a
    contract loaded from ``source``."""
    if source is not None:
        return f"see {in_file} in {source}"
    if profile is None:
        return f"`threadspec {command}` and threadspec.{function}() list them"
    return f"`threadspec {command} --profile {profile}` and contract_for({profile!r}).{function}() list them"


def _other_profile(what: str, other: str | None) -> str:
    """Where a name another bundled profile defines is found: ``--profile v1``, ``contract_for('v1')``."""
    if other is None:
        return ""
    return f"it is {what} of profile {other}: add --profile {other}, or use contract_for({other!r})"


class _ContractNameError(SpecLookupError):
    """A name one contract does not define. ``profile``: the bundled contract asked, when not the default;
    ``source``: the file of a contract loaded from one; ``other``: the bundled profile that does define it."""

    # what the name is, and where a reader finds the known ones: a command, a function, a place in a file
    kind, article, command, function, in_file = "", "", "", "", ""

    def __init__(
        self,
        name: str,
        known: list[str],
        profile: str | None = None,
        source: str | None = None,
        other: str | None = None,
    ) -> None:
        hint = _other_profile(f"{self.article} {self.kind}", other) or _listed_by(
            self.command, self.function, profile, source, self.in_file
        )
        # a name of another profile is no misspelling: no closest names then
        super().__init__(self.kind, name, known if other is None else [], hint)
        self.known = known


class UnknownSchemaError(_ContractNameError):
    """No component schema has this name."""

    kind, article, command, function, in_file = "schema", "a", "schemas", "schema_names", "components/schemas"


class UnknownOperationError(_ContractNameError):
    """No operation has this operationId."""

    kind, article, command, function, in_file = (
        "operation",
        "an",
        "operations",
        "operations",
        "the operationIds",
    )


class UnknownProfileError(SpecLookupError):
    """No bundled contract has this profile name."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__("profile", name, known, f"the bundled profiles are {', '.join(known) or 'none'}")


class InvalidSpecError(ThreadspecError):
    """A spec file that cannot become a contract; ``source`` names the file, the message says why."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class UnknownRuleError(InvalidSpecError):
    """The spec names an ``x-threadspec-rules`` rule this version of threadspec does not implement."""


class ModelsUnavailableError(ThreadspecError):
    """Generated Pydantic models exist only for the bundled profiles, not for a contract loaded from a file."""

    def __init__(self, source: str) -> None:
        self.source = source
        super().__init__(
            f"the contract loaded from {source} has no generated models: parse() and model_class() need a "
            "bundled profile (threadspec.contract_for); validate() and the other checks work on any contract"
        )


class ForeignModelError(ThreadspecError, TypeError):
    """A class given where a schema is named that is not a generated model of the contract checked against."""

    def __init__(self, model: type, contract: str | None) -> None:
        self.model = model
        where = f"{model.__module__}.{model.__qualname__}"
        if contract is None:
            reason = f"{where} is not a generated threadspec model: name a component, or pass a threadspec.models class"
        else:
            reason = (
                f"{where} is not a model of {contract}: pass the contract it was generated for, or leave "
                "contract= out to use that one"
            )
        super().__init__(reason)


class UngeneratableSchemaError(ThreadspecError, ValueError):
    """A schema node valid values cannot be drawn for by construction: a keyword without a generator, or a
    schema that refers to itself."""


class MissingExtraError(ThreadspecError, ImportError):
    """A part of threadspec whose optional dependencies are not installed; the message names the extra."""

    def __init__(self, what: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{what} needs the {extra} extra: pip install 'threadspec[{extra}]'")


class PayloadError(ThreadspecError):
    """A payload that breaks the contract; ``errors`` holds every violation found, first first."""

    def __init__(self, errors: list[Violation]) -> None:
        if not errors:
            raise ValueError("a PayloadError needs at least one violation")
        self.errors = errors
        super().__init__(errors[0].message)

    @property
    def first(self) -> Violation:
        return self.errors[0]


class MalformedPayloadError(PayloadError):
    """The payload could not be decoded into JSON values at all."""


class InvalidPayloadError(PayloadError):
    """The payload decoded but violates the schema or a spec rule."""
