"""Progress while a run goes: a bar on a terminal, one short line per finished check otherwise."""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from threadspec._counting import counted
from threadspec.contract.report import CheckResult


class Reporter:
    """Told of each finished check; says it on ``stream`` (``None``: says nothing)."""

    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        if stream is not None and stream.isatty():
            self._bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(file=stream, markup=False, highlight=False),
                transient=True,
            )

    def say(self, line: str) -> None:
        if self.stream is None:
            return
        if self._bar is not None:
            self._bar.console.print(line)
        else:
            print(line, file=self.stream, flush=True)

    def __enter__(self) -> Reporter:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("checks", total=self.total)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def finished(self, result: CheckResult) -> None:
        self.done += 1
        if self.stream is None:
            return
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=result.name)
            return
        width = len(str(self.total))
        found = f" ({counted(len({p.key for p in result.problems}), 'finding')})" if result.problems else ""
        print(
            f"[{self.done:>{width}}/{self.total}] {result.outcome.value:<7} {result.name} "
            f"{result.seconds:.1f}s{found}",
            file=self.stream,
            flush=True,
        )
