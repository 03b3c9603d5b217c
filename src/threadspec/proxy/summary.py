"""The summary the proxy prints when it stops: counts by operation and by rule, and what was never seen."""

from __future__ import annotations

import time

from threadspec import spec
from threadspec._counting import counted
from threadspec.proxy.record import Recorder, Tally

_NO_OPERATION = "(no operation)"
_MESSAGE = 100  # characters of a rule's first message shown
# (heading, field); the ones after the first three are shown only when some operation counts them
_COLUMNS = (
    ("requests", "requests"),
    ("invalid requests", "invalid_requests"),
    ("invalid responses", "invalid_responses"),
    ("invalid but 2xx", "accepted_invalid"),
    ("refused", "refused"),
    ("upstream failed", "upstream_failures"),
    ("unchecked", "unchecked"),
)
_ALWAYS = 3


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return (
        f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"
    )


def _known(recorder: Recorder) -> list[str]:
    """The operations the proxy checks traffic against (the default contract's, when it was not told)."""
    return list(recorder.operations or spec.operations())


def _operations(recorder: Recorder) -> list[tuple[str, Tally]]:
    order = _known(recorder)
    known = sorted((op for op in recorder.tallies if op is not None), key=order.index)
    rows = [(op, recorder.tallies[op]) for op in known]
    if None in recorder.tallies:
        rows.append((_NO_OPERATION, recorder.tallies[None]))
    return rows


def _by_operation(rows: list[tuple[str, Tally]]) -> list[str]:
    total = Tally()
    for _, tally in rows:
        for _, name in _COLUMNS:
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    columns = [c for i, c in enumerate(_COLUMNS) if i < _ALWAYS or getattr(total, c[1])]
    table = [["operation", *(heading for heading, _ in columns)]]
    table += [
        [name, *(str(getattr(t, field)) for _, field in columns)] for name, t in [*rows, ("total", total)]
    ]
    return _table(table, set(range(1, len(columns) + 1)))


def _by_rule(recorder: Recorder) -> list[str]:
    table = [["count", "operation", "direction", "rule", "where", "first message"]]
    for (operation, direction, rule, where), count in recorder.rules.most_common():
        message = recorder.examples[(operation, direction, rule, where)]
        shown = message if len(message) <= _MESSAGE else message[: _MESSAGE - 1] + "…"
        table.append([str(count), operation or _NO_OPERATION, direction, rule, where, shown])
    return _table(table, {0})


def render(recorder: Recorder) -> str:
    """The summary, for people: what went through, what broke the contract where, what was not seen."""
    rows = _operations(recorder)
    requests = sum(t.requests for _, t in rows)
    head = (
        f"threadspec proxy ({recorder.mode}) in front of {recorder.upstream}: {counted(requests, 'request')} "
        f"in {_duration(time.monotonic() - recorder.started)}, {counted(recorder.violations, 'violation')}"
    )
    lines = [head]
    if recorder.log_path is not None:
        lines.append(f"log: {recorder.log_path} ({counted(recorder.lines, 'line')})")
    if not requests:
        return "\n".join(lines)
    lines += ["", *_by_operation(rows)]
    if recorder.rules:
        lines += ["", "violations by rule", *_by_rule(recorder)]
    accepted = [(name, t.accepted_invalid) for name, t in rows if t.accepted_invalid]
    if accepted:
        count = sum(n for _, n in accepted)
        listed = ", ".join(f"{name} {n}" for name, n in accepted)
        lines += [
            "",
            f"the upstream answered 2xx to {counted(count, 'request that breaks', 'requests that break')} the "
            f"contract: {listed}",
        ]
    unseen = [op for op in _known(recorder) if op not in recorder.tallies]
    if unseen:
        lines += [
            "",
            f"not seen ({len(unseen)} of {counted(len(_known(recorder)), 'operation')}): {', '.join(unseen)}",
        ]
    return "\n".join(lines)
