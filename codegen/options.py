"""The one place that says how datamodel-code-generator is run."""

from __future__ import annotations

GENERATED = "by `make generate` — do not edit"


def header(spec_label: str) -> str:
    """The line every generated file starts with, naming the spec it comes from."""
    return f"generated from {spec_label} {GENERATED}"


# Each option closes a gap between Pydantic's defaults and JSON Schema's verdicts:
# strict types stop coercion ("5" -> 5), the MISSING sentinel keeps optional-but-not-nullable
# fields from accepting null, single-dict maps keep maxProperties on Metadata, and schema
# validators enforce `oneOf` groups of `required`.
DATAMODEL_CODEGEN_ARGS: tuple[str, ...] = (
    "--input-file-type", "openapi",
    "--openapi-scopes", "schemas",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--target-pydantic-version", "2.14",
    "--use-annotated",
    "--field-constraints",
    "--enum-field-as-literal", "all",
    "--use-single-value-enum-as-const",
    "--read-const-beside-enum",
    "--strict-nullable",
    "--strict-types", "str", "int", "float", "bool",
    "--use-missing-sentinel",
    "--use-single-dict-for-object-maps",
    "--omit-redundant-reference-null",
    "--generate-schema-validators",
    "--use-double-quotes",
    "--disable-timestamp",
    "--use-exact-imports",
    "--use-schema-description",
    "--use-field-description",
    # formatting is done by codegen itself with an isolated ruff, so the output does not depend
    # on which pyproject.toml sits near the output folder
    "--formatters", "builtin",
    "--custom-file-header-mode", "replace",
    # asserted formats stay strings: threadspec.rules checks them (pydantic's AnyUrl would rewrite the value)
    "--type-mappings", "string+uri=string",
)  # fmt: skip

# ruff settings for the generated module, independent of any project configuration.
RUFF_FORMAT_ARGS: tuple[str, ...] = (
    "format", "--isolated", "--line-length", "110", "--config", "format.skip-magic-trailing-comma = true", "-",
)  # fmt: skip
RUFF_FIX_ARGS: tuple[str, ...] = (
    "check", "--isolated", "--line-length", "110", "--select", "F401,I", "--fix", "--exit-zero", "--quiet", "-",
)  # fmt: skip
