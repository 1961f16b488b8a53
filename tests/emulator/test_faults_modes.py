"""Each kind of injected fault, seen by a plain boto3 client in process and over HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError, ConnectionClosedError, EndpointConnectionError

from imagebuilder_sdk.testing import Emulator
from tests.emulator.conftest import create_component, own_component_names

Connected = tuple[Emulator, Any]


def error_of(call: Any) -> tuple[str, int]:
    """The (code, status) of the ClientError a call raises."""
    with pytest.raises(ClientError) as caught:
        call()
    response = caught.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("CallRateLimitExceededException", 429),
        ("TooManyRequestsException", 429),
        ("ThrottlingException", 400),
    ],
)
def test_throttle_answers_with_the_code_and_status(
    connected: Connected, code: str, status: int
) -> None:
    """A throttled call fails with the chosen code and its status; the next one succeeds."""
    emulator, client = connected
    emulator.faults.throttle("ListComponents", code=code)
    assert error_of(client.list_components) == (code, status)
    assert "componentVersionList" in client.list_components()


@pytest.mark.parametrize(
    ("status", "code"), [(500, "ServiceException"), (503, "ServiceUnavailableException")]
)
def test_server_error_answers_5xx(connected: Connected, status: int, code: str) -> None:
    """An injected server error is a ClientError with the 5xx status and its code."""
    emulator, client = connected
    emulator.faults.server_error("ListComponents", status=status)
    assert error_of(client.list_components) == (code, status)


def test_server_error_stops_the_operation(connected: Connected) -> None:
    """An injected server error comes before the operation, which does not happen."""
    emulator, client = connected
    emulator.faults.server_error("CreateComponent")
    error_of(lambda: create_component(client, "never"))
    assert own_component_names(client) == []


def test_drop_connection_fails_before_the_operation(connected: Connected) -> None:
    """A dropped connection raises botocore's connection error; nothing was created."""
    emulator, client = connected
    emulator.faults.drop_connection("CreateComponent")
    with pytest.raises((EndpointConnectionError, ConnectionClosedError)):
        create_component(client, "dropped")
    assert own_component_names(client) == []


def test_lose_response_by_drop_keeps_the_work(connected: Connected) -> None:
    """The call runs, then the connection closes: ConnectionClosedError, component exists."""
    emulator, client = connected
    emulator.faults.lose_response("CreateComponent", how="drop")
    with pytest.raises(ConnectionClosedError):
        create_component(client, "kept")
    assert own_component_names(client) == ["kept"]


def test_lose_response_by_500_keeps_the_work(connected: Connected) -> None:
    """The call runs, then a 500 is answered instead: ServiceException, component exists."""
    emulator, client = connected
    emulator.faults.lose_response("CreateComponent", how="500")
    assert error_of(lambda: create_component(client, "kept")) == ("ServiceException", 500)
    assert own_component_names(client) == ["kept"]


def test_retry_with_same_token_after_lost_response_returns_first_answer(
    connected: Connected,
) -> None:
    """Retrying a lost create with its clientToken gets the original answer, no duplicate."""
    emulator, client = connected
    emulator.faults.lose_response("CreateComponent", how="500")
    arguments = {
        "name": "once",
        "semanticVersion": "1.0.0",
        "platform": "Linux",
        "data": "name: once\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
        "      - name: S\n        action: ExecuteBash\n        inputs:\n"
        "          commands: [echo]\n",
        "clientToken": "token-1",
    }
    error_of(lambda: client.create_component(**arguments))
    answer = client.create_component(**arguments)
    assert answer["clientToken"] == "token-1"
    assert own_component_names(client) == ["once"]


def test_faults_are_recorded_with_their_kind(connected: Connected) -> None:
    """The request log shows which requests got which fault and what was answered."""
    emulator, client = connected
    emulator.faults.throttle("ListComponents")
    emulator.faults.drop_connection("ListComponents")
    for _ in range(2):
        with pytest.raises((ClientError, EndpointConnectionError, ConnectionClosedError)):
            client.list_components()
    client.list_components()
    assert [(r.outcome, r.fault, r.status) for r in emulator.requests] == [
        ("CallRateLimitExceededException", "throttle", 429),
        ("drop_connection", "drop_connection", None),
        ("ok", None, 200),
    ]
    assert emulator.faults.injected == {"throttle": 1, "drop_connection": 1}


def test_random_faults_hit_the_chosen_share(connected: Connected) -> None:
    """With rate=1 and one kind, every call of the chosen operation fails that way."""
    emulator, client = connected
    emulator.faults.random(rate=1.0, kinds=["server_error"], operations=["ListImages"])
    assert error_of(client.list_images)[1] in (500, 503)
    assert "componentVersionList" in client.list_components()
    assert emulator.faults.injected == {"server_error": 1}
