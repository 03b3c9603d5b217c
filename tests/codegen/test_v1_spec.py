"""The legacy v1 spec goes through today's generator: models, schemas and operation index, and they enforce v1.

Generated once per session into a temporary folder; nothing is written into the source tree.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest
import yaml

from codegen.build import generate
from tests.codegen.conftest import ROOT
from tests.codegen.test_models import NUMBERED, _import, _top_level
from threadspec._reference import ReferenceValidator

V1_SPEC = ROOT / "spec" / "openapi.v1.yaml"
V1: dict[str, Any] = yaml.safe_load(V1_SPEC.read_text(encoding="utf-8"))
COMPONENTS: dict[str, Any] = V1["components"]["schemas"]
EXAMPLES = [(name, i, ex) for name, s in COMPONENTS.items() for i, ex in enumerate(s.get("examples", []))]


@pytest.fixture(scope="session")
def v1_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh_v1") / "_generated_v1"
    generate(V1_SPEC, out, "v1")
    return out


@pytest.fixture(scope="session")
def v1_models(v1_output: Path) -> ModuleType:
    return _import(v1_output / "models.py", "_threadspec_v1_models_under_test")


def test_one_class_per_v1_component_and_no_numbered_names(v1_output: Path) -> None:
    classes, aliases = _top_level(v1_output / "models.py")
    assert sorted(c for c in classes if not c.startswith("_")) == sorted(COMPONENTS)
    assert [n for n in classes + aliases if NUMBERED.match(n)] == []


def test_one_self_contained_schema_per_v1_component(v1_output: Path) -> None:
    files = sorted(p.stem for p in (v1_output / "schemas").glob("*.json"))
    assert files == sorted(COMPONENTS)
    for name in files:
        assert "#/components/" not in (v1_output / "schemas" / f"{name}.json").read_text(), name


def test_the_v1_operation_index(v1_output: Path) -> None:
    index = json.loads((v1_output / "operations.json").read_text())["operations"]
    assert len(index) == 28
    files = index["getMessageFile"]
    assert (files["method"], files["path"]) == (
        "GET",
        "/threads/{thread_id}/messages/{message_id}/files/{file_id}",
    )
    assert files["responses"]["200"] == {"application/json": "MessageFileObject"}
    prefixes = {p["name"]: p["id_prefix"] for p in files["parameters"] if p["in"] == "path"}
    assert prefixes == {"thread_id": "thread", "message_id": "msg", "file_id": "file"}
    beta = next(p for p in files["parameters"] if p["in"] == "header")
    assert beta["schema"]["const"] == "assistants=v1"
    assert index["createThread"]["request_body"]["required"] is False
    streams = sorted(op for op, o in index.items() if "text/event-stream" in o["responses"].get("200", {}))
    assert streams == ["createRun", "createThreadAndRun", "submitToolOuputsToRun"]


@pytest.mark.parametrize(("name", "index", "example"), EXAMPLES, ids=[f"{n}/{i}" for n, i, _ in EXAMPLES])
def test_every_v1_example_passes_the_generated_model_and_schema(
    v1_models: ModuleType, v1_output: Path, name: str, index: int, example: Any
) -> None:
    getattr(v1_models, name).model_validate(example)
    schema = json.loads((v1_output / "schemas" / f"{name}.json").read_text())
    assert [e.message for e in ReferenceValidator(schema).iter_errors(example)] == []


V1_REFUSALS = [
    ("11 message files", "CreateMessageRequest",
     {"role": "user", "content": "hi", "file_ids": [f"file-{i}" for i in range(11)]}),
    ("content parts", "CreateMessageRequest", {"role": "user", "content": [{"type": "text", "text": "hi"}]}),
    ("empty content", "CreateMessageRequest", {"role": "user", "content": ""}),
    ("attachments", "CreateMessageRequest", {"role": "user", "content": "hi", "attachments": []}),
    ("tool_resources", "CreateThreadRequest", {"tool_resources": {}}),
    ("21 assistant files", "CreateAssistantRequest",
     {"model": "gpt-4", "file_ids": [f"file-{i}" for i in range(21)]}),
    ("file_search tool", "CreateAssistantRequest", {"model": "gpt-4", "tools": [{"type": "file_search"}]}),
    ("tool_choice required", "CreateRunRequest", {"assistant_id": "asst_a", "tool_choice": "required"}),
    ("top_p", "CreateRunRequest", {"assistant_id": "asst_a", "top_p": 0.5}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "body"), [r[1:] for r in V1_REFUSALS], ids=[r[0] for r in V1_REFUSALS])
def test_generated_v1_models_refuse_what_v1_refused(v1_models: ModuleType, name: str, body: Any) -> None:
    with pytest.raises(pydantic.ValidationError):
        getattr(v1_models, name).model_validate(body)
