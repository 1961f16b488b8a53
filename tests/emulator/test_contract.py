"""Contract: all 77 operations through plain boto3, each request and answer held to the model.

One realistic chain (component -> recipes -> configurations -> pipeline -> build ->
image -> packages, tags, policies, then workflows, approvals, retry and distribute,
findings, lifecycle policies and executions, imports, the marketplace -> deletes) runs
in process and over HTTP. Every
request is validated against its input shape before it is sent; every answer is
validated against its output shape twice: the raw JSON body as it came off the wire
(unknown members are errors) and the dict botocore parsed from it. Error codes must be
error shapes of the model.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape
from botocore.validate import ParamValidator

from imagebuilder_sdk.testing import Emulator
from tests.emulator.conftest import COMPONENT_YAML, OPERATIONS
from tests.emulator.contract_newer import run_newer_operations

PARENT_IMAGE = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
DOCKERFILE = "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:components }}}\n"
POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": ["arn:aws:iam::210987654321:root"]},
                "Action": ["imagebuilder:GetComponent", "imagebuilder:GetImage"],
                "Resource": ["*"],
            }
        ],
    }
)
_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def finer_problems(value: Any, shape: Shape, path: str) -> list[str]:
    """Checks botocore's validator skips: enum values, string patterns, date strings."""
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        return [
            problem
            for name, item in value.items()
            if name in shape.members
            for problem in finer_problems(item, shape.members[name], f"{path}.{name}")
        ]
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [
            p for i, v in enumerate(value) for p in finer_problems(v, shape.member, f"{path}[{i}]")
        ]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return [p for v in value.values() for p in finer_problems(v, shape.value, f"{path}{{}}")]
    problems = []
    if isinstance(value, str):
        enum, pattern = shape.metadata.get("enum"), shape.metadata.get("pattern")
        if enum and value not in enum:
            problems.append(f"{path}: {value!r} is not one of the enum's values")
        if pattern and not re.search(pattern, value):
            problems.append(f"{path}: {value!r} does not match {pattern}")
        if shape.name == "DateTime" and not _ISO.match(value):
            problems.append(f"{path}: {value!r} is not an ISO-8601 UTC time")
    return problems


def assert_fits(value: dict[str, Any], shape: Shape | None, what: str) -> None:
    """Fail unless `value` is valid for `shape` by botocore's validator and the finer checks."""
    if shape is None:
        assert value == {}, what
        return
    report = ParamValidator().validate(value, shape)
    assert not report.has_errors(), f"{what}: {report.generate_report()}"
    assert finer_problems(value, shape, what) == []


class Driver:
    """Calls operations on a boto3 client, checking every request and answer."""

    def __init__(self, client: Any, model: ServiceModel) -> None:
        self.client = client
        self.model = model
        self.called: set[str] = set()
        self._raw: list[bytes] = []
        client.meta.events.register("before-parse.imagebuilder", self._keep_raw_body)

    def _keep_raw_body(self, response_dict: dict[str, Any], **_: Any) -> None:
        self._raw.append(response_dict["body"])

    def _request(self, operation: str, params: dict[str, Any]) -> Any:
        input_shape = self.model.operation_model(operation).input_shape
        if input_shape is not None and "clientToken" in input_shape.members:
            params.setdefault("clientToken", str(uuid.uuid4()))
        assert_fits(params, input_shape, f"{operation} request")
        self.called.add(operation)
        self._raw.clear()
        method = getattr(self.client, xform_name(operation))
        return lambda: method(**params)

    def __call__(self, operation: str, **params: Any) -> dict[str, Any]:
        """Call `operation`; returns its answer without ResponseMetadata."""
        answer: dict[str, Any] = self._request(operation, params)()
        output = self.model.operation_model(operation).output_shape
        (raw,) = self._raw
        assert_fits(json.loads(raw), output, f"{operation} wire answer")
        answer.pop("ResponseMetadata")
        assert_fits(answer, output, f"{operation} parsed answer")
        return answer

    def error(self, operation: str, **params: Any) -> str:
        """Call `operation`, which must fail with a modeled error; returns its code."""
        with pytest.raises(ClientError) as caught:
            self._request(operation, params)()
        code: str = caught.value.response["Error"]["Code"]
        assert code in {shape.name for shape in self.model.error_shapes}
        assert caught.value.response["ResponseMetadata"]["RequestId"]
        return code


@pytest.fixture
def ib(connected: tuple[Emulator, Any], service_model: ServiceModel) -> Driver:
    """A checking driver over a client attached in process or reaching HTTP."""
    return Driver(connected[1], service_model)


def build_chain(ib: Driver, emulator: Emulator) -> dict[str, str]:
    """Create one of everything, run a pipeline build to AVAILABLE; returns the ARNs."""
    arns: dict[str, str] = {}
    component = ib(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        data=COMPONENT_YAML,
        description="says hello",
        tags={"team": "platform"},
    )
    arns["component"] = component["componentBuildVersionArn"]
    imported = ib(
        "ImportComponent",
        name="imported",
        semanticVersion="2.1.0",
        type="BUILD",
        format="SHELL",
        platform="Linux",
        data="echo imported",
    )
    arns["imported"] = imported["componentBuildVersionArn"]
    recipe = ib(
        "CreateImageRecipe",
        name="web",
        semanticVersion="1.0.0",
        parentImage=PARENT_IMAGE,
        components=[{"componentArn": arns["component"]}],
    )
    arns["recipe"] = recipe["imageRecipeArn"]
    container = ib(
        "CreateContainerRecipe",
        containerType="DOCKER",
        name="app",
        semanticVersion="1.0.0",
        parentImage="amazonlinux:2023",
        components=[{"componentArn": arns["component"]}],
        dockerfileTemplateData=DOCKERFILE,
        targetRepository={"service": "ECR", "repositoryName": "app"},
    )
    arns["container"] = container["containerRecipeArn"]
    infra = ib("CreateInfrastructureConfiguration", name="infra", instanceProfileName="builder")
    arns["infra"] = infra["infrastructureConfigurationArn"]
    distributions = [
        {
            "region": "us-east-1",
            "amiDistributionConfiguration": {"name": "web-{{ imagebuilder:buildDate }}"},
        }
    ]
    dist = ib("CreateDistributionConfiguration", name="dist", distributions=distributions)
    arns["dist"] = dist["distributionConfigurationArn"]
    pipeline = ib(
        "CreateImagePipeline",
        name="nightly",
        imageRecipeArn=arns["recipe"],
        infrastructureConfigurationArn=arns["infra"],
        distributionConfigurationArn=arns["dist"],
    )
    arns["pipeline"] = pipeline["imagePipelineArn"]
    started = ib("StartImagePipelineExecution", imagePipelineArn=arns["pipeline"])
    arns["image"] = started["imageBuildVersionArn"]
    emulator.advance(6 * 3600)
    return arns


def run_every_operation(ib: Driver, emulator: Emulator) -> None:
    """Drive all 77 operations in a realistic order, deletes last, with two errors."""
    arns = build_chain(ib, emulator)

    image = ib("GetImage", imageBuildVersionArn=arns["image"])["image"]
    assert image["state"]["status"] == "AVAILABLE"
    ib("GetComponent", componentBuildVersionArn=arns["component"])
    ib("ListComponents", owner="Self", maxResults=1)
    ib("ListComponentBuildVersions", componentVersionArn=arns["component"].rsplit("/", 1)[0])
    ib("GetImageRecipe", imageRecipeArn=arns["recipe"])
    ib("ListImageRecipes", owner="Self")
    ib("GetContainerRecipe", containerRecipeArn=arns["container"])
    ib("ListContainerRecipes", owner="Self")
    ib("GetInfrastructureConfiguration", infrastructureConfigurationArn=arns["infra"])
    ib("ListInfrastructureConfigurations")
    ib(
        "UpdateInfrastructureConfiguration",
        infrastructureConfigurationArn=arns["infra"],
        instanceProfileName="builder-v2",
        instanceTypes=["m7i.large"],
    )
    ib("GetDistributionConfiguration", distributionConfigurationArn=arns["dist"])
    ib("ListDistributionConfigurations")
    ib(
        "UpdateDistributionConfiguration",
        distributionConfigurationArn=arns["dist"],
        distributions=[{"region": "us-east-1"}, {"region": "eu-west-1"}],
    )
    ib("GetImagePipeline", imagePipelineArn=arns["pipeline"])
    ib("ListImagePipelines")
    ib(
        "UpdateImagePipeline",
        imagePipelineArn=arns["pipeline"],
        imageRecipeArn=arns["recipe"],
        infrastructureConfigurationArn=arns["infra"],
        description="now described",
    )
    ib("ListImagePipelineImages", imagePipelineArn=arns["pipeline"])
    ib("ListImages", owner="Self")
    ib("ListImageBuildVersions", imageVersionArn=arns["image"].rsplit("/", 1)[0])
    ib("ListImagePackages", imageBuildVersionArn=arns["image"])

    second = ib(
        "CreateImage", imageRecipeArn=arns["recipe"], infrastructureConfigurationArn=arns["infra"]
    )
    ib("CancelImageCreation", imageBuildVersionArn=second["imageBuildVersionArn"])
    cancelled = ib("GetImage", imageBuildVersionArn=second["imageBuildVersionArn"])["image"]
    assert cancelled["state"]["status"] == "CANCELLED"

    for operation, member, arn in [
        ("Component", "componentArn", arns["component"]),
        ("Image", "imageArn", arns["image"]),
        ("ImageRecipe", "imageRecipeArn", arns["recipe"]),
        ("ContainerRecipe", "containerRecipeArn", arns["container"]),
    ]:
        ib(f"Put{operation}Policy", **{member: arn, "policy": POLICY})
        assert json.loads(ib(f"Get{operation}Policy", **{member: arn})["policy"]) == json.loads(
            POLICY
        )

    run_newer_operations(ib, emulator, arns)

    ib("TagResource", resourceArn=arns["pipeline"], tags={"env": "test", "owner": "qa"})
    ib("UntagResource", resourceArn=arns["pipeline"], tagKeys=["owner"])
    assert ib("ListTagsForResource", resourceArn=arns["pipeline"])["tags"] == {"env": "test"}

    assert (
        ib.error("DeleteImageRecipe", imageRecipeArn=arns["recipe"])
        == "ResourceDependencyException"
    )
    ib("DeleteImage", imageBuildVersionArn=second["imageBuildVersionArn"])
    ib("DeleteImage", imageBuildVersionArn=arns["image"])
    ib("DeleteImagePipeline", imagePipelineArn=arns["pipeline"])
    ib("DeleteImageRecipe", imageRecipeArn=arns["recipe"])
    ib("DeleteContainerRecipe", containerRecipeArn=arns["container"])
    ib("DeleteInfrastructureConfiguration", infrastructureConfigurationArn=arns["infra"])
    ib("DeleteDistributionConfiguration", distributionConfigurationArn=arns["dist"])
    ib("DeleteComponent", componentBuildVersionArn=arns["component"])
    ib("DeleteComponent", componentBuildVersionArn=arns["imported"])
    ib.error("GetImagePipeline", imagePipelineArn=arns["pipeline"])


def test_every_operation_keeps_to_the_service_model(
    ib: Driver, connected: tuple[Emulator, Any]
) -> None:
    """All 77 operations answer requests and errors exactly as the model describes."""
    run_every_operation(ib, connected[0])
    assert ib.called == set(OPERATIONS)


def test_every_recorded_request_fits_its_input_shape(
    ib: Driver, connected: tuple[Emulator, Any], service_model: ServiceModel
) -> None:
    """What the emulator received (wire form, after its own parsing) is valid input."""
    emulator = connected[0]
    run_every_operation(ib, emulator)
    for recorded in emulator.requests:
        shape = service_model.operation_model(recorded.operation).input_shape
        assert_fits(dict(recorded.params), shape, f"{recorded.operation} as received")
    assert {r.operation for r in emulator.requests} == set(OPERATIONS)
    failed = [r.outcome for r in emulator.requests if r.outcome != "ok"]
    assert len(failed) == 2


def test_the_check_refuses_members_the_model_does_not_have(service_model: ServiceModel) -> None:
    """The answer check fails on an unknown member, so a sloppy answer cannot pass."""
    output = service_model.operation_model("GetImagePolicy").output_shape
    with pytest.raises(AssertionError):
        assert_fits({"requestId": "r", "surprise": 1}, output, "answer")


def test_the_check_refuses_values_outside_an_enum(service_model: ServiceModel) -> None:
    """The finer check fails on an enum value the model does not list."""
    with pytest.raises(AssertionError):
        assert_fits({"status": "NAPPING"}, service_model.shape_for("ImageState"), "state")
