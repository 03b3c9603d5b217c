"""Generation is slow-ish (a subprocess and ruff): generate once per session and share the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.build import generate_all
from codegen.profiles import OUT, profile_paths
from tests.limits import metadata_keys

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
COMMITTED = OUT


def spec_with_metadata_keys(keys: int) -> str:
    """The v2 spec's text with the shared ``Metadata`` component allowing ``keys`` keys instead of its own limit."""
    text = SPEC.read_text()
    stated = f"maxProperties: {metadata_keys()}"
    assert keys != metadata_keys() and text.count(stated) == 1, f"{stated!r} is not once in {SPEC}"
    return text.replace(stated, f"maxProperties: {keys}")


@pytest.fixture(scope="session")
def fresh_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh ``_generated`` folder: one bundle per profile of the table."""
    out = tmp_path_factory.mktemp("fresh") / "_generated"
    generate_all(profile_paths(), out)
    return out
