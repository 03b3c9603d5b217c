"""The wheel, as a pip user gets it: built from this tree, installed into fresh virtualenvs.

Without extras it validates through the library and the CLI from its bundled contracts (no
``spec/`` folder, no source tree on the path), its messages name nothing a wheel user lacks, and
``threadspec mock`` says which extra it needs; with ``[all]`` the mock serves. Slow (a build and two
installs from the package index): under the ``soak`` marker, run once by CI (``make test-wheel``).
"""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import threadspec
from tests.limits import too_many_metadata
from threadspec import _extras, cli
from threadspec.facts import BETA_HEADER, beta_value

pytestmark = pytest.mark.soak

ROOT = Path(__file__).resolve().parents[1]
TOO_MANY = {"metadata": too_many_metadata()}


@dataclass(frozen=True)
class Env:
    """A fresh virtualenv, used from a folder outside the source tree."""

    root: Path
    work: Path

    def run(self, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        command = [str(self.root / "bin" / argv[0]), *argv[1:]]
        return subprocess.run(
            command, input=stdin, capture_output=True, text=True, cwd=self.work, timeout=600
        )

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return self.run("python", "-c", code)


def make_env(where: Path, requirement: str) -> Env:
    venv.create(where / "venv", with_pip=True)
    env = Env(where / "venv", where)
    installed = env.run(
        "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement
    )
    assert installed.returncode == 0, installed.stderr
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--quiet",
        "--wheel-dir",
        str(out),
        str(ROOT),
    ]
    built = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    return next(out.glob("threadspec-*.whl"))


@pytest.fixture(scope="module")
def core(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Env:
    return make_env(tmp_path_factory.mktemp("core"), str(wheel))


@pytest.fixture(scope="module")
def full(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Env:
    return make_env(tmp_path_factory.mktemp("all"), f"{wheel}[all]")


def here(argv: list[str], stdin: str = "") -> tuple[int, str]:
    """What this source tree's CLI answers: the wheel must answer the same."""
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


# ---------------------------------------------------------------------------------- no extras
def test_the_core_install_has_none_of_the_extras(core: Env) -> None:
    modules = sorted({m for ms in _extras.EXTRAS.values() for m in ms})
    found = core.python(f"import importlib.util as u; print([m for m in {modules!r} if u.find_spec(m)])")
    assert found.stdout.strip() == "[]", found.stderr
    where = core.python("import threadspec; print(threadspec.__file__)").stdout
    assert where.startswith(str(core.root)), where  # the wheel's copy, not this tree's


def test_the_library_validates_and_parses_from_the_wheel(core: Env) -> None:
    code = (
        "import json, threadspec\n"
        f"result = threadspec.validate({TOO_MANY!r}, 'ModifyThreadRequest')\n"
        "print(json.dumps([e.message for e in result.errors]))\n"
        "print(type(threadspec.parse({}, 'ModifyThreadRequest')).__name__)\n"
        "print(json.dumps([threadspec.schema_names(contract=threadspec.contract_for(p)) for p in threadspec.profiles()]))\n"
    )
    done = core.python(code)
    assert done.returncode == 0, done.stderr
    messages, model, names = done.stdout.splitlines()
    assert json.loads(messages) == [
        e.message for e in threadspec.validate(TOO_MANY, "ModifyThreadRequest").errors
    ]
    assert model == "ModifyThreadRequest"
    expected = [
        list(threadspec.schema_names(contract=threadspec.contract_for(p))) for p in threadspec.profiles()
    ]
    assert json.loads(names) == expected


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (["validate", "--schema", "ModifyThreadRequest", "-"], json.dumps(TOO_MANY)),
        (["validate", "--schema", "ModifyThreadRequest", "-"], "{}"),
        (["validate", "--schema", "CreateMessageRequest", "--profile", "v1", "-"], '{"role": "user", "content": "hi", "file_ids": []}'),
        (["schemas"], ""),
    ],
    ids=["invalid", "valid", "v1", "schemas"],
)  # fmt: skip
def test_the_cli_answers_as_the_source_tree_does(core: Env, argv: list[str], stdin: str) -> None:
    done = core.run("threadspec", *argv, stdin=stdin)
    assert (done.returncode, done.stdout) == here(argv, stdin), done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["validate", "--help"],
        ["validate", "--schema", "NoSuchSchema", "-"],
        ["schema", "NoSuchSchema"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_no_message_points_at_a_file_the_wheel_does_not_have(core: Env, argv: list[str]) -> None:
    done = core.run("threadspec", *argv, stdin="{}")
    said = done.stdout + done.stderr
    assert said.strip() and "Traceback" not in said
    assert "spec/" not in said and "openapi.yaml" not in said, said


def test_the_mock_says_which_extra_it_needs(core: Env) -> None:
    done = core.run("threadspec", "mock", "--port", "0")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "threadspec mock needs the mock extra: pip install 'threadspec[mock]'\n"
    imported = core.python("from threadspec.mock import create_app")
    assert imported.stderr.splitlines()[-1] == (
        "threadspec.errors.MissingExtraError: threadspec.mock needs the mock extra: pip install 'threadspec[mock]'"
    )


# ---------------------------------------------------------------------------------- [all]
@pytest.fixture
def served(full: Env) -> Iterator[str]:
    process = subprocess.Popen(
        [str(full.root / "bin" / "threadspec"), "mock", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=full.work,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/v1", line)
        assert found, line + (process.stderr.read() if process.stderr and process.poll() is not None else "")
        yield found.group(0)
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def test_with_all_the_mock_serves(served: str) -> None:
    headers = {BETA_HEADER: beta_value() or ""}
    thread = httpx.post(f"{served}/threads", json={"metadata": {"k": "v"}}, headers=headers, timeout=30)
    assert thread.status_code == 200, thread.text
    assert threadspec.validate_response("createThread", 200, thread.json()).valid
    refused = httpx.post(f"{served}/threads", json=TOO_MANY, headers=headers, timeout=30)
    assert refused.status_code == 400
    assert refused.json()["error"]["param"] == "metadata"
