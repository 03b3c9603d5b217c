"""A :class:`SpecDiff` as text, Markdown or JSON.

Text and Markdown read as a migration guide: the changes grouped by verdict (breaking for clients,
breaking for servers / response consumers, compatible), each group by where to act (the API version,
operations added or removed, each operation, each component), with counts. Component names added or
removed are summed up in one line each, since a name is not on the wire. JSON holds every change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from threadspec._counting import counted
from threadspec.diff._compare import group_of
from threadspec.diff._model import CLASSIFICATIONS, HEADINGS, Change, Classification, SpecDiff

MAX_LISTED_NAMES = 8  # component names in a summary line before "and N more"
MAX_USERS = 3  # operations named in a component's heading per side


def summary(diff: SpecDiff) -> str:
    """``12 changes: 3 breaking for clients, 2 breaking for servers / response consumers, 7 compatible``."""
    if not diff.changes:
        return "No changes."
    counts = diff.counts()
    parts = ", ".join(f"{counts[c]} {HEADINGS[c].lower()}" for c in CLASSIFICATIONS)
    names = sum(1 for c in diff.changes if group_of(c)[0] == "names")
    of_them = f" ({names} of them component names)" if names else ""
    return f"{counted(len(diff.changes), 'change')}: {parts}{of_them}"


def _title(diff: SpecDiff, group: tuple[str, str | None], changes: list[Change]) -> str:
    kind, name = group
    if kind == "api":
        return "API"
    if kind == "operations":
        return "Operations"
    if kind == "names":
        return "Component names"
    if kind == "operation":
        return f"{name}  {diff.routes.get(name or '', '')}".rstrip()
    users: list[str] = []
    for side, word in (("request", "requests"), ("response", "responses")):
        ops = list(dict.fromkeys(op for c in changes for s, op in c.uses if s == side))
        if ops:
            more = f" +{len(ops) - MAX_USERS}" if len(ops) > MAX_USERS else ""
            users.append(f"{word}: {', '.join(ops[:MAX_USERS])}{more}")
    return f"{name}  ({'; '.join(users)})" if users else str(name)


def _markdown_line(change: Change) -> str:
    verdicts = "; ".join(i.phrase for i in change.impacts)
    return f"`{change.location}`: {_escape(change.what)} ({verdicts})"


def _escape(words: str) -> str:
    """Text with Markdown's inline punctuation taken literally (patterns, ``[*]``, ``<``)."""
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIALS else char for char in words)


_MARKDOWN_SPECIALS = frozenset("\\`*[]<>|#")


def _groups(
    diff: SpecDiff, classification: Classification, line: Callable[[Change], str] = lambda c: c.message
) -> Iterator[tuple[str, list[str]]]:
    """Each group of one verdict: its title and its lines."""
    gathered: dict[tuple[str, str | None], list[Change]] = {}
    for change in diff.of(classification):
        gathered.setdefault(group_of(change), []).append(change)
    for group, changes in gathered.items():
        if group[0] == "names":
            yield _title(diff, group, changes), list(_name_lines(changes))
        else:
            yield _title(diff, group, changes), [line(c) for c in changes]


def _name_lines(changes: list[Change]) -> Iterator[str]:
    for kind, verb in (
        ("schema-removed", "removed"),
        ("schema-added", "added"),
        ("schema-renamed", "renamed"),
    ):
        names = [
            f"{c.old} → {c.new}" if kind == "schema-renamed" else str(c.new or c.old)
            for c in changes
            if c.kind == kind
        ]
        if not names:
            continue
        shown = ", ".join(names[:MAX_LISTED_NAMES])
        more = f" and {len(names) - MAX_LISTED_NAMES} more" if len(names) > MAX_LISTED_NAMES else ""
        noun = "schema" if len(names) == 1 else "schemas"
        text = (
            f"{len(names)} {noun} {verb}: {shown}{more}"
            if kind != "schema-renamed"
            else f"{noun} {verb}: {shown}{more}"
        )
        yield f"{text} ({changes[0].impacts[0].phrase})"


def _side(diff: SpecDiff) -> Iterator[tuple[str, str, str]]:
    for word, source in (("old", diff.old), ("new", diff.new)):
        beta = f"OpenAI-Beta {source.beta}" if source.beta else "no OpenAI-Beta"
        spec = "" if source.spec == source.label else f"{source.spec}, "
        yield (
            word,
            source.label,
            f"{spec}{beta}, {counted(source.operations, 'operation')}, {counted(source.schemas, 'schema')}",
        )


def text(diff: SpecDiff) -> str:
    lines = [f"threadspec diff: {diff.old.label} → {diff.new.label}"]
    lines += [f"  {word}  {label}: {about}" for word, label, about in _side(diff)]
    lines.append(summary(diff))
    for classification in CLASSIFICATIONS:
        found = diff.of(classification)
        if not found:
            continue
        lines += ["", f"{HEADINGS[classification]} ({len(found)})"]
        for title, entries in _groups(diff, classification):
            lines.append(f"  {title}")
            lines += [f"    {entry}" for entry in entries]
    return "\n".join(lines) + "\n"


def markdown(diff: SpecDiff) -> str:
    lines = [f"# threadspec diff: {diff.old.label} → {diff.new.label}", ""]
    lines += ["| | label | about |", "|---|---|---|"]
    lines += [f"| {word} | `{label}` | {about} |" for word, label, about in _side(diff)]
    lines += ["", f"**{summary(diff)}**"]
    for classification in CLASSIFICATIONS:
        found = diff.of(classification)
        if not found:
            continue
        lines += ["", f"## {HEADINGS[classification]} ({len(found)})"]
        for title, entries in _groups(diff, classification, _markdown_line):
            lines += ["", f"### {_escape(title)}", ""]
            lines += [f"- {entry}" for entry in entries]
    return "\n".join(lines) + "\n"


def to_json(diff: SpecDiff) -> str:
    return json.dumps(diff.to_dict(), indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[SpecDiff], str]] = {"text": text, "json": to_json, "markdown": markdown}
