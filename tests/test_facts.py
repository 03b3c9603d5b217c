"""The API facts module: what it reads from the spec and how it parses the beta header."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadspec import Contract, contract_for, facts, spec


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


def test_id_starts_take_the_separator_from_each_pattern() -> None:
    """v1 file ids join prefix and key with a dash, every other id with an underscore: the patterns say so."""
    v1 = contract_for("v1")
    assert facts.id_starts(v1) == {
        "assistant_id": "asst_",
        "file_id": "file-",
        "thread_id": "thread_",
        "message_id": "msg_",
        "run_id": "run_",
        "step_id": "step_",
    }
    for name, start in facts.id_starts(v1).items():
        param = next(p for op in v1.operations().values() for p in op.parameters_in("path") if p.name == name)
        assert param.schema["pattern"].startswith("^" + start)
    assert set(facts.id_starts().values()) == {f"{p}_" for p in facts.id_prefixes().values()}


def test_a_capped_run_ends_incomplete_where_runs_can_and_completed_in_v1() -> None:
    assert facts.capped_run_status(contract_for("v2")) == "incomplete"
    assert facts.capped_run_status(contract_for("v1")) == "completed"
    assert facts.stream_run_ends(contract_for("v2")) == facts.STREAM_RUN_ENDS
    assert facts.stream_run_ends(contract_for("v1")) == facts.STREAM_RUN_ENDS - {"incomplete"}


def test_streaming_operations_are_those_with_an_event_stream_response() -> None:
    assert facts.streaming_operations() == ("createThreadAndRun", "createRun", "submitToolOuputsToRun")


def test_the_required_beta_value_comes_from_the_spec_header() -> None:
    header = next(p for p in spec.operation("createThread").parameters if p.name == facts.BETA_HEADER)
    assert facts.beta_value() == header.schema["const"] == "assistants=v2"
    assert facts.beta_version(facts.beta_value()) == contract_for().beta_version == "v2"


def test_active_run_statuses_are_the_ones_not_over_yet() -> None:
    assert facts.active_run_statuses() == {"queued", "in_progress", "requires_action", "cancelling"}
    assert facts.active_run_statuses() | facts.TERMINAL_RUN_STATUSES == set(facts.run_statuses())


def test_the_facts_of_another_contract(tmp_path: Path) -> None:
    """A contract whose spec states other facts answers with its own: no header, other statuses."""
    path = tmp_path / "small.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    RunStatus: {type: string, enum: [queued, completed]}\n"
    )
    small = Contract.load(path)
    assert (facts.beta_value(small), facts.streaming_operations(small), facts.id_prefixes(small)) == (
        None,
        (),
        {},
    )
    assert facts.run_statuses(small) == ("queued", "completed")
    assert facts.active_run_statuses(small) == {"queued"}


def test_the_response_headers_facts_name_are_the_ones_the_spec_declares() -> None:
    document = spec.openapi()
    responses = [
        response
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "responses" in op
        for response in op["responses"].values()
    ]
    declared = {
        name
        for response in responses
        for name in document["components"]["responses"]
        .get(str(response.get("$ref", "")).rsplit("/", 1)[-1], response)
        .get("headers", {})
    }
    assert {facts.REQUEST_ID_HEADER, facts.POLL_AFTER_HEADER} <= declared
