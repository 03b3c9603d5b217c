"""The contract is a value: nothing outside it reads the bundles or caches what a spec says.

These read the source, so a module-level spec singleton, a second ``$ref`` resolver or a second
branch chooser cannot come back unnoticed.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from typing import Any

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "threadspec"
MODULES = sorted(p for p in SRC.rglob("*.py") if "_generated" not in p.parts)
# caches of pure functions of their arguments (a regular expression's text, a header's value), not of a spec
PURE_CACHES = {
    ("_patterns.py", "compiled"),
    ("rules.py", "_compiled"),
    ("_reference.py", "reference_class"),
    ("facts.py", "beta_version"),
}


def _name(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def test_there_are_modules_to_check() -> None:
    assert len(MODULES) > 40 and any(p.name == "_contract.py" for p in MODULES)


def _code_strings(tree: ast.AST) -> list[str]:
    """Module names imported and string constants used at run time: docstrings and what only type
    checkers read (``if TYPE_CHECKING:``, the typing index of the models) left out."""
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for statement in node.body
        for inner in ast.walk(statement)
    }
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append(node.value)
        elif isinstance(node, ast.ImportFrom):
            found.append(node.module or "")
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_only_the_contract_reads_the_bundles(path: Path) -> None:
    if path.name != "_contract.py":
        used = [s for s in _code_strings(ast.parse(path.read_text())) if "_generated" in s]
        assert used == [], "read bundles through threadspec.Contract"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_nothing_imports_the_command_line(path: Path) -> None:
    """The command line is the end of the flow: only its own modules, and ``python -m threadspec``, use it."""
    if path.parts[-2] != "cli" and path.name != "__main__.py":
        used = [s for s in _code_strings(ast.parse(path.read_text())) if s.startswith("threadspec.cli")]
        assert used == [], "nothing imports threadspec.cli"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_argparse_lives_in_the_command_line(path: Path) -> None:
    """Flags are the command line's business; libraries take config values."""
    if path.parts[-2] != "cli":
        assert "argparse" not in _code_strings(ast.parse(path.read_text())), "wire flags in threadspec.cli"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_level_cache_outside_the_contract(path: Path) -> None:
    """What is derived from a spec is cached on the contract (``Contract.memo``), never per process."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                if name in ("cache", "lru_cache"):
                    assert (path.name, node.name) in PURE_CACHES, f"{_name(path)}: @{name} on {node.name}"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_one_ref_resolver_and_one_branch_chooser(path: Path) -> None:
    text = path.read_text()
    if path.name != "_refs.py":
        assert "defs[" not in text, "follow $ref through threadspec._refs.Resolver"
    if path.name != "_branches.py":
        assert '("type", "event")' not in text, "tell union branches apart through threadspec._branches"


RUNNER = sorted((SRC / "contract").glob("*.py"))
# where the runner gets its contract: the profile of its config, the client that sends its requests
CONTRACT_SOURCES = {"config.py": {"contract_for", "profiles"}, "client.py": {"resolve_contract"},
                    "cases.py": {"resolve_contract"}}  # fmt: skip


def _imported(tree: ast.AST) -> dict[str, Any]:
    """Local name → the threadspec module or function it was imported as."""
    found: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("threadspec"):
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                # `from package import submodule` finds the submodule only once something imported it
                found[alias.asname or alias.name] = (
                    getattr(module, alias.name)
                    if hasattr(module, alias.name)
                    else importlib.import_module(f"{node.module}.{alias.name}")
                )
    return found


def _callee(node: ast.Call, imported: dict[str, Any]) -> Any:
    func = node.func
    if isinstance(func, ast.Name):
        return imported.get(func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        owner = imported.get(func.value.id)
        return getattr(owner, func.attr, None) if inspect.ismodule(owner) else None
    return None


@pytest.mark.parametrize("path", RUNNER, ids=_name)
def test_the_runner_holds_a_server_to_the_contract_of_its_run(path: Path) -> None:
    """No module of the contract runner reads the default contract: every call into threadspec that takes
    a ``contract`` is given one, and only the config and the client decide which it is."""
    tree = ast.parse(path.read_text())
    imported = _imported(tree)
    allowed = CONTRACT_SOURCES.get(path.name, set())
    assert "spec" not in imported, "read the contract of the run, not threadspec.spec"
    for name in ("contract_for", "resolve_contract", "profiles"):
        assert name not in imported or name in allowed, f"{name}: the run's contract comes from its config"
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node, imported)
        if not callable(callee) or inspect.isclass(callee):
            continue
        try:
            params = list(inspect.signature(callee).parameters)
        except (TypeError, ValueError):
            continue
        if "contract" not in params:
            continue
        given = any(k.arg == "contract" for k in node.keywords) or len(node.args) > params.index("contract")
        assert given, f"line {node.lineno}: {ast.unparse(node.func)}(...) without the run's contract"
