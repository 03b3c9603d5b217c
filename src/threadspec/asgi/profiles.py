"""Which contract a request is held to: the one whose ``OpenAI-Beta`` version its header names.

A middleware (or proxy) may hold requests to several contracts — the bundled v2 and v1, say — as the API
served both versions side by side. The header is read as the API read it, a list of features
(``assistants=v1, other=x``); the contract that requires the version it names takes the request. A
request that names none of them (no header, an unknown version) goes to the first contract, the default:
it is routed there and, unless the beta header is not required, refused with ``invalid_beta`` in the
documented words, which name the current version.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from threadspec._contract import Contract
from threadspec.asgi.types import Scope
from threadspec.facts import BETA_HEADER, beta_version

_BETA_NAME = BETA_HEADER.lower().encode("latin-1")


class Profiles:
    """The contracts requests are held to, each chosen by the ``OpenAI-Beta`` version it requires."""

    def __init__(self, contracts: Sequence[Contract]) -> None:
        if not contracts:
            raise ValueError("give at least one contract")
        self.contracts = tuple(contracts)
        self.default = self.contracts[0]
        self._by_version: dict[str, Contract] = {}
        if len(self.contracts) == 1:
            return
        for contract in self.contracts:
            version = contract.beta_version
            if version is None:
                raise ValueError(f"{contract!r} requires no OpenAI-Beta version: the header cannot choose it")
            if version in self._by_version:
                raise ValueError(
                    f"two contracts require OpenAI-Beta assistants={version}: the header cannot tell them apart"
                )
            self._by_version[version] = contract

    def __iter__(self) -> Iterator[Contract]:
        return iter(self.contracts)

    def __len__(self) -> int:
        return len(self.contracts)

    def select(self, beta: str | None) -> Contract:
        """The contract whose version the ``OpenAI-Beta`` value ``beta`` names; the default otherwise."""
        if not self._by_version:
            return self.default
        return self._by_version.get(beta_version(beta) or "", self.default)

    def for_scope(self, scope: Scope) -> Contract:
        """:meth:`select` on the ``OpenAI-Beta`` header of an ASGI request (the last one, when repeated)."""
        if not self._by_version:
            return self.default
        found = None
        for name, value in scope.get("headers", ()):
            if name.lower() == _BETA_NAME:
                found = value.decode("latin-1")
        return self.select(found)
