"""Reading a spec file: YAML or JSON in, a validated OpenAPI 3.1 document out (or InvalidSpecError).

PyYAML and openapi-spec-validator load when a file is first read: the bundled contracts never need
them, and the validator alone takes longer to import than the rest of threadspec.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from threadspec.errors import InvalidSpecError


def read_document(path: Path) -> dict[str, Any]:
    """The document in the file, parsed as JSON (``.json``) or YAML (anything else, JSON included)."""
    import yaml

    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidSpecError(source, f"cannot read it: {exc}") from exc
    try:
        document = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
        raise InvalidSpecError(source, f"not {kind}: {_one_line(exc)}") from exc
    if not isinstance(document, dict):
        raise InvalidSpecError(source, f"not an OpenAPI document: the top level is {type(document).__name__}")
    return document


def _one_line(exc: Exception) -> str:
    """A parser's complaint on one line: PyYAML's spans several, with a snippet of the text."""
    import yaml

    problem, mark = getattr(exc, "problem", None), getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.YAMLError) and problem and mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return " ".join(str(exc).split())


def check_document(document: dict[str, Any], source: str) -> None:
    """Refuse anything that is not a valid OpenAPI 3.1 document, naming the first problem."""
    from openapi_spec_validator import OpenAPIV31SpecValidator

    version = document.get("openapi")
    if not isinstance(version, str) or not version.startswith("3.1."):
        found = f"openapi: {version}" if version is not None else "no `openapi` field"
        raise InvalidSpecError(source, f"not an OpenAPI 3.1 document ({found}); threadspec reads OpenAPI 3.1")
    error = next(OpenAPIV31SpecValidator(document).iter_errors(), None)
    if error is not None:
        where = "/".join(str(part) for part in getattr(error, "absolute_path", ())) or "the document"
        message = str(getattr(error, "message", error)).splitlines()[0]
        raise InvalidSpecError(source, f"not valid OpenAPI 3.1 at {where}: {message}")


def load_document(path: Path) -> dict[str, Any]:
    """Parse and validate a spec file; raise :class:`InvalidSpecError` for anything unusable."""
    document = read_document(path)
    check_document(document, str(path))
    return document
