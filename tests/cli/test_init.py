"""The ``threadspec`` command as a whole: version, ``python -m threadspec``, help that shows every default,
did-you-mean for commands, usage errors exit 2, and a command loads only what it needs."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import threadspec
from tests.cli.conftest import last_line, run
from threadspec import profiles
from threadspec.cli import COMMANDS, command_parser

COMMAND_LIST = ", ".join(COMMANDS)


def _options(name: str) -> list[argparse.Action]:
    return [a for a in command_parser(name)._actions if a.option_strings and a.dest not in ("help",)]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Help unwrapped (argparse wraps at $COLUMNS), so a line can be found whole."""
    monkeypatch.setenv("COLUMNS", "1000")


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == (0, "")
    assert capsys.readouterr().out == f"threadspec {version('threadspec')}\n"
    assert version("threadspec") == threadspec.__version__


@pytest.mark.parametrize(
    ("argv", "code", "out", "err_tail"),
    [
        (["--version"], 0, f"threadspec {threadspec.__version__}\n", ""),
        ([], 2, "", "threadspec: error: the following arguments are required: COMMAND"),
    ],
)
def test_python_dash_m_threadspec_is_the_command(argv: list[str], code: int, out: str, err_tail: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "threadspec", *argv], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == code
    assert done.stdout == out
    assert (last_line(done.stderr) if done.stderr else "") == err_tail


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["valdate"], f"threadspec: error: argument COMMAND: unknown command 'valdate': did you mean 'validate'? "
         f"(choose from {COMMAND_LIST})"),
        (["operation"], f"threadspec: error: argument COMMAND: unknown command 'operation': did you mean "
         f"'operations'? (choose from {COMMAND_LIST})"),
        (["serve"], f"threadspec: error: argument COMMAND: unknown command 'serve' (choose from {COMMAND_LIST})"),
        (["--verbose", "schemas"], "threadspec: error: unrecognized arguments: --verbose"),
        (["schemas", "--format", "json"], "threadspec: error: unrecognized arguments: --format json"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_and_suggest(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == (2, "")
    assert last_line(capsys.readouterr().err) == said


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_help_shows_every_default(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` ends each option's line with its default; an option without one says in its help what
    happens without it."""
    assert run([name, "--help"]) == (0, "")
    shown = _flat(capsys.readouterr().out)
    for action in _options(name):
        assert action.help, f"{name} {action.option_strings[0]} has no help"
        help_text = _flat(action.help)
        if isinstance(action, argparse._StoreConstAction) and not isinstance(
            action, argparse._StoreTrueAction
        ):
            tail = " (the default)" if action.const == action.default else ""
        elif action.default in (None, False):
            tail = ""
        else:
            tail = f" (default: {action.default})"
        assert f"{help_text}{tail}" in shown, (name, action.option_strings)
        if tail:  # shown once, by the formatter, never also by hand
            assert "default" not in help_text, (name, action.option_strings)


@pytest.mark.parametrize(
    ("name", "option", "line"),
    [
        ("validate", "--format", "how each result is printed (default: text)"),
        ("validate", "--profile", "the API version the payloads are held to (default: v2)"),
        ("proxy", "--observe", "forward requests that break the contract and report them (the default)"),
        ("proxy", "--enforce", "refuse requests that break the contract in the API's error envelope"),
        ("mock", "--seed", "reproducible ids and timestamps (default: random)"),
        ("contract", "--fail-on", "the least severe finding that fails the run (exit 1) (default: error)"),
        ("diff", "--fail-on", "exit 1 when a change of this kind is found (breaking: either side) (default: never)"),
    ],
)  # fmt: skip
def test_help_lines_word_for_word(
    name: str, option: str, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run([name, "--help"])
    assert f"{option} " in capsys.readouterr().out
    assert line in _flat(command_parser(name).format_help())


def test_the_top_help_lists_every_command_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == (0, "")
    shown = _flat(capsys.readouterr().out)
    for name, command in COMMANDS.items():
        assert f"{name} {command.help}" in shown
    assert shown.endswith(
        "exit codes: 0 all valid or passed, 1 something invalid or failing, 2 usage error or unreadable input"
    )


LIGHT = """
import contextlib, io, json, sys
from threadspec.cli import main
codes = []
for argv in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        codes.append(main(argv, stdin=io.StringIO("{}"), stdout=io.StringIO()))
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"starlette", "uvicorn", "hypothesis", "httpx", "rich"})
loaded = sorted(m for m in sys.modules if m.startswith(("threadspec.mock", "threadspec.proxy", "threadspec.contract")))
print(codes, heavy, loaded)
"""


@pytest.mark.parametrize(
    ("argvs", "said"),
    [
        ([["validate", "--schema", "CreateThreadRequest"], ["schemas"], ["schema", "Metadata"], ["operations"],
          ["--help"], ["diff", "--help"]], "[0, 0, 0, 0, 0, 0] [] []"),
        ([["mock", "--port", "x"]], "[2] [] ['threadspec.mock', 'threadspec.mock.config']"),
    ],
)  # fmt: skip
def test_a_command_loads_only_what_it_needs(argvs: list[list[str]], said: str) -> None:
    """No server stack, runner or hypothesis for the commands that validate and list; a command's module
    is imported when it is named (``mock`` parses its flags without starting Starlette)."""
    done = subprocess.run(
        [sys.executable, "-c", LIGHT, json.dumps(argvs)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == f"{said}\n", done.stderr


@pytest.mark.parametrize(
    ("line", "candidates"),
    [
        ("threadspec val", ["validate"]),
        ("threadspec mock --mo", ["--mode"]),
        ("threadspec mock --mode st", ["stateful", "stateless"]),
        ("threadspec operations --profile ", list(profiles())),
        ("threadspec contract --fail-on w", ["warning"]),
    ],
)
def test_tab_completion_through_argcomplete(line: str, candidates: list[str], tmp_path: Path) -> None:
    """The shell asks with these variables (``register-python-argcomplete threadspec``); argcomplete answers
    in a file and exits 0."""
    answer = tmp_path / "candidates"
    env = {**os.environ, "_ARGCOMPLETE": "1", "_ARGCOMPLETE_IFS": "\n", "COMP_LINE": line,
           "COMP_POINT": str(len(line)), "_ARGCOMPLETE_STDOUT_FILENAME": str(answer)}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "threadspec"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert [word.strip() for word in answer.read_text().splitlines()] == candidates


def _readme_errors() -> list[tuple[str, str]]:
    """Each ``$ threadspec …`` of the README's command-line section that fails, with the line it prints."""
    lines = (Path(__file__).resolve().parents[2] / "README.md").read_text().splitlines()
    section = lines[lines.index("### Command line") : lines.index("### In your service: ASGI middleware")]
    return [
        (line[2:], said)
        for line, said in itertools.pairwise(section)
        if line.startswith("$ threadspec ") and said.startswith("threadspec")
    ]


@pytest.mark.parametrize(("command", "said"), _readme_errors())
def test_the_readmes_error_examples_are_what_the_command_says(
    command: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(shlex.split(command)[1:])[0] == 2
    assert last_line(capsys.readouterr().err) == said


def test_the_readme_shows_error_examples() -> None:
    assert len(_readme_errors()) == 4
