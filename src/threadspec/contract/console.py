"""The console scorecard: findings (most severe first, strict ones apart), scores per kind of check and
constraint coverage, in at most about 60 lines whatever the server did. The per-check detail and the
reproductions go to the reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table

from threadspec._counting import counted
from threadspec.contract import titles
from threadspec.contract.findings import Finding, Severity
from threadspec.contract.report import ContractReport, Outcome

MAX_FINDINGS = 30  # rows of the main table; the rest are counted, and listed in the reports
MAX_STRICT = 8
WIDTH = 132  # when the output is not a terminal (CI logs, files)
STRICT_HEADING = "strict: threadspec's own semantics (256.0 is not an integer, x-threadspec-rules)"


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    severity: str
    title: str
    where: str
    seen: int


def rows(findings: Sequence[Finding], limit: int) -> list[Row]:
    """One row per finding; when they do not fit, one row per family (the same rule broken at several
    places: ``accepted temperature 3 (limit 2) (+8 more like it)``), most severe and frequent first."""
    if len(findings) <= limit:
        return [Row(f.id, f.severity.value, f.title, f.where, f.count) for f in findings]
    families: dict[tuple[str, Severity], list[Finding]] = {}
    for f in findings:
        families.setdefault((f.family, f.severity), []).append(f)
    out = []
    for group in families.values():
        first = group[0]
        ops = sorted({op for f in group for op in f.operations})
        where = ops[0] + (f" +{len(ops) - 1}" if len(ops) > 1 else "") if ops else first.where
        title = titles.alike(first.title, [f.place for f in group[1:]])
        out.append(Row(first.id, first.severity.value, title, where, sum(f.count for f in group)))
    return out


def _table(found: list[Row], limit: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("finding", no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column("where", no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column("seen", justify="right", no_wrap=True)
    for row in found[:limit]:
        table.add_row(row.id, row.severity, row.title, row.where, str(row.seen))
    return table


def _more(found: list[Row], limit: int) -> str | None:
    rest = len(found) - limit
    return f"… {rest} more in the JSON report" if rest > 0 else None


def _score_line(check: str, counts: dict[Outcome, int]) -> str:
    total = sum(counts.values())
    parts = [f"{counts[o]} {o.value}" for o in Outcome if counts.get(o) and o is not Outcome.PASSED]
    return f"  {check:<10} {counts.get(Outcome.PASSED, 0):>3}/{total:<3} pass" + (
        f"  ({', '.join(parts)})" if parts else ""
    )


def render(report: ContractReport, out: TextIO) -> None:
    """Print the scorecard of ``report`` to ``out``."""
    tty = out.isatty()
    console = Console(
        file=out,
        width=None if tty else WIDTH,
        highlight=False,
        markup=False,  # titles quote patterns such as [a-z]: text, never markup
        color_system="auto" if tty else None,
        soft_wrap=True,  # lines are as long as they are; tables fit the width
    )
    emit = console.print
    emit(f"threadspec contract {report.base_url} · {counted(len(report.results), 'check')} in {report.seconds:.1f}s "
         f"· seed {report.seed} · profile {report.profile}")  # fmt: skip
    if report.unusable is not None:
        emit(f"cannot run: {report.unusable}")
        return
    if report.interrupted:
        emit("interrupted: the report holds what was found until then")
    state = "keeps state" if report.stateful else "keeps no state"
    emit(f"the server {state}: {report.state_reason}" + ("" if report.stateful else "; workflows skipped"))
    if report.assistant:
        emit(report.assistant)
    main = [f for f in report.findings if f.severity is not Severity.STRICT]
    strict = [f for f in report.findings if f.severity is Severity.STRICT]
    counts = report.severities()
    emit("")
    emit(
        f"findings: {counts[Severity.ERROR]} error · {counts[Severity.WARNING]} warning · "
        f"{counts[Severity.STRICT]} strict (--fail-on {report.fail_on.value}: exit {report.exit_code})"
    )
    for heading, group, limit in (("", main, MAX_FINDINGS), (STRICT_HEADING, strict, MAX_STRICT)):
        if not group:
            continue
        if heading:
            emit(heading)
        shown = rows(group, limit)
        emit(_table(shown, limit))
        more = _more(shown, limit)
        if more:
            emit(more)
    emit("scores")
    for check, outcome_counts in report.scores().items():
        emit(_score_line(check, dict(outcome_counts)))
    if report.coverage is not None and report.coverage.total:
        cov = report.coverage
        emit(
            f"coverage: {cov.both} of {cov.total} request constraints exercised on both sides "
            f"({cov.percent:.0f}%); {cov.unbuildable} without a request that could be built"
        )
    if report.comparison is not None:
        for line in report.comparison.lines():
            emit(line)
    if report.leftovers:
        emit(
            f"cleanup could not delete {counted(len(report.leftovers), 'thread or assistant', 'threads or assistants')} "
            "(listed in the JSON report)"
        )
    if report.files:
        emit("reports: " + " · ".join(report.files))
