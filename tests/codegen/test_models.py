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
from codegen.models import ModelGenerationError, add_rule_validators
from tests.codegen.conftest import SPEC
from threadspec._reference import ReferenceValidator

COMPONENTS = set(yaml.safe_load(SPEC.read_text())["components"]["schemas"])
NUMBERED = re.compile(r"^[A-Za-z_]*[A-Za-z]\d+$")


def _top_level(models: Path) -> tuple[list[str], list[str]]:
    tree = ast.parse(models.read_text())
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    aliases = [
        t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)
    ]
    return classes, aliases


def test_one_class_per_component_and_no_other_names(fresh_output: Path) -> None:
    classes, aliases = _top_level(fresh_output / "models.py")
    public = [c for c in classes if not c.startswith("_")]
    assert sorted(public) == sorted(COMPONENTS)
    assert [c for c in classes if c.startswith("_")] == ["_JsonSchemaRuntimeValidationBase"]
    assert [n for n in classes + aliases if NUMBERED.match(n)] == []
    # type aliases name a component's nested role, e.g. MetadataAdditionalProperty
    assert all(any(a.startswith(c) for c in COMPONENTS) for a in aliases), aliases


def test_rule_pass_adds_a_validator_to_the_ruled_class_only() -> None:
    text = "from __future__ import annotations\n\nclass A(BaseModel):\n    x: int\n    y: int\n\n\nclass B(BaseModel):\n    z: int\n"
    rules = {"A": {"x-threadspec-rules": [{"rule": "at_most_half_of", "property": "x", "of": "y"}]}, "B": {}}
    out = add_rule_validators(text, rules)
    a_body = out[out.index("class A") : out.index("class B")]
    assert "def _check_x_threadspec_rules" in a_body and "left * 2 > right" in a_body
    assert "_check_x_threadspec_rules" not in out[out.index("class B") :]
    assert "from pydantic import model_validator as _model_validator" in out


def test_rule_pass_refuses_unknown_rules() -> None:
    with pytest.raises(ModelGenerationError, match="unknown x-threadspec-rules"):
        add_rule_validators(
            "class A(BaseModel):\n    x: int\n", {"A": {"x-threadspec-rules": [{"rule": "nope"}]}}
        )


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
    """End to end: metadata 16 -> 8 in a copy of the spec; the regenerated model and schema enforce 8."""
    text = SPEC.read_text()
    assert text.count("maxProperties: 16") == 1
    changed = tmp_path / "openapi.yaml"
    changed.write_text(text.replace("maxProperties: 16", "maxProperties: 8"))
    out = tmp_path / "_generated"
    generate(changed, out)

    models = _import(out / "models.py", "threadspec_e2e_models")
    models.ModifyThreadRequest.model_validate(_metadata(8))
    with pytest.raises(pydantic.ValidationError):
        models.ModifyThreadRequest.model_validate(_metadata(9))

    schema = json.loads((out / "schemas" / "ModifyThreadRequest.json").read_text())
    validator = ReferenceValidator(schema)
    assert validator.is_valid(_metadata(8))
    assert [e.validator for e in validator.iter_errors(_metadata(9))] == ["maxProperties"]
