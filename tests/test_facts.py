"""The API facts module: what it reads from the spec and how it parses the beta header."""

from __future__ import annotations

import pytest

from threadspec import facts, spec


@pytest.mark.parametrize(
    ("header", "features"),
    [
        ("assistants=v2", {"assistants": "v2"}),
        ("assistants=v2,other=x", {"assistants": "v2", "other": "x"}),
        (" assistants = v1 , assistants=v2 ", {"assistants": "v2"}),
        ("flag", {"flag": ""}),
        ("", {}),
        (None, {}),
    ],
)
def test_parse_beta(header: str | None, features: dict[str, str]) -> None:
    assert facts.parse_beta(header) == features


def test_beta_version() -> None:
    assert facts.beta_version("other=x,assistants=v1") == "v1"
    assert facts.beta_version("other=x") is None


def test_run_statuses_come_from_the_spec() -> None:
    assert facts.run_statuses() == tuple(spec.shared_schema("RunStatus")["enum"])
    assert set(facts.run_statuses()) > facts.TERMINAL_RUN_STATUSES
    assert {"requires_action"} == facts.STREAM_RUN_ENDS - facts.TERMINAL_RUN_STATUSES


def test_id_prefixes_come_from_the_path_parameters() -> None:
    assert facts.id_prefixes() == {
        "thread_id": "thread",
        "message_id": "msg",
        "run_id": "run",
        "step_id": "step",
        "assistant_id": "asst",
    }
    assert facts.prefix_for_object("thread.message") == "msg"
    assert facts.prefix_for_object("assistant") == "asst"
    assert facts.prefix_for_object("thread.run.step") == "step"
    assert facts.prefix_for_object("list") is None


def test_streaming_operations_are_those_with_an_event_stream_response() -> None:
    assert facts.streaming_operations() == ("createThreadAndRun", "createRun", "submitToolOuputsToRun")
