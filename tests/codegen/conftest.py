"""Generation is slow-ish (a subprocess and ruff): generate once per session and share the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.build import generate

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
COMMITTED = ROOT / "src" / "threadspec" / "_generated"


@pytest.fixture(scope="session")
def fresh_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh") / "_generated"
    generate(SPEC, out)
    return out
