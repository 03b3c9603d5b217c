"""The mock's operations behind one lock: stateful on a kept store, or stateless on scratch ones."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from threadspec._contract import Contract
from threadspec.asgi import MatchedRequest
from threadspec.mock import assistants, runs, threads
from threadspec.mock.backend import Backend
from threadspec.mock.config import MockConfig
from threadspec.mock.events import Reply
from threadspec.mock.lifecycle import Lifecycle
from threadspec.mock.memory_store import MemoryStore, ScratchStore
from threadspec.mock.profile import Profile
from threadspec.mock.records import Store
from threadspec.mock.script import Script
from threadspec.mock.sqlite_store import SqliteStore
from threadspec.mock.stateless import stage

Handler = Callable[[Lifecycle, MatchedRequest], Reply]

HANDLERS: dict[str, Handler] = {
    "createThread": threads.create_thread,
    "createThreadAndRun": runs.create_thread_and_run,
    "getThread": threads.get_thread,
    "modifyThread": threads.modify_thread,
    "deleteThread": threads.delete_thread,
    "listMessages": threads.list_messages,
    "createMessage": threads.create_message,
    "getMessage": threads.get_message,
    "modifyMessage": threads.modify_message,
    "deleteMessage": threads.delete_message,
    "listRuns": runs.list_runs,
    "createRun": runs.create_run,
    "getRun": runs.get_run,
    "modifyRun": runs.modify_run,
    "cancelRun": runs.cancel_run,
    "listRunSteps": runs.list_run_steps,
    "getRunStep": runs.get_run_step,
    "submitToolOuputsToRun": runs.submit_tool_outputs,
    "createAssistant": assistants.create_assistant,
    "listAssistants": assistants.list_assistants,
    "getAssistant": assistants.get_assistant,
    "modifyAssistant": assistants.modify_assistant,
    "deleteAssistant": assistants.delete_assistant,
    "listAssistantFiles": assistants.list_assistant_files,
    "createAssistantFile": assistants.create_assistant_file,
    "getAssistantFile": assistants.get_assistant_file,
    "deleteAssistantFile": assistants.delete_assistant_file,
    "listMessageFiles": threads.list_message_files,
    "getMessageFile": threads.get_message_file,
}
_STATELESS: dict[str, Handler] = {
    **HANDLERS,
    "submitToolOuputsToRun": partial(runs.submit_tool_outputs, strict=False),
}


def open_store(config: MockConfig) -> Store:
    return MemoryStore() if config.db is None else SqliteStore(config.db)


class Service:
    """Answers validated requests; one at a time, each in its own store transaction, each as the profile
    its ``OpenAI-Beta`` header chose (the contract on the request) — one store for every profile.

    ``handle`` blocks (SQLite writes, the lock): the app calls it from a worker thread.
    """

    def __init__(self, config: MockConfig) -> None:
        self.config = config
        self.script = Script.load(config.reply_file)
        # stateless: the store each request starts in, emptied first; its sequence goes on from request
        # to request, so seeded ids never repeat (the tests put a MemoryStore here, to compare)
        self.scratch: MemoryStore = ScratchStore()
        self.store: Store = open_store(config) if config.mode == "stateful" else self.scratch
        self._lock = threading.Lock()
        self._stateless_config = replace(config, advance="instant")
        # one lifecycle per contract (and store): a backend holds nothing of any one request
        self._lifecycles: dict[tuple[Contract, Store], Lifecycle] = {}

    def handle(self, request: MatchedRequest) -> Reply:
        """The reply to a request; raises :class:`ApiError` for the API's error answers."""
        with self._lock:
            if self.config.mode == "stateless":
                return self._stateless(request)
            life = self.lifecycle(request.contract)
            with self.store.transaction():
                runs.catch_up(life, request)
                return HANDLERS[request.operation_id](life, request)

    def lifecycle(self, contract: Contract | None = None) -> Lifecycle:
        """The operations on the kept store, for requests of ``contract``'s profile (default: the first served)."""
        return self._lifecycle(contract or self.config.contracts()[0], self.store, self.config)

    def _lifecycle(self, contract: Contract, store: Store, config: MockConfig) -> Lifecycle:
        life = self._lifecycles.get((contract, store))
        if life is None:
            life = Lifecycle(Backend(store, config, self.script, Profile.of(contract)))
            self._lifecycles[(contract, store)] = life
        return life

    def _stateless(self, request: MatchedRequest) -> Reply:
        self.scratch.clear()  # nothing of the last request is there (not even of one that failed)
        life = self._lifecycle(request.contract, self.scratch, self._stateless_config)
        stage(life, request)
        return _STATELESS[request.operation_id](life, request)

    def close(self) -> None:
        with self._lock:
            self.store.close()
