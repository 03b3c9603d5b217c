"""The report as files for CI: JSON (findings and checks), JUnit XML (a testcase per finding and per
check) and the Markdown scorecard."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from threadspec._counting import counted
from threadspec.contract.curl import render as render_curl
from threadspec.contract.findings import Finding
from threadspec.contract.markdown import scorecard
from threadspec.contract.report import ContractReport, Outcome

_SUITE = "threadspec.contract"
Target = str | os.PathLike[str] | None


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters; a generated request may well contain them."""
    return "".join(
        c if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF) else "\ufffd" for c in text
    )


def _finding_text(report: ContractReport, finding: Finding) -> str:
    lines = [f"{finding.severity.value}: {finding.title}", f"seen {counted(finding.count, 'time')} in "
             + ", ".join(finding.checks[:10])]  # fmt: skip
    exchange = finding.example.exchange
    if exchange is not None:
        lines += ["", render_curl(exchange.request, report.api_key_env, key_sent=report.key_sent)]
        if exchange.response is not None:
            lines += [
                f"HTTP {exchange.response.status} {exchange.response.content_type}",
                exchange.response.shown(),
            ]
    return "\n".join(lines)


def junit_xml(report: ContractReport) -> str:
    failing = [f for f in report.findings if f.severity.reaches(report.fail_on)]
    failed_checks = [r for r in report.results if r.fails(report.fail_on) and r.outcome is not Outcome.ERROR]
    suite = ET.Element(
        "testsuite",
        name=_SUITE,
        tests=str(len(report.findings) + len(report.results)),
        failures=str(len(failing) + len(failed_checks)),
        errors=str(sum(r.outcome is Outcome.ERROR for r in report.results) + (report.unusable is not None)),
        skipped=str(sum(r.outcome in (Outcome.SKIPPED, Outcome.EMPTY) for r in report.results)),
        time=f"{report.seconds:.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("base_url", report.base_url),
        ("seed", str(report.seed)),
        ("fail_on", report.fail_on),
    ):
        ET.SubElement(properties, "property", name=name, value=str(value))
    if report.unusable is not None:
        case = ET.SubElement(suite, "testcase", classname=_SUITE, name="server")
        ET.SubElement(case, "error", message=_xml_safe(report.unusable))
    for finding in report.findings:
        case = ET.SubElement(
            suite, "testcase", classname=f"{_SUITE}.findings", name=_xml_safe(f"{finding.id} {finding.title}")
        )
        text = _xml_safe(_finding_text(report, finding))
        if finding.severity.reaches(report.fail_on):
            ET.SubElement(
                case, "failure", message=_xml_safe(finding.title), type=finding.severity.value
            ).text = text
        else:
            ET.SubElement(case, "system-out").text = text
    for result in report.results:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"{_SUITE}.{result.target}",
            name=result.check,
            time=f"{result.seconds:.3f}",
        )
        ids = sorted({f.id for f in report.findings if result.name in f.checks})
        message = _xml_safe(result.detail + (f" (findings {', '.join(ids)})" if ids else ""))
        if result.outcome is Outcome.ERROR:
            ET.SubElement(case, "error", message=message)
        elif result.fails(report.fail_on):
            ET.SubElement(case, "failure", message=message)
        elif result.outcome in (Outcome.SKIPPED, Outcome.EMPTY):
            ET.SubElement(case, "skipped", message=message)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def json_text(report: ContractReport) -> str:
    return json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n"


def write(
    report: ContractReport, *, junit: Target = None, json_path: Target = None, markdown: Target = None
) -> list[str]:
    """Write whichever files were asked for, creating their folders; the paths written."""
    renderers: list[tuple[Target, Callable[[ContractReport], str]]] = [
        (junit, junit_xml),
        (json_path, json_text),
        (markdown, scorecard),
    ]
    written = []
    for path, render in renderers:
        if path is not None:
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(report), encoding="utf-8")
            written.append(str(path))
    return written
