"""Running the ``threadspec`` command in process: argv in, exit code and stdout out (stderr through capsys)."""

from __future__ import annotations

import io

from threadspec.cli import main


def run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def last_line(err: str) -> str:
    """What argparse said after its usage lines."""
    return err.rstrip("\n").splitlines()[-1]
