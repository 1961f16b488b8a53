"""The `ImageBuilder` facade: the clients it builds, the clients it accepts, local mode."""

from __future__ import annotations

import logging
import socket
from typing import Any

import boto3
import pytest

from imagebuilder_sdk import ImageBuilder, RetryPolicy, ValidationError
from imagebuilder_sdk.client import USER_AGENT
from imagebuilder_sdk.errors import ConnectionFailedError
from imagebuilder_sdk.testing import Emulator

SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY"
KEY_ID = "AKIAIOSFODNN7EXAMPLE"


def _connect(**options: Any) -> ImageBuilder:
    return ImageBuilder.connect(
        region_name="eu-west-1", aws_access_key_id=KEY_ID, aws_secret_access_key=SECRET, **options
    )


def _no_wait(seconds: float) -> None:
    """A retry sleep that returns at once."""


def _no_network(*args: object, **kwargs: object) -> Any:
    raise AssertionError("the network was touched")


def test_connect_turns_botocore_retries_off() -> None:
    """A client built by connect() makes one attempt per call: the SDK retries."""
    ib = _connect()
    assert ib.client.meta.config.retries["total_max_attempts"] == 1
    assert ib.client.meta.region_name == "eu-west-1"


def test_connect_keeps_retries_off_over_a_given_config() -> None:
    """A config passed to connect() keeps its settings, but not its retries."""
    from botocore.config import Config

    ib = _connect(config=Config(connect_timeout=3, retries={"max_attempts": 10}))
    assert ib.client.meta.config.connect_timeout == 3
    assert ib.client.meta.config.retries["total_max_attempts"] == 1


def test_connect_adds_the_sdk_user_agent() -> None:
    """Requests from a connect() client carry the SDK's user agent suffix."""
    ib = _connect(endpoint_url="http://127.0.0.1:1", retry=RetryPolicy(max_attempts=1))
    Emulator(region="eu-west-1").attach(ib.client)
    agents: list[str] = []
    ib.client.meta.events.register(
        "request-created.imagebuilder",
        lambda request, **_: agents.append(request.headers["User-Agent"]),
    )
    list(ib.components.list())
    assert agents
    assert agents[0].endswith(USER_AGENT)


def test_connect_touches_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the facade opens no connection and resolves no host."""
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    ib = _connect()
    assert ib.client.meta.service_model.service_name == "imagebuilder"


def test_repr_hides_credentials() -> None:
    """repr() of the facade names the region and endpoint, never the keys."""
    text = repr(_connect())
    assert "eu-west-1" in text
    assert SECRET not in text
    assert KEY_ID not in text


def test_connection_failure_hides_credentials(caplog: pytest.LogCaptureFixture) -> None:
    """An unreachable endpoint raises ConnectionFailedError; no log or error holds the secret."""
    caplog.set_level(logging.DEBUG)
    ib = _connect(
        endpoint_url="http://127.0.0.1:1", retry=RetryPolicy(max_attempts=2, sleep=_no_wait)
    )
    with pytest.raises(ConnectionFailedError) as caught:
        ib.components.get("arn:aws:imagebuilder:eu-west-1:123456789012:component/a-b/1.0.0/1")
    assert caught.value.attempts == 2
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value)
    assert SECRET not in caplog.text
    sdk_records = [r.getMessage() for r in caplog.records if r.name.startswith("imagebuilder_sdk")]
    assert sdk_records
    assert not [m for m in sdk_records if KEY_ID in m]


@pytest.mark.parametrize(
    "client",
    [
        boto3.session.Session().client(
            "s3", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
        ),
        object(),
        None,
    ],
    ids=["s3-client", "object", "none"],
)
def test_facade_refuses_other_clients(client: object) -> None:
    """Anything but a boto3 imagebuilder client raises ValidationError on `client`."""
    with pytest.raises(ValidationError) as caught:
        ImageBuilder(client)
    assert caught.value.field == "client"


def test_wraps_a_client_as_it_is(emulator: Emulator) -> None:
    """ImageBuilder(client) calls through that very client, with the policy given."""
    client = emulator.client()
    policy = RetryPolicy(max_attempts=2)
    ib = ImageBuilder(client, retry=policy)
    assert ib.client is client
    assert ib.retry is policy
    assert ib.emulator is None


def test_local_has_an_emulator_with_amazon_components() -> None:
    """local() attaches a fresh emulator; Amazon's components are listed."""
    ib = ImageBuilder.local()
    assert isinstance(ib.emulator, Emulator)
    assert any(c.name == "update-linux" for c in ib.components.list(owner="Amazon"))
    assert "emulator" in repr(ib)


def test_local_retries_on_the_virtual_clock() -> None:
    """local()'s retries move the emulator's clock, not the wall clock."""
    ib = ImageBuilder.local()
    assert ib.emulator is not None
    ib.emulator.faults.throttle("ListComponents", times=2)
    before = ib.emulator.clock.monotonic()
    list(ib.components.list())
    assert ib.emulator.clock.monotonic() > before
    assert [r.outcome for r in ib.emulator.requests][-1] == "ok"


def test_two_local_facades_share_nothing() -> None:
    """Each local() facade has its own emulator and state."""
    first, second = ImageBuilder.local(), ImageBuilder.local()
    first.infrastructure_configurations.create(name="only-here", instance_profile_name="p")
    assert list(second.infrastructure_configurations.list()) == []
