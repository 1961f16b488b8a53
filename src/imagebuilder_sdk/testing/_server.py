"""HTTP mode: serve the emulator on a local port, for the AWS CLI and any other client.

`serve` runs a `ThreadingHTTPServer` in a daemon thread for the length of a ``with``
block and yields its base URL; it binds to loopback unless told otherwise. Every request
goes through the same handler as attach mode. A dropped connection (an injected fault)
closes the socket without writing a response.

Limits keep a busy or hostile client from starving the others: the listen backlog
holds `BACKLOG` connections not yet accepted (socketserver's default of 5 makes a
burst of connects wait for the kernel's retransmission), and at most
`max_connections` connections are served at once, one thread each. A connection past
the cap is answered ``503 ServiceUnavailableException`` by a single refusing thread and
closed; an HTTP client retries it like any 503.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing._faults import ConnectionDropped
from imagebuilder_sdk.testing._protocol import MAX_BODY_BYTES, HttpRequest, HttpResponse

__all__ = ["BACKLOG", "MAX_CONNECTIONS", "serve"]

logger = logging.getLogger("imagebuilder_sdk.testing")

Handler = Callable[[HttpRequest], HttpResponse]

#: Connections the kernel queues before the server accepts them.
BACKLOG = 128
#: Connections served at once by default; more are answered 503 and closed.
MAX_CONNECTIONS = 64
#: Refused connections waiting for their 503; more are closed without an answer.
_REFUSALS_QUEUED = 256
#: How long the refusing thread waits for a refused client's request, in seconds.
_REFUSAL_READ_TIMEOUT = 1.0


def _busy_answer(max_connections: int) -> bytes:
    body = json.dumps(
        {
            "message": f"The emulator is serving its limit of {max_connections} connections; "
            "retry later."
        }
    ).encode("utf-8")
    head = (
        "HTTP/1.1 503 Service Unavailable\r\n"
        "Content-Type: application/json\r\n"
        "x-amzn-errortype: ServiceUnavailableException\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class _Server(ThreadingHTTPServer):
    """A threading HTTP server that knows its open connections, to close them on exit."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        handle: Handler,
        max_connections: int,
        backlog: int = BACKLOG,
    ) -> None:
        self.request_queue_size = backlog
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.handle = handle
        self.max_connections = max_connections
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._refusals: queue.Queue[socket.socket | None] = queue.Queue(_REFUSALS_QUEUED)
        super().__init__(address, _RequestHandler)
        port = self.server_address[1]
        self._refuser = threading.Thread(
            target=self._refuse_all, name=f"imagebuilder-emulator-refuser:{port}", daemon=True
        )
        self._refuser.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            full = len(self._open) >= self.max_connections
            if not full:
                self._open.add(request)
        if full:
            try:
                self._refusals.put_nowait(request)
            except queue.Full:  # refusing takes a moment; past that, just close
                self.shutdown_request(request)
            return
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"imagebuilder-emulator-connection:{self.server_address[1]}",
            daemon=True,
        )
        thread.start()

    def _refuse_all(self) -> None:
        """Answer each refused connection 503, in one thread whatever their number."""
        answer = _busy_answer(self.max_connections)
        while (sock := self._refusals.get()) is not None:
            with contextlib.suppress(OSError):  # the client may be gone already
                # Read the request first: closing on unread data would reset the
                # connection, and the client would never see the answer.
                sock.settimeout(_REFUSAL_READ_TIMEOUT)
                received = b""
                while b"\r\n\r\n" not in received and len(received) < 65536:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                sock.sendall(answer)
                sock.shutdown(socket.SHUT_WR)
            sock.close()

    def stop_refusing(self) -> None:
        """End the refusing thread (after the connections queued before this)."""
        self._refusals.put(None)
        self._refuser.join()

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Shut every kept-alive connection so its thread ends."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):  # the peer may have closed it already
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        logger.debug("connection from %s failed", client_address, exc_info=True)


def _plain_error(status: int, code: str, message: str) -> HttpResponse:
    body = json.dumps({"message": message}).encode("utf-8")
    headers = {"Content-Type": "application/json", "x-amzn-errortype": code}
    return HttpResponse(status, headers, body)


class _RequestHandler(BaseHTTPRequestHandler):
    """Reads one request, hands it to the emulator, writes its answer."""

    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "imagebuilder-emulator"
    #: Idle kept-alive connections are closed after this many seconds.
    timeout = 120
    #: Small answers go out at once instead of waiting on Nagle's algorithm.
    disable_nagle_algorithm = True

    def _serve(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            self._reply(_plain_error(411, "LengthRequiredException", "Send a Content-Length"))
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._reply(_plain_error(400, "SerializationException", "Bad Content-Length"))
            return
        if length > MAX_BODY_BYTES:
            message = f"The request body exceeds {MAX_BODY_BYTES} bytes"
            self.close_connection = True  # the unread body must not be read as a request
            self._reply(_plain_error(413, "RequestEntityTooLargeException", message))
            return
        body = self.rfile.read(length) if length else b""
        request = HttpRequest(self.command, self.path, dict(self.headers.items()), body)
        try:
            response = self.server.handle(request)
        except ConnectionDropped:
            self.close_connection = True
            return
        except Exception:
            logger.exception("the emulator failed on %s %s", self.command, self.path)
            response = _plain_error(500, "ServiceException", "Internal error in the emulator")
        self._reply(response)

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = do_OPTIONS = _serve

    def _reply(self, response: HttpResponse) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - %s", self.address_string(), format % args)


@contextmanager
def serve(
    handle: Handler,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    max_connections: int = MAX_CONNECTIONS,
    _backlog: int = BACKLOG,
) -> Iterator[str]:
    """Serve `handle` over HTTP while the block runs; yields ``http://host:port``.

    At most `max_connections` connections are served at once; one more is answered
    ``503`` with a message saying so, and closed.

    `_backlog` is for the benchmarks only (``benchmarks/throughput.py``): with
    socketserver's old backlog of 5 and a `max_connections` no client reaches, the
    server is configured as it was before the reliability fixes, so both can be
    measured side by side. Nothing else should change it.
    """
    if isinstance(max_connections, bool) or not isinstance(max_connections, int):
        raise ValidationError(
            "max_connections", "must be an integer of at least 1", value=max_connections
        )
    if max_connections < 1:
        raise ValidationError(
            "max_connections", f"must be at least 1, got {max_connections}", value=max_connections
        )
    server = _Server((host, port), handle, max_connections, _backlog)
    bound_host, bound_port = server.server_address[:2]
    if isinstance(bound_host, bytes):
        bound_host = bound_host.decode()
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"imagebuilder-emulator:{bound_port}",
        daemon=True,
    )
    thread.start()
    try:
        yield f"http://{shown}:{bound_port}"
    finally:
        server.shutdown()
        server.close_connections()
        server.stop_refusing()
        server.server_close()
        thread.join()
