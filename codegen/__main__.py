"""``python -m codegen generate|check [--out DIR] [--profile NAME=SPEC ...]``.

Without ``--profile`` the profile table (``codegen/profiles.py``) says which specs to generate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.build import generate_all
from codegen.drift import drift
from codegen.model_shapes import ShapeError
from codegen.models import ModelGenerationError
from codegen.profiles import OUT, profile_paths
from codegen.public import PublicIndexError
from codegen.source import SpecSourceError


def _profile(text: str) -> tuple[str, Path]:
    name, sep, spec = text.partition("=")
    if not sep or not name or not spec:
        raise argparse.ArgumentTypeError(f"expected NAME=SPEC, got {text!r}")
    return name, Path(spec)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen")
    parser.add_argument("command", choices=["generate", "check"])
    parser.add_argument(
        "--out", type=Path, default=OUT, help="the _generated folder (default: the package's)"
    )
    parser.add_argument(
        "--profile", type=_profile, action="append", metavar="NAME=SPEC", help="instead of the profile table"
    )
    args = parser.parse_args(argv)
    profiles = dict(args.profile) if args.profile else profile_paths()
    try:
        if args.command == "generate":
            written = generate_all(profiles, args.out)
            print(f"generated {len(written)} files for {', '.join(sorted(profiles))} in {args.out}")
            return 0
        report = drift(profiles, args.out)
    except (SpecSourceError, ModelGenerationError, ShapeError, PublicIndexError) as exc:
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
