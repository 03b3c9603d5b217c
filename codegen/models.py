"""Pydantic v2 models: datamodel-code-generator's output plus the spec's vendor rules."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from codegen.options import DATAMODEL_CODEGEN_ARGS, HEADER, RUFF_FIX_ARGS, RUFF_FORMAT_ARGS


class ModelGenerationError(Exception):
    """datamodel-code-generator failed, or a vendor rule cannot be rendered."""


def run_datamodel_codegen(spec_path: Path, out_file: Path) -> str:
    """Run the pinned generator on ``spec_path`` and return the module's text."""
    command = [
        sys.executable,
        "-m",
        "datamodel_code_generator",
        "--input",
        str(spec_path),
        "--output",
        str(out_file),
        "--custom-file-header",
        f"# {HEADER}",
        *DATAMODEL_CODEGEN_ARGS,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ModelGenerationError(f"datamodel-codegen failed:\n{done.stderr}")
    return out_file.read_text(encoding="utf-8")


def _render_rule(rule: dict[str, Any], component: str) -> list[str]:
    """Python lines (method body) that enforce one ``x-threadspec-rules`` entry."""
    kind = rule.get("rule")
    if kind == "at_most_half_of":
        prop, of = rule["property"], rule["of"]
        return [
            f"        left, right = self.{prop}, self.{of}",
            "        if isinstance(left, int) and isinstance(right, int) and left * 2 > right:",
            f'            raise ValueError("{prop} must be at most half of {of}")',
        ]
    raise ModelGenerationError(f"{component}: unknown x-threadspec-rules entry {rule!r}")


def add_rule_validators(text: str, schemas: dict[str, Any]) -> str:
    """Append a model validator to every class whose component carries ``x-threadspec-rules``.

    datamodel-code-generator ignores vendor extensions, so without this pass the models would
    accept what the JSON Schema validator rejects.
    """
    lines = text.splitlines()
    ruled = {name: s["x-threadspec-rules"] for name, s in schemas.items() if "x-threadspec-rules" in s}
    for name, rules in sorted(ruled.items()):
        start = next((i for i, line in enumerate(lines) if line.startswith(f"class {name}(")), None)
        if start is None:
            raise ModelGenerationError(f"no class {name} in the generated models")
        end = start + 1
        while end < len(lines) and (not lines[end] or lines[end].startswith((" ", ")"))):
            end += 1
        while not lines[end - 1].strip():
            end -= 1
        method = [
            "",
            "    @_model_validator(mode='after')",
            "    def _check_x_threadspec_rules(self) -> _Self:",
        ]
        for rule in rules:
            method += _render_rule(rule, name)
        method.append("        return self")
        lines[end:end] = method
    if ruled:
        future = lines.index("from __future__ import annotations")
        lines[future + 1 : future + 1] = [
            "",
            "from typing import Self as _Self",
            "",
            "from pydantic import model_validator as _model_validator",
        ]
    return "\n".join(lines) + "\n"


def _ruff(args: tuple[str, ...], text: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *args], input=text, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ModelGenerationError(f"ruff {args[0]} failed:\n{done.stderr}")
    return done.stdout


_ALIASED_FIELD = re.compile(r"Field\([^)]*\balias=")
_CONFIG = re.compile(r"^    model_config = ConfigDict\(", re.MULTILINE)


def serialize_by_alias(text: str) -> str:
    """Make classes with aliased fields dump under the JSON names.

    A property such as ``schema`` shadows a BaseModel attribute, so the generator names the field
    ``schema_`` with an alias; without this, ``model_dump()`` writes ``schema_`` and the model no longer
    round-trips the API's JSON. datamodel-code-generator has no option for it.
    """
    chunks = re.split(r"(?m)^(?=class )", text)
    for index, chunk in enumerate(chunks):
        if chunk.startswith("class ") and _ALIASED_FIELD.search(chunk):
            if not _CONFIG.search(chunk):
                raise ModelGenerationError(f"aliased fields but no model_config in: {chunk.splitlines()[0]}")
            chunks[index] = _CONFIG.sub(
                "    model_config = ConfigDict(serialize_by_alias=True, ", chunk, count=1
            )
    return "".join(chunks)


def generate_models(spec_path: Path, spec: dict[str, Any], out_file: Path) -> None:
    text = run_datamodel_codegen(spec_path, out_file)
    text = serialize_by_alias(add_rule_validators(text, spec["components"]["schemas"]))
    text = _ruff(RUFF_FORMAT_ARGS, _ruff(RUFF_FIX_ARGS, text))
    out_file.write_text(text, encoding="utf-8")
