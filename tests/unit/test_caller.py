"""The Caller: request building, the check before sending, one token, typed errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import attrs
import boto3
import pytest
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ParamValidationError,
    ReadTimeoutError,
)
from botocore.stub import ANY, Stubber

from imagebuilder_sdk._caller import Caller
from imagebuilder_sdk._translate import translate
from imagebuilder_sdk.errors import (
    ConnectionFailedError,
    ResourceNotFoundError,
    ServiceUnavailableError,
    ValidationError,
)
from imagebuilder_sdk.models import ComponentConfiguration, Platform
from imagebuilder_sdk.retry import RetryPolicy
from imagebuilder_sdk.testing import Emulator
from imagebuilder_sdk.versions import SemanticVersion

_SESSION = boto3.session.Session()
COMPONENT = "arn:aws:imagebuilder:us-east-1:123456789012:component/hello/1.0.0/1"
RECIPE = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0"
DATA = "name: hello\nschemaVersion: 1.0\nphases: []\n"


@attrs.frozen
class Rig:
    """A caller over a stubbed client, and what botocore was asked to send."""

    caller: Caller
    stub: Stubber
    sent: list[dict[str, Any]]
    sleeps: list[float]


@pytest.fixture
def rig() -> Iterator[Rig]:
    """A Caller on a stubbed imagebuilder client; records each attempt's parameters."""
    client = _SESSION.client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    sent: list[dict[str, Any]] = []
    client.meta.events.register(
        "before-parameter-build.imagebuilder", lambda params, **_: sent.append(dict(params))
    )
    sleeps: list[float] = []
    policy = RetryPolicy(max_attempts=3, sleep=sleeps.append, random=lambda: 1.0)
    with Stubber(client) as stub:
        yield Rig(Caller(client, policy), stub, sent, sleeps)
        stub.assert_no_pending_responses()


def _created(stub: Stubber, expected: dict[str, Any] | None = None) -> None:
    stub.add_response(
        "create_component",
        {"componentBuildVersionArn": COMPONENT, "clientToken": "t", "requestId": "r-1"},
        expected,
    )


def _create(caller: Caller, **params: object) -> dict[str, Any]:
    request: dict[str, object] = {
        "name": "hello",
        "semantic_version": "1.0.0",
        "platform": "Linux",
        "data": DATA,
        **params,
    }
    return caller.call("CreateComponent", **request)


def _emulated_caller() -> Caller:
    """A caller on a client answered by a fresh emulator, with no retries."""
    return Caller(Emulator().client(), RetryPolicy(max_attempts=1))


def test_snake_case_parameters_become_api_members(rig: Rig) -> None:
    """Parameters go out under the API's member names; None values are left out."""
    _created(
        rig.stub,
        {
            "name": "hello",
            "semanticVersion": "1.0.0",
            "platform": "Linux",
            "data": DATA,
            "clientToken": ANY,
        },
    )
    _create(rig.caller, description=None)


def test_typed_values_are_sent_in_wire_form(rig: Rig) -> None:
    """Enums, versions and models are written as the API expects them."""
    rig.stub.add_response(
        "create_image_recipe",
        {"imageRecipeArn": RECIPE},
        {
            "name": "web",
            "semanticVersion": "1.2.3",
            "parentImage": "ami-12345678",
            "components": [{"componentArn": COMPONENT}],
            "clientToken": ANY,
        },
    )
    rig.caller.call(
        "CreateImageRecipe",
        name="web",
        semantic_version=SemanticVersion(1, 2, 3),
        parent_image="ami-12345678",
        components=[ComponentConfiguration(component_arn=COMPONENT)],
    )


def test_enum_members_are_sent_as_values(rig: Rig) -> None:
    """A Platform member goes out as its text."""
    _created(rig.stub)
    rig.caller.call(
        "CreateComponent",
        name="hello",
        semantic_version="1.0.0",
        platform=Platform.LINUX,
        data=DATA,
    )
    assert rig.sent[0]["platform"] == "Linux"


def test_response_members_come_back_in_snake_case(rig: Rig) -> None:
    """The answer's members are keyed in snake_case, without ResponseMetadata."""
    _created(rig.stub)
    assert _create(rig.caller) == {
        "component_build_version_arn": COMPONENT,
        "client_token": "t",
        "request_id": "r-1",
    }


def test_a_token_is_minted_for_operations_that_take_one(rig: Rig) -> None:
    """CreateComponent gets a 36-character token; DeleteComponent (which takes none) gets none."""
    _created(rig.stub)
    rig.stub.add_response(
        "delete_component",
        {"componentBuildVersionArn": COMPONENT},
        {"componentBuildVersionArn": COMPONENT},
    )
    _create(rig.caller)
    rig.caller.call("DeleteComponent", component_build_version_arn=COMPONENT)
    assert len(rig.sent[0]["clientToken"]) == 36
    assert "clientToken" not in rig.sent[1]


def test_the_token_is_minted_before_the_retry_loop(rig: Rig) -> None:
    """Every attempt of one call sends the same token."""
    for _ in range(2):
        rig.stub.add_client_error("create_component", "ServiceUnavailableException", "", 503)
    _created(rig.stub)
    _create(rig.caller)
    tokens = [params["clientToken"] for params in rig.sent]
    assert len(tokens) == 3
    assert len(set(tokens)) == 1
    assert rig.sleeps == [0.5, 1.0]


def test_each_call_gets_its_own_token(rig: Rig) -> None:
    """Two calls send two different tokens."""
    _created(rig.stub)
    _created(rig.stub)
    _create(rig.caller)
    _create(rig.caller)
    assert rig.sent[0]["clientToken"] != rig.sent[1]["clientToken"]


def test_a_given_token_is_sent_as_given(rig: Rig) -> None:
    """client_token= is passed through unchanged."""
    _created(
        rig.stub,
        {
            "name": ANY,
            "semanticVersion": ANY,
            "platform": ANY,
            "data": ANY,
            "clientToken": "mine-1",
        },
    )
    _create(rig.caller, client_token="mine-1")


@pytest.mark.parametrize("token", ["", "x" * 65])
def test_a_bad_token_is_refused_before_sending(rig: Rig, token: str) -> None:
    """An empty or over-long token raises ValidationError; nothing is sent."""
    with pytest.raises(ValidationError) as caught:
        _create(rig.caller, client_token=token)
    assert caught.value.field == "client_token"
    assert rig.sent == []


def test_an_unknown_parameter_is_refused(rig: Rig) -> None:
    """A parameter the operation lacks raises ValidationError naming it and the accepted ones."""
    with pytest.raises(ValidationError) as caught:
        rig.caller.call("GetComponent", component_arn=COMPONENT)
    assert caught.value.field == "component_arn"
    assert "component_build_version_arn" in caught.value.rule
    assert rig.sent == []


def test_the_model_check_runs_before_sending(rig: Rig) -> None:
    """A request that breaks the model raises ValidationError; the stub is never asked."""
    with pytest.raises(ValidationError) as caught:
        _create(rig.caller, semantic_version="1.0")
    assert caught.value.field == "semantic_version"
    assert rig.sent == []


def test_service_errors_are_typed_and_chained(rig: Rig) -> None:
    """A ClientError becomes its typed error, with the botocore error as its cause."""
    rig.stub.add_client_error(
        "get_component", "ResourceNotFoundException", "gone", 404, response_meta={"RequestId": "q"}
    )
    with pytest.raises(ResourceNotFoundError) as caught:
        rig.caller.call("GetComponent", component_build_version_arn=COMPONENT)
    assert isinstance(caught.value.__cause__, ClientError)
    assert (caught.value.operation, caught.value.request_id) == ("GetComponent", "q")


def test_retries_run_out_with_the_last_error(rig: Rig) -> None:
    """After max_attempts retryable errors the last one is raised with attempts set."""
    for _ in range(3):
        rig.stub.add_client_error("get_component", "ServiceUnavailableException", "later", 503)
    with pytest.raises(ServiceUnavailableError) as caught:
        rig.caller.call("GetComponent", component_build_version_arn=COMPONENT)
    assert caught.value.attempts == 3
    assert len(rig.sent) == 3


def test_param_validation_error_becomes_validation_error() -> None:
    """botocore's ParamValidationError is raised as ValidationError naming the parameter."""

    def corrupt(params: dict[str, Any], **_: Any) -> None:
        params["componentBuildVersionArn"] = 12345  # past our check, caught by botocore's

    caller = _emulated_caller()
    caller.client.meta.events.register("before-parameter-build.imagebuilder.GetComponent", corrupt)
    with pytest.raises(ValidationError) as caught:
        caller.call("GetComponent", component_build_version_arn=COMPONENT)
    assert caught.value.field == "component_build_version_arn"
    assert "botocore refused the parameters" in caught.value.rule
    assert isinstance(caught.value.__cause__, ParamValidationError)


def test_other_exceptions_pass_through_untouched() -> None:
    """An exception that is not botocore's is raised as it is, and not retried."""
    calls: list[int] = []

    def explode(**_: Any) -> None:
        calls.append(1)
        raise KeyError("a bug in a handler")

    caller = _emulated_caller()
    caller.retry = RetryPolicy(max_attempts=5, sleep=lambda _: None)
    caller.client.meta.events.register("before-call.imagebuilder.GetComponent", explode)
    with pytest.raises(KeyError):
        caller.call("GetComponent", component_build_version_arn=COMPONENT)
    assert calls == [1]


def test_each_attempt_is_logged_at_debug(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    """Each attempt logs the operation name at DEBUG, and no parameter value."""
    caplog.set_level(logging.DEBUG, logger="imagebuilder_sdk")
    rig.stub.add_client_error("create_component", "TooManyRequestsException", "", 429)
    _created(rig.stub)
    _create(rig.caller, client_token="secret-ish-token")
    messages = [r.getMessage() for r in caplog.records if r.name == "imagebuilder_sdk"]
    assert messages.count("calling CreateComponent") == 2
    assert not [m for m in messages if "secret-ish-token" in m or DATA in m]


def test_operation_returns_the_model(rig: Rig) -> None:
    """operation() gives botocore's model of the named operation."""
    assert rig.caller.operation("ListImages").name == "ListImages"


@pytest.mark.parametrize(
    "error",
    [
        EndpointConnectionError(endpoint_url="https://example.invalid"),
        ConnectionClosedError(endpoint_url="https://example.invalid"),
        ConnectTimeoutError(endpoint_url="https://example.invalid"),
        ReadTimeoutError(endpoint_url="https://example.invalid"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_connection_errors_become_connection_failed(error: Exception) -> None:
    """Every botocore connection failure becomes ConnectionFailedError for the operation."""
    translated = translate(error, "GetImage")
    assert isinstance(translated, ConnectionFailedError)
    assert translated.operation == "GetImage"
    assert "example.invalid" in str(translated)


def test_foreign_errors_are_not_translated() -> None:
    """translate() returns None for an exception botocore did not raise."""
    assert translate(RuntimeError("x"), "GetImage") is None


def test_param_validation_without_a_parameter_names_the_request() -> None:
    """A botocore report that names no parameter puts the error on 'request'."""
    translated = translate(ParamValidationError(report="something odd"), "GetImage")
    assert isinstance(translated, ValidationError)
    assert translated.field == "request"


def test_nested_parameter_paths_are_snake_case() -> None:
    """A nested parameter in botocore's report is named in snake_case, index kept."""
    report = "Invalid type for parameter components[0].componentArn, value: 5"
    translated = translate(ParamValidationError(report=report), "CreateImageRecipe")
    assert isinstance(translated, ValidationError)
    assert translated.field == "components[0].component_arn"
