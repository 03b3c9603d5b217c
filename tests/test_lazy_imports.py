"""`import threadspec` stays light: no extra's dependency, and none of the heavy core ones until used.

Checked in a fresh interpreter (this one has imported everything already); what is measured is what
is loaded, never how long it takes (`bench/import_time.py` prints the figures).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# what the extras bring (threadspec[mock], [proxy], [strategies], [contract])
EXTRAS_DEPENDENCIES = ("starlette", "uvicorn", "httpx", "hypothesis", "rich")
# core dependencies that load on first use: the models, a refused payload's error walk, a spec file
LOADED_ON_FIRST_USE = ("pydantic", "jsonschema", "yaml", "openapi_spec_validator")


def loaded_after(code: str) -> set[str]:
    """The top-level packages a fresh interpreter has loaded after running ``code``."""
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


@pytest.fixture(scope="module")
def after_import() -> set[str]:
    return loaded_after("import threadspec")


@pytest.mark.parametrize("package", EXTRAS_DEPENDENCIES + LOADED_ON_FIRST_USE)
def test_import_threadspec_loads_none_of(after_import: set[str], package: str) -> None:
    assert "threadspec" in after_import
    assert package not in after_import


def test_the_check_sees_what_a_use_loads() -> None:
    """The probe is not blind: a refused payload worded by jsonschema (an enum) loads it, parsing loads
    pydantic. (A number out of range no longer does: the walk words bounds itself.)"""
    bad = "{'assistant_id': 'asst_1', 'truncation_strategy': {'type': 'x'}}"
    code = f"import threadspec\nthreadspec.validate({bad}, 'CreateRunRequest')"
    assert "jsonschema" in loaded_after(code)
    assert "pydantic" in loaded_after("import threadspec\nthreadspec.parse({}, 'ModifyThreadRequest')")
