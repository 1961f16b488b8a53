"""mock_imagebuilder(): every imagebuilder client made inside it is served, like moto's mock_aws."""

from __future__ import annotations

import os

import boto3
import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.testing import MockImageBuilder, VirtualClock, _transport, mock_imagebuilder

AWS_VARIABLES = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_PROFILE",
)


@pytest.fixture(autouse=True)
def no_aws_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """No credentials, region or profile anywhere: what a CI machine looks like."""
    for name in AWS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def _infrastructure(client: object, name: str) -> str:
    response = client.create_infrastructure_configuration(  # type: ignore[attr-defined]
        name=name, instanceProfileName="builders", clientToken=name
    )
    return str(response["infrastructureConfigurationArn"])


def _names(client: object) -> list[str]:
    listed = client.list_infrastructure_configurations()  # type: ignore[attr-defined]
    return [item["name"] for item in listed["infrastructureConfigurationSummaryList"]]


def test_a_client_without_region_or_credentials_is_served() -> None:
    """boto3.client("imagebuilder") with nothing configured works inside the mock."""
    with mock_imagebuilder() as mock:
        client = boto3.client("imagebuilder")
        arn = _infrastructure(client, "web")
        assert arn.startswith("arn:aws:imagebuilder:us-east-1:123456789012:")
        assert _names(client) == ["web"]
    assert [r.operation for r in mock.emulator("us-east-1").requests] == [
        "CreateInfrastructureConfiguration",
        "ListInfrastructureConfigurations",
    ]


def test_each_region_has_its_own_emulator() -> None:
    """Clients of two regions, with any keys, see two separate accounts' states."""
    with mock_imagebuilder(account_id="111122223333") as mock:
        west = boto3.session.Session().client(
            "imagebuilder", region_name="eu-west-1", aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="anything",
        )  # fmt: skip
        east = boto3.client("imagebuilder", region_name="us-east-1")
        arn = _infrastructure(west, "west-only")
        assert ":eu-west-1:111122223333:" in arn
        assert _names(west) == ["west-only"]
        assert _names(east) == []
    assert sorted(mock.emulators) == ["eu-west-1", "us-east-1"]


def test_the_sdk_facade_connects_to_the_mock() -> None:
    """ImageBuilder.connect() inside the mock talks to the emulator of its region."""
    with mock_imagebuilder() as mock:
        ib = ImageBuilder.connect(region_name="ap-southeast-2")
        ib.infrastructure_configurations.create(name="sdk", instance_profile_name="builders")
        assert [c.name for c in ib.infrastructure_configurations.list()] == ["sdk"]
    assert mock.emulator("ap-southeast-2").requests[0].operation == (
        "CreateInfrastructureConfiguration"
    )


def test_the_decorator_gives_each_call_a_fresh_mock() -> None:
    """A decorated function starts from an empty account on every call."""
    seen: list[list[str]] = []

    @mock_imagebuilder()
    def make_one() -> None:
        client = boto3.client("imagebuilder")
        seen.append(_names(client))
        _infrastructure(client, "once")

    make_one()
    make_one()
    assert seen == [[], []]


def test_ending_the_mock_detaches_its_clients_and_restores_the_environment() -> None:
    """After the block the client is no longer answered and no dummy keys stay behind."""
    with mock_imagebuilder():
        client = boto3.client("imagebuilder")
        assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
        assert _transport._attached.get(client) is not None
    assert _transport._attached.get(client) is None
    assert "AWS_ACCESS_KEY_ID" not in os.environ
    assert "AWS_DEFAULT_REGION" not in os.environ


def test_a_configured_region_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A region the environment already names is the one a bare client gets."""
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-central-1")
    with mock_imagebuilder() as mock:
        _infrastructure(boto3.client("imagebuilder"), "frankfurt")
    assert list(mock.emulators) == ["eu-central-1"]
    assert os.environ["AWS_DEFAULT_REGION"] == "eu-central-1"


def test_the_innermost_mock_serves() -> None:
    """Nested mocks: clients made in the inner block belong to the inner mock."""
    with mock_imagebuilder() as outer:
        outer_client = boto3.client("imagebuilder")
        with mock_imagebuilder() as inner:
            _infrastructure(boto3.client("imagebuilder"), "inner")
        assert _names(outer_client) == []
    assert [r.operation for r in inner.emulator().requests] == ["CreateInfrastructureConfiguration"]
    assert [r.operation for r in outer.emulator().requests] == ["ListInfrastructureConfigurations"]


def test_clients_made_outside_are_left_alone() -> None:
    """A client made before the mock started is not attached to it."""
    client = boto3.client("imagebuilder", region_name="us-east-1")
    with mock_imagebuilder():
        assert _transport._attached.get(client) is None


def test_a_shared_clock_moves_every_region() -> None:
    """Given one clock, all the mock's emulators read the same time."""
    clock = VirtualClock()
    with mock_imagebuilder(clock=clock) as mock:
        clock.advance(3600)
        assert mock.emulator("us-east-1").clock.now() == mock.emulator("eu-west-1").clock.now()
        assert mock.emulator("us-east-1").clock is clock


def test_a_mock_cannot_be_entered_twice() -> None:
    """Starting an active mock again is a programming error."""
    mock = MockImageBuilder()
    with mock, pytest.raises(RuntimeError, match="already active"):
        mock.start()
