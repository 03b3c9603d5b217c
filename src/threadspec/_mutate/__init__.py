"""Building payloads around a constraint: minimal valid values, values at and past a limit, grafting.

Everything here takes a :class:`Source` for its choices, so the same code yields one deterministic case
per constraint (:class:`FirstSource`, for the coverage meta-test and the contract runner) and random
cases that hypothesis can shrink (:class:`DrawSource`, for the public strategies).
"""

from threadspec._mutate.edits import MAX_BUILT_SIZE, beyond_reach, edit_for, perturbed
from threadspec._mutate.graft import Edit, Outcome, copy, fix_rules, get, graft
from threadspec._mutate.source import ABSENT, WIDE, FirstSource, Source, Unbuildable
from threadspec._mutate.values import bounds, fit, fresh_key, keep_rule, minimal, number, string

__all__ = [
    "ABSENT", "MAX_BUILT_SIZE", "WIDE", "Edit", "FirstSource", "Outcome", "Source", "Unbuildable", "beyond_reach",
    "bounds", "copy", "edit_for", "fit", "fix_rules", "fresh_key", "get", "graft", "keep_rule", "minimal",
    "number", "perturbed", "string",
]  # fmt: skip
