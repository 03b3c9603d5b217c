"""``threadspec operations``: every operation of a profile with its method, path and the spec's summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.conftest import run
from threadspec import contract_for, profiles


@pytest.mark.parametrize("profile", profiles())
def test_each_line_is_an_operation_in_spec_order_in_aligned_columns(profile: str) -> None:
    code, out = run(["operations", "--profile", profile])
    operations = list(contract_for(profile).operations().values())
    lines = out.splitlines()
    assert code == 0
    assert [re.split(r"\s{2,}", line) for line in lines] == [
        [op.operation_id, op.method, op.path, op.summary] for op in operations
    ]
    for column in (1, 2, 3):  # each column starts at the same place on every line
        starts = {
            line.index(re.split(r"\s{2,}", line)[column], len(re.split(r"\s{2,}", line)[0])) for line in lines
        }
        assert len(starts) == 1, column


def test_the_default_profile_and_one_line_word_for_word() -> None:
    code, out = run(["operations"])
    assert code == 0
    assert out == run(["operations", "--profile", "v2"])[1]
    line = next(line for line in out.splitlines() if line.startswith("getThread "))
    assert re.sub(r"\s{2,}", " | ", line) == "getThread | GET | /threads/{thread_id} | Retrieve a thread"


@pytest.mark.parametrize("profile", profiles())
def test_json_is_one_array_of_objects(profile: str) -> None:
    code, out = run(["operations", "--profile", profile, "--format", "json"])
    assert code == 0
    assert json.loads(out) == [
        {"operation_id": op.operation_id, "method": op.method, "path": op.path, "summary": op.summary}
        for op in contract_for(profile).operations().values()
    ]


@pytest.mark.parametrize("profile", profiles())
def test_every_operation_has_a_one_line_summary(profile: str) -> None:
    """The listing's last column comes from the spec: each operation says what it does in one line."""
    for op in contract_for(profile).operations().values():
        assert op.summary.strip() and "\n" not in op.summary, op.operation_id


def test_the_readmes_listing_is_the_commands() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text().splitlines()
    start = readme.index("$ threadspec operations") + 1
    shown = readme[start : readme.index("…", start)]
    assert shown and run(["operations"])[1].splitlines()[: len(shown)] == shown, (
        "paste the head into README.md"
    )
