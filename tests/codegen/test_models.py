"""The generated models: named after components, and enforcing the spec's limits (also after a spec change)."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest
import yaml

from codegen.build import generate
from codegen.model_shapes import model_names
from codegen.models import ModelGenerationError, add_rule_validators, serialize_by_alias
from tests.codegen.conftest import SPEC, spec_with_metadata_keys
from threadspec._reference import ReferenceValidator

COMPONENTS = set(yaml.safe_load(SPEC.read_text())["components"]["schemas"])
NUMBERED = re.compile(r"^[A-Za-z_]*[A-Za-z]\d+$")


def _top_level(models: Path) -> tuple[list[str], list[str]]:
    tree = ast.parse(models.read_text())
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    aliases = [
        t.id
        for n in tree.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name) and t.id != "__all__"
    ]
    return classes, aliases


def test_one_class_per_component_and_no_other_names(fresh_output: Path) -> None:
    classes, aliases = _top_level(fresh_output / "v2" / "models.py")
    public = [c for c in classes if not c.startswith("_")]
    assert sorted(public) == sorted(COMPONENTS)
    assert model_names((fresh_output / "v2" / "models.py").read_text()) == sorted(COMPONENTS)
    assert [c for c in classes if c.startswith("_")] == ["_JsonSchemaRuntimeValidationBase"]
    assert [n for n in classes + aliases if NUMBERED.match(n)] == []
    # type aliases name a component's nested role, e.g. MetadataAdditionalProperty
    assert all(any(a.startswith(c) for c in COMPONENTS) for a in aliases), aliases


def test_rule_pass_adds_a_validator_to_the_ruled_class_only() -> None:
    text = "from __future__ import annotations\n\nclass A(BaseModel):\n    x: int\n    y: int\n\n\nclass B(BaseModel):\n    z: int\n"
    rules = {"A": {"x-threadspec-rules": [{"rule": "at_most_half_of", "property": "x", "of": "y"}]}, "B": {}}
    out = add_rule_validators(text, rules)
    a_body = out[out.index("class A") : out.index("class B")]
    # a call into the registry the validators use, not a copy of the rule
    assert "def _check_threadspec_rules" in a_body
    assert (
        "return _rules.check_model(self, rules=[{'rule': 'at_most_half_of', 'property': 'x', 'of': 'y'}])"
        in a_body
    )
    assert "_check_threadspec_rules" not in out[out.index("class B") :]
    assert "from pydantic import model_validator as _model_validator" in out
    assert "from threadspec import rules as _rules" in out


def test_rule_pass_checks_asserted_formats_of_own_properties() -> None:
    text = "from __future__ import annotations\n\nclass A(BaseModel):\n    url: str\n    name: str\n"
    schemas = {"A": {"properties": {"url": {"type": "string", "format": "uri"}, "name": {"format": "name"}}}}
    out = add_rule_validators(text, schemas)
    assert "return _rules.check_model(self, formats={'url': 'uri'})" in out
    nested = {"A": {"properties": {"urls": {"type": "array", "items": {"type": "string", "format": "uri"}}}}}
    with pytest.raises(ModelGenerationError, match="own properties only"):
        add_rule_validators(text, nested)


def test_rule_pass_refuses_unknown_rules() -> None:
    with pytest.raises(ModelGenerationError, match="unknown x-threadspec-rules"):
        add_rule_validators(
            "class A(BaseModel):\n    x: int\n", {"A": {"x-threadspec-rules": [{"rule": "nope"}]}}
        )


def test_alias_pass_makes_aliased_models_dump_their_json_names() -> None:
    text = (
        'class A(BaseModel):\n    model_config = ConfigDict(extra="forbid")\n'
        '    schema_: Annotated[dict[str, Any], Field(alias="schema")]\n\n\n'
        'class B(BaseModel):\n    model_config = ConfigDict(extra="forbid")\n    x: int\n'
    )
    out = serialize_by_alias(text)
    assert "class A(BaseModel):\n    model_config = ConfigDict(serialize_by_alias=True, extra=" in out
    assert out.count("serialize_by_alias") == 1


def test_generated_models_round_trip_aliased_and_defaulted_fields() -> None:
    from threadspec._generated.v2 import models

    body = {"name": "answer", "schema": {"type": "object"}}
    assert models.JsonSchemaFormat.model_validate(body).model_dump(mode="json", exclude_unset=True) == body
    # a $ref with a default beside it stays non-nullable
    with pytest.raises(pydantic.ValidationError):
        models.CreateRunRequest.model_validate({"assistant_id": "a", "parallel_tool_calls": None})
    with pytest.raises(pydantic.ValidationError):
        models.MessageContentImageFile.model_validate({"file_id": "f", "detail": None})


def _import(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _metadata(n: int) -> dict[str, Any]:
    return {"metadata": {f"k{i}": "v" for i in range(n)}}


def test_changing_a_limit_in_the_spec_changes_model_and_schema(tmp_path: Path) -> None:
    """End to end: metadata 8 in a copy of the spec; the regenerated model and schema enforce 8."""
    changed = tmp_path / "openapi.yaml"
    changed.write_text(spec_with_metadata_keys(8))
    out = tmp_path / "_generated" / "v2"
    generate(changed, out, "v2")

    models = _import(out / "models.py", "threadspec_e2e_models")
    models.ModifyThreadRequest.model_validate(_metadata(8))
    with pytest.raises(pydantic.ValidationError):
        models.ModifyThreadRequest.model_validate(_metadata(9))

    schema = json.loads((out / "schemas" / "ModifyThreadRequest.json").read_text())
    validator = ReferenceValidator(schema)
    assert validator.is_valid(_metadata(8))
    assert [e.validator for e in validator.iter_errors(_metadata(9))] == ["maxProperties"]
