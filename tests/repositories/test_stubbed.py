"""Exact requests and answers pinned with botocore's Stubber: nothing leaves the process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import attrs
import boto3
import pytest
from botocore.stub import ANY, Stubber

from imagebuilder_sdk import ImageBuilder, RetryPolicy, errors
from imagebuilder_sdk.models import Component, InfrastructureConfiguration, PipelineStatus
from tests.repositories.conftest import DOCUMENT, NO_RETRIES

ACCOUNT = "123456789012"
COMPONENT = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:component/hello"
PIPELINE = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image-pipeline/nightly"
INFRA = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:infrastructure-configuration/infra"
CREATED = "2026-11-27T10:00:00.000Z"

_SESSION = boto3.session.Session()
_MODEL = _SESSION.client(
    "imagebuilder", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
).meta.service_model
#: Every error code of the service model, with the HTTP status the model gives it.
ERROR_CODES = sorted((s.name, s.metadata["error"]["httpStatusCode"]) for s in _MODEL.error_shapes)


@attrs.frozen
class Stubbed:
    """A facade whose client answers only what the test queued."""

    ib: ImageBuilder
    stub: Stubber


@pytest.fixture
def stubbed() -> Iterator[Stubbed]:
    """A facade on a stubbed client (one attempt per call); every stub must be used."""
    client = _SESSION.client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=NO_RETRIES,
    )
    with Stubber(client) as stub:
        yield Stubbed(ImageBuilder(client, retry=RetryPolicy(max_attempts=1)), stub)
        stub.assert_no_pending_responses()


def _component(version: str, build: int = 1) -> dict[str, Any]:
    return {
        "arn": f"{COMPONENT}/{version}/{build}",
        "name": "hello",
        "version": version,
        "platform": "Linux",
        "type": "BUILD",
        "owner": ACCOUNT,
        "data": DOCUMENT,
        "dateCreated": CREATED,
    }


def _listed(*versions: str) -> list[dict[str, Any]]:
    return [
        {
            "arn": f"{COMPONENT}/{v}",
            "name": "hello",
            "version": v,
            "platform": "Linux",
            "type": "BUILD",
            "owner": ACCOUNT,
            "dateCreated": CREATED,
        }
        for v in versions
    ]


def test_get_sends_the_arn_and_returns_a_component(stubbed: Stubbed) -> None:
    """components.get(arn) sends exactly that ARN and structures the answer."""
    arn = f"{COMPONENT}/1.0.0/1"
    stubbed.stub.add_response(
        "get_component",
        {"component": _component("1.0.0")},
        {"componentBuildVersionArn": arn},
    )
    component = stubbed.ib.components.get(arn)
    assert isinstance(component, Component)
    assert (component.arn, component.data) == (arn, DOCUMENT)


def test_create_sends_exactly_these_members(stubbed: Stubbed) -> None:
    """components.create() sends its keywords plus a minted token, then fetches the build."""
    arn = f"{COMPONENT}/1.0.0/1"
    stubbed.stub.add_response(
        "create_component",
        {"componentBuildVersionArn": arn, "clientToken": "t"},
        {
            "name": "hello",
            "semanticVersion": "1.0.0",
            "platform": "Linux",
            "data": DOCUMENT,
            "description": "says hello",
            "tags": {"team": "a"},
            "clientToken": ANY,
        },
    )
    stubbed.stub.add_response(
        "get_component", {"component": _component("1.0.0")}, {"componentBuildVersionArn": arn}
    )
    created = stubbed.ib.components.create(
        name="hello",
        semantic_version="1.0.0",
        platform="Linux",
        data=DOCUMENT,
        description="says hello",
        tags={"team": "a"},
    )
    assert created.arn == arn


def test_list_sends_filters_owner_and_page_size(stubbed: Stubbed) -> None:
    """components.list() options become owner, filters and maxResults."""
    stubbed.stub.add_response(
        "list_components",
        {"componentVersionList": _listed("1.0.0")},
        {
            "owner": "Amazon",
            "filters": [
                {"name": "name", "values": ["hello"]},
                {"name": "platform", "values": ["Linux"]},
            ],
            "maxResults": 5,
        },
    )
    listed = list(
        stubbed.ib.components.list(owner="Amazon", name="hello", platform="Linux", page_size=5)
    )
    assert [c.version for c in listed] == ["1.0.0"]


def test_start_sends_the_pipeline_and_a_token(stubbed: Stubbed) -> None:
    """image_pipelines.start() sends the ARN and a token; returns the build's handle."""
    build = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image/web/1.0.0/4"
    stubbed.stub.add_response(
        "start_image_pipeline_execution",
        {"imageBuildVersionArn": build},
        {"imagePipelineArn": PIPELINE, "clientToken": ANY},
    )
    assert stubbed.ib.image_pipelines.start(PIPELINE).arn == build


def test_update_from_a_model_sends_only_accepted_members(stubbed: Stubbed) -> None:
    """An evolved model sends the update's members: no name, tags or dates."""
    configuration = InfrastructureConfiguration(
        arn=INFRA,
        name="infra",
        instance_profile_name="builder",
        instance_types=("t3.micro",),
        tags={"team": "a"},
        date_created=datetime(2026, 11, 27, 10, tzinfo=timezone.utc),
    )
    # The model carries tags, which the update cannot change: they are compared first.
    stubbed.stub.add_response(
        "list_tags_for_resource", {"tags": {"team": "a"}}, {"resourceArn": INFRA}
    )
    stubbed.stub.add_response(
        "update_infrastructure_configuration",
        {"infrastructureConfigurationArn": INFRA},
        {
            "infrastructureConfigurationArn": INFRA,
            "instanceProfileName": "builder",
            "instanceTypes": ["t3.large"],
            "description": "bigger",
            "clientToken": ANY,
        },
    )
    stubbed.stub.add_response(
        "get_infrastructure_configuration",
        {
            "infrastructureConfiguration": {
                "arn": INFRA,
                "name": "infra",
                "instanceProfileName": "builder",
                "dateCreated": CREATED,
            }
        },
        {"infrastructureConfigurationArn": INFRA},
    )
    stubbed.ib.infrastructure_configurations.update(
        attrs.evolve(configuration, instance_types=["t3.large"], description="bigger")
    )


def test_untag_sends_the_keys(stubbed: Stubbed) -> None:
    """ib.untag() sends resourceArn and tagKeys."""
    stubbed.stub.add_response(
        "untag_resource", {}, {"resourceArn": PIPELINE, "tagKeys": ["team", "env"]}
    )
    stubbed.ib.untag(PIPELINE, ["team", "env"])


def test_the_model_has_twenty_error_codes() -> None:
    """The service model lists the 20 error codes the SDK maps."""
    assert len(ERROR_CODES) == 20


@pytest.mark.parametrize(("code", "status"), ERROR_CODES, ids=[c for c, _ in ERROR_CODES])
def test_every_error_code_becomes_its_class(stubbed: Stubbed, code: str, status: int) -> None:
    """Each service error code raises the class named after it, with all its details."""
    stubbed.stub.add_client_error(
        "get_image_pipeline",
        service_error_code=code,
        service_message=f"it went wrong: {code}",
        http_status_code=status,
        response_meta={"RequestId": "req-0001"},
    )
    with pytest.raises(errors.ApiError) as caught:
        stubbed.ib.image_pipelines.get(PIPELINE)
    error = caught.value
    assert type(error).__name__ == code.removesuffix("Exception") + "Error"
    assert type(error) is errors.error_for_code(code)
    assert (error.code, error.message) == (code, f"it went wrong: {code}")
    assert (error.operation, error.request_id, error.status_code) == (
        "GetImagePipeline",
        "req-0001",
        status,
    )
    assert error.attempts == 1
    assert str(error) == (
        f"{code} in GetImagePipeline: it went wrong: {code} (HTTP {status}, request id req-0001)"
    )


def _queue_pages(stub: Stubber, pages: list[tuple[list[str], str | None]]) -> None:
    token: str | None = None
    for versions, next_token in pages:
        # latest() asks for the largest page the service gives, 100.
        expected: dict[str, Any] = {
            "filters": [{"name": "name", "values": ["hello"]}],
            "maxResults": 100,
        }
        if token is not None:
            expected["nextToken"] = token
        answer: dict[str, Any] = {"componentVersionList": _listed(*versions)}
        if next_token is not None:
            answer["nextToken"] = next_token
        stub.add_response("list_components", answer, expected)
        token = next_token


SHORT_PAGES: list[tuple[list[str], str | None]] = [
    (["1.9.0"], "page-2"),
    ([], "page-3"),
    (["1.10.0", "2.0.0", "1.2.0"], "page-4"),
    (["0.9.0"], None),
]


@pytest.mark.parametrize(
    ("version_filter", "expected"),
    [("x.x.x", "2.0.0"), ("1.x.x", "1.10.0"), ("1.9.x", "1.9.0"), ("0.x.x", "0.9.0")],
)
def test_latest_reads_every_short_page(
    stubbed: Stubbed, version_filter: str, expected: str
) -> None:
    """latest() follows the tokens through short and empty pages before choosing."""
    _queue_pages(stubbed.stub, SHORT_PAGES)
    best = stubbed.ib.components.latest("hello", version_filter)
    assert best is not None
    assert best.version == expected


def test_latest_with_no_match_is_none(stubbed: Stubbed) -> None:
    """latest() returns None when no version matches, after reading every page."""
    _queue_pages(stubbed.stub, SHORT_PAGES)
    assert stubbed.ib.components.latest("hello", "3.x.x") is None


def test_pipeline_status_goes_out_as_its_value(stubbed: Stubbed) -> None:
    """An enum keyword is sent as its wire value."""
    stubbed.stub.add_response(
        "list_image_pipelines",
        {"imagePipelineList": []},
        {"filters": [{"name": "status", "values": ["DISABLED"]}]},
    )
    assert list(stubbed.ib.image_pipelines.list(status=PipelineStatus.DISABLED)) == []
