"""The one place that decides which assistant a run's requests name.

Runs need an assistant. ``--assistant-id`` names one that already exists on the server
(:class:`ConfiguredAssistant`); without it, :class:`CreatedAssistant` makes one for the contract run
through ``POST /assistants`` and deletes it afterwards, and falls back to a placeholder id when the
server does not offer that route (a server that serves threads only). The runner asks
:meth:`~AssistantProvider.acquire` once before the checks and calls :meth:`~AssistantProvider.release`
during cleanup, whatever happened in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from threadspec.contract.client import BudgetExhaustedError, ContractClient
from threadspec.contract.exchange import Exchange
from threadspec.contract.judge import is_success, message_of
from threadspec.contract.resources import ASSISTANT

CREATE, DELETE = "createAssistant", "deleteAssistant"


class AssistantProvider(Protocol):
    async def acquire(self, client: ContractClient) -> str:
        """The assistant id every run request of this contract run uses."""
        ...

    async def release(self, client: ContractClient) -> None:
        """Undo whatever :meth:`acquire` made."""
        ...

    @property
    def story(self) -> str:
        """Where the assistant came from, in a sentence for the progress output and the report."""
        ...


@dataclass(frozen=True, slots=True)
class ConfiguredAssistant:
    """An assistant that already exists on the server, named by ``--assistant-id``."""

    assistant_id: str

    async def acquire(self, client: ContractClient) -> str:
        return self.assistant_id

    async def release(self, client: ContractClient) -> None:
        return None

    @property
    def story(self) -> str:
        return f"runs use the assistant {self.assistant_id} (--assistant-id)"


class CreatedAssistant:
    """An assistant made for this contract run with ``POST /assistants`` and deleted at its end.

    A server that answers the creation with anything but a 2xx and an id does not offer the route
    (the ``createAssistant`` checks say what is wrong with it, should it be meant to): runs then name
    ``fallback``, a placeholder that servers without assistants accept.
    """

    def __init__(self, fallback: str) -> None:
        self.fallback = fallback
        self.created: str | None = None
        self.story = f"runs name the placeholder assistant {fallback}"

    async def acquire(self, client: ContractClient) -> str:
        if CREATE not in client.contract.operations():
            return self.fallback
        try:
            exchange = await client.call(CREATE, body=dict(ASSISTANT))
        except BudgetExhaustedError:  # every check will say that the budget was spent
            return self.fallback
        made = exchange.json() if is_success(exchange) else None
        ident = made.get("id") if isinstance(made, dict) else None
        if not isinstance(ident, str) or not ident:
            self.story = f"{self.story}: {_no_assistant(exchange)}; name one with --assistant-id"
            return self.fallback
        self.created = ident
        self.story = f"runs use the assistant {ident}, created for this run and deleted after it"
        return ident

    async def release(self, client: ContractClient) -> None:
        if self.created is None:
            return
        exchange = await client.call(DELETE, {"assistant_id": self.created})
        if exchange.status in (200, 404):  # else it stays remembered: the client's cleanup reports it
            client.assistants.pop(self.created, None)
        self.created = None


def _no_assistant(exchange: Exchange) -> str:
    if exchange.response is None:
        return f"POST /assistants got no answer ({exchange.error})"
    if is_success(exchange):
        return "POST /assistants answered no assistant id"
    return f"POST /assistants answered {exchange.status} ({message_of(exchange)})"


def provider_for(assistant_id: str | None, fallback: str) -> AssistantProvider:
    """The configured assistant when there is one; else one the run makes (or ``fallback``)."""
    return ConfiguredAssistant(assistant_id) if assistant_id else CreatedAssistant(fallback)
