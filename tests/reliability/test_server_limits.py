"""The served emulator under load and abuse: a real backlog, bounded echoes, a connection cap.

Each limit is checked by counting (connections answered, threads alive, bytes sent
back), never by timing: what a small backlog costs is time, so the backlog is read
from the listening socket's configuration, and a burst of connects larger than the old
backlog of 5 must all be accepted.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from urllib.parse import urlsplit

import pytest

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing import Emulator, _server
from imagebuilder_sdk.testing._echo import MAX_ECHO_CHARS, MAX_MESSAGE_CHARS
from imagebuilder_sdk.testing._protocol import HttpRequest, HttpResponse
from tests.reliability.conftest import Figures
from tests.reliability.support import http_facade

#: The cap used by the tests (small, so holding it open is cheap).
CAP = 8
#: Connects in a burst: several times socketserver's old backlog of 5.
BURST = 100


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return str(parts.hostname), int(parts.port or 0)


def _connection_threads(url: str) -> int:
    name = f"imagebuilder-emulator-connection:{_address(url)[1]}"
    return sum(1 for thread in threading.enumerate() if thread.name == name)


def _until(condition: Callable[[], bool]) -> bool:
    """Wait for `condition` (checked every 10 ms, for at most 60 s); return it."""
    event = threading.Event()
    for _ in range(6000):
        if condition():
            return True
        event.wait(0.01)
    return condition()


@contextmanager
def _idle(url: str, count: int) -> Iterator[list[socket.socket]]:
    """`count` connections that send nothing (half-open as far as HTTP goes)."""
    sockets = [socket.create_connection(_address(url)) for _ in range(count)]
    try:
        yield sockets
    finally:
        for sock in sockets:
            sock.close()


def _list(url: str) -> tuple[int, dict[str, str], bytes]:
    host, port = _address(url)
    with closing(http.client.HTTPConnection(host, port, timeout=60)) as connection:
        connection.request("POST", "/ListComponents", body=b"{}")
        answer = connection.getresponse()
        return answer.status, dict(answer.headers.items()), answer.read()


def _not_found(request: HttpRequest) -> HttpResponse:
    return HttpResponse(404, {}, b"")


def test_backlog_holds_a_burst_of_connects(figures: Figures) -> None:
    """With nothing accepting, 100 connects all complete: the kernel queues them.

    With socketserver's old backlog of 5 the kernel drops the SYNs past the queue,
    and those connects stall (here: fail their 2-second connect timeout).
    """
    server = _server._Server(("127.0.0.1", 0), _not_found, max_connections=1)
    address = ("127.0.0.1", int(server.server_address[1]))
    connected: list[socket.socket] = []
    try:
        for _ in range(BURST):
            try:
                connected.append(socket.create_connection(address, timeout=2.0))
            except OSError:
                break
        assert len(connected) == BURST
    finally:
        for sock in connected:
            sock.close()
        server.stop_refusing()
        server.server_close()
    assert _server._Server.request_queue_size == _server.BACKLOG == 128
    figures.record("server.backlog", _server.BACKLOG)
    figures.record("server.sequential_connects", len(connected))


def test_connections_past_the_cap_get_503(emulator: Emulator, figures: Figures) -> None:
    """With CAP idle connections held, one more gets 503 and no thread of its own."""
    with emulator.serve(max_connections=CAP) as url:
        with _idle(url, CAP) as held:
            assert _until(lambda: _connection_threads(url) == CAP)
            refused = [_list(url) for _ in range(3)]
            threads_at_cap = _connection_threads(url)
            assert threads_at_cap == CAP
            for status, headers, body in refused:
                assert status == 503
                assert headers["x-amzn-errortype"] == "ServiceUnavailableException"
                assert f"limit of {CAP} connections" in json.loads(body)["message"]
            assert len(held) == CAP
        assert _until(lambda: _connection_threads(url) == 0)
        status, _, _ = _list(url)  # freed slots serve again
        assert status == 200
    figures.record("server.max_connections", CAP)
    figures.record("server.idle_connections", CAP)
    figures.record("server.threads_at_cap", threads_at_cap)
    figures.record("server.refused_503", len(refused))


def test_the_sdk_retries_a_503_past_the_cap(emulator: Emulator) -> None:
    """Past the cap the SDK gets 503, backs off (the idle clients leave), and succeeds."""
    with emulator.serve(max_connections=CAP) as url:
        idle = [socket.create_connection(_address(url)) for _ in range(CAP)]
        assert _until(lambda: _connection_threads(url) == CAP)
        slept: list[float] = []

        def back_off(seconds: float) -> None:
            slept.append(seconds)
            for sock in idle:
                sock.close()
            assert _until(lambda: _connection_threads(url) == 0)

        ib = http_facade(url, sleep=back_off)
        assert list(ib.components.list(owner="Self")) == []
        assert len(slept) == 1  # one 503, one retry


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
def test_max_connections_must_be_a_positive_integer(emulator: Emulator, bad: object) -> None:
    """A cap that is not an integer of at least 1 is refused before anything listens."""
    with (
        pytest.raises(ValidationError, match="max_connections"),
        emulator.serve(max_connections=bad),  # type: ignore[arg-type]
    ):
        pass


def _send(url: str, method: str, target: str, body: bytes) -> tuple[int, bytes]:
    host, port = _address(url)
    with closing(http.client.HTTPConnection(host, port, timeout=60)) as connection:
        connection.request(method, target, body=body)
        answer = connection.getresponse()
        return answer.status, answer.read()


def test_error_answers_echo_bad_values_in_part(emulator: Emulator, figures: Figures) -> None:
    """A six-megabyte bad value gets an answer of at most MAX_MESSAGE_CHARS characters."""
    huge = "n" * 6_000_000
    filters = {"filters": [{"name": huge, "values": ["x"]}]}
    component = {
        "name": "echo-check",
        "semanticVersion": "1.0.0",
        "platform": "Linux",
        "uri": "https://" + huge,
        "clientToken": "echo-token",
    }
    with emulator.serve() as url:
        answers = [
            _send(url, "POST", "/ListComponents", json.dumps(filters).encode()),
            _send(url, "PUT", "/CreateComponent", json.dumps(component).encode()),
            _send(url, "POST", "/ListComponents", json.dumps({"maxResults": huge}).encode()),
        ]
    for status, body in answers:
        assert 400 <= status < 500
        message = json.loads(body)["message"]
        assert len(message) <= MAX_MESSAGE_CHARS
        assert "n" * (MAX_ECHO_CHARS + 1) not in message
    figures.record("server.echo_request_chars", len(huge))
    figures.record("server.echo_answer_bytes", max(len(body) for _, body in answers))
