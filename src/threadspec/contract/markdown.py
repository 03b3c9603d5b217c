"""``--markdown PATH``: the scorecard as Markdown, to paste into an issue or a CI job summary."""

from __future__ import annotations

from threadspec._counting import counted
from threadspec.contract.findings import Finding, Severity
from threadspec.contract.report import ContractReport, Outcome

ROWS = 50  # findings per table; the JSON report holds the rest


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _findings(findings: list[Finding]) -> list[str]:
    lines = ["| severity | finding | where | seen | id |", "|---|---|---|---:|---|"]
    lines += [
        f"| {f.severity.value} | {_cell(f.title)} | {_cell(f.where)} | {f.count} | `{f.id}` |"
        for f in findings[:ROWS]
    ]
    if len(findings) > ROWS:
        lines.append(f"| | … {len(findings) - ROWS} more in the JSON report | | | |")
    return lines


def scorecard(report: ContractReport) -> str:
    counts = report.severities()
    lines = [
        f"## threadspec contract: {report.base_url}",
        "",
        f"**{counts[Severity.ERROR]} error · {counts[Severity.WARNING]} warning · {counts[Severity.STRICT]} strict** "
        f"findings · {counted(len(report.results), 'check')} in {report.seconds:.0f}s · seed {report.seed} · "
        f"profile {report.profile} · "
        f"exit {report.exit_code} (`--fail-on {report.fail_on.value}`)",
        "",
    ]
    if report.unusable is not None:
        return "\n".join([*lines, f"Could not run: {report.unusable}", ""])
    state = "keeps state" if report.stateful else "keeps no state (workflows skipped)"
    lines += [f"The server {state}: {report.state_reason}.", ""]
    if report.assistant:
        lines += [f"{report.assistant[0].upper()}{report.assistant[1:]}.", ""]
    main = [f for f in report.findings if f.severity is not Severity.STRICT]
    strict = [f for f in report.findings if f.severity is Severity.STRICT]
    if main:
        lines += ["### Findings", "", *_findings(main), ""]
    if strict:
        lines += ["### Strict (threadspec's own semantics)", "", *_findings(strict), ""]
    lines += ["### Scores", "", "| check | " + " | ".join(o.value for o in Outcome) + " |"]
    lines.append("|---|" + "---:|" * len(Outcome))
    for check, outcome_counts in report.scores().items():
        lines.append(f"| {check} | " + " | ".join(str(outcome_counts[o]) for o in Outcome) + " |")
    if report.coverage is not None and report.coverage.total:
        cov = report.coverage
        lines += ["", f"Constraint coverage: **{cov.both} of {cov.total}** request constraints exercised "
                  f"on both sides ({cov.percent:.0f}%)."]  # fmt: skip
    if report.comparison is not None:
        lines += ["", "```", *report.comparison.lines(), "```"]
    return "\n".join(lines) + "\n"
