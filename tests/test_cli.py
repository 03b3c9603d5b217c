"""The `threadspec` command line: the contract of issue 4, exit codes included."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.limits import metadata_keys, too_many_metadata
from threadspec.cli import main

VALID = {"assistant_id": "asst_1"}
TOO_MANY = {"assistant_id": "asst_1", "metadata": too_many_metadata()}


def run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


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


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--schema", "NoSuchSchema", "x.json"],
        ["validate", "--operation", "noSuchOperation"],
        ["validate", "--schema", "Metadata", "--operation", "getThread"],
        ["validate"],
        ["validate", "--schema", "Metadata", "/no/such/file.json"],
        ["validate", "--schema", "Metadata", "--response", "200"],
        ["validate", "--operation", "getThread"],
        ["no-such-command"],
    ],
)
def test_usage_errors_and_unreadable_input_exit_2(argv: list[str]) -> None:
    assert run(argv)[0] == 2


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


def test_schemas_lists_names_and_schema_prints_one() -> None:
    code, out = run(["schemas"])
    assert code == 0 and "CreateThreadAndRunRequest" in out.splitlines()
    code, out = run(["schema", "Metadata"])
    assert code == 0 and json.loads(out)["maxProperties"] == metadata_keys()
    assert run(["schema", "Nope"])[0] == 2


def test_console_script_exit_codes(files: dict[str, Path]) -> None:
    exe = [sys.executable, "-m", "threadspec.cli"]
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


def test_mock_command_reports_a_bad_reply_file_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "threadspec.cli", "mock", "--reply-file", str(tmp_path / "none.json")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("threadspec: ") and "Traceback" not in done.stderr


def test_mock_command_serves_and_stops_on_ctrl_c() -> None:
    import signal

    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "threadspec.cli", "mock", "--port", "0", "--seed", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "serving http://127.0.0.1:" in line
        url = line.split("serving ", 1)[1].strip()
        created = httpx.post(f"{url}/threads", json={}, headers={"OpenAI-Beta": "assistants=v2"}, timeout=10)
        assert created.status_code == 200
        assert created.json()["object"] == "thread"
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_mock_flags_map_onto_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from threadspec import mock

    seen: list[tuple[mock.MockConfig, bool]] = []
    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: seen.append((config, access_log)))
    argv = ["mock", "--host", "::1", "--port", "0", "--mode", "stateful", "--db", str(tmp_path / "m.sqlite"),
            "--api-key", "sk-x", "--seed", "7", "--validate-responses", "--advance", "per_poll",
            "--max-body-bytes", "1000", "--run-expiry-seconds", "5", "--poll-after-ms", "0",
            "--rate-limit", "2.5", "--strict-assistants", "--quiet"]  # fmt: skip
    assert run(argv)[0] == 0
    config, access_log = seen[0]
    assert (config.host, config.port, config.mode, config.api_key, config.seed, config.db) == (
        "::1",
        0,
        "stateful",
        "sk-x",
        7,
        str(tmp_path / "m.sqlite"),
    )
    assert (config.validate_responses, config.advance, config.max_body_bytes) == (True, "per_poll", 1000)
    assert (config.run_expiry_seconds, config.poll_after_ms, config.rate_limit_per_second) == (5, 0, 2.5)
    assert (config.strict_assistants, access_log) == (True, False)
    assert run(["mock", "--rate-limit", "-1"])[0] == 2
    stateless = [
        "mock",
        "--mode",
        "stateless",
        "--reply-file",
        "r.json",
        "--seed",
        "1",
        "--poll-after-ms",
        "5",
    ]
    assert run(stateless)[0] == 0 and seen[-1][0].reply_file == "r.json"  # a reply file scripts streamed runs


@pytest.mark.parametrize(
    ("flags", "sentence"),
    [
        (["--db", "m.sqlite"], "--db (db) cannot apply with --mode stateless: a stateless mock keeps nothing to store."),
        (["--advance", "per_poll"], "--advance per_poll (advance) cannot apply with --mode stateless: "
                                    "a stateless mock keeps no run to move on poll by poll."),
        (["--strict-assistants"], "--strict-assistants (strict_assistants) cannot apply with --mode stateless: "
                                  "a stateless mock answers every id as if it existed."),
    ],
)  # fmt: skip
def test_mock_refuses_flags_that_cannot_apply(
    flags: list[str], sentence: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from threadspec import mock

    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: pytest.fail("served"))
    assert run(["mock", "--mode", "stateless", *flags])[0] == 2
    assert capsys.readouterr().err == f"threadspec: {sentence}\n"


@pytest.mark.parametrize("command", [["mock"], ["proxy", "--upstream", "http://127.0.0.1:9/v1"]])
def test_a_port_in_use_is_named(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run([*command, "--port", str(port)])[0] == 2
    assert capsys.readouterr().err == (
        f"threadspec: port {port} is in use (on 127.0.0.1); choose another with --port, 0 for any free one\n"
    )


@pytest.mark.parametrize("url", ["notaurl", "ftp://host/v1", "http:///v1", "127.0.0.1:4010"])
def test_contract_refuses_a_base_url_no_request_could_reach(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "--base-url", url])[0] == 2
    assert "argument --base-url" in capsys.readouterr().err


V1_MESSAGE = {"role": "user", "content": "Hi", "file_ids": ["file-abc123"]}


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


@pytest.mark.parametrize(
    ("flags", "served"),
    [([], None), (["--profile", "v1"], ("v1",)), (["--profile", "v1,v2"], ("v1", "v2")),
     (["--profile", "v2", "--profile", "v1"], ("v2", "v1"))],
)  # fmt: skip
def test_mock_and_proxy_serve_the_profiles_named(
    monkeypatch: pytest.MonkeyPatch, flags: list[str], served: tuple[str, ...] | None
) -> None:
    from threadspec import mock, proxy

    seen: list[Any] = []
    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: seen.append(config))
    monkeypatch.setattr(
        proxy, "serve", lambda config, access_log=True, quiet=False: seen.append(config) or _quiet()
    )
    assert run(["mock", *flags])[0] == 0
    assert run(["proxy", "--upstream", "http://127.0.0.1:9/v1", *flags])[0] == 0
    assert [c.profiles for c in seen] == [served, served]


def _quiet() -> Any:
    class App:
        class recorder:
            violations = 0

    return App()


@pytest.mark.parametrize("flags", [["--profile", "v3"], ["--profile", "v1,v1"], ["--profile", ""]])
def test_served_profiles_must_be_known_ones_each_named_once(
    flags: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from threadspec import mock

    monkeypatch.setattr(mock, "serve", lambda config, access_log=True: pytest.fail("served"))
    assert run(["mock", *flags])[0] == 2
    assert "threadspec" in capsys.readouterr().err
