"""Attach mode: a real boto3 client answered in process through botocore's events."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    EndpointConnectionError,
    NoCredentialsError,
    ParamValidationError,
)
from botocore.httpsession import URLLib3Session

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing import Emulator
from tests.emulator.conftest import NO_RETRIES, create_component, own_component_names

MISSING = "arn:aws:imagebuilder:us-east-1:123456789012:component/missing/1.0.0/1"


class NetworkUsed(Exception):
    """Raised if a test's client tries to reach the network."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to send an HTTP request over the network fails the test."""

    def refuse(self: URLLib3Session, request: Any) -> Any:
        raise NetworkUsed(request.url)

    monkeypatch.setattr(URLLib3Session, "send", refuse)


@pytest.fixture
def client(emulator: Emulator) -> Any:
    """An attached client that does not retry."""
    return emulator.client(config=NO_RETRIES)


def test_calls_are_answered_without_the_network(client: Any) -> None:
    """A created component is listed again, and no request reaches the endpoint."""
    create_component(client, "hello")
    assert own_component_names(client) == ["hello"]


def test_service_errors_arrive_as_client_errors(client: Any) -> None:
    """A service error is a botocore ClientError with code, message, status and request id."""
    with pytest.raises(ClientError) as caught:
        client.get_component(componentBuildVersionArn=MISSING)
    response = caught.value.response
    assert response["Error"]["Code"] == "ResourceNotFoundException"
    assert MISSING in response["Error"]["Message"]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert response["ResponseMetadata"]["RequestId"]


def test_modeled_error_class_is_raised(client: Any) -> None:
    """botocore picks its modeled exception class from the error code."""
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_component(componentBuildVersionArn=MISSING)


def test_botocore_still_validates_parameters(client: Any, emulator: Emulator) -> None:
    """botocore refuses bad parameters before the emulator sees a request."""
    with pytest.raises(ParamValidationError):
        client.get_component()
    assert emulator.requests == []


def test_request_id_matches_the_recorded_request(client: Any, emulator: Emulator) -> None:
    """The request id botocore reports is the one the emulator recorded."""
    answer = client.list_components()
    assert emulator.requests[-1].request_id == answer["ResponseMetadata"]["RequestId"]


def test_requests_are_recorded_with_params_and_outcome(client: Any, emulator: Emulator) -> None:
    """Each request is recorded in order with its operation, params and outcome."""
    client.list_components(owner="Amazon")
    with pytest.raises(ClientError):
        client.get_component(componentBuildVersionArn=MISSING)
    recorded = [(r.operation, dict(r.params), r.outcome) for r in emulator.requests]
    assert recorded == [
        ("ListComponents", {"owner": "Amazon"}, "ok"),
        ("GetComponent", {"componentBuildVersionArn": MISSING}, "ResourceNotFoundException"),
    ]


def test_clear_requests_empties_the_record(client: Any, emulator: Emulator) -> None:
    """clear_requests() forgets what was recorded."""
    client.list_components()
    emulator.clear_requests()
    assert emulator.requests == []


def test_detach_gives_the_client_back_to_its_endpoint(client: Any, emulator: Emulator) -> None:
    """After detach, the client's requests go to the network again."""
    emulator.detach(client)
    with pytest.raises(NetworkUsed):
        client.list_components()


def test_attaching_twice_keeps_one_handler(emulator: Emulator) -> None:
    """Attaching the same client again answers each call once."""
    client = emulator.client(config=NO_RETRIES)
    emulator.attach(client)
    client.list_components()
    assert len(emulator.requests) == 1


def test_latest_attached_emulator_answers(client: Any, emulator: Emulator) -> None:
    """A client attached to a second emulator talks to that one until detached."""
    other = Emulator()
    other.attach(client)
    client.list_components()
    other.detach(client)
    client.list_components()
    assert (len(other.requests), len(emulator.requests)) == (1, 1)


def test_user_made_client_can_be_attached(emulator: Emulator) -> None:
    """attach() works on any boto3 imagebuilder client and returns it."""
    made = boto3.session.Session().client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    assert emulator.attach(made) is made
    assert "componentVersionList" in made.list_components()


def test_client_of_another_region_is_refused_loudly(emulator: Emulator) -> None:
    """A eu-west-1 client attached to a us-east-1 emulator is refused, naming both.

    Issue 16 item 5: answering it with us-east-1 ARNs would be wrong without a word.
    """
    made = boto3.session.Session().client(
        "imagebuilder",
        region_name="eu-west-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    with pytest.raises(ValidationError, match=r"eu-west-1.*us-east-1"):
        emulator.attach(made)


def test_client_of_the_emulator_region_gets_that_region_arns() -> None:
    """An eu-west-1 emulator answers a eu-west-1 client with eu-west-1 ARNs."""
    emulator = Emulator(region="eu-west-1")
    made = boto3.session.Session().client(
        "imagebuilder",
        region_name="eu-west-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    emulator.attach(made)
    answer = made.create_infrastructure_configuration(
        name="builders", instanceProfileName="p", clientToken="t"
    )
    assert answer["infrastructureConfigurationArn"].startswith("arn:aws:imagebuilder:eu-west-1:")


def test_client_without_credentials_can_be_attached(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client made where no AWS credentials exist works attached, and not after.

    botocore signs before the ``before-send`` hook, so without this a first-time user
    would get NoCredentialsError from the emulator. The instance metadata lookup is
    turned off, so nothing here reaches the network.
    """
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    made = boto3.session.Session().client("imagebuilder", region_name="us-east-1")
    assert getattr(made, "_request_signer")._credentials is None  # noqa: B009  (private)
    emulator.attach(made)
    assert "componentVersionList" in made.list_components()
    emulator.detach(made)
    with pytest.raises(NoCredentialsError):
        made.list_components()  # refused before sending: no credentials, no request


def test_other_services_cannot_be_attached(emulator: Emulator) -> None:
    """Attaching a client of another service is refused."""
    s3 = boto3.session.Session().client(
        "s3", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y"
    )
    with pytest.raises(ValidationError):
        emulator.attach(s3)


def test_client_uses_the_emulator_region(emulator: Emulator) -> None:
    """client() makes a client for the emulator's region."""
    assert Emulator(region="eu-central-1").client().meta.region_name == "eu-central-1"


def test_dropped_connection_is_an_endpoint_connection_error(
    client: Any, emulator: Emulator
) -> None:
    """A connection dropped before the call runs raises EndpointConnectionError."""
    emulator.faults.drop_connection("CreateComponent")
    with pytest.raises(EndpointConnectionError):
        create_component(client, "dropped")
    assert own_component_names(client) == []


def test_lost_response_is_connection_closed_after_the_work(client: Any, emulator: Emulator) -> None:
    """A lost response raises ConnectionClosedError, yet the component was created."""
    emulator.faults.lose_response("CreateComponent")
    with pytest.raises(ConnectionClosedError):
        create_component(client, "lost")
    assert own_component_names(client) == ["lost"]


def test_credentials_stay_out_of_records_and_reprs(emulator: Emulator) -> None:
    """The client's secret key appears in no recorded request and no repr."""
    client = emulator.client(aws_secret_access_key="very-secret-key", config=NO_RETRIES)
    client.list_components()
    with pytest.raises(ClientError):
        client.get_component(componentBuildVersionArn=MISSING)
    shown = repr(emulator) + repr(emulator.requests) + repr(emulator.faults)
    shown += "".join(repr(dict(r.params)) for r in emulator.requests)
    assert "very-secret-key" not in shown
    assert "Credential" not in shown
