"""Progress: a bar on a terminal, one short line per check otherwise, nothing when quiet."""

from __future__ import annotations

import io

from threadspec.contract.findings import Problem, Severity
from threadspec.contract.progress import Reporter
from threadspec.contract.report import CheckResult, Outcome


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


RESULTS = [
    CheckResult("createThread", "positive", Outcome.PASSED, seconds=0.25),
    CheckResult(
        "createThread", "negative", Outcome.FAILED, problems=(Problem("k", Severity.ERROR, "t"),) * 2
    ),
]


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with Reporter(stream, len(RESULTS)) as reporter:
        for result in RESULTS:
            reporter.finished(result)
    assert stream.getvalue().splitlines() == [
        "[1/2] pass    createThread::positive 0.2s",
        "[2/2] fail    createThread::negative 0.0s (1 finding)",
    ]


def test_a_bar_on_a_terminal() -> None:
    stream = _Terminal()
    with Reporter(stream, len(RESULTS)) as reporter:
        reporter.say("threadspec contract: 2 checks")
        for result in RESULTS:
            reporter.finished(result)
    text = stream.getvalue()
    assert "threadspec contract: 2 checks" in text
    assert "\x1b[" in text  # drawn with terminal control codes
    assert "[1/2]" not in text  # not the plain lines


def test_nothing_when_quiet() -> None:
    with Reporter(None, 2) as reporter:
        reporter.say("hello")
        reporter.finished(RESULTS[0])
    assert reporter.done == 1
