"""Validation speed: threadspec against the parse alone and against the validators users would pick instead.

Run: ``python bench/validation.py [--quick]`` (or ``make bench``). Contenders run in one process,
alternating, and each number is the fastest of several rounds: on a shared machine other work only
ever adds time, so the fastest round is the closest to the code's own cost (timeit's advice). Each
ratio to the parse is also taken round by round, and its lowest and highest round are shown: the
noise band. Before timing, every contender's verdict on every body is checked against the corpus's
label; a contender that disagrees is marked in the table.

Optional contenders (the ``bench`` extra: jsonschema-rs, fastjsonschema, openapi-core) are
skipped with a note when they are not installed.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    FULL,
    SETTINGS,
    Goal,
    Settings,
    loopback_only,
    note,
    render,
    report,
    settings_parser,
    time_per_call,
)
from corpus import corpus

from threadspec import is_valid, model_class, spec, validate

SCHEMA = "CreateThreadAndRunRequest"
FLOOR = "orjson.loads (floor)"
REFERENCE = "jsonschema 2020-12, verdict"
VERDICT_BYTES = "threadspec bytes, verdict"
ERRORS_BYTES = "threadspec bytes, full errors"

# A contender answers with its verdict (True: valid), or None when it has none (the floor).
Contender = Callable[[], bool | None]
Factory = Callable[[bytes], Contender]


def _pydantic_verdict(model: Any, raw: bytes) -> bool:
    try:
        model.model_validate_json(raw)
    except ValueError:  # pydantic's ValidationError: an invalid body is an answer, not a failure
        return False
    return True


def _core() -> dict[str, Factory]:
    """Contenders that are always there: dependencies of threadspec itself."""
    reference = Draft202012Validator(spec.schema(SCHEMA))
    model = model_class(SCHEMA)

    def floor(raw: bytes) -> Contender:
        return lambda: (orjson.loads(raw), None)[1]

    def dict_in(fn: Callable[[Any], bool]) -> Factory:
        def make(raw: bytes) -> Contender:
            value = orjson.loads(raw)
            return lambda: fn(value)

        return make

    return {
        FLOOR: floor,
        VERDICT_BYTES: lambda raw: lambda: is_valid(raw, SCHEMA),
        "threadspec dict, verdict": dict_in(lambda value: is_valid(value, SCHEMA)),
        ERRORS_BYTES: lambda raw: lambda: validate(raw, SCHEMA).valid,
        "threadspec dict, full errors": dict_in(lambda value: validate(value, SCHEMA).valid),
        "pydantic models (json)": lambda raw: lambda: _pydantic_verdict(model, raw),
        REFERENCE: lambda raw: lambda: reference.is_valid(orjson.loads(raw)),
        "jsonschema 2020-12, all errors": lambda raw: (
            lambda: not list(reference.iter_errors(orjson.loads(raw)))
        ),
    }


def _refuse_remote(uri: str) -> Any:
    raise ValueError(f"the benchmark resolves no remote $ref ({uri})")


def _optional() -> dict[str, Factory]:
    """Contenders from the ``bench`` extra; skipped with a note when not installed."""
    out: dict[str, Factory] = {}
    schema = spec.schema(SCHEMA)
    try:
        import jsonschema_rs
    except ImportError:
        note("jsonschema-rs not installed: skipped (pip install -e '.[bench]')")
    else:
        rs = jsonschema_rs.validator_for(schema, retriever=_refuse_remote)
        out["jsonschema-rs (verdict)"] = lambda raw: lambda: rs.is_valid(orjson.loads(raw))
    try:
        import fastjsonschema
    except ImportError:
        note("fastjsonschema not installed: skipped (pip install -e '.[bench]')")
    else:
        fast = fastjsonschema.compile(_draft7(schema))

        def fast_verdict(raw: bytes) -> bool:
            try:
                fast(orjson.loads(raw))
            except fastjsonschema.JsonSchemaValueException:
                return False
            return True

        out["fastjsonschema (draft-7 view)"] = lambda raw: lambda: fast_verdict(raw)
    try:
        request_validator = _openapi_core()
    except ImportError:
        note("openapi-core not installed: skipped (pip install -e '.[bench]')")
    else:
        out["openapi-core (whole request)"] = request_validator
    return out


def _draft7(schema: dict[str, Any]) -> dict[str, Any]:
    """fastjsonschema reads draft 7: the same document under the older dialect URI.

    A deep copy: fastjsonschema rewrites the schema it compiles, and ``spec.schema`` is shared.
    """
    return {**copy.deepcopy(schema), "$schema": "http://json-schema.org/draft-07/schema#"}


def _openapi_core() -> Factory:
    """openapi-core validating a whole ``POST /v1/threads/runs`` request (headers, security, body)."""
    from openapi_core import OpenAPI
    from openapi_core.exceptions import OpenAPIError
    from openapi_core.testing import MockRequest

    api = OpenAPI.from_dict(copy.deepcopy(spec.openapi()))
    headers = {"OpenAI-Beta": "assistants=v2", "Authorization": "Bearer sk-bench"}

    def make(raw: bytes) -> Contender:
        request = MockRequest(
            "http://127.0.0.1:4010", "post", "/v1/threads/runs",
            headers=headers, data=raw, content_type="application/json",
        )  # fmt: skip

        def verdict() -> bool:
            try:
                api.validate_request(request)
            except OpenAPIError:
                return False
            return True

        return verdict

    return make


def contenders() -> dict[str, Factory]:
    return {**_core(), **_optional()}


Band = tuple[float, float]  # a ratio's lowest and highest round


def measure(
    raws: dict[str, bytes], settings: Settings = FULL
) -> tuple[dict[str, dict[str, float]], dict[str, list[str]], dict[str, dict[str, Band]]]:
    """Fastest µs per payload for each case and contender; per case, the contenders whose verdict was wrong;
    and each contender's ratio to the floor, round by round, as its band."""
    factories = contenders()
    results: dict[str, dict[str, float]] = {}
    wrong: dict[str, list[str]] = {}
    bands: dict[str, dict[str, Band]] = {}
    for case, raw in raws.items():
        expected = case.endswith("/valid")
        fns = {name: make(raw) for name, make in factories.items()}
        wrong[case] = [name for name, fn in fns.items() if fn() not in (None, expected)]
        samples: dict[str, list[float]] = {name: [] for name in fns}
        for _ in range(settings.rounds):  # alternate contenders so drift hits all of them alike
            for name, fn in fns.items():
                samples[name].append(time_per_call(fn, settings.budget))
        results[case] = {name: min(values) for name, values in samples.items()}
        ratios = {
            name: [x / f for x, f in zip(values, samples[FLOOR], strict=True)]
            for name, values in samples.items()
        }
        bands[case] = {name: (min(r), max(r)) for name, r in ratios.items()}
    return results, wrong, bands


def table(
    results: dict[str, dict[str, float]],
    wrong: dict[str, list[str]] | None = None,
    bands: dict[str, dict[str, Band]] | None = None,
) -> str:
    parts = []
    for case, timings in results.items():
        floor, reference = timings[FLOOR], timings[REFERENCE]
        band = (bands or {}).get(case, {})
        rows = [
            [
                name + (" (WRONG VERDICT)" if name in (wrong or {}).get(case, []) else ""),
                f"{micros:.2f}",
                f"{micros / floor:.2f}",
                f"{band[name][0]:.2f}–{band[name][1]:.2f}" if name in band else "-",
                f"{micros / reference:.4f}",
            ]
            for name, micros in timings.items()
        ]
        headers = ["contender", "µs/payload", "× floor", "× floor, rounds", "× jsonschema"]
        parts.append(render(case, headers, rows))
    return "\n".join(parts)


def goals(results: dict[str, dict[str, float]]) -> list[Goal]:
    """Each goal of the validation part (issue 16), worded with its number, and whether it is met."""
    typical, invalid, large = results["typical/valid"], results["typical/invalid"], results["large/valid"]
    verdict = typical[VERDICT_BYTES] / typical[FLOOR]
    result = typical[ERRORS_BYTES] / typical[FLOOR]
    speedup = typical[REFERENCE] / typical[VERDICT_BYTES]
    errors = invalid[ERRORS_BYTES] / invalid[FLOOR]
    big = large[VERDICT_BYTES] / large[FLOOR]
    return [
        (f"typical valid body: is_valid(bytes) = {verdict:.2f}× orjson.loads alone (goal ≤ 1.3×)", verdict <= 1.3),
        (f"typical valid body: validate(bytes).valid = {result:.2f}× orjson.loads alone (goal ≤ 1.5×)", result <= 1.5),
        (f"typical valid body: threadspec verdict {speedup:.0f}× faster than jsonschema (goal > 100×)", speedup > 100),
        (f"typical invalid body: full error report = {errors:.1f}× orjson.loads alone (goal ≤ 5×)", errors <= 5),
        (f"large (~60 KB) valid body: is_valid(bytes) = {big:.2f}× orjson.loads alone (goal ≤ 1.3×)", big <= 1.3),
    ]  # fmt: skip


def run(settings: Settings = FULL) -> tuple[str, list[Goal]]:
    """The validation tables as text, and the goals with their verdicts."""
    raws = corpus()
    results, wrong, bands = measure(raws, settings)
    sizes = json.dumps({k: len(v) for k, v in raws.items()})
    text = (
        f"Validation: µs per payload, fastest of {settings.rounds} alternating rounds (ratio band: lowest and "
        f"highest round); bytes: {sizes}"
    )
    return text + "\n" + table(results, wrong, bands), goals(results)


def main(argv: list[str] | None = None) -> None:
    parser = settings_parser(__doc__.splitlines()[0], list(SETTINGS))
    args = parser.parse_args(argv)
    loopback_only()
    text, met = run(SETTINGS[args.settings])
    report(text, met)


if __name__ == "__main__":
    main()
