"""The passes that put the generator's output onto threadspec._modelbase, and the typing index beside it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from codegen import public
from codegen.model_shapes import ShapeError, model_names, reshape
from codegen.source_edits import Edit, apply

GENERATED = '''from __future__ import annotations

from pydantic import MISSING, BaseModel, Field, RootModel


class Tags(RootModel[dict[str, Annotated[str, Field(max_length=9)]] | None]):
    root: dict[str, Annotated[str, Field(max_length=9)]] | None


class Kinds(RootModel[list[str]]):
    root: list[str]


class _Base(BaseModel):
    pass


class Thing(BaseModel):
    """Mentions no sentinel: naïve text stays as written."""

    name: str
    note: str | None | MISSING = MISSING
    size: Annotated[
        int | MISSING,
        Field(ge=1),
    ] = MISSING
    tags: Tags | MISSING = MISSING
'''


def test_a_field_left_out_is_omittable_and_not_sent() -> None:
    out = reshape(GENERATED)
    assert "    note: Omittable[str | None] = NOT_SENT\n" in out
    assert "    size: Omittable[Annotated[\n        int,\n        Field(ge=1),\n    ]] = NOT_SENT\n" in out
    assert "    tags: Omittable[Tags] = NOT_SENT\n" in out
    assert "    name: str\n" in out
    assert "naïve text stays as written" in out
    assert "from threadspec._modelbase import NOT_SENT, Omittable, RootMapping, SentModel\n" in out
    ast.parse(out)


def test_models_move_onto_sent_model_and_maps_read_like_mappings() -> None:
    tree = ast.parse(reshape(GENERATED))
    bases = {n.name: [ast.unparse(b) for b in n.bases] for n in tree.body if isinstance(n, ast.ClassDef)}
    assert bases == {
        "Tags": ["RootMapping[Annotated[str, Field(max_length=9)]]", "RootModel[dict[str, Annotated[str, Field(max_length=9)]] | None]"],
        "Kinds": ["RootModel[list[str]]"],
        "_Base": ["SentModel"],
        "Thing": ["SentModel"],
    }  # fmt: skip


def test_all_lists_the_public_classes() -> None:
    assert model_names(reshape(GENERATED)) == ["Kinds", "Tags", "Thing"]
    with pytest.raises(ShapeError, match="no __all__"):
        model_names(GENERATED)


@pytest.mark.parametrize(
    ("field", "problem"),
    [
        ("    x: int | MISSING | MISSING = MISSING\n", "expected one `| MISSING`"),
        (
            '    x: Annotated[int | MISSING, Field(json_schema_extra={"a": 1})] = MISSING\n',
            "json_schema_extra",
        ),
    ],
)
def test_what_the_passes_cannot_reshape_is_refused(field: str, problem: str) -> None:
    with pytest.raises(ShapeError, match=problem):
        reshape(GENERATED + field)


def test_source_edits_refuse_to_overlap() -> None:
    text = "x = 1 + 2\n"
    value = ast.parse(text).body[0].value  # type: ignore[attr-defined]
    assert apply(text, [Edit(value.left, "3"), Edit(value, "4", before=True)]) == "x = 43 + 2\n"
    with pytest.raises(ValueError, match="overlapping"):
        apply(text, [Edit(value, "5"), Edit(value.left, "3")])


def test_the_typing_index_names_every_model_and_profile(fresh_output: Path) -> None:
    text = (fresh_output / public.MODULE).read_text()
    names = model_names((fresh_output / "v2" / "models.py").read_text())
    tree = ast.parse(text)
    exported = next(
        n for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "__all__"
    )
    assert ast.literal_eval(exported.value) == sorted([*names, "v1", "v2"])  # type: ignore[attr-defined]
    for protocol in (public.PARSE, public.MODEL_CLASS):
        cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == protocol)
        literals = [
            ast.unparse(f.args.args[-1].annotation) for f in cls.body if isinstance(f, ast.FunctionDef)
        ]  # type: ignore[arg-type]
        assert [f"Literal[{name!r}]" for name in names] == [a for a in literals if a.startswith("Literal")]


def test_a_model_named_like_the_index_itself_is_refused() -> None:
    with pytest.raises(public.PublicIndexError, match="ParseFunction"):
        public.render("v2", ["v2"], ["Thread", "ParseFunction"])
