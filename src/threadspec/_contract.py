"""The contract as a value: one spec's operations, compiled schemas, rules and facts.

A :class:`Contract` is loaded from a bundle (the artefacts ``make generate`` writes for one profile
under ``threadspec/_generated/<profile>/``: ``openapi.json``, ``schemas/``, ``operations.json``,
``manifest.json``, ``models.py``) or from a user's own spec file (:meth:`Contract.load`, derived in
memory, without generated models). Everything derived from a spec (compiled schemas, the constraint
inventory, strategies, routes) is cached on the contract that owns it, so two contracts never share
state. :func:`contract_for` hands out one contract per bundled profile; the module-level functions
of threadspec use ``contract_for("v2")`` unless given ``contract=``.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import sys
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from threadspec import _bundle, facts, rules
from threadspec._compiled import CompiledSchema
from threadspec._operation import Operation, Parameter
from threadspec._specfile import load_document
from threadspec.errors import (
    ForeignModelError,
    InvalidSpecError,
    ModelsUnavailableError,
    UnknownOperationError,
    UnknownProfileError,
    UnknownRuleError,
    UnknownSchemaError,
)

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from pydantic import BaseModel

T = TypeVar("T")
DEFAULT_PROFILE = "v2"
_PACKAGE_BUNDLES = "threadspec._generated"
# where the bundled profiles live; tests point it at a folder of their own
# (a folder beside this file: importlib.resources would cost a tenth of `import threadspec`)
_PACKAGE_ROOT = Path(__file__).resolve().parent / "_generated"
BUNDLE_ROOT: Traversable | Path = _PACKAGE_ROOT


def _read_json(directory: Traversable, relative: str) -> Any:
    node = directory
    for part in relative.split("/"):
        node = node / part
    return json.loads(node.read_text(encoding="utf-8"))


class Contract:
    """One contract: its operations, compiled schemas and rules, and the API facts its spec states.

    Get one with :func:`threadspec.contract_for` (a bundled profile, ``"v2"`` by default) or
    :meth:`Contract.load` (your own OpenAPI 3.1 file). Pass it as ``contract=`` to any threadspec
    check; the returned schemas and operations are shared and must not be mutated.
    """

    def __init__(
        self,
        *,
        document: dict[str, Any],
        schema_source: Callable[[str], dict[str, Any]],
        index: Mapping[str, Any],
        profile: str | None,
        source: str,
        manifest: dict[str, Any] | None = None,
        models: Callable[[], ModuleType] | None = None,
    ) -> None:
        self.profile = profile
        self.source = source
        self._document = document
        self._manifest = manifest
        self._schema_source = schema_source
        self._names = tuple(document.get("components", {}).get("schemas", {}))
        self._name_set = frozenset(self._names)
        self._operations = {op_id: Operation.from_index(op_id, raw) for op_id, raw in index.items()}
        self._models_loader = models
        self._models: ModuleType | None = None
        self._schemas: dict[str, dict[str, Any]] = {}
        self._compiled: dict[str, CompiledSchema] = {}
        self._memo: dict[Hashable, Any] = {}

    @property
    def _listed(self) -> tuple[str | None, str | None]:
        """Where an unknown-name message sends the reader: (a bundled profile other than the default,
        the file of a loaded contract)."""
        if self.profile is None:
            return None, self.source
        return (None if self.profile == DEFAULT_PROFILE else self.profile), None

    def _defined_by(self, name: str, kind: str) -> str | None:
        """The other bundled profile that defines ``name`` (a schema or an operation), for a bundled contract's
        unknown-name message: a v1 operation asked of v2 is a wrong profile, not a misspelling."""
        if self.profile is None:
            return None
        for other in profiles():
            if other != self.profile:
                found = contract_for(other)
                if name in (found._name_set if kind == "schema" else found._operations):
                    return other
        return None

    def __repr__(self) -> str:
        return f"Contract(profile={self.profile!r})" if self.profile else f"Contract(source={self.source!r})"

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def from_bundle(cls, directory: Traversable | Path, profile: str | None = None) -> Contract:
        """The contract in a bundle folder written by ``python -m codegen generate``."""
        folder = directory
        document: dict[str, Any] = _read_json(folder, "openapi.json")  # the rest is read when asked for
        manifest: dict[str, Any] = _read_json(folder, "manifest.json")

        def schema_source(name: str) -> dict[str, Any]:
            found: dict[str, Any] = _read_json(folder, f"schemas/{name}.json")
            return found

        return cls(
            document=document,
            schema_source=schema_source,
            index=_read_json(folder, "operations.json")["operations"],
            profile=profile or manifest.get("profile"),
            source=str(manifest.get("spec", folder)),
            manifest=manifest,
            models=(lambda: _import_models(folder)) if (folder / "models.py").is_file() else None,
        )

    @classmethod
    def load(cls, path: str | Path) -> Contract:
        """The contract of your own spec file (OpenAPI 3.1, YAML or JSON), validated first.

        Raises :class:`threadspec.InvalidSpecError` when the file is unreadable, not a valid OpenAPI 3.1
        document, or uses what threadspec does not read (:class:`UnknownRuleError` for an
        ``x-threadspec-rules`` rule it lacks). Such a contract has no generated models: :func:`parse`
        and :func:`model_class` refuse it with :class:`threadspec.ModelsUnavailableError`.
        """
        spec_path = Path(path)
        document = load_document(spec_path)
        unknown = _bundle.unknown_rules(document, frozenset(rules.RULES))
        if unknown:
            raise UnknownRuleError(
                str(spec_path), f"unknown x-threadspec-rules entries: {'; '.join(unknown)}"
            )
        try:
            schemas = _bundle.component_schemas(document)
            index = _bundle.operation_index(document)["operations"]
        except _bundle.BundleError as exc:
            raise InvalidSpecError(str(spec_path), str(exc)) from None
        for op in index.values():
            for name in (
                (op["request_body"] or {}).get("schema"),
                *(n for media in op["responses"].values() for n in media.values()),
            ):
                if name is not None and name not in schemas:
                    raise InvalidSpecError(str(spec_path), f"schema {name!r} is referenced but not defined")
        return cls(
            document=document,
            schema_source=schemas.__getitem__,
            index=index,
            profile=None,
            source=str(spec_path),
        )

    # -- the spec -----------------------------------------------------------------------------
    def openapi(self) -> dict[str, Any]:
        """The whole spec as a JSON object."""
        return self._document

    def manifest(self) -> dict[str, Any] | None:
        """Spec hash and generator versions of a bundled contract; ``None`` for a loaded one."""
        return self._manifest

    def schema_names(self) -> tuple[str, ...]:
        """Every component name, in spec order."""
        return self._names

    def shared_schema(self, name: str) -> dict[str, Any]:
        """The self-contained JSON Schema (2020-12) of one component, shared: never mutate it."""
        found = self._schemas.get(name)
        if found is None:
            if name not in self._name_set:
                raise UnknownSchemaError(
                    name, list(self._names), *self._listed, self._defined_by(name, "schema")
                )
            found = self._schemas.setdefault(name, self._schema_source(name))
        return found

    def schema(self, name: str) -> dict[str, Any]:
        """The self-contained JSON Schema of one component: a fresh copy, the caller's to change."""
        return copy.deepcopy(self.shared_schema(name))

    def operations(self) -> dict[str, Operation]:
        """Every operation by operationId, in spec order."""
        return self._operations

    def operation(self, operation_id: str) -> Operation:
        found = self._operations.get(operation_id)
        if found is None:
            raise UnknownOperationError(
                operation_id,
                list(self._operations),
                *self._listed,
                self._defined_by(operation_id, "operation"),
            )
        return found

    # -- compiled schemas and models ----------------------------------------------------------
    def compiled(self, name: str) -> CompiledSchema:
        """The compiled form of one component (fast verdict, reference validator, error walk)."""
        found = self._compiled.get(name)
        if found is None:
            found = self._compiled.setdefault(name, CompiledSchema(name, self.shared_schema(name)))
        return found

    def compiled_parameter(self, operation_id: str, location: str, name: str) -> CompiledSchema:
        """The compiled schema of one parameter of an operation."""
        key = ("parameter", operation_id, location, name)

        def build() -> CompiledSchema:
            param = next(
                p for p in self.operation(operation_id).parameters if (p.location, p.name) == (location, name)
            )
            return CompiledSchema(f"{operation_id}.{location}.{name}", param.schema)

        return self.memo(key, build)

    def parameter_schemas(
        self, operation_id: str, location: str
    ) -> tuple[tuple[Parameter, CompiledSchema], ...]:
        """Each parameter of an operation in one location with its compiled schema: what a request's
        parameters are checked against, looked up once per operation, not once per parameter and request."""
        key = ("parameter_schemas", operation_id, location)
        found: tuple[tuple[Parameter, CompiledSchema], ...] | None = self._memo.get(key)
        if found is None:
            params = self.operation(operation_id).parameters_in(location)
            pairs = tuple((p, self.compiled_parameter(operation_id, location, p.name)) for p in params)
            found = self.memo(key, lambda: pairs)
        return found

    @property
    def has_models(self) -> bool:
        """Whether generated Pydantic models come with this contract (bundled profiles only)."""
        return self._models_loader is not None

    def models(self) -> ModuleType:
        """The module of this contract's generated Pydantic v2 models (bundled contracts only), imported
        on first use; its ``__all__`` lists them."""
        if self._models_loader is None:
            raise ModelsUnavailableError(self.source)
        if self._models is None:
            self._models = self._models_loader()
        return self._models

    def model_class(self, name: str) -> type[BaseModel]:
        """The generated Pydantic v2 model of one component."""
        self.shared_schema(name)
        cls: type[BaseModel] = getattr(self.models(), name)
        return cls

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """A value derived from this contract, built once (the constraint inventory, strategies, routes)."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            return cast(T, self._memo.setdefault(key, build()))

    # -- what the spec says about the API ------------------------------------------------------
    @property
    def beta_value(self) -> str | None:
        """The ``OpenAI-Beta`` header value the spec requires (``"assistants=v2"``), or ``None``."""
        return self.memo("beta_value", self._find_beta)

    @property
    def beta_version(self) -> str | None:
        """The Assistants API version the spec requires (``"v2"``), read from its ``OpenAI-Beta`` header."""
        return facts.beta_version(self.beta_value)

    def _find_beta(self) -> str | None:
        for operation in self._operations.values():
            for param in operation.parameters_in("header"):
                const = param.schema.get("const")
                if param.name.lower() == facts.BETA_HEADER.lower() and isinstance(const, str):
                    return const
        return None

    @property
    def run_statuses(self) -> tuple[str, ...]:
        """Every status a run can have, as the spec's ``RunStatus`` lists them (empty without one)."""
        if "RunStatus" not in self._name_set:
            return ()
        return tuple(self.shared_schema("RunStatus").get("enum", ()))

    @property
    def id_prefixes(self) -> dict[str, str]:
        """The prefix of each kind of id, by path parameter name (``thread_id`` → ``thread``)."""

        def build() -> dict[str, str]:
            found: dict[str, str] = {}
            for operation in self._operations.values():
                for param in operation.parameters_in("path"):
                    if param.id_prefix is not None:
                        found.setdefault(param.name, param.id_prefix)
            return found

        return self.memo("id_prefixes", build)

    @property
    def id_starts(self) -> dict[str, str]:
        """What an id of each kind starts with, by path parameter name: its prefix and the separator its
        pattern puts after it (``thread_id`` → ``thread_``; v1's ``file_id`` → ``file-``)."""

        def build() -> dict[str, str]:
            found: dict[str, str] = {}
            for operation in self._operations.values():
                for param in operation.parameters_in("path"):
                    if param.id_prefix is not None:
                        found.setdefault(param.name, _id_start(param.id_prefix, param.schema.get("pattern")))
            return found

        return self.memo("id_starts", build)

    def prefix_for_object(self, object_type: str) -> str | None:
        """The id prefix of objects whose ``object`` is ``object_type`` (``thread.message`` → ``msg``)."""
        for kind, name in facts.OBJECT_TYPES.items():
            if name == object_type:
                return self.id_prefixes.get(f"{kind}_id")
        return None

    @property
    def streaming_operations(self) -> tuple[str, ...]:
        """The operations that answer ``stream: true`` with server-sent events, in spec order."""
        return tuple(op_id for op_id, op in self._operations.items() if op.streams)


def _id_start(prefix: str, pattern: Any) -> str:
    """The prefix and the separator a pattern such as ``^file-[A-Za-z0-9]+$`` requires after it; ``_`` when it
    says none."""
    text = pattern.removeprefix("^") if isinstance(pattern, str) else ""
    after = text[len(prefix) : len(prefix) + 1] if text.startswith(prefix) else ""
    return prefix + (after if after in facts.ID_SEPARATORS else facts.ID_SEPARATORS[0])


def _import_models(folder: Traversable) -> ModuleType:
    """The bundle's generated models: imported by name from the package, or from the file of another folder."""
    path = Path(str(folder / "models.py"))
    if path.parent.parent.resolve() == _PACKAGE_ROOT:
        return importlib.import_module(f"{_PACKAGE_BUNDLES}.{path.parent.name}.models")
    import hashlib

    name = f"threadspec_bundle_{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ModelsUnavailableError(str(path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # pydantic resolves the models' annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def profiles() -> tuple[str, ...]:
    """The bundled profiles (``("v1", "v2")``: one per line of the profile table), sorted."""
    return tuple(
        sorted(p.name for p in BUNDLE_ROOT.iterdir() if p.is_dir() and (p / "manifest.json").is_file())
    )


_LOADED: dict[str, Contract] = {}  # the bundled contracts handed out, by profile


def contract_for(profile: str = DEFAULT_PROFILE) -> Contract:
    """The bundled contract of one profile (``"v2"`` by default), loaded once and shared."""
    found = _LOADED.get(profile)
    if found is None:
        if profile not in profiles():
            raise UnknownProfileError(profile, list(profiles()))
        found = _LOADED.setdefault(profile, Contract.from_bundle(BUNDLE_ROOT / profile, profile))
    return found


def served_profiles(names: tuple[str, ...] | None) -> tuple[str, ...]:
    """The profiles a server holds its traffic to, the first being the default: ``names`` in their order, or
    every bundled one (the default profile first). ``ValueError`` names the mistake."""
    if names is None:
        return tuple(sorted(profiles(), key=lambda p: p != DEFAULT_PROFILE))
    if not names or len(set(names)) != len(names) or any(p not in profiles() for p in names):
        raise ValueError(
            f"profiles must name each of {', '.join(profiles())} at most once, not {list(names)}"
        )
    return names


def resolve_contract(contract: Contract | None) -> Contract:
    """``contract``, or the default one (``contract_for("v2")``)."""
    if contract is not None:
        return contract
    found = _LOADED.get(DEFAULT_PROFILE)
    return found if found is not None else contract_for(DEFAULT_PROFILE)


def _bundled_owner(model: type) -> Contract | None:
    """The bundled contract whose generated models module defines ``model``, if any."""
    package, _, rest = model.__module__.partition(".")
    profile = model.__module__.removeprefix(f"{_PACKAGE_BUNDLES}.").removesuffix(".models")
    if package != "threadspec" or not rest or profile == model.__module__ or profile not in profiles():
        return None
    return contract_for(profile)


def schema_target(schema: str | type[Any], contract: Contract | None) -> tuple[Contract, str]:
    """The contract and component name a check runs against.

    ``schema`` is a component name (looked up in ``contract``, the default one when ``None``) or a
    generated model class, checked against the contract it was generated for (``contract``, when given,
    must be that one).
    """
    if isinstance(schema, str):
        return resolve_contract(contract), schema
    owner = contract if contract is not None else _bundled_owner(schema)
    name = schema.__name__
    if (
        owner is None
        or not owner.has_models
        or name not in owner._name_set
        or owner.model_class(name) is not schema
    ):
        raise ForeignModelError(schema, None if owner is None else repr(owner))
    return owner, name
