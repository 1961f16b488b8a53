"""The HTTP emulator under malformed requests: the right 4xx, and it keeps serving.

Each bad request is sent by hand with `http.client` (or a raw socket), and every
answer is checked: its status, the error type header for the emulator's own answers.
After the bad requests, a valid call must still work.
"""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from imagebuilder_sdk.testing import Emulator
from imagebuilder_sdk.testing._protocol import MAX_BODY_BYTES
from tests.reliability.conftest import Figures
from tests.reliability.support import LINUX_DOC

VALID_COMPONENT = {
    "name": "comp-one",
    "semanticVersion": "1.0.0",
    "platform": "Linux",
    "data": LINUX_DOC,
    "clientToken": "token-one",
}


@dataclass(frozen=True)
class Bad:
    """A malformed request and the answer it must get."""

    label: str
    method: str
    target: str
    status: int
    #: The ``x-amzn-errortype`` of the emulator's own answers; None for the HTTP layer's.
    error_type: str | None
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    #: Send the headers only (with a Content-Length of our own, or none at all).
    headers_only: bool = False


def _json(value: object) -> bytes:
    return json.dumps(value).encode("utf-8")


BAD = (
    Bad("broken JSON", "PUT", "/CreateComponent", 400, "SerializationException", b"{oops"),
    Bad("JSON array", "PUT", "/CreateComponent", 400, "SerializationException", b"[1, 2]"),
    Bad("not UTF-8", "PUT", "/CreateComponent", 400, "SerializationException", b"\xff\xfe{}"),
    Bad(
        "number too long",
        "POST",
        "/ListComponents",
        400,
        "SerializationException",
        b'{"maxResults": 1' + b"0" * 5000 + b"}",
    ),
    Bad("no members", "PUT", "/CreateComponent", 400, "InvalidRequestException", b"{}"),
    Bad(
        "required member missing",
        "PUT",
        "/CreateComponent",
        400,
        "InvalidRequestException",
        _json({k: v for k, v in VALID_COMPONENT.items() if k != "semanticVersion"}),
    ),
    Bad(
        "member of the wrong type",
        "PUT",
        "/CreateComponent",
        400,
        "InvalidRequestException",
        _json({**VALID_COMPONENT, "name": 5}),
    ),
    Bad(
        "member off its pattern",
        "GET",
        "/GetComponent?componentBuildVersionArn=%ZZ",
        400,
        "InvalidParameterValueException",
    ),
    Bad("query member missing", "GET", "/GetComponent", 400, "InvalidRequestException"),
    Bad(
        "body over the limit",
        "PUT",
        "/CreateComponent",
        413,
        "RequestEntityTooLargeException",
        headers={"Content-Length": str(MAX_BODY_BYTES + 1)},
        headers_only=True,
    ),
    Bad(
        "Content-Length not a number",
        "PUT",
        "/CreateComponent",
        400,
        "SerializationException",
        headers={"Content-Length": "ten"},
        headers_only=True,
    ),
    Bad(
        "negative Content-Length",
        "PUT",
        "/CreateComponent",
        400,
        "SerializationException",
        headers={"Content-Length": "-5"},
        headers_only=True,
    ),
    Bad(
        "chunked body",
        "PUT",
        "/CreateComponent",
        411,
        "LengthRequiredException",
        headers={"Transfer-Encoding": "chunked"},
        headers_only=True,
    ),
    Bad("unknown path", "GET", "/NoSuchOperation", 404, "UnknownOperationException"),
    Bad("NUL in the path", "GET", "/GetComponent%00", 404, "UnknownOperationException"),
    Bad("method not allowed", "DELETE", "/CreateComponent", 405, "MethodNotAllowedException"),
    Bad("path too long", "GET", "/" + "a" * 70_000, 414, None),
    Bad("header too long", "GET", "/ListComponents", 431, None, headers={"X-Big": "a" * 70_000}),
    Bad(
        "too many headers",
        "GET",
        "/ListComponents",
        431,
        None,
        headers={f"X-Header-{n}": "a" for n in range(150)},
    ),
)  # fmt: skip

#: A method HTTP itself does not define: 501 (RFC 9110, section 9.1), not a 4xx.
UNKNOWN_METHOD = Bad("unknown method", "BREW", "/ListComponents", 501, None)


@pytest.fixture
def url(emulator: Emulator) -> Iterator[str]:
    """The emulator served on a free loopback port."""
    with emulator.serve() as base_url:
        yield base_url


def _send(url: str, bad: Bad) -> tuple[int, str | None, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        if bad.headers_only:
            connection.putrequest(bad.method, bad.target)
            for name, value in bad.headers.items():
                connection.putheader(name, value)
            connection.endheaders()
        else:
            connection.request(bad.method, bad.target, body=bad.body, headers=dict(bad.headers))
        response = connection.getresponse()
        return response.status, response.getheader("x-amzn-errortype"), response.read()
    finally:
        connection.close()


def _valid_call_works(url: str) -> bool:
    status, _, body = _send(url, Bad("valid", "POST", "/ListComponents", 200, None, b"{}"))
    return status == 200 and "componentVersionList" in json.loads(body)


@pytest.mark.parametrize("bad", [*BAD, UNKNOWN_METHOD], ids=lambda bad: bad.label)
def test_malformed_request_gets_its_error_and_the_server_keeps_serving(url: str, bad: Bad) -> None:
    """The bad request is answered with its status; a valid call works afterwards."""
    status, error_type, body = _send(url, bad)
    assert (status, error_type) == (bad.status, bad.error_type)
    if bad.error_type is not None:
        assert json.loads(body)["message"]
    assert _valid_call_works(url)


def test_a_battery_of_malformed_requests_leaves_the_server_serving(
    url: str, emulator: Emulator, figures: Figures
) -> None:
    """All the bad requests in a row: none answered 5xx or dropped; state untouched."""
    answers = [_send(url, bad)[0] for bad in BAD]
    server_errors = sum(status >= 500 for status in answers)
    assert answers == [bad.status for bad in BAD]
    assert _valid_call_works(url)
    assert (
        emulator.backend.dispatch("ListComponents", {"owner": "Self"})["componentVersionList"] == []
    )
    figures.record("http.malformed", len(BAD))
    figures.record("http.server_errors", server_errors)


def test_unknown_members_are_a_400_naming_them(url: str, emulator: Emulator) -> None:
    """A request with members the API does not have is refused, naming them; none is stored."""
    body = _json({**VALID_COMPONENT, "colour": "blue", "Name": "shadow"})
    bad = Bad("extra", "PUT", "/CreateComponent", 400, "InvalidRequestException", body)
    status, code, answer = _send(url, bad)
    assert (status, code) == (400, "InvalidRequestException")
    assert b"Name, colour" in answer
    assert emulator.backend.dispatch("ListComponents", {})["componentVersionList"] == []
    assert _valid_call_works(url)


def test_garbage_instead_of_http_is_a_400(url: str) -> None:
    """A request line that is not HTTP gets a 400 error page; the server keeps serving."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname or "", parts.port or 0), timeout=30) as sock:
        sock.sendall(b"THIS IS NOT HTTP\r\n\r\n")
        reply = b"".join(iter(lambda: sock.recv(4096), b""))  # until the server closes
    assert b"400" in reply
    assert _valid_call_works(url)


def test_a_client_hanging_up_mid_body_does_not_stop_the_server(url: str) -> None:
    """A client that promises 1000 bytes, sends 10 and leaves does not harm the server."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname or "", parts.port or 0), timeout=30) as sock:
        sock.sendall(
            b'PUT /CreateComponent HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"name": '
        )
    assert _valid_call_works(url)


def test_an_idle_connection_does_not_block_other_clients(url: str) -> None:
    """A connection that sends nothing does not keep others from being served."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname or "", parts.port or 0), timeout=30):
        assert _valid_call_works(url)


def test_deeply_nested_json_is_a_400(url: str) -> None:
    """JSON nested too deeply to parse is a 400 SerializationException, not a 500."""
    body = b"[" * 100_000 + b"]" * 100_000
    bad = Bad("deep", "PUT", "/CreateComponent", 400, "SerializationException", body)
    assert _send(url, bad)[:2] == (400, "SerializationException")
    assert _valid_call_works(url)
