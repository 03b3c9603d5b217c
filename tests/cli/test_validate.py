"""``threadspec validate``: files, stdin, JSONL and batches held to a schema, an operation's request or one
of its responses; exit 0 valid, 1 invalid, 2 usage."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import last_line, run
from tests.limits import metadata_keys, too_many_metadata
from threadspec import contract_for

VALID = {"assistant_id": "asst_1"}
TOO_MANY = {"assistant_id": "asst_1", "metadata": too_many_metadata()}
V1_MESSAGE = {"role": "user", "content": "Hi", "file_ids": ["file-abc123"]}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "valid": tmp_path / "valid.json",
        "invalid": tmp_path / "invalid.json",
        "lines": tmp_path / "bodies.jsonl",
        "broken": tmp_path / "broken.json",
    }
    paths["valid"].write_text(json.dumps(VALID))
    paths["invalid"].write_text(json.dumps(TOO_MANY))
    paths["lines"].write_text(json.dumps(VALID) + "\n\n" + json.dumps(TOO_MANY) + "\n")
    paths["broken"].write_text('{"assistant_id": ')
    return paths


def test_valid_file_exits_0(files: dict[str, Path]) -> None:
    code, out = run(["validate", "--schema", "CreateThreadAndRunRequest", str(files["valid"])])
    assert (code, out) == (0, f"{files['valid']}: valid\n")


def test_invalid_file_exits_1_and_shows_location_rule_and_message(files: dict[str, Path]) -> None:
    code, out = run(
        ["validate", "--schema", "CreateThreadAndRunRequest", str(files["valid"]), str(files["invalid"])]
    )
    assert code == 1
    assert out.splitlines() == [
        f"{files['valid']}: valid",
        f"{files['invalid']}: invalid (1 error)",
        "  metadata  [maxProperties]  Invalid 'metadata': too many properties. Expected an object with at most "
        f"{metadata_keys()} properties, but got an object with {metadata_keys() + 1} properties instead.",
    ]


def test_jsonl_input_reports_each_line_in_json_format(files: dict[str, Path]) -> None:
    code, out = run(
        ["validate", "--operation", "createThreadAndRun", "--format", "json", str(files["lines"])]
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [(r["line"], r["valid"]) for r in records] == [(1, True), (3, False)]
    assert records[1]["errors"][0]["code"] == "object_above_max_properties"


def test_stdin_is_read_with_dash_or_no_file() -> None:
    assert run(["validate", "--schema", "CreateThreadAndRunRequest", "-"], json.dumps(VALID))[0] == 0
    assert run(["validate", "--schema", "CreateThreadAndRunRequest"], json.dumps(TOO_MANY))[0] == 1


def test_malformed_json_is_an_invalid_payload(files: dict[str, Path]) -> None:
    code, out = run(["validate", "--schema", "CreateThreadRequest", str(files["broken"])])
    assert code == 1 and "[input]  We could not parse the JSON body" in out


def test_response_validation(files: dict[str, Path], tmp_path: Path) -> None:
    thread = tmp_path / "thread.json"
    thread.write_text(json.dumps({"id": "thread_1", "object": "thread", "created_at": 1, "tool_resources": None,
                                  "metadata": {}}))  # fmt: skip
    assert run(["validate", "--operation", "getThread", "--response", "200", str(thread)])[0] == 0
    assert run(["validate", "--operation", "getThread", "--response", "200", str(files["valid"])])[0] == 1


GET_THREAD_STATUSES = ", ".join(contract_for("v2").operation("getThread").responses)
OPERATIONS_HINT = "(`threadspec operations` and threadspec.operations() list them)"
SCHEMAS_HINT = "(`threadspec schemas` and threadspec.schema_names() list them)"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["validate", "--schema", "Metdata", "-"],
         f"threadspec: unknown schema 'Metdata': did you mean 'Metadata'? {SCHEMAS_HINT}"),
        (["validate", "--schema", "Qqqq", "-"], f"threadspec: unknown schema 'Qqqq' {SCHEMAS_HINT}"),
        (["validate", "--operation", "getThred"],
         f"threadspec: unknown operation 'getThred': did you mean 'getThread', 'deleteThread' or 'createThread'? "
         f"{OPERATIONS_HINT}"),
        (["validate", "--operation", "getMessageFile", "--response", "200"],  # a v1 operation, asked of v2
         "threadspec: unknown operation 'getMessageFile' (it is an operation of profile v1: add --profile v1, "
         "or use contract_for('v1'))"),
        (["validate", "--profile", "v1", "--operation", "getThred"],
         "threadspec: unknown operation 'getThred': did you mean 'getThread', 'deleteThread' or 'createThread'? "
         "(`threadspec operations --profile v1` and contract_for('v1').operations() list them)"),
        (["validate", "--schema", "Metadata", "--operation", "getThread"],
         "threadspec: give exactly one of --schema NAME or --operation OPERATION_ID (or --batch)"),
        (["validate"], "threadspec: give exactly one of --schema NAME or --operation OPERATION_ID (or --batch)"),
        (["validate", "--schema", "Metadata", "/no/such/file.json"],
         "threadspec: cannot read /no/such/file.json: No such file or directory"),
        (["validate", "--schema", "Metadata", "--response", "200"], "threadspec: --response needs --operation"),
        (["validate", "--operation", "getThread"],
         "threadspec: operation getThread takes no request body; use --response STATUS"),
        (["validate", "--operation", "getThread", "--response", "418"],
         f"threadspec: operation getThread declares no response 418; it declares {GET_THREAD_STATUSES}"),
        (["validate", "--operation", "getThread", "--response", "abc"],
         "threadspec validate: error: argument --response: expected an HTTP status code such as 200, not 'abc'"),
        (["validate", "--operation", "getThread", "--response", "2000"],
         "threadspec validate: error: argument --response: expected an HTTP status code such as 200, not '2000'"),
        (["validate", "--schema", "Metadata", "--format", "jsn"],
         "threadspec validate: error: argument --format: unknown choice 'jsn': did you mean 'json'? "
         "(choose from text, json)"),
        (["validate", "--schema", "Metadata", "--profile", "v3"],
         "threadspec validate: error: argument --profile: unknown choice 'v3' (choose from v1, v2)"),
        (["validate", "--schema", "Metadata", "--profile", "V1"],
         "threadspec validate: error: argument --profile: unknown choice 'V1': did you mean 'v1'? "
         "(choose from v1, v2)"),
    ],
)  # fmt: skip
def test_usage_errors_and_unreadable_input_exit_2_and_say_why(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(argv, json.dumps(VALID))
    assert (code, out) == (2, "")
    assert last_line(capsys.readouterr().err) == said


@pytest.mark.parametrize(
    ("request_line", "said"),
    [
        ({"operation": "getThread", "response": "abc", "body": {}}, "expected an HTTP status code such as 200, not 'abc'"),
        ({"operation": "getThread", "response": 418, "body": {}},
         f"operation getThread declares no response 418; it declares {GET_THREAD_STATUSES}"),
        ({"schema": 5, "body": {}}, '"schema" or "operation" names a component or an operation: give a string'),
        ({"schema": "Metdata", "body": {}}, f"unknown schema 'Metdata': did you mean 'Metadata'? {SCHEMAS_HINT}"),
        ({"operation": "getThread", "body": {}}, "operation getThread takes no request body; use --response STATUS"),
    ],
)  # fmt: skip
def test_a_batch_line_naming_no_target_is_an_input_error(request_line: dict[str, object], said: str) -> None:
    code, out = run(["validate", "--batch"], json.dumps(request_line) + "\n")
    assert code == 1
    assert json.loads(out)["errors"] == [
        {"pointer": "", "param": None, "rule": "input", "limit": None, "value": "", "message": said, "code": None,
         "location": "input"}
    ]  # fmt: skip


def test_batch_writes_exactly_one_line_per_input_line_in_order() -> None:
    lines = [
        json.dumps({"schema": "CreateThreadAndRunRequest", "body": VALID}),
        "this is not json",
        json.dumps({"operation": "createThreadAndRun", "body": TOO_MANY}),
        "",
        json.dumps({"schema": "NoSuchSchema", "body": {}}),
        json.dumps({"body": {}}),
        json.dumps({"operation": "getThread", "response": 200, "body": {}}),
    ]
    code, out = run(["validate", "--batch"], "\n".join(lines) + "\n")
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(results) == len(lines)
    assert [r["valid"] for r in results] == [True, False, False, False, False, False, False]
    for index in (1, 3, 4, 5):
        assert results[index]["errors"][0]["rule"] == "input"
    assert results[2]["errors"][0]["code"] == "object_above_max_properties"
    assert results[6]["errors"][0]["rule"] == "required"


def test_console_script_exit_codes(files: dict[str, Path]) -> None:
    exe = [sys.executable, "-m", "threadspec"]
    assert (
        subprocess.run(
            [*exe, "validate", "--schema", "CreateThreadAndRunRequest", str(files["valid"])]
        ).returncode
        == 0
    )
    done = subprocess.run([*exe, "validate", "--schema", "CreateThreadAndRunRequest", str(files["invalid"])],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 1 and "too many properties" in done.stdout
    assert subprocess.run([*exe, "validate"], capture_output=True).returncode == 2


@pytest.mark.parametrize(
    ("profile", "code", "said"),
    [
        (None, 1, "file_ids  [additionalProperties]  Unknown parameter: 'file_ids'."),
        ("v2", 1, "file_ids  [additionalProperties]  Unknown parameter: 'file_ids'."),
        ("v1", 0, "valid"),
    ],
)
def test_validate_holds_payloads_to_the_profile_asked_for(
    tmp_path: Path, profile: str | None, code: int, said: str
) -> None:
    body = tmp_path / "message.json"
    body.write_text(json.dumps(V1_MESSAGE))
    flags = [] if profile is None else ["--profile", profile]
    found, out = run(["validate", "--operation", "createMessage", *flags, str(body)])
    assert found == code
    assert said in out


def test_validate_profile_reaches_operations_and_batches_of_its_own(tmp_path: Path) -> None:
    file = tmp_path / "file.json"
    file.write_text(
        json.dumps(
            {"id": "file-abc", "object": "thread.message.file", "created_at": 1, "message_id": "msg_1"}
        )
    )
    assert (
        run(["validate", "--profile", "v1", "--operation", "getMessageFile", "--response", "200", str(file)])[
            0
        ]
        == 0
    )
    assert (
        run(["validate", "--operation", "getMessageFile", "--response", "200", str(file)])[0] == 2
    )  # no such v2 op
    lines = json.dumps({"operation": "createMessage", "body": V1_MESSAGE}) + "\n"
    assert json.loads(run(["validate", "--batch", "--profile", "v1"], lines)[1])["valid"] is True
    assert json.loads(run(["validate", "--batch"], lines)[1])["errors"][0]["param"] == "file_ids"
    assert run(["validate", "--profile", "v3", "--schema", "Metadata"])[0] == 2
