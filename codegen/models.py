"""Pydantic v2 models: datamodel-code-generator's output plus the spec's vendor rules."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from codegen.model_shapes import reshape
from codegen.options import DATAMODEL_CODEGEN_ARGS, RUFF_FIX_ARGS, RUFF_FORMAT_ARGS
from threadspec import rules
from threadspec._bundle import DATA_KEYWORDS
from threadspec.errors import UnknownRuleError


class ModelGenerationError(Exception):
    """datamodel-code-generator failed, or a vendor rule cannot be rendered."""


def run_datamodel_codegen(spec_path: Path, out_file: Path, header: str) -> str:
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
        f"# {header}",
        *DATAMODEL_CODEGEN_ARGS,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ModelGenerationError(f"datamodel-codegen failed:\n{done.stderr}")
    return out_file.read_text(encoding="utf-8")


def _count_formats(node: Any) -> int:
    """How many asserted ``format`` keywords a schema holds, at any depth."""
    if isinstance(node, list):
        return sum(_count_formats(item) for item in node)
    if not isinstance(node, dict):
        return 0
    own = 1 if node.get("format") in rules.FORMATS else 0
    return own + sum(_count_formats(v) for k, v in node.items() if k not in DATA_KEYWORDS)


def _asserted_formats(name: str, schema: dict[str, Any]) -> dict[str, str]:
    """The component's own properties whose ``format`` threadspec asserts, by JSON name."""
    found = {
        prop: sub["format"]
        for prop, sub in schema.get("properties", {}).items()
        if isinstance(sub, dict) and sub.get("format") in rules.FORMATS
    }
    if _count_formats(schema) != len(found):
        raise ModelGenerationError(
            f"{name}: an asserted format is checked on a component's own properties only"
        )
    return found


def _checks(schema: dict[str, Any], name: str) -> list[str]:
    """The arguments of the registry call that enforces a component's rules and formats; none when it has neither."""
    spec_rules = schema.get(rules.RULES_KEYWORD, [])
    for rule in spec_rules:
        try:
            rules.rule_for(rule)
        except UnknownRuleError as exc:
            raise ModelGenerationError(f"{name}: unknown x-threadspec-rules entry {rule!r}") from exc
    formats = _asserted_formats(name, schema)
    return ([f"rules={spec_rules!r}"] if spec_rules else []) + ([f"formats={formats!r}"] if formats else [])


def add_rule_validators(text: str, schemas: dict[str, Any]) -> str:
    """Give every class whose component has ``x-threadspec-rules`` or an asserted ``format`` a model
    validator that calls :func:`threadspec.rules.check_model`, the registry the validators use too.

    datamodel-code-generator ignores vendor extensions (and formats are mapped to plain strings), so
    without this pass the models would accept what the JSON Schema validator rejects.
    """
    lines = text.splitlines()
    checked = {name: args for name, s in schemas.items() if (args := _checks(s, name))}
    for name, args in sorted(checked.items()):
        start = next((i for i, line in enumerate(lines) if line.startswith(f"class {name}(")), None)
        if start is None:
            raise ModelGenerationError(f"no class {name} in the generated models")
        end = start + 1
        while end < len(lines) and (not lines[end] or lines[end].startswith((" ", ")"))):
            end += 1
        while not lines[end - 1].strip():
            end -= 1
        lines[end:end] = [
            "",
            "    @_model_validator(mode='after')",
            "    def _check_threadspec_rules(self) -> _Self:",
            f"        return _rules.check_model(self, {', '.join(args)})",
        ]
    if checked:
        future = lines.index("from __future__ import annotations")
        lines[future + 1 : future + 1] = [
            "",
            "from typing import Self as _Self",
            "",
            "from pydantic import model_validator as _model_validator",
            "",
            "from threadspec import rules as _rules",
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


def generate_models(spec_path: Path, spec: dict[str, Any], out_file: Path, header: str) -> None:
    text = run_datamodel_codegen(spec_path, out_file, header)
    text = reshape(serialize_by_alias(add_rule_validators(text, spec["components"]["schemas"])))
    text = _ruff(RUFF_FORMAT_ARGS, _ruff(RUFF_FIX_ARGS, text))
    out_file.write_text(text, encoding="utf-8")
