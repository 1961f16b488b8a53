"""The spoiling proxy itself: each mode does what it says, and stopping leaves nothing behind."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from imagebuilder_sdk.testing import Emulator
from tests.reliability.proxy import Mode, Proxy

LIST = "/ListComponents"


_OPEN: list[http.client.HTTPConnection] = []


@pytest.fixture
def proxy(emulator: Emulator) -> Iterator[Proxy]:
    """A proxy in front of the served emulator; the test's connections close at the end."""
    with emulator.serve() as url, Proxy(url) as started:
        yield started
        while _OPEN:
            _OPEN.pop().close()


def _connection(proxy: Proxy, timeout: float = 30.0) -> http.client.HTTPConnection:
    parts = urlsplit(proxy.url)
    assert parts.hostname is not None
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    _OPEN.append(connection)
    return connection


def _list(connection: http.client.HTTPConnection) -> http.client.HTTPResponse:
    connection.request("POST", LIST, body=b"{}", headers={"Content-Type": "application/json"})
    return connection.getresponse()


def test_pass_relays_the_answer_and_keeps_the_connection(proxy: Proxy) -> None:
    """Passed requests get the server's answer whole, twice on one connection."""
    connection = _connection(proxy)
    for _ in range(2):
        answer = _list(connection)
        assert answer.status == 200
        assert "componentVersionList" in json.loads(answer.read())
    connection.close()
    assert proxy.requests == [("ListComponents", Mode.PASS)] * 2


def test_short_body_cuts_the_body_and_closes(proxy: Proxy) -> None:
    """SHORT_BODY keeps the announced length, sends half the body, then closes."""
    proxy.spoil("ListComponents", Mode.SHORT_BODY)
    answer = _list(_connection(proxy))
    announced = int(answer.headers["Content-Length"])
    with pytest.raises(http.client.IncompleteRead) as caught:
        answer.read()
    assert len(caught.value.partial) == announced // 2
    assert proxy.spoiled == [("ListComponents", Mode.SHORT_BODY)]


@pytest.mark.parametrize(("mode", "body"), [(Mode.EMPTY_BODY, b""), (Mode.NOT_JSON, b"<html>")])
def test_empty_and_not_json_answer_200(proxy: Proxy, mode: Mode, body: bytes) -> None:
    """EMPTY_BODY and NOT_JSON answer 200 with a body of their own, then pass again."""
    proxy.spoil(None, mode)
    connection = _connection(proxy)
    answer = _list(connection)
    assert answer.status == 200
    assert answer.read().startswith(body)
    assert json.loads(_list(connection).read())["componentVersionList"] == []


def test_drop_after_work_lets_the_server_act(proxy: Proxy, emulator: Emulator) -> None:
    """DROP_AFTER_WORK: the server handled the request, the client got no answer."""
    proxy.spoil("ListComponents", Mode.DROP_AFTER_WORK)
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        _list(_connection(proxy))
    assert [r.operation for r in emulator.requests] == ["ListComponents"]


def test_hang_answers_nothing_until_the_client_gives_up(proxy: Proxy, emulator: Emulator) -> None:
    """HANG forwards nothing; the client's read times out; the proxy then lets go."""
    proxy.spoil("ListComponents", Mode.HANG)
    connection = _connection(proxy, timeout=0.2)
    with pytest.raises(TimeoutError):
        _list(connection)
    connection.close()
    assert list(emulator.requests) == []
    assert proxy.spoiled == [("ListComponents", Mode.HANG)]


def test_rules_select_by_operation_and_count(proxy: Proxy) -> None:
    """A rule skips `skip` matching requests, spoils `times`, then passes the rest."""
    proxy.spoil("ListComponents", Mode.NOT_JSON, skip=1, times=2)
    connection = _connection(proxy)
    statuses = [_list(connection).read().startswith(b"{") for _ in range(4)]
    assert statuses == [True, False, False, True]
    assert proxy.count("ListComponents", Mode.NOT_JSON) == 2


def test_stop_closes_connections_and_joins_threads(emulator: Emulator) -> None:
    """Stopping with a hung request and an idle connection leaves no proxy thread."""
    held = threading.Event()
    with emulator.serve() as url:
        with Proxy(url, on_request=lambda operation, mode: held.set()) as proxy:
            proxy.spoil(None, Mode.HANG)
            address = ("127.0.0.1", int(urlsplit(proxy.url).port or 0))
            hung = socket.create_connection(address)
            hung.sendall(b"POST /ListComponents HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
            idle = socket.create_connection(address)
            assert held.wait(30)  # the proxy holds the hung request
        assert [t for t in threading.enumerate() if t.name.startswith("proxy-")] == []
        assert hung.recv(1) == b""  # the proxy closed its end
        hung.close()
        idle.close()
