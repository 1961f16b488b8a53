"""HTTP mode: serve the emulator on a local port, for the AWS CLI and any other client.

`serve` runs a `ThreadingHTTPServer` in a daemon thread for the length of a ``with``
block and yields its base URL; it binds to loopback unless told otherwise. Every request
goes through the same handler as attach mode. A dropped connection (an injected fault)
closes the socket without writing a response.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from imagebuilder_sdk.testing._faults import ConnectionDropped
from imagebuilder_sdk.testing._protocol import MAX_BODY_BYTES, HttpRequest, HttpResponse

__all__ = ["serve"]

logger = logging.getLogger("imagebuilder_sdk.testing")

Handler = Callable[[HttpRequest], HttpResponse]


class _Server(ThreadingHTTPServer):
    """A threading HTTP server that knows its open connections, to close them on exit."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handle: Handler) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.handle = handle
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _RequestHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

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
def serve(handle: Handler, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `handle` over HTTP while the block runs; yields ``http://host:port``."""
    server = _Server((host, port), handle)
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
        server.server_close()
        thread.join()
