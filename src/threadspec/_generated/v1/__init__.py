"""generated from spec/openapi.v1.yaml by `make generate` — do not edit."""
