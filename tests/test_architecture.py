"""The contract is a value: nothing outside it reads the bundles or caches what a spec says.

These read the source, so a module-level spec singleton, a second ``$ref`` resolver or a second
branch chooser cannot come back unnoticed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "threadspec"
MODULES = sorted(p for p in SRC.rglob("*.py") if "_generated" not in p.parts)
# caches of pure functions of their arguments (a regular expression's text), not of a spec
PURE_CACHES = {("_patterns.py", "compiled"), ("rules.py", "_compiled")}


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
