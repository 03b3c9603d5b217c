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
        self.store: Store = (
            open_store(config) if config.mode == "stateful" else MemoryStore()
        )  # no db: nothing kept
        self._lock = threading.Lock()
        self._stateless_config = replace(config, advance="instant")
        self._stateless_seq = 0
        # what a stateless request's scratch store is (the tests put MemoryStore beside it)
        self.scratch_store: Callable[[int], Store] = ScratchStore
        # one lifecycle per contract on the kept store: a backend holds nothing of any one request
        self._lifecycles: dict[Contract, Lifecycle] = {}

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
        chosen = contract or self.config.contracts()[0]
        life = self._lifecycles.get(chosen)
        if life is None:
            life = Lifecycle(Backend(self.store, self.config, self.script, Profile.of(chosen)))
            self._lifecycles[chosen] = life
        return life

    def _stateless(self, request: MatchedRequest) -> Reply:
        # a scratch store per request, numbered on from the last so seeded ids never repeat
        scratch = self.scratch_store(self._stateless_seq)
        profile = Profile.of(request.contract)
        life = Lifecycle(Backend(scratch, self._stateless_config, self.script, profile))
        stage(life, request)
        try:
            return _STATELESS[request.operation_id](life, request)
        finally:
            self._stateless_seq = scratch.peek_seq()

    def close(self) -> None:
        with self._lock:
            self.store.close()
