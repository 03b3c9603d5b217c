"""Ids in the API's form, reproducible under a seed; the mock's clocks."""

from __future__ import annotations

import re
import string
from collections import Counter

from threadspec.mock.ids import SEEDED_EPOCH, IdMaker, make_clock

ID = re.compile(r"^(thread|msg|run|step|call)_[A-Za-z0-9]{24}$")


def test_seeded_ids_repeat_and_differ_by_kind_counter_and_seed() -> None:
    made = IdMaker(1).make("thread", 1)
    assert ID.match(made)
    assert IdMaker(1).make("thread", 1) == made
    assert (
        len({made, IdMaker(1).make("run", 1), IdMaker(1).make("thread", 2), IdMaker(2).make("thread", 1)})
        == 4
    )


def test_random_ids_do_not_repeat() -> None:
    ids = {IdMaker(None).make("msg", 1) for _ in range(200)}
    assert len(ids) == 200
    assert all(ID.match(i) for i in ids)


def test_clocks() -> None:
    seq = [5]
    assert make_clock(lambda: 12.9, seeded=True, seq=lambda: seq[0])() == 12
    seeded = make_clock(None, seeded=True, seq=lambda: seq[0])
    assert seeded() == SEEDED_EPOCH + 5
    seq[0] = 6
    assert seeded() == SEEDED_EPOCH + 6
    assert make_clock(None, seeded=False, seq=lambda: 0)() > SEEDED_EPOCH


def test_random_ids_use_every_digit_evenly() -> None:
    """Random ids draw each of the 62 digits alike (a digit's count stays within 7 standard deviations)."""
    drawn = "".join(IdMaker(None).make("run", 1).removeprefix("run_") for _ in range(3100))
    counts = Counter(drawn)
    expected = len(drawn) / 62
    assert set(counts) == set(string.digits + string.ascii_letters)
    assert all(abs(n - expected) < 7 * expected**0.5 for n in counts.values())
