"""The profile table: one bundled contract per spec, generated into ``src/threadspec/_generated/<profile>/``.

Adding a line here is all it takes for ``make generate`` to write the profile's bundle, for the drift
check to cover it, and for ``threadspec.contract_for(profile)`` to load it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "threadspec" / "_generated"

# profile -> its hand-maintained spec, relative to the repository root
PROFILES: dict[str, str] = {
    "v1": "spec/openapi.v1.yaml",
    "v2": "spec/openapi.yaml",
}


def profile_paths(table: dict[str, str] | None = None) -> dict[str, Path]:
    """The table with each spec as a path."""
    return {name: ROOT / spec for name, spec in (table or PROFILES).items()}


def label(spec_path: Path) -> str:
    """How generated files name their spec: relative to the repository when inside it, else the file name."""
    try:
        return spec_path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return spec_path.name
