"""``threadspec schemas``: a profile's component names, one a line, in spec order."""

from __future__ import annotations

import pytest

from tests.cli.conftest import run
from threadspec import contract_for, profiles


@pytest.mark.parametrize("profile", profiles())
def test_every_component_of_the_profile(profile: str) -> None:
    assert run(["schemas", "--profile", profile]) == (
        0,
        "".join(f"{n}\n" for n in contract_for(profile).schema_names()),
    )


def test_the_default_profile_is_v2() -> None:
    assert run(["schemas"]) == run(["schemas", "--profile", "v2"])
