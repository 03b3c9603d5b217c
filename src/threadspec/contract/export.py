"""The report as files for CI: JUnit XML (one testcase per target and check) and JSON."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from threadspec.contract.report import ContractReport, Outcome

_SUITE = "threadspec.contract"


def junit_xml(report: ContractReport) -> str:
    counts = report.counts()
    suite = ET.Element(
        "testsuite",
        name=_SUITE,
        tests=str(len(report.results)),
        failures=str(counts[Outcome.FAILED]),
        errors=str(counts[Outcome.ERROR]),
        skipped=str(counts[Outcome.SKIPPED]),
        time=f"{report.seconds:.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="base_url", value=report.base_url)
    ET.SubElement(properties, "property", name="seed", value=str(report.seed))
    for result in report.results:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"{_SUITE}.{result.target}",
            name=result.check,
            time=f"{result.seconds:.3f}",
        )
        text = "\n\n".join(f.render(report.api_key_env) for f in result.failures) or result.detail
        if result.outcome is Outcome.FAILED:
            ET.SubElement(case, "failure", message=_xml_safe(result.detail)).text = _xml_safe(text)
        elif result.outcome is Outcome.ERROR:
            ET.SubElement(case, "error", message=_xml_safe(result.detail)).text = _xml_safe(text)
        elif result.outcome is Outcome.SKIPPED:
            ET.SubElement(case, "skipped", message=_xml_safe(result.detail))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters; a generated request may well contain them."""
    return "".join(
        c if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF) else "\ufffd" for c in text
    )


def json_text(report: ContractReport) -> str:
    return json.dumps(report.to_dict(), indent=2) + "\n"


def write(
    report: ContractReport,
    junit_path: str | os.PathLike[str] | None,
    json_path: str | os.PathLike[str] | None,
) -> None:
    """Write whichever of the two files were asked for, creating their folders."""
    for path, text in ((junit_path, junit_xml), (json_path, json_text)):
        if path is not None:
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text(report), encoding="utf-8")
