"""`make generate`: deterministic, self-describing output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from codegen.build import generate_all
from codegen.options import GENERATED, header
from codegen.profiles import PROFILES, profile_paths
from tests.codegen.conftest import COMMITTED, SPEC


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}  # fmt: skip


def test_two_runs_give_byte_identical_output(fresh_output: Path, tmp_path: Path) -> None:
    again = tmp_path / "_generated"
    generate_all(profile_paths(), again)
    assert _tree(again) == _tree(fresh_output)


def test_one_bundle_per_profile_of_the_table(fresh_output: Path) -> None:
    assert sorted(p.name for p in fresh_output.iterdir() if p.is_dir()) == sorted(PROFILES)
    for profile in PROFILES:
        bundle = {
            p.relative_to(fresh_output / profile).as_posix() for p in (fresh_output / profile).rglob("*")
        }
        assert {
            "__init__.py",
            "models.py",
            "openapi.json",
            "operations.json",
            "manifest.json",
            "schemas",
        } <= bundle
        manifest = json.loads((fresh_output / profile / "manifest.json").read_text())
        assert (manifest["profile"], manifest["spec"]) == (profile, PROFILES[profile])


def test_committed_output_is_what_the_spec_generates(fresh_output: Path) -> None:
    assert _tree(COMMITTED) == _tree(fresh_output)


def test_every_generated_file_says_it_is_generated_and_carries_no_timestamp(fresh_output: Path) -> None:
    files = _tree(fresh_output)
    assert len(files) > 150
    for name, content in files.items():
        text = content.decode("utf-8")
        head = text[:300]
        profile = name.split("/")[0]
        assert (header(PROFILES[profile]) if profile in PROFILES else GENERATED) in head, name
        assert not re.search(r"timestamp|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text, re.IGNORECASE), name


def test_one_schema_file_per_component_with_an_id(fresh_output: Path) -> None:
    bundle = fresh_output / "v2"
    spec = json.loads((bundle / "openapi.json").read_text())
    names = list(spec["components"]["schemas"])
    files = sorted(p.stem for p in (bundle / "schemas").glob("*.json"))
    assert files == sorted(names)
    for name in names:
        schema = json.loads((bundle / "schemas" / f"{name}.json").read_text())
        assert schema["$id"].endswith(f"/{name}.json")
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        text = json.dumps(schema)
        assert "#/components/" not in text, f"{name} is not self-contained"


def test_manifest_records_spec_hash_generator_versions_and_file_hashes(fresh_output: Path) -> None:
    import hashlib
    from importlib.metadata import version

    manifest = json.loads((fresh_output / "v2" / "manifest.json").read_text())
    assert manifest["spec_sha256"] == hashlib.sha256(SPEC.read_bytes()).hexdigest()
    assert (
        manifest["generators"]["datamodel-code-generator"] == version("datamodel-code-generator") == "0.89.0"
    )
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((fresh_output / "v2" / name).read_bytes()).hexdigest() == digest


def test_operation_index_lists_the_23_operations(fresh_output: Path) -> None:
    index = json.loads((fresh_output / "v2" / "operations.json").read_text())["operations"]
    assert len(index) == 23
    create = index["createMessage"]
    assert (create["method"], create["path"]) == ("POST", "/threads/{thread_id}/messages")
    assert create["request_body"] == {"schema": "CreateMessageRequest", "required": True,
                                      "content_type": "application/json"}  # fmt: skip
    assert create["responses"]["200"] == {"application/json": "MessageObject"}
    assert index["createRun"]["responses"]["200"]["text/event-stream"] == "AssistantStreamEvent"
    events = index["createRun"]["stream_events"]["200"]
    assert (events["thread.run.created"], events["thread.message.delta"], events["done"]) == (
        "RunObject", "MessageDeltaObject", None,
    )  # fmt: skip
    assert create["stream_events"] == {}
    thread_id = next(p for p in create["parameters"] if p["name"] == "thread_id")
    assert thread_id["in"] == "path" and thread_id["id_prefix"] == "thread"
