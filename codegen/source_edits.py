"""Editing generated Python source by the positions ``ast`` gives, so the rest of the text stays as written."""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source of ``node`` (or insert before it, with ``before``) by ``text``."""

    node: ast.expr | ast.stmt
    text: str
    before: bool = False


def segment(source: str, node: ast.AST) -> str:
    found = ast.get_source_segment(source, node)
    if found is None:
        raise ValueError(f"no source for {ast.dump(node)[:80]}")
    return found


def _offset(lines: list[bytes], line: int, column: int) -> int:
    """The byte offset of an ``ast`` position (1-based line, UTF-8 byte column) in the whole text."""
    return sum(len(text) for text in lines[: line - 1]) + column


def apply(source: str, edits: list[Edit]) -> str:
    """``source`` with every edit made; the edits must not overlap."""
    raw = source.encode("utf-8")
    lines = raw.splitlines(keepends=True)
    spans = []
    for edit in edits:
        node = edit.node
        start = _offset(lines, node.lineno, node.col_offset)
        end = (
            start if edit.before else _offset(lines, node.end_lineno or node.lineno, node.end_col_offset or 0)
        )
        spans.append((start, end, edit.text.encode("utf-8")))
    spans.sort(key=lambda span: (span[0], span[1]))
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        if start < end:
            raise ValueError("overlapping source edits")
    for start, end, text in reversed(spans):
        raw = raw[:start] + text + raw[end:]
    return raw.decode("utf-8")
