"""How the generated models read to their users: "not sent" is falsy, maps read like mappings, names are listed.

datamodel-code-generator writes an optional field without a default as ``X | MISSING = MISSING``
(Pydantic's sentinel, which is truthy) and a map as a root model that only ``.root`` reads. These passes
rewrite its output onto :mod:`threadspec._modelbase`:

- every such field becomes ``Omittable[X] = NOT_SENT`` (falsy, not ``None``, left out of dumps);
- every class on ``BaseModel`` moves onto ``SentModel`` (a ``NOT_SENT`` argument is an argument left out);
- a root model over a JSON object also derives from ``RootMapping[V]`` (``metadata["key"]``);
- ``__all__`` lists the models, which is what ``threadspec.models`` re-exports.
"""

from __future__ import annotations

import ast
import re

from codegen.source_edits import Edit, apply, segment

SUPPORT = "threadspec._modelbase"
_MISSING = re.compile(r"\s*\|\s*MISSING\b")


class ShapeError(Exception):
    """The generator wrote something these passes do not know how to reshape."""


def _classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in tree.body if isinstance(node, ast.ClassDef)]


def _is_name(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _omittable(text: str, cls: ast.ClassDef, field: ast.AnnAssign) -> list[Edit]:
    annotation = segment(text, field.annotation)
    inner, count = _MISSING.subn("", annotation)
    if count != 1:
        raise ShapeError(f"{cls.name}: expected one `| MISSING` in the annotation {annotation!r}")
    if "json_schema_extra" in inner:
        # Omittable states its own json_schema_extra (no default); a second one would be replaced by it
        raise ShapeError(f"{cls.name}: an omittable field with json_schema_extra: {annotation!r}")
    return [Edit(field.annotation, f"Omittable[{inner}]"), Edit(field.value, "NOT_SENT")]  # type: ignore[arg-type]


def _map_value(text: str, base: ast.expr) -> str | None:
    """``V`` when ``base`` is ``RootModel[dict[K, V]]`` or ``RootModel[dict[K, V] | None]``."""
    if not (isinstance(base, ast.Subscript) and _is_name(base.value, "RootModel")):
        return None
    root = base.slice
    none = isinstance(root, ast.BinOp) and isinstance(root.right, ast.Constant) and root.right.value is None
    if isinstance(root, ast.BinOp) and isinstance(root.op, ast.BitOr) and none:
        root = root.left
    if isinstance(root, ast.Subscript) and _is_name(root.value, "dict") and isinstance(root.slice, ast.Tuple):
        return segment(text, root.slice.elts[1])
    return None


def reshape(text: str) -> str:
    """The generator's module, rewritten onto :mod:`threadspec._modelbase` (see the module docstring)."""
    tree = ast.parse(text)
    edits: list[Edit] = []
    used: set[str] = set()
    for cls in _classes(tree):
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and stmt.value is not None and _is_name(stmt.value, "MISSING"):
                edits += _omittable(text, cls, stmt)
                used |= {"NOT_SENT", "Omittable"}
        for base in cls.bases:
            if _is_name(base, "BaseModel"):
                edits.append(Edit(base, "SentModel"))
                used.add("SentModel")
            value = _map_value(text, base)
            if value is not None:
                edits.append(Edit(base, f"RootMapping[{value}], ", before=True))
                used.add("RootMapping")
    out = apply(text, edits)
    left = [n.lineno for n in ast.walk(ast.parse(out)) if isinstance(n, ast.Name) and n.id == "MISSING"]
    if left:
        raise ShapeError(f"MISSING is still used on lines {left}")
    names = sorted(cls.name for cls in _classes(tree) if not cls.name.startswith("_"))
    future = "from __future__ import annotations\n"
    if used:
        out = out.replace(future, f"{future}\nfrom {SUPPORT} import {', '.join(sorted(used))}\n", 1)
    return out + f"\n\n__all__ = {names!r}\n"


def model_names(text: str) -> list[str]:
    """The names a generated models module lists in ``__all__``."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and any(_is_name(t, "__all__") for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise ShapeError("the models module has no __all__")
