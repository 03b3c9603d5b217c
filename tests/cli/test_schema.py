"""``threadspec schema NAME``: one component's self-contained JSON Schema, of the profile asked for."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import last_line, run
from threadspec import contract_for


@pytest.mark.parametrize(
    ("profile", "name"), [("v2", "Metadata"), ("v2", "RunObject"), ("v1", "MessageFileObject")]
)
def test_prints_the_schema(profile: str, name: str) -> None:
    code, out = run(["schema", name, "--profile", profile])
    assert code == 0
    assert json.loads(out) == contract_for(profile).schema(name)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["schema", "Metdata"], "threadspec: unknown schema 'Metdata': did you mean 'Metadata'? "
         "(`threadspec schemas` and threadspec.schema_names() list them)"),
        (["schema", "MessageFileObject"], "threadspec: unknown schema 'MessageFileObject' (it is a schema of "
         "profile v1: add --profile v1, or use contract_for('v1'))"),
        (["schema", "Nope", "--profile", "v1"], "threadspec: unknown schema 'Nope' (`threadspec schemas --profile "
         "v1` and contract_for('v1').schema_names() list them)"),
        (["schema"], "threadspec schema: error: the following arguments are required: NAME"),
    ],
)  # fmt: skip
def test_an_unknown_name_exits_2_and_suggests(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == (2, "")
    assert last_line(capsys.readouterr().err) == said
