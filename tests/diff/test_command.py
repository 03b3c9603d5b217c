"""``threadspec diff OLD NEW``: the command's output formats, exit codes and refusals (``threadspec.cli``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from threadspec.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from threadspec.diff import CLASSIFICATIONS

FIXTURE = Path(__file__).with_name("fixture.yaml")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["diff", *argv], stdout=out)
    return code, out.getvalue()


def test_v1_to_v2_is_a_migration_guide() -> None:
    code, text = _run("v1", "v2")
    lines = text.splitlines()
    assert code == EXIT_OK  # a diff is information unless --fail-on says otherwise
    assert lines[0] == "threadspec diff: v1 → v2"
    assert lines[1].startswith("  old  v1: spec/openapi.v1.yaml, OpenAI-Beta assistants=v1, ")
    assert lines[2].startswith("  new  v2: spec/openapi.yaml, OpenAI-Beta assistants=v2, ")
    assert lines[5:8] == [
        lines[5],
        "  API",
        "    OpenAI-Beta: assistants=v1 → assistants=v2 (request changed: breaking for clients)",
    ]
    headings = [line for line in lines if line and not line.startswith(" ")][2:]
    assert [h.split(" (")[0] for h in headings] == [
        "Breaking for clients", "Breaking for servers / response consumers", "Compatible",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("v1", "v2", "--fail-on", "breaking"), EXIT_INVALID),
        (("v1", "v2", "--fail-on", "breaking-clients"), EXIT_INVALID),
        (("v1", "v2", "--fail-on", "never"), EXIT_OK),
        (("v2", "v2", "--fail-on", "any"), EXIT_OK),
        (("v2", "v2", "--fail-on", "breaking"), EXIT_OK),
        ((str(FIXTURE), str(FIXTURE), "--fail-on", "breaking"), EXIT_OK),
    ],
)
def test_fail_on(argv: tuple[str, ...], expected: int) -> None:
    assert _run(*argv)[0] == expected


def test_identical_inputs_say_no_changes() -> None:
    code, text = _run("v2", "v2")
    assert code == EXIT_OK
    assert text.splitlines()[3] == "No changes."


def test_json_holds_every_change() -> None:
    code, text = _run("v1", "v2", "--format", "json")
    data = json.loads(text)
    assert code == EXIT_OK
    assert (data["old"]["label"], data["new"]["label"], data["new"]["beta"]) == ("v1", "v2", "assistants=v2")
    assert sum(data["counts"][c] for c in CLASSIFICATIONS) == data["counts"]["total"] == len(data["changes"])
    first = data["changes"][0]
    assert set(first) == {
        "kind", "keyword", "location", "schema", "path", "old", "new", "what", "classification", "impacts",
        "message", "operations", "used_in",
    }  # fmt: skip
    assert (first["kind"], first["old"], first["new"]) == ("beta-version", "assistants=v1", "assistants=v2")
    names = {c["new"] for c in data["changes"] if c["kind"] == "schema-added"}
    assert "ThreadToolResources" in names  # the summary line in text lists a few; JSON has them all


def test_markdown_is_grouped_with_headings() -> None:
    code, text = _run("v1", "v2", "--format", "markdown")
    lines = text.splitlines()
    assert code == EXIT_OK
    assert lines[0] == "# threadspec diff: v1 → v2"
    assert "## Compatible" in " ".join(lines)
    assert "### API" in lines
    assert "- `OpenAI-Beta`: assistants=v1 → assistants=v2 (request changed: breaking for clients)" in lines
    # the `[*]` of a location stays in code; patterns in the text are escaped
    assert any(
        line.startswith("- `NamedFunction.name`: pattern ^\\[a-zA-Z0-9_-\\]{1,64}$ → none") for line in lines
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\n",
            "not an OpenAPI 3.1 document (openapi: 3.0.3)",
        ),
        ("[1, 2", "not YAML: expected ',' or ']', but got '<stream end>' (line 1, column 6)"),
        ("openapi: 3.1.0\n", "not valid OpenAPI 3.1"),
    ],
)
def test_unusable_inputs_exit_2_with_one_sentence(
    content: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    code, out = _run(str(bad), "v2")
    err = capsys.readouterr().err
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(f"threadspec: {bad}: {reason}")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_name_that_is_neither_a_profile_nor_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("v2", "v9")[0] == EXIT_USAGE
    assert capsys.readouterr().err == "threadspec: v9: neither a bundled profile (v1, v2) nor a file\n"


def test_the_readme_shows_the_real_head() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    first = "threadspec diff: v1 → v2"
    block = readme.split(f"```text\n{first}\n", 1)[1].split("\n…\n```", 1)[0]
    shown = [first, *block.splitlines()]
    lines = _run("v1", "v2")[1].splitlines()
    assert lines[: len(shown)] == shown, (
        "the README shows the real head of `threadspec diff v1 v2`, which a spec change alters on purpose: "
        "paste it into README.md"
    )
    assert lines[len(shown)] == ""  # the block ends where the breaking-for-clients group does
