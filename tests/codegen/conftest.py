"""Generation is slow-ish (a subprocess and ruff): generate once per session and share the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.build import generate_all
from codegen.profiles import OUT, profile_paths

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
COMMITTED = OUT


@pytest.fixture(scope="session")
def fresh_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh ``_generated`` folder: one bundle per profile of the table."""
    out = tmp_path_factory.mktemp("fresh") / "_generated"
    generate_all(profile_paths(), out)
    return out
