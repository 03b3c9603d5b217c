"""generated from spec/openapi.yaml by `make generate` — do not edit."""
