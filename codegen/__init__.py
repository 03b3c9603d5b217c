"""Turns ``spec/openapi.yaml`` into everything under ``src/threadspec/_generated/``.

Run it as ``python -m codegen generate`` (``make generate``) or ``python -m codegen check``
(``make check-generated``). Nothing in ``src/threadspec`` imports this package.
"""
