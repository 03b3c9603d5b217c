"""The hostile inputs: every one must be refused with a 4xx in the API's error envelope.

Each entry is one request and the status it must get. All of them break the contract in a way the
middleware itself catches, so the mock (either mode, either store) and a bare app behind the
middleware answer them alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tests.reliability.support import BETA, JSON

TEN_MB = 10 * 1024 * 1024
DEEP = 100_000


@dataclass(frozen=True, slots=True)
class Hostile:
    kind: str
    name: str
    method: str
    target: bytes
    body: bytes = b""
    headers: tuple[tuple[bytes, bytes], ...] = (BETA, JSON)
    status: int = 400


THREAD = b"/v1/threads/thread_abc"
MESSAGES = THREAD + b"/messages"
RUNS = THREAD + b"/runs"
VALID_RUN = (
    b'{"assistant_id": "asst_1", "instructions": "Be brief.", "metadata": {"k": "v"}, "temperature": 1}'
)


def _malformed() -> Iterator[Hostile]:
    for i, body in enumerate([
        b"{", b"}", b"[", b"{bad", b'{"role": "user",}', b'{"role" "user"}', b"{'role': 'user'}",
        b'{"role": "user"} x', b'{"a": 1}{"b": 2}', b"nul", b"tru", b"\x00", b'{"role": "us\x01er"}',
        b'{"role": undefined}', b"// c\n{}", b'{"a": 01}', b'{"a": .5}', b'{"a": +1}', b'{"a": 0x10}',
        b'{"a": 1.}', b'{"a": "\\x41"}', b'{"a": "\\u12"}', b'{"a": "\\', b"\xef\xbb\xbf{}",
        '{"role": "user", "content": "x"}'.encode("utf-16"), b'{"a": [1, 2,]}', b'{,}', b'{"a":}',
    ]):  # fmt: skip
        yield Hostile("malformed JSON", f"#{i} {body[:24]!r}", "POST", MESSAGES, body)


def _truncated() -> Iterator[Hostile]:
    # every proper prefix of a valid body; the empty one is a missing body, refused for its own reason
    for cut in range(len(VALID_RUN)):
        yield Hostile("truncated JSON", f"first {cut} bytes", "POST", RUNS, VALID_RUN[:cut])


def _bad_utf8() -> Iterator[Hostile]:
    for name, raw in [
        ("0xff", b"\xff"), ("0xfe", b"\xfe"), ("overlong /", b"\xc0\xaf"), ("surrogate bytes", b"\xed\xa0\x80"),
        ("cut 3-byte", b"\xe2\x82"), ("beyond U+10FFFF", b"\xf4\x90\x80\x80"), ("lone continuation", b"\x80"),
        ("escaped lone high surrogate", b"\\ud800"), ("escaped lone low surrogate", b"\\udc00"),
        ("escaped reversed pair", b"\\udc00\\ud800"),
    ]:  # fmt: skip
        yield Hostile(
            "invalid UTF-8",
            f"{name} in a value",
            "POST",
            MESSAGES,
            b'{"role": "user", "content": "a' + raw + b'"}',
        )
        yield Hostile(
            "invalid UTF-8",
            f"{name} in a key",
            "POST",
            MESSAGES,
            b'{"role": "user", "content": "a", "' + raw + b'": 1}',
        )


def _ten_megabytes() -> Iterator[Hostile]:
    yield Hostile(
        "10 MB body", "one 10 MB string", "POST", THREAD, b'{"metadata": {"k": "' + b"x" * TEN_MB + b'"}}'
    )
    yield Hostile("10 MB body", "10 MB of metadata keys", "POST", THREAD,
                  b'{"metadata": {' + b",".join(b'"k%07d": "v"' % i for i in range(TEN_MB // 16)) + b"}}")  # fmt: skip
    # not in `content`, whose union the reference validator words slowly (test_validator_limits.py)
    yield Hostile("10 MB body", "10 MB of array items", "POST", MESSAGES,
                  b'{"role": "user", "content": "x", "attachments": [' + b"1," * (TEN_MB // 2) + b"1]}")  # fmt: skip
    yield Hostile("10 MB body", "10 MB of garbage", "POST", MESSAGES, bytes(range(256)) * (TEN_MB // 256))


def _nesting() -> Iterator[Hostile]:
    yield Hostile(
        "100,000-level nesting", "arrays", "POST", THREAD, b'{"metadata": ' + b"[" * DEEP + b"]" * DEEP + b"}"
    )
    yield Hostile(
        "100,000-level nesting",
        "objects",
        "POST",
        THREAD,
        b'{"metadata": ' + b'{"a": ' * DEEP + b"1" + b"}" * DEEP + b"}",
    )
    yield Hostile(
        "100,000-level nesting",
        "mixed",
        "POST",
        THREAD,
        b'{"metadata": ' + b'[{"a": ' * (DEEP // 2) + b"1" + b"}]" * (DEEP // 2) + b"}",
    )
    yield Hostile("100,000-level nesting", "never closed", "POST", THREAD, b'{"metadata": ' + b"[" * DEEP)
    yield Hostile(
        "100,000-level nesting", "never opened", "POST", THREAD, b'{"metadata": 1' + b"]" * DEEP + b"}"
    )
    yield Hostile(
        "100,000-level nesting",
        "one past the limit",
        "POST",
        THREAD,
        b'{"metadata": ' + b"[" * 512 + b"]" * 512 + b"}",
    )
    yield Hostile("100,000-level nesting", "in a message's content", "POST", MESSAGES,
                  b'{"role": "user", "content": ' + b"[" * DEEP + b"]" * DEEP + b"}")  # fmt: skip


def _numbers() -> Iterator[Hostile]:
    big = str(2**4000).encode()
    for name, value in [
        ("1e400", b"1e400"), ("-1e400", b"-1e400"), ("1e309", b"1e309"), ("2**4000", big),
        ("-2**4000", b"-" + big), ("4000-digit decimal", b"0." + b"1" * 4000 + b"e4001"),
    ]:  # fmt: skip
        yield Hostile(
            "huge numbers",
            f"temperature {name}",
            "POST",
            RUNS,
            b'{"assistant_id": "a", "temperature": ' + value + b"}",
        )
        yield Hostile(
            "huge numbers", f"metadata value {name}", "POST", THREAD, b'{"metadata": {"k": ' + value + b"}}"
        )
    yield Hostile("huge numbers", "limit=2**4000", "GET", MESSAGES + b"?limit=" + big)
    yield Hostile("huge numbers", "limit=1e400", "GET", MESSAGES + b"?limit=1e400")
    yield Hostile("huge numbers", "limit=-2**4000", "GET", MESSAGES + b"?limit=-" + big)


def _nan() -> Iterator[Hostile]:
    for literal in (b"NaN", b"Infinity", b"-Infinity", b"nan", b"inf", b"-inf", b"+Infinity", b"1e999999"):
        yield Hostile(
            "NaN/Infinity",
            f"temperature {literal.decode()}",
            "POST",
            RUNS,
            b'{"assistant_id": "a", "temperature": ' + literal + b"}",
        )
        yield Hostile(
            "NaN/Infinity",
            f"metadata {literal.decode()}",
            "POST",
            THREAD,
            b'{"metadata": {"k": ' + literal + b"}}",
        )


def _duplicates() -> Iterator[Hostile]:
    for name, body in [
        ("top level", b'{"role": "user", "content": "x", "role": "assistant"}'),
        ("in metadata", b'{"role": "user", "content": "x", "metadata": {"a": "1", "a": "2"}}'),
        ("in a content part", b'{"role": "user", "content": [{"type": "text", "text": "a", "text": "b"}]}'),
        ("escaped spelling", b'{"role": "user", "content": "x", "r\\u006fle": "assistant"}'),
        ("valid either way", b'{"role": "user", "content": "x", "content": "x"}'),
    ]:  # fmt: skip
        yield Hostile("duplicate keys", name, "POST", MESSAGES, body)


def _content_types() -> Iterator[Hostile]:
    body = b'{"role": "user", "content": "x"}'
    for media in (b"text/plain", b"application/x-www-form-urlencoded", b"multipart/form-data; boundary=x",
                  b"application/xml", b"image/png", b"application/jsonx", b"json", b"*/*", b"\xff"):  # fmt: skip
        yield Hostile(
            "wrong Content-Type",
            media.decode("latin-1"),
            "POST",
            MESSAGES,
            body,
            (BETA, (b"content-type", media)),
        )
    yield Hostile("wrong Content-Type", "form body", "POST", MESSAGES, b"role=user&content=x",
                  (BETA, (b"content-type", b"application/x-www-form-urlencoded")))  # fmt: skip


def _missing_body() -> Iterator[Hostile]:
    for name, target in [
        ("createMessage", MESSAGES), ("createRun", RUNS), ("createThreadAndRun", b"/v1/threads/runs"),
        ("submitToolOuputsToRun", RUNS + b"/run_abc/submit_tool_outputs"),
    ]:  # fmt: skip
        yield Hostile("missing body", name, "POST", target)
        yield Hostile("missing body", f"{name}, whitespace only", "POST", target, b" \r\n\t ")
        yield Hostile("missing body", f"{name}, null", "POST", target, b"null")


def _paths() -> Iterator[Hostile]:
    for target, status in [
        (b"/v1/threads/..%2F..%2Fetc%2Fpasswd", 400), (b"/v1/threads/%2e%2e", 400), (b"/v1/threads/..", 400),
        (b"/v1/threads/../threads/thread_abc", 404), (b"/v1/../v1/threads/thread_abc", 404),
        (b"/%2e%2e/v1/threads/thread_abc", 404), (b"/v1/threads/thread_abc%2Fmessages", 400),
        (b"/v1/threads/thread_abc%00", 400), (b"/v1/threads/thread_abc%0A", 400), (b"/v1/threads/thread_abc%0D%0A", 400),
        (b"/v1/threads/thread_abc%20", 400), (b"/v1/threads/thread_%C3%A9", 400), (b"/v1/threads/thread_%ff", 400),
        (b"/v1/threads/%", 400), (b"/v1/threads/%zz", 400), (b"/v1/threads/thread_abc%252F", 400),
        (b"/v1/threads/%74hread_abc%255F", 400), (b"/v1/threads//messages", 400), (b"/v1//threads/thread_abc", 404),
        (b"/v1/threads/thread_abc/", 404), (b"/v1/threads/thread_abc;x=1", 400), (b"/v1/threads/thread_abc\\..\\x", 400),
        (b"/v1/threads/thread_abc/messages/..%2F..%2Fruns", 400), (b"/v1/threads/thread_abc/runs/run_1/steps/%2e", 400),
        (b"//v1/threads/thread_abc", 404), (b"/v1/threads/thread_abc#frag", 400), (b"/V1/THREADS/thread_abc", 404),
        (b"/v1/threads/msg_abc", 400), (b"/v1/threads/thread_abc/messages/thread_abc", 400),
        (b"http://evil.example/v1/threads/thread_abc", 404), (b"*", 404), (b"", 404),
    ]:  # fmt: skip
        yield Hostile("path tricks", target.decode("latin-1"), "GET", target, status=status)


def _long_ids() -> Iterator[Hostile]:
    for length in (65, 1000, 100_000, 1_000_000):
        target = b"/v1/threads/thread_" + b"a" * (length - 7)
        yield Hostile("very long ids", f"thread id of {length} characters", "GET", target)
        yield Hostile(
            "very long ids",
            f"message id of {length} characters",
            "GET",
            MESSAGES + b"/msg_" + b"b" * (length - 4),
        )
    yield Hostile(
        "very long ids",
        "1 MB cursor in a 64-character id's place",
        "GET",
        THREAD + b"/runs/run_" + b"c" * 1_000_000 + b"/steps",
    )


def _queries() -> Iterator[Hostile]:
    yield Hostile(
        "query tricks", "1,000 fields", "GET", MESSAGES + b"?" + b"&".join(b"f%d=1" % i for i in range(1000))
    )
    yield Hostile("query tricks", "order=%ff%fe", "GET", MESSAGES + b"?order=%ff%fe")
    yield Hostile("query tricks", "the last limit wins, and breaks", "GET", MESSAGES + b"?limit=1&limit=101")
    yield Hostile("query tricks", "limit=%00", "GET", MESSAGES + b"?limit=%00")
    yield Hostile(
        "query tricks", "include[] not allowed", "GET", RUNS + b"/run_abc/steps?include%5B%5D=../../etc"
    )


def _headers() -> Iterator[Hostile]:
    flood = tuple((b"x-h%d" % i, b"v") for i in range(10_000))
    yield Hostile("header floods", "10,000 headers", "GET", THREAD, headers=(BETA, JSON, *flood))
    yield Hostile(
        "header floods", "one 1 MB header", "GET", THREAD, headers=(BETA, JSON, (b"x-big", b"v" * 1_000_000))
    )
    yield Hostile("header floods", "257 headers", "GET", THREAD, headers=(BETA, JSON, *flood[:255]))
    yield Hostile(
        "header floods",
        "beta header of latin-1 bytes",
        "GET",
        THREAD,
        headers=((b"openai-beta", b"assistants=v2\xff"),),
    )
    yield Hostile(
        "header floods",
        "beta header 100 KB long",
        "GET",
        THREAD,
        headers=((b"openai-beta", b"assistants=v2" * 8000),),
    )
    yield Hostile("header floods", "no beta header", "GET", THREAD, headers=())


def _methods() -> Iterator[Hostile]:
    for method in ("TRACE", "CONNECT", "PATCH", "PUT", "OPTIONS", "HEAD", "FOO", "GET\x00"):
        yield Hostile("methods", method.encode("unicode_escape").decode(), method, THREAD, status=405)


def hostile_inputs() -> list[Hostile]:
    return [
        *_malformed(), *_truncated(), *_bad_utf8(), *_ten_megabytes(), *_nesting(), *_numbers(), *_nan(),
        *_duplicates(), *_content_types(), *_missing_body(), *_paths(), *_long_ids(), *_queries(),
        *_headers(), *_methods(),
    ]  # fmt: skip
