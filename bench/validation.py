"""Validation speed: threadspec against the parse alone and against the validators users would pick instead.

Run: ``python bench/validation.py`` (or ``make bench``). Contenders run in one process, alternating,
and each number is the median of several rounds, so ratios hold even on a noisy machine.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus

from threadspec import is_valid, model_class, spec, validate

SCHEMA = "CreateThreadAndRunRequest"
ROUNDS = 7


def _time_per_call(fn: Callable[[], object], budget: float = 0.05) -> float:
    """Microseconds per call, from a loop sized to take about ``budget`` seconds."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed > budget / 5 or loops > 1_000_000:
            return elapsed / loops * 1e6
        loops *= 4


def contenders(raw: bytes) -> dict[str, Callable[[], object]]:
    value = orjson.loads(raw)
    reference = Draft202012Validator(spec.schema(SCHEMA))
    model = model_class(SCHEMA)
    found: dict[str, Callable[[], object]] = {
        "orjson.loads (floor)": lambda: orjson.loads(raw),
        "threadspec bytes, verdict": lambda: is_valid(raw, SCHEMA),
        "threadspec dict, verdict": lambda: is_valid(value, SCHEMA),
        "threadspec bytes, full errors": lambda: validate(raw, SCHEMA),
        "pydantic models (json)": lambda: _swallow(lambda: model.model_validate_json(raw)),
        "jsonschema Draft 2020-12": lambda: reference.is_valid(orjson.loads(raw)),
    }
    found.update(_optional(raw))
    return found


def _swallow(fn: Callable[[], object]) -> object:
    try:
        return fn()
    except ValueError as exc:  # pydantic's ValidationError: an invalid body is an answer, not a failure
        return exc


def _optional(raw: bytes) -> dict[str, Callable[[], object]]:
    """Contenders from the `bench` extra; skipped with a note when not installed."""
    out: dict[str, Callable[[], object]] = {}
    schema = spec.schema(SCHEMA)
    try:
        import jsonschema_rs

        rs = jsonschema_rs.validator_for(schema)
        out["jsonschema-rs"] = lambda: rs.is_valid(orjson.loads(raw))
    except ImportError:
        print("note: jsonschema-rs not installed (pip install -e .[bench])", file=sys.stderr)
    try:
        import fastjsonschema

        fast = fastjsonschema.compile(_draft7(schema))
        out["fastjsonschema"] = lambda: _swallow(lambda: fast(orjson.loads(raw)))
    except ImportError:
        print("note: fastjsonschema not installed (pip install -e .[bench])", file=sys.stderr)
    return out


def _draft7(schema: dict[str, Any]) -> dict[str, Any]:
    """fastjsonschema reads draft 7: same document, older dialect URI."""
    return {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}


def measure(raws: dict[str, bytes]) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for case, raw in raws.items():
        fns = contenders(raw)
        samples: dict[str, list[float]] = {name: [] for name in fns}
        for _ in range(ROUNDS):  # alternate contenders so drift hits all of them alike
            for name, fn in fns.items():
                samples[name].append(_time_per_call(fn))
        results[case] = {name: statistics.median(values) for name, values in samples.items()}
    return results


def table(results: dict[str, dict[str, float]]) -> str:
    lines = []
    for case, timings in results.items():
        floor = timings["orjson.loads (floor)"]
        reference = timings["jsonschema Draft 2020-12"]
        lines.append(f"\n{case}")
        lines.append(f"  {'contender':34} {'µs/payload':>12} {'× floor':>9} {'× jsonschema':>13}")
        for name, micros in timings.items():
            lines.append(f"  {name:34} {micros:12.2f} {micros / floor:9.2f} {micros / reference:13.4f}")
    return "\n".join(lines)


def main() -> None:
    raws = corpus()
    print(f"sizes: {json.dumps({k: len(v) for k, v in raws.items()})}")
    results = measure(raws)
    print(table(results))
    typical = results["typical/valid"]
    ratio = typical["threadspec bytes, verdict"] / typical["orjson.loads (floor)"]
    speedup = typical["jsonschema Draft 2020-12"] / typical["threadspec bytes, verdict"]
    errors = (
        results["typical/invalid"]["threadspec bytes, full errors"]
        / results["typical/invalid"]["orjson.loads (floor)"]
    )
    print(f"\ntypical valid body: threadspec verdict = {ratio:.2f}× orjson.loads alone (goal ≤ 1.5×), "
          f"{speedup:.0f}× faster than jsonschema (goal > 100×)")  # fmt: skip
    print(f"typical invalid body: full error report = {errors:.1f}× orjson.loads alone (goal ≤ 10×)")


if __name__ == "__main__":
    main()
