"""threadspec.models: every generated model by name, loaded on first use, and typed for the user's checker."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import threadspec
from threadspec import contract_for, models

FIXTURE = Path(__file__).parent / "fixtures" / "typed_parse.py"


def test_the_default_profile_by_name_and_every_profile_as_a_module() -> None:
    assert models.CreateRunRequest is contract_for().model_class("CreateRunRequest")
    for profile in threadspec.profiles():
        module = getattr(models, profile)
        assert module.CreateRunRequest is contract_for(profile).model_class("CreateRunRequest")
    assert models.v1.CreateRunRequest is not models.CreateRunRequest


def test_every_component_is_a_model_and_listed() -> None:
    names = set(contract_for().schema_names())
    assert set(dir(models)) == names | set(threadspec.profiles()) | {"NOT_SENT", "NotSent", "Omittable"}
    assert all(getattr(models, name).__name__ == name for name in names)


def test_an_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(AttributeError, match="no model 'CreateRunRequst': did you mean 'CreateRunRequest'"):
        _ = models.CreateRunRequst


def test_nothing_is_generated_code_until_a_model_is_named() -> None:
    code = (
        "import sys, threadspec, threadspec.models as m\n"
        "before = [n for n in sys.modules if n.startswith('threadspec._generated.')]\n"
        "m.Metadata\n"
        "after = sorted(n for n in sys.modules if n.startswith('threadspec._generated.'))\n"
        "print(before, after)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] ['threadspec._generated.v2', 'threadspec._generated.v2.models']"


def test_mypy_knows_what_parse_returns(tmp_path: Path) -> None:
    """A user's file checked with mypy --strict (no plugin): parse returns the model it names."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "/dev/null",
         "--cache-dir", str(tmp_path / "cache"), str(FIXTURE)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    revealed = re.findall(r':(\d+): note: Revealed type is "([^"]+)"', done.stdout)
    v1, v2, base = (
        "threadspec._generated.v1.models",
        "threadspec._generated.v2.models",
        "pydantic.main.BaseModel",
    )
    assert [t for _, t in revealed] == [
        f"{v2}.CreateRunRequest",
        f"{v2}.CreateRunRequest",
        f"{v1}.CreateRunRequest",
        base,  # a name in another contract: the name alone cannot say which model
        f"type[{v2}.Metadata]",
        f"{v2}.Metadata | threadspec._modelbase.NotSent",
        "str",  # a sent map reads like a mapping of strings
        "int | None",  # `is not NOT_SENT` narrows
    ], done.stdout
    assert done.returncode == 0, done.stdout
