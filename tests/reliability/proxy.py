"""A TCP proxy on loopback that spoils chosen answers between a client and a served emulator.

The proxy listens on 127.0.0.1, reads each HTTP request a client sends, and either
forwards it to the upstream server and relays the answer whole (the default), or spoils
the exchange in one of the ways a real network or a broken middlebox does. It is a
context manager: the test starts it and stops it, and stopping closes every socket and
joins every thread it started::

    with emulator.serve() as url, Proxy(url) as proxy:
        proxy.spoil("GetComponent", Mode.SHORT_BODY)          # the next GetComponent only
        proxy.spoil(None, Mode.EMPTY_BODY, skip=2, times=3)   # requests 3 to 5, any operation
        ib = http_facade(proxy.url, sleep=emulator.advance)
        ...
        assert proxy.spoiled == [("GetComponent", Mode.SHORT_BODY), ...]

Requests are matched by operation (the first path segment of the rest-json URI; the tag
operations by their method) and counted per rule: a rule lets `skip` matching requests
through, then spoils the next `times` of them (`times=None`: every one after). The
first rule that matches a request decides it.
"""

from __future__ import annotations

import contextlib
import enum
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit

__all__ = ["Mode", "Proxy", "operation_of"]

_TAG_OPERATIONS = {"GET": "ListTagsForResource", "POST": "TagResource", "DELETE": "UntagResource"}
_NOT_JSON = b"<html><body><h1>502 Bad Gateway</h1></body></html>"


class Mode(enum.Enum):
    """What the proxy does with one request and its answer."""

    PASS = "pass"
    """Forward the request, relay the answer whole."""
    SHORT_BODY = "short_body"
    """Forward; relay the answer's status and headers and half its body, then close."""
    EMPTY_BODY = "empty_body"
    """Forward; answer ``200`` with an empty body (``Content-Length: 0``)."""
    NOT_JSON = "not_json"
    """Forward; answer ``200`` with an HTML page instead of the JSON."""
    DROP_AFTER_WORK = "drop_after_work"
    """Forward and read the whole answer (the server did the work), then close unanswered."""
    HANG = "hang"
    """Forward nothing and answer nothing until the client gives up (its read timeout)."""


def operation_of(method: str, target: str) -> str:
    """The Image Builder operation a rest-json request calls.

    >>> operation_of("GET", "/GetImage?imageBuildVersionArn=x")
    'GetImage'
    >>> operation_of("POST", "/tags/arn%3Aaws%3Aimagebuilder")
    'TagResource'
    """
    first = target.split("?", 1)[0].lstrip("/").split("/", 1)[0]
    if first == "tags":
        return _TAG_OPERATIONS.get(method.upper(), "tags")
    return first


@dataclass
class _Rule:
    operation: str | None
    mode: Mode
    skip: int
    times: int | None
    seen: int = 0
    applied: int = 0

    def decide(self, operation: str) -> Mode | None:
        """This rule's mode for the request, or None when the rule does not apply."""
        if self.operation is not None and self.operation != operation:
            return None
        self.seen += 1
        if self.seen <= self.skip:
            return None
        if self.times is not None and self.applied >= self.times:
            return None
        self.applied += 1
        return self.mode


class _Closed(Exception):
    """The peer closed its end before a whole HTTP message arrived."""


def _read_message(sock: socket.socket, buffer: bytearray) -> tuple[bytes, bytes]:
    """One HTTP message (head, body) from `sock`; bytes past it stay in `buffer`."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    del buffer[:end]
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(buffer) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buffer += chunk
    body = bytes(buffer[:length])
    del buffer[:length]
    return head, body


def _with_body(head: bytes, body: bytes, *, status: bytes | None = None) -> bytes:
    """`head` with its Content-Length (and optionally its status line) replaced, then `body`."""
    lines = head.rstrip(b"\r\n").split(b"\r\n")
    first = status if status is not None else lines[0]
    kept = [line for line in lines[1:] if not line.lower().startswith(b"content-length:")]
    kept.append(b"Content-Length: " + str(len(body)).encode())
    return b"\r\n".join([first, *kept]) + b"\r\n\r\n" + body


class Proxy:
    """A loopback TCP proxy in front of `upstream` (an ``http://host:port`` URL).

    `on_request(operation, mode)` is called for every request once its mode is decided,
    before anything is forwarded: a test can advance a virtual clock there, so that a
    hung request costs the time a read timeout stands for.
    """

    def __init__(
        self,
        upstream: str,
        *,
        on_request: Callable[[str, Mode], object] | None = None,
    ) -> None:
        parts = urlsplit(upstream)
        if parts.hostname is None or parts.port is None:
            raise ValueError(f"upstream must be http://host:port, got {upstream!r}")
        self._upstream = (parts.hostname, parts.port)
        self._on_request = on_request
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        #: Every request seen, in order: (operation, mode).
        self.requests: list[tuple[str, Mode]] = []
        #: The hung requests whose client has since given up (closed its connection).
        self.released = 0
        self.url = ""

    # -- rules -------------------------------------------------------------------------

    def spoil(
        self, operation: str | None, mode: Mode, *, skip: int = 0, times: int | None = 1
    ) -> None:
        """Spoil `times` requests of `operation` (None: any) after letting `skip` through."""
        with self._lock:
            self._rules.append(_Rule(operation, mode, skip, times))

    def clear(self) -> None:
        """Forget every rule: from now on every request passes."""
        with self._lock:
            self._rules.clear()

    @property
    def spoiled(self) -> list[tuple[str, Mode]]:
        """The requests that were not passed through whole, in order."""
        with self._lock:
            return [(op, mode) for op, mode in self.requests if mode is not Mode.PASS]

    def count(self, operation: str | None = None, mode: Mode | None = None) -> int:
        """How many requests (of `operation`, handled in `mode`) the proxy has seen."""
        with self._lock:
            return sum(
                1
                for op, seen in self.requests
                if (operation is None or op == operation) and (mode is None or seen is mode)
            )

    def _decide(self, operation: str) -> Mode:
        with self._lock:
            mode = Mode.PASS
            for rule in self._rules:
                decided = rule.decide(operation)
                if decided is not None:
                    mode = decided
                    break
            self.requests.append((operation, mode))
        return mode

    # -- life cycle --------------------------------------------------------------------

    def __enter__(self) -> Proxy:
        listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self._listener = listener
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        self._start(self._accept, "proxy-accept")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Close every socket the proxy opened and join every thread it started."""
        self._stopping.set()
        if self._listener is not None:
            # shutdown() wakes the accept() that blocks in the accepting thread.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
        while True:
            # Shut every open socket so the thread blocked on it returns; repeat, as a
            # connection accepted a moment ago may have opened its socket since.
            with self._lock:
                sockets = list(self._sockets)
                threads = [t for t in self._threads if t.is_alive()]
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            if not threads:
                break
            for thread in threads:
                thread.join(timeout=0.5)
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def _start(self, target: Callable[..., None], name: str, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _track(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.add(sock)
        return sock

    def _forget(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        sock.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # the listener was closed: the proxy is stopping
            self._track(client)
            self._start(self._serve, "proxy-connection", client)

    # -- one client connection ---------------------------------------------------------

    @contextlib.contextmanager
    def _upstream_socket(self) -> Iterator[Callable[[], socket.socket]]:
        held: list[socket.socket] = []

        def connect() -> socket.socket:
            if not held:
                held.append(self._track(socket.create_connection(self._upstream)))
            return held[0]

        try:
            yield connect
        finally:
            for sock in held:
                self._forget(sock)

    def _serve(self, client: socket.socket) -> None:
        buffer = bytearray()
        upstream_buffer = bytearray()
        try:
            with self._upstream_socket() as upstream:
                while not self._stopping.is_set():
                    head, body = _read_message(client, buffer)
                    request_line = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
                    operation = operation_of(request_line[0], request_line[1])
                    mode = self._decide(operation)
                    if self._on_request is not None:
                        self._on_request(operation, mode)
                    if mode is Mode.HANG:
                        self._hang(client)
                        return
                    server = upstream()
                    server.sendall(head + body)
                    answer_head, answer = _read_message(server, upstream_buffer)
                    if not self._relay(client, mode, answer_head, answer):
                        return
        except (_Closed, OSError):
            return  # the client or the server closed its end, or the proxy is stopping
        finally:
            self._forget(client)

    def _relay(self, client: socket.socket, mode: Mode, head: bytes, body: bytes) -> bool:
        """Send the (spoiled) answer; False when the connection must close now."""
        if mode is Mode.PASS:
            client.sendall(head + body)
            return True
        if mode is Mode.SHORT_BODY:
            client.sendall(head + body[: len(body) // 2])
            return False
        if mode is Mode.EMPTY_BODY:
            client.sendall(_with_body(head, b"", status=b"HTTP/1.1 200 OK"))
            return True
        if mode is Mode.NOT_JSON:
            spoiled = _with_body(head, _NOT_JSON, status=b"HTTP/1.1 200 OK")
            client.sendall(spoiled.replace(b"application/json", b"text/html"))
            return True
        return False  # DROP_AFTER_WORK: the server answered, the client hears nothing

    def _hang(self, client: socket.socket) -> None:
        """Hold the connection, answering nothing, until the client closes it."""
        with contextlib.suppress(OSError):
            while client.recv(65536):
                pass
        with self._lock:
            self.released += 1
