"""``python -m codegen generate|check [--spec PATH] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.build import generate
from codegen.drift import drift
from codegen.models import ModelGenerationError
from codegen.source import SpecSourceError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "spec" / "openapi.yaml"
DEFAULT_OUT = ROOT / "src" / "threadspec" / "_generated"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen")
    parser.add_argument("command", choices=["generate", "check"])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            written = generate(args.spec, args.out)
            print(f"generated {len(written)} files in {args.out}")
            return 0
        report = drift(args.spec, args.out)
    except (SpecSourceError, ModelGenerationError) as exc:
        print(f"codegen: {exc}", file=sys.stderr)
        return 2
    if report:
        print("\n".join(report))
        print(f"\n{args.out} is stale: run make generate", file=sys.stderr)
        return 1
    print("generated code is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
