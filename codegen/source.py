"""Reading the spec: YAML in, a validated OpenAPI 3.1 document out (threadspec's own reader)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from threadspec._specfile import load_document
from threadspec.errors import InvalidSpecError

SpecSourceError = InvalidSpecError  # the spec file cannot be read or is not valid OpenAPI 3.1


def load_spec(path: Path) -> dict[str, Any]:
    """Parse and validate the spec; refuse anything that is not valid OpenAPI 3.1."""
    return load_document(path)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
