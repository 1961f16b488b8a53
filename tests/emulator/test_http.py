"""HTTP mode: the emulator served on loopback, reached by boto3 and by raw HTTP."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from botocore.exceptions import ClientError, ConnectionClosedError

from imagebuilder_sdk.testing import Emulator
from imagebuilder_sdk.testing._protocol import MAX_BODY_BYTES
from tests.emulator.conftest import NO_RETRIES, create_component, http_client, own_component_names

MISSING = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/missing/1.0.0"


@pytest.fixture
def url(emulator: Emulator) -> Iterator[str]:
    """The base URL of the emulator served on a free loopback port."""
    with emulator.serve() as base_url:
        yield base_url


@pytest.fixture
def client(url: str) -> Iterator[Any]:
    """A plain boto3 client pointed at the served emulator, without retries."""
    made = http_client(url, config=NO_RETRIES)
    yield made
    made.close()


def raw(
    url: str, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Send one hand-made HTTP request; returns status, headers and body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_serves_on_loopback_by_default(url: str) -> None:
    """serve() binds to 127.0.0.1 on a free port."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.hostname) == ("http", "127.0.0.1")
    assert parts.port


def test_boto3_client_with_endpoint_url_works(client: Any) -> None:
    """A plain boto3 client creates and lists a component over HTTP."""
    create_component(client, "over-http")
    assert own_component_names(client) == ["over-http"]


def test_service_error_over_http_is_a_client_error(client: Any) -> None:
    """Errors carry code, message, status and request id over HTTP too."""
    with pytest.raises(ClientError) as caught:
        client.get_image_recipe(imageRecipeArn=MISSING)
    response = caught.value.response
    assert response["Error"]["Code"] == "ResourceNotFoundException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert response["ResponseMetadata"]["RequestId"]


def test_malformed_json_is_400_and_server_keeps_serving(url: str, client: Any) -> None:
    """A broken JSON body gets a 400 SerializationException; the next call still works."""
    status, headers, body = raw(url, "PUT", "/CreateComponent", b"{oops")
    assert (status, headers["x-amzn-errortype"]) == (400, "SerializationException")
    assert json.loads(body)["message"]
    assert "componentVersionList" in client.list_components()


def test_unknown_path_is_404_and_server_keeps_serving(url: str, client: Any) -> None:
    """An unknown path gets 404 UnknownOperationException; the next call still works."""
    status, headers, _ = raw(url, "GET", "/NoSuchThing")
    assert (status, headers["x-amzn-errortype"]) == (404, "UnknownOperationException")
    assert "componentVersionList" in client.list_components()


def test_wrong_method_is_405_and_server_keeps_serving(url: str, client: Any) -> None:
    """A known path with the wrong method gets 405 with Allow; the next call still works."""
    status, headers, _ = raw(url, "PATCH", "/ListComponents")
    assert (status, headers["Allow"]) == (405, "POST")
    assert "componentVersionList" in client.list_components()


def test_oversized_body_is_413_and_server_keeps_serving(url: str, client: Any) -> None:
    """A Content-Length over the cap is refused with 413 before the body is read."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.putrequest("PUT", "/CreateComponent")
        connection.putheader("Content-Length", str(MAX_BODY_BYTES + 1))
        connection.endheaders(b"{}")
        response = connection.getresponse()
        assert response.status == 413
        assert response.getheader("Connection") == "close"
    finally:
        connection.close()
    assert "componentVersionList" in client.list_components()


def test_chunked_body_is_refused_with_411(url: str) -> None:
    """A chunked request body is refused: the server asks for a Content-Length."""
    headers = {"Transfer-Encoding": "chunked"}
    status, _, _ = raw(url, "POST", "/ListComponents", b"2\r\n{}\r\n0\r\n\r\n", headers)
    assert status == 411


def test_answers_carry_a_request_id_header(url: str) -> None:
    """Successful raw answers carry x-amzn-requestid and a JSON body."""
    status, headers, body = raw(url, "POST", "/ListComponents", b"{}")
    assert status == 200
    assert headers["x-amzn-requestid"] == json.loads(body)["requestId"]


def test_dropped_connection_closes_without_answer(
    emulator: Emulator, client: Any, url: str
) -> None:
    """A dropped connection reaches botocore as ConnectionClosedError; serving goes on."""
    emulator.faults.drop_connection("ListComponents")
    with pytest.raises(ConnectionClosedError):
        client.list_components()
    assert "componentVersionList" in client.list_components()


def test_dropped_connection_gives_raw_clients_no_status_line(emulator: Emulator, url: str) -> None:
    """Over HTTP a drop is a closed socket with no response at all."""
    emulator.faults.drop_connection("*")
    with pytest.raises(http.client.RemoteDisconnected):
        raw(url, "POST", "/ListComponents", b"{}")


def test_port_is_released_when_the_block_ends(emulator: Emulator) -> None:
    """After the with block, nothing listens on the port any more."""
    with emulator.serve() as base_url:
        port = urlsplit(base_url).port or 0
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect(("127.0.0.1", port))


def test_concurrent_clients_lose_and_duplicate_nothing(emulator: Emulator, client: Any) -> None:
    """8 threads x 50 creates over HTTP leave exactly the 400 components asked for."""
    errors: list[BaseException] = []

    def worker(thread: int) -> None:
        try:
            for index in range(50):
                create_component(client, f"t{thread}-c{index}")
        except BaseException as exc:  # handed to the main thread, which asserts on it
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    pages = client.get_paginator("list_components").paginate(owner="Self")
    names = [item["name"] for page in pages for item in page["componentVersionList"]]
    expected = {f"t{t}-c{i}" for t in range(8) for i in range(50)}
    assert (len(names), set(names)) == (400, expected)
    assert len(emulator.requests) >= 400
