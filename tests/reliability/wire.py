"""Raw HTTP/1.1 over a socket to 127.0.0.1: requests no well-behaved client library would send."""

from __future__ import annotations

import socket
from collections.abc import Iterable

from tests.reliability.support import Reply

TIMEOUT = 30.0


def port_of(base_url: str) -> int:
    return int(base_url.rsplit(":", 1)[1].split("/", 1)[0])


def exchange(port: int, pieces: Iterable[bytes], close_early: bool = False) -> Reply | None:
    """Send ``pieces`` on a fresh connection and read one response; None when none comes.

    ``close_early``: hang up right after sending, as a client that gives up mid-request does.
    """
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        try:
            for piece in pieces:
                sock.sendall(piece)
        except OSError:  # the server may refuse and close before reading everything
            pass
        if close_early:
            return None
        return _read(sock)


def _read(sock: socket.socket) -> Reply | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = _recv(sock)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "-1"))
    while length < 0 or len(body) < length:
        chunk = _recv(sock)
        if not chunk:
            break
        body += chunk
    return Reply(status, headers, body if length < 0 else body[:length])


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(1 << 16)
    except ConnectionResetError:
        return b""


def request(method: str, target: bytes, headers: Iterable[tuple[bytes, bytes]], body: bytes = b"") -> bytes:
    lines = [b"%s %s HTTP/1.1" % (method.encode(), target), b"host: 127.0.0.1", b"connection: close"]
    lines += [k + b": " + v for k, v in headers]
    if body:
        lines.append(b"content-length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def chunked(body: bytes, size: int) -> Iterable[bytes]:
    for start in range(0, len(body), size):
        piece = body[start : start + size]
        yield b"%x\r\n%s\r\n" % (len(piece), piece)
    yield b"0\r\n\r\n"
