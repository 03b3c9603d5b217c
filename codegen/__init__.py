"""Turns each spec of the profile table (``codegen/profiles.py``) into its bundle under ``src/threadspec/_generated/``.

Run it as ``python -m codegen generate`` (``make generate``) or ``python -m codegen check``
(``make check-generated``). Nothing in ``src/threadspec`` imports this package; it derives schemas
and the operation index with ``threadspec._bundle``, the functions ``Contract.load`` uses in memory.
"""
