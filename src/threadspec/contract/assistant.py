"""The one place that decides which assistant a run's requests name.

Today that is the configured ``--assistant-id``. A provider that creates an assistant for the run
(and deletes it afterwards) plugs in here: the runner asks :meth:`acquire` once before the checks and
calls :meth:`release` during cleanup, whatever happened in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from threadspec.contract.client import ContractClient


class AssistantProvider(Protocol):
    async def acquire(self, client: ContractClient) -> str:
        """The assistant id every run request of this contract run uses."""
        ...

    async def release(self, client: ContractClient) -> None:
        """Undo whatever :meth:`acquire` made."""
        ...


@dataclass(frozen=True, slots=True)
class ConfiguredAssistant:
    """An assistant that already exists on the server, named by ``--assistant-id``."""

    assistant_id: str

    async def acquire(self, client: ContractClient) -> str:
        return self.assistant_id

    async def release(self, client: ContractClient) -> None:
        return None


def provider_for(assistant_id: str) -> AssistantProvider:
    return ConfiguredAssistant(assistant_id)
