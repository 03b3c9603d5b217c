"""One public surface: `threadspec.__all__` is sorted, complete, and names only real members."""

from __future__ import annotations

import threadspec


def test_all_is_sorted_and_unique() -> None:
    assert threadspec.__all__ == sorted(set(threadspec.__all__))


def test_every_exported_name_exists_and_every_public_member_is_exported() -> None:
    public = {name for name in dir(threadspec) if not name.startswith("_")}
    # submodules and the `from __future__ import annotations` feature are not API
    modules = {name for name in public if type(getattr(threadspec, name)).__name__ in ("module", "_Feature")}
    assert set(threadspec.__all__) - {"__version__"} == public - modules
    for name in threadspec.__all__:
        assert hasattr(threadspec, name), name
