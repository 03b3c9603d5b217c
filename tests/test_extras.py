"""A core install validates; each part that needs an extra says which one, in one sentence.

A core install is simulated in a fresh interpreter whose imports of the extras' modules fail as
they would if those were not installed (``sys.modules[name] = None``); the wheel test
(``tests/test_wheel.py``, soak) installs one for real.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from threadspec import MissingExtraError, ThreadspecError, _extras

ROOT = Path(__file__).resolve().parents[1]
EVERY_EXTRA_MODULE = sorted({m for modules in _extras.EXTRAS.values() for m in modules})


def sentence(what: str, extra: str) -> str:
    return f"{what} needs the {extra} extra: pip install 'threadspec[{extra}]'"


def in_core_install(code: str, extra: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter where no extra's module can be imported (but ``extra``'s)."""
    kept = _extras.EXTRAS[extra] if extra else ()
    absent = [m for m in EVERY_EXTRA_MODULE if m not in kept]
    blocked = "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in absent)
    return subprocess.run(
        [sys.executable, "-c", blocked + code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


# ---------------------------------------------------------------------------------- the core works
@pytest.mark.parametrize(
    ("code", "printed"),
    [
        ("import threadspec\nprint(threadspec.is_valid({'metadata': {'k': 'v'}}, 'ModifyThreadRequest'))", "True"),
        ("import threadspec\nprint(threadspec.validate({'metadata': 1}, 'ModifyThreadRequest').errors[0].rule)", "type"),
        ("from threadspec import models\nprint(type(models.ModifyThreadRequest.model_validate({})).__name__)", "ModifyThreadRequest"),
        ("from threadspec.asgi import ValidationMiddleware\nprint(ValidationMiddleware.__name__)", "ValidationMiddleware"),
        ("from threadspec.mock import MockConfig\nprint(MockConfig().port)", "4010"),
        ("from threadspec.cli import main\nprint(main(['schemas']))", "0"),
        ("from threadspec.cli import main\nprint(main(['operations', '--profile', 'v1']))", "0"),
        ("from threadspec.cli import main\nprint(main(['validate', '--schema', 'ModifyThreadRequest', '-'], stdin=__import__('io').StringIO('{}')))", "0"),
        ("from threadspec.cli import main\nprint(main(['diff', 'spec/openapi.v1.yaml', 'spec/openapi.yaml']))", "0"),
        # pytest loads both plugins wherever threadspec is installed
        ("import threadspec.mock.pytest_plugin, threadspec.contract.pytest_plugin\nprint('loaded')", "loaded"),
    ],
    ids=["is_valid", "validate", "models", "middleware", "mock-config", "cli-schemas", "cli-operations", "cli-validate", "cli-diff", "pytest-plugins"],
)  # fmt: skip
def test_a_core_install_validates(code: str, printed: str) -> None:
    done = in_core_install(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == printed


# ---------------------------------------------------------------------------------- the one sentence
IMPORTS = [
    ("from threadspec.mock import create_app", "threadspec.mock", "mock"),
    ("from threadspec.mock import serve", "threadspec.mock", "mock"),
    ("import threadspec.proxy", "threadspec.proxy", "proxy"),
    ("from threadspec import strategies", "threadspec.strategies", "strategies"),
    ("import threadspec.strategies", "threadspec.strategies", "strategies"),
    ("from threadspec.contract import run", "threadspec.contract", "contract"),
    ("from threadspec.contract import run_async", "threadspec.contract", "contract"),
]


@pytest.mark.parametrize(("code", "what", "extra"), IMPORTS, ids=[i[0] for i in IMPORTS])
def test_an_import_that_needs_an_extra_names_it(code: str, what: str, extra: str) -> None:
    done = in_core_install(
        f"from threadspec import MissingExtraError\ntry:\n    {code}\n"
        "except MissingExtraError as exc:\n    print(exc)\n    print(isinstance(exc, ImportError), exc.extra)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [sentence(what, extra), f"True {extra}"]


COMMANDS = [
    (["mock"], "mock"),
    (["mock", "--mode", "stateless", "--port", "0"], "mock"),
    (["proxy", "--upstream", "http://127.0.0.1:9/v1"], "proxy"),
    (["contract", "--base-url", "http://127.0.0.1:9/v1"], "contract"),
]


@pytest.mark.parametrize(("argv", "extra"), COMMANDS, ids=[" ".join(c[0]) for c in COMMANDS])
def test_a_command_that_needs_an_extra_names_it_and_exits_2(argv: list[str], extra: str) -> None:
    done = in_core_install(f"import sys\nfrom threadspec.cli import main\nsys.exit(main({argv!r}))")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == sentence(f"threadspec {argv[0]}", extra) + "\n"


def test_the_mock_fixture_names_the_extra(tmp_path: Path) -> None:
    (tmp_path / "test_uses_the_mock.py").write_text("def test_it(threadspec_mock):\n    pass\n")
    # the other plugins installed here (hypothesis', schemathesis') are not a core install's
    args = [str(tmp_path), "-q", "-p", "no:cacheprovider", "-p", "threadspec.mock.pytest_plugin"]
    code = f"import os, sys, pytest\nos.environ['PYTEST_DISABLE_PLUGIN_AUTOLOAD'] = '1'\nsys.exit(pytest.main({args!r}))"
    done = in_core_install(code)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "MissingExtraError: " + sentence("the threadspec_mock fixture", "mock") in done.stdout


# ---------------------------------------------------------------------------------- each extra suffices
PARTS = {
    "mock": "from threadspec.mock import MockConfig, create_app, serve\nprint(type(create_app(MockConfig())).__name__)",
    "proxy": "from threadspec.proxy import ProxyConfig, create_app\nprint(type(create_app(ProxyConfig(upstream='http://127.0.0.1:9/v1'))).__name__)",
    "strategies": "from hypothesis import find\nfrom threadspec import strategies\nprint('metadata' in find(strategies.valid('CreateThreadRequest'), lambda b: 'metadata' in b))",
    "contract": "from threadspec.contract import ContractConfig, run\nprint(ContractConfig(base_url='http://127.0.0.1:9/v1').selected_checks()[0])",
}  # fmt: skip
PRINTED = {"mock": "MockApp", "proxy": "ProxyApp", "strategies": "True", "contract": "positive"}


@pytest.mark.parametrize("extra", sorted(_extras.EXTRAS))
def test_each_extra_is_enough_for_its_part(extra: str) -> None:
    done = in_core_install(PARTS[extra], extra=extra)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == PRINTED[extra]


# ---------------------------------------------------------------------------------- the table
def test_the_table_names_what_pyproject_installs() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    for extra, modules in _extras.EXTRAS.items():
        names = {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0] for requirement in extras[extra]}
        assert set(modules) <= names, extra
    assert extras["all"] == [f"threadspec[{','.join(sorted(_extras.EXTRAS))}]"]


def test_require_names_the_extra_of_a_missing_module(monkeypatch: pytest.MonkeyPatch) -> None:
    _extras.require("contract", "x")  # all here
    monkeypatch.setitem(sys.modules, "rich", None)
    assert _extras.missing("contract") == ["rich"]
    with pytest.raises(MissingExtraError) as caught:
        _extras.require("contract", "threadspec contract")
    assert isinstance(caught.value, ThreadspecError)
    assert str(caught.value) == sentence("threadspec contract", "contract")


def test_needs_lets_an_unrelated_missing_module_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich", None)
    with pytest.raises(ModuleNotFoundError) as caught, _extras.needs("mock", "threadspec.mock"):
        import rich
    assert not isinstance(caught.value, MissingExtraError)
    said = re.escape(sentence("threadspec.contract", "contract"))
    with pytest.raises(MissingExtraError, match=said), _extras.needs("contract", "threadspec.contract"):
        import rich  # noqa: F401
