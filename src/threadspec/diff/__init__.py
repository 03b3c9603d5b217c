"""What changed between two contracts, and whom it breaks: ``threadspec diff OLD NEW`` as a library.

::

    from threadspec import diff

    found = diff.compare(diff.load("v1"), diff.load("v2"))   # a profile name or a spec file
    for change in found.breaking:
        print(change.message)
    # CreateMessageRequest.file_ids: property removed (was optional; array of string)
    #     (request field removed: breaking for clients)
    print(diff.render.text(found))                            # or .markdown(found), .to_json(found)

Every change is judged per side of the API: a tightened request breaks clients, a widened response
breaks the clients that read it, a response status removed breaks the servers that send it. A component
used on both sides (``Metadata``) is judged for both. Limits are compared through the constraint
inventory of each contract (:mod:`threadspec.constraints`), so every limit threadspec checks is diffed
with its numbers; operations, parameters, bodies, responses, properties, union branches, types and the
``OpenAI-Beta`` version are compared around them.
"""

from __future__ import annotations

from threadspec.diff import render
from threadspec.diff._compare import compare, load
from threadspec.diff._model import (
    BREAKING_CLIENTS,
    BREAKING_SERVERS,
    CLASSIFICATIONS,
    COMPATIBLE,
    FAIL_ON,
    KINDS,
    Change,
    Classification,
    Direction,
    Impact,
    Side,
    Source,
    SpecDiff,
)

__all__ = [
    "BREAKING_CLIENTS",
    "BREAKING_SERVERS",
    "CLASSIFICATIONS",
    "COMPATIBLE",
    "FAIL_ON",
    "KINDS",
    "Change",
    "Classification",
    "Direction",
    "Impact",
    "Side",
    "Source",
    "SpecDiff",
    "compare",
    "load",
    "render",
]
