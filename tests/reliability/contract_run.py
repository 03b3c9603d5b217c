"""Running schemathesis (4.x) against the mock in process, from the spec, and tallying the outcome.

What is configured, and why:

- Every check that needs no second user (all but ``object_level_authorization``): response
  headers (``x-request-id``), ``Allow`` on a wrong method, use after free and resource availability
  among them; every generation mode (positive and negative); the examples, coverage and fuzzing
  phases, plus the stateful phase (links inferred from responses) in the soak run.
- The mock requires an API key and schemathesis sends it as the spec's ``ApiKeyAuth`` bearer, so
  its "missing ``Authorization``" negatives are real negatives (401), not accepted requests.
- Streams need nothing: the spec describes an event as its SSE fields, ``data`` a string whose
  ``contentMediaType``/``contentSchema`` say what JSON it carries, which schemathesis reads as is.
- Positive bodies get the spec's deliberate semantics, which JSON Schema alone cannot state:
  ``integer`` means a number written without a fraction (``256.0`` is a decimal, refused as the API
  refused it: "expected an integer, but got a decimal"), and ``x-threadspec-rules`` caps a chunk
  overlap at half the chunk size. schemathesis 4.x turns on ``whole_floats`` for JSON bodies under
  drafts 6 and later, so its "valid" bodies carry ``256.0`` for integer fields; generated positive
  bodies are brought in line (:func:`_as_the_spec_means`), negative ones are left alone. A user's
  own ``st run`` has no such hook and reports these refusals (ST202), as it should.
- Three outcomes are waived, counted and reported, never hidden: a "negative" case schemathesis
  itself describes as "Positive test case" (it has no mutation: an optional body left out); for
  the stateful mock, a 400 in the API's words for a state conflict (``Cannot cancel run with
  status 'completed'``) on valid data, which is what the API answers; and for the stateless mock,
  a deleted object still "available" (ST301): it keeps nothing, deletions included.
"""

from __future__ import annotations

import collections
import copy
import re
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from schemathesis import engine
from schemathesis.engine import Status, events

from threadspec import spec
from threadspec.mock import MockConfig, create_app

KEY = "sk-schemathesis-0123456789abcdef"
CHECKS = (
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_schema_conformance", "negative_data_rejection", "positive_data_acceptance",
    "response_headers_conformance", "missing_required_header", "unsupported_method",
    "allow_header_conformance", "use_after_free", "ensure_resource_availability", "ignored_auth",
)  # fmt: skip
# what the mock answers (400, in the API's words) to a valid request its state does not allow
_STATE_CONFLICT = re.compile(
    r"already has an active run|while a run .* is active|Cannot cancel run with status|do not accept tool outputs"
    r"|Expected tool outputs for call_ids"
)


@dataclass
class Outcome:
    cases: int = 0
    statuses: collections.Counter[int] = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    waived: collections.Counter[str] = field(default_factory=collections.Counter)
    errors: list[str] = field(default_factory=list)


def the_spec() -> dict[str, Any]:
    return copy.deepcopy(spec.openapi())


def _as_the_spec_means(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    if isinstance(value, list):
        return [_as_the_spec_means(v) for v in value]
    if not isinstance(value, dict):
        return value
    value = {k: _as_the_spec_means(v) for k, v in value.items()}
    size, overlap = value.get("max_chunk_size_tokens"), value.get("chunk_overlap_tokens")
    if isinstance(size, int) and isinstance(overlap, int) and overlap > size // 2:
        value["chunk_overlap_tokens"] = size // 2
    return value


def run(mode: str, max_examples: int, *, seed: int, stateful_phase: bool, deterministic: bool) -> Outcome:
    config = schemathesis.Config.from_dict({
        "seed": seed,
        "generation": {"mode": "all", "max-examples": max_examples, "deterministic": deterministic},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
        "phases": {"stateful": {"enabled": stateful_phase}},
        "headers": {"OpenAI-Beta": "assistants=v2"},
        "auth": {"openapi": {"ApiKeyAuth": {"bearer": KEY}}},
    })  # fmt: skip
    schema = schemathesis.openapi.from_dict(the_spec(), config=config)
    schema.app = create_app(MockConfig(mode=mode, api_key=KEY, seed=seed))

    # whole floats (256.0) in "valid" bodies become integers: threadspec refuses them on purpose
    @schema.hook
    def map_case(ctx: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
        if (
            case.meta is not None
            and case.meta.generation.mode.is_positive
            and isinstance(case.body, dict | list)
        ):
            case.body = _as_the_spec_means(case.body)
        return case

    outcome = Outcome()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            _tally(event.recorder, mode, outcome)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            outcome.errors.append(str(getattr(event, "info", None) or getattr(event, "exception", event)))
    return outcome


def _tally(recorder: Any, mode: str, outcome: Outcome) -> None:
    outcome.cases += len(recorder.cases)
    for interaction in recorder.interactions.values():
        if interaction.response is not None:
            outcome.statuses[interaction.response.status_code] += 1
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status != Status.FAILURE:
                continue
            case = recorder.cases[case_id].value
            interaction = recorder.interactions.get(case_id)
            response = interaction.response if interaction is not None else None
            waiver = _waiver(check.name, case, response, mode)
            if waiver:
                outcome.waived[waiver] += 1
                continue
            failure = check.failure_info.failure if check.failure_info else None
            request = interaction.request if interaction is not None else None
            outcome.failures.append(
                f"{recorder.label} {check.name}: {getattr(failure, 'title', '')}\n"
                f"  {request.method if request else ''} {request.uri if request else ''} {(request.body or b'')[:300] if request else ''!r}\n"
                f"  -> {response.status_code if response else ''} {response.content[:300] if response else b''!r}\n"
                f"  {getattr(failure, 'message', '')[:500]}"
            )  # fmt: skip


def _waiver(check: str, case: Any, response: Any, mode: str) -> str | None:
    meta = case.meta
    data = meta.phase.data if meta is not None else None
    if check == "negative_data_rejection" and getattr(data, "description", None) == "Positive test case":
        return "negative case without a mutation"
    if check == "use_after_free" and mode == "stateless":
        return "a stateless mock keeps nothing, so nothing it deleted is gone"
    if (
        check == "positive_data_acceptance" and mode == "stateful" and response is not None
        and response.status_code == 400 and _STATE_CONFLICT.search(response.content.decode("utf-8", "replace"))
    ):  # fmt: skip
        return "state conflict answered 400, as the API does"
    return None
