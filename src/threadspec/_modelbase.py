"""What the generated Pydantic models build on: a falsy "not sent" and maps that read like mappings.

``make generate`` writes every optional field that has no default as ``Omittable[X] = NOT_SENT``: a
field the payload left out holds :data:`NOT_SENT`, which is falsy (``if message.attachments:`` is
false when none were sent) and is not ``None`` (``None`` is what a nullable field holds when the payload
sent ``null``). A field holding it is left out of ``model_dump()`` and ``model_dump_json()``, so a model
dumps back to the JSON it was read from. Passed to a model's constructor it means "leave it out".

A root model over a JSON object, such as ``Metadata``, reads like the mapping it holds:
``run.metadata["customer"]``, ``"customer" in run.metadata``, ``dict(run.metadata)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, TypeVar, Union

from pydantic import BaseModel, Field
from pydantic_core import core_schema

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler

__all__ = ["NOT_SENT", "NotSent", "Omittable", "RootMapping", "SentModel"]


class NotSent(Enum):
    """The type of :data:`NOT_SENT`: one falsy member (an enum, so that ``is NOT_SENT`` narrows types)."""

    NOT_SENT = "NOT_SENT"

    def __bool__(self) -> Literal[False]:  # so that `if model.field:` narrows NotSent away for type checkers
        return False

    def __repr__(self) -> str:
        return "NOT_SENT"

    __str__ = __repr__

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # only a JSON Schema's `default` ever serializes it (a field holding it is excluded from dumps),
        # and `_no_default` takes that default out again
        return core_schema.is_instance_schema(
            cls, serialization=core_schema.plain_serializer_function_ser_schema(lambda _: None)
        )


NOT_SENT: Final = NotSent.NOT_SENT


def is_not_sent(value: object) -> bool:
    return value is NOT_SENT


def _no_default(schema: dict[str, Any]) -> None:
    """A field left out has no default to state: the payload simply lacks it."""
    schema.pop("default", None)


_OMITTED = Field(exclude_if=is_not_sent, json_schema_extra=_no_default)
T = TypeVar("T")

if TYPE_CHECKING:
    Omittable = Union[T, NotSent]  # noqa: UP007 (a generic alias needs the Union form)
else:

    class Omittable:
        """``Omittable[X]``: a field that holds an ``X``, or :data:`NOT_SENT` when the payload left it out.

        For type checkers it is ``X | NotSent``; for Pydantic it is ``X`` itself, so a payload is
        validated (and a bad one worded) exactly as ``X`` would be, and the field is left out of dumps
        while it holds ``NOT_SENT``.
        """

        def __class_getitem__(cls, item: Any) -> Any:
            return Annotated[item, _OMITTED]


class SentModel(BaseModel):
    """The base of every generated model: an argument passed as :data:`NOT_SENT` is an argument left out."""

    def __init__(self, /, **data: Any) -> None:
        super().__init__(**{name: value for name, value in data.items() if value is not NOT_SENT})


V = TypeVar("V", covariant=True)


class RootMapping(Mapping[str, V]):
    """Read access to a root model whose root is a JSON object, or ``null`` (an empty mapping).

    Two such models are equal when their roots are (``null`` is not ``{}``); one equals a plain
    mapping with the same items.
    """

    __slots__ = ()

    def _held(self) -> Mapping[str, V]:
        root: Mapping[str, V] | None = getattr(self, "root")  # noqa: B009 (declared by the RootModel beside it)
        return root if root is not None else {}

    def __getitem__(self, key: str) -> V:
        return self._held()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._held())

    def __len__(self) -> int:
        return len(self._held())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RootMapping):
            return type(self) is type(other) and getattr(self, "root") == getattr(other, "root")  # noqa: B009
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]  # equal to a dict, so unhashable like one
