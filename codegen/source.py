"""Reading the spec: YAML in, a validated OpenAPI 3.1 document out."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, cast

import yaml
from openapi_spec_validator import validate


class SpecSourceError(Exception):
    """The spec file cannot be read or is not valid OpenAPI 3.1."""


def load_spec(path: Path) -> dict[str, Any]:
    """Parse and validate the spec; refuse anything openapi-spec-validator refuses."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SpecSourceError(f"cannot read {path}: {exc}") from exc
    if not isinstance(document, dict):
        raise SpecSourceError(f"{path} is not a mapping")
    try:
        validate(document)
    except Exception as exc:  # the validator raises several unrelated types
        raise SpecSourceError(f"{path} is not valid OpenAPI: {exc}") from exc
    return cast(dict[str, Any], document)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
