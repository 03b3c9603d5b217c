"""Writing every generated artefact into one output folder."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from codegen.models import generate_models
from codegen.operations import operation_index
from codegen.options import HEADER
from codegen.schemas import all_component_schemas
from codegen.source import load_spec, sha256_of

CODEGEN_FORMAT = 1  # bump when the layout of the generated folder changes


def _dump(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def generate(spec_path: Path, out_dir: Path) -> list[Path]:
    """Regenerate ``out_dir`` from scratch; return the files written, sorted."""
    spec = load_spec(spec_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in sorted(out_dir.rglob("*"), reverse=True):
        if stale.is_file():
            stale.unlink()
        elif stale.is_dir() and stale.name != "__pycache__":
            stale.rmdir()
    schema_dir = out_dir / "schemas"
    schema_dir.mkdir()

    (out_dir / "__init__.py").write_text(f'"""{HEADER}."""\n', encoding="utf-8")
    generate_models(spec_path, spec, out_dir / "models.py")
    for name, schema in all_component_schemas(spec).items():
        (schema_dir / f"{name}.json").write_text(_dump(schema), encoding="utf-8")
    (out_dir / "operations.json").write_text(_dump(operation_index(spec)), encoding="utf-8")
    bundled = {"x-threadspec-generated": HEADER, **spec}
    (out_dir / "openapi.json").write_text(_dump(bundled), encoding="utf-8")

    written = sorted(p for p in out_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    manifest = {
        "$comment": HEADER,
        "spec": "spec/openapi.yaml",
        "spec_sha256": sha256_of(spec_path),
        "generators": {
            "codegen_format": CODEGEN_FORMAT,
            "datamodel-code-generator": version("datamodel-code-generator"),
            "ruff": version("ruff"),
        },
        "files": {
            p.relative_to(out_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in written
        },
    }
    manifest_path = out_dir / "manifest.json"
    manifest_path.write_text(_dump(manifest), encoding="utf-8")
    return sorted([*written, manifest_path])
