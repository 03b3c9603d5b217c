"""Writing the generated artefacts: one bundle per profile, under one output root."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

from codegen import public
from codegen.model_shapes import model_names
from codegen.models import generate_models
from codegen.options import GENERATED, header
from codegen.profiles import label
from codegen.source import load_spec, sha256_of
from threadspec._bundle import BundleError, component_schemas, operation_index
from threadspec._contract import DEFAULT_PROFILE
from threadspec.errors import InvalidSpecError

CODEGEN_FORMAT = 2  # bump when the layout of the generated folder changes


def _dump(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def _clear(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in sorted(out_dir.rglob("*"), reverse=True):
        if stale.is_file():
            stale.unlink()
        elif stale.is_dir() and stale.name != "__pycache__":
            shutil.rmtree(stale) if any(stale.rglob("*")) else stale.rmdir()


def generate(spec_path: Path, out_dir: Path, profile: str) -> list[Path]:
    """Regenerate the bundle of one profile in ``out_dir`` from scratch; return the files written, sorted."""
    spec = load_spec(spec_path)
    spec_label = label(spec_path)
    head = header(spec_label)
    try:
        schemas = component_schemas(spec, head)
        index = operation_index(spec, head)
    except BundleError as exc:
        raise InvalidSpecError(str(spec_path), str(exc)) from None
    _clear(out_dir)
    schema_dir = out_dir / "schemas"
    schema_dir.mkdir()
    (out_dir / "__init__.py").write_text(f'"""{head}."""\n', encoding="utf-8")
    generate_models(spec_path, spec, out_dir / "models.py", head)
    for name, schema in schemas.items():
        (schema_dir / f"{name}.json").write_text(_dump(schema), encoding="utf-8")
    (out_dir / "operations.json").write_text(_dump(index), encoding="utf-8")
    (out_dir / "openapi.json").write_text(_dump({"x-threadspec-generated": head, **spec}), encoding="utf-8")

    written = sorted(p for p in out_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    manifest = {
        "$comment": head,
        "profile": profile,
        "spec": spec_label,
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


def generate_all(profiles: Mapping[str, Path], root: Path) -> list[Path]:
    """Regenerate ``root`` (``_generated/``): a bundle per profile and, with the default profile among
    them, the typing index of the models (:mod:`codegen.public`); nothing else."""
    _clear(root)
    (root / "__init__.py").write_text(
        f'"""The bundled contracts, one folder per profile, generated {GENERATED}."""\n', encoding="utf-8"
    )
    written = [root / "__init__.py"]
    for profile, spec_path in sorted(profiles.items()):
        written.extend(generate(spec_path, root / profile, profile))
    if DEFAULT_PROFILE in profiles:
        names = model_names((root / DEFAULT_PROFILE / "models.py").read_text(encoding="utf-8"))
        index = root / public.MODULE
        index.write_text(public.render(DEFAULT_PROFILE, sorted(profiles), names), encoding="utf-8")
        written.append(index)
    return sorted(written)
