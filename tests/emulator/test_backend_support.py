"""Helpers for the backend tests: every call checked against the service model.

`Api` wraps a `Backend`: it validates each request with botocore's own validator
before dispatching, and each answer against the operation's output shape (plus the
enums, patterns and date formats botocore's validator leaves out).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import botocore.session
import pytest
from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape
from botocore.validate import ParamValidator

from imagebuilder_sdk.testing._backend import Backend, ServiceError
from imagebuilder_sdk.testing._clock import VirtualClock

MODEL = botocore.session.get_session().get_service_model("imagebuilder")
ERROR_CODES = frozenset(shape.name for shape in MODEL.error_shapes)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")

LINUX_DOC = """\
name: hello
schemaVersion: 1.0
parameters:
  - greeting:
      type: string
      default: hello
phases:
  - name: build
    steps:
      - name: Say
        action: ExecuteBash
        inputs:
          commands: ["echo {{ greeting }}"]
"""
DOCKERFILE = (
    "FROM {{{ imagebuilder:parentImage }}}\n"
    "{{{ imagebuilder:environments }}}\n"
    "{{{ imagebuilder:components }}}\n"
)
AL2023 = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
UPDATE_LINUX = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"


def strict_problems(value: Any, shape: Shape, path: str = "") -> list[str]:
    """What botocore's validator does not check: enums, patterns, date strings."""
    problems: list[str] = []
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        for name, item in value.items():
            if name in shape.members:
                problems += strict_problems(item, shape.members[name], f"{path}.{name}")
    elif isinstance(shape, ListShape) and isinstance(value, list):
        for index, item in enumerate(value):
            problems += strict_problems(item, shape.member, f"{path}[{index}]")
    elif isinstance(shape, MapShape) and isinstance(value, dict):
        for item in value.values():
            problems += strict_problems(item, shape.value, f"{path}{{}}")
    elif isinstance(value, str):
        enum = shape.metadata.get("enum")
        if enum and value not in enum:
            problems.append(f"{path}: {value!r} not in enum")
        pattern = shape.metadata.get("pattern")
        if pattern and re.search(pattern, value) is None:
            problems.append(f"{path}: {value!r} does not match {pattern}")
        if shape.name == "DateTime" and not _DATE.match(value):
            problems.append(f"{path}: {value!r} is not an ISO date")
    return problems


def check(params: dict[str, Any], shape: Shape | None, what: str) -> None:
    """Fail the test if `params` does not fit `shape`."""
    if shape is None:
        assert params == {}, f"{what}: expected no members"
        return
    report = ParamValidator().validate(params, shape)
    assert not report.has_errors(), f"{what}: {report.generate_report()}"
    problems = strict_problems(params, shape)
    assert not problems, f"{what}: {problems}"


class Api:
    """Calls a backend the way a validated client would, checking both directions."""

    def __init__(self, backend: Backend | None = None) -> None:
        self.clock = VirtualClock()
        self.backend = backend or Backend(clock=self.clock)
        self.calls: list[str] = []

    def model(self, operation: str) -> OperationModel:
        return MODEL.operation_model(operation)

    def __call__(self, operation: str, **params: Any) -> dict[str, Any]:
        model = self.model(operation)
        if "clientToken" in (model.input_shape.members if model.input_shape else {}):
            params.setdefault("clientToken", str(uuid.uuid4()))
        check(params, model.input_shape, f"{operation} request")
        answer = self.backend.dispatch(operation, params)
        check(answer, model.output_shape, f"{operation} response")
        self.calls.append(operation)
        return answer

    def error(self, operation: str, **params: Any) -> ServiceError:
        """The ServiceError a (model-valid) request raises."""
        model = self.model(operation)
        if "clientToken" in (model.input_shape.members if model.input_shape else {}):
            params.setdefault("clientToken", str(uuid.uuid4()))
        check(params, model.input_shape, f"{operation} request")
        return self.raw_error(operation, **params)

    def raw_error(self, operation: str, **params: Any) -> ServiceError:
        """The ServiceError a request raises, without checking the request first."""
        with pytest.raises(ServiceError) as info:
            self.backend.dispatch(operation, params)
        assert info.value.code in ERROR_CODES
        return info.value

    # -- builders for the resources most tests need ---------------------------------

    def component(self, name: str = "hello", version: str = "1.0.0", **extra: Any) -> str:
        params: dict[str, Any] = {
            "name": name,
            "semanticVersion": version,
            "platform": "Linux",
            "data": LINUX_DOC,
            **extra,
        }
        return str(self("CreateComponent", **params)["componentBuildVersionArn"])

    def recipe(self, name: str = "web", version: str = "1.0.0", **extra: Any) -> str:
        params: dict[str, Any] = {
            "name": name,
            "semanticVersion": version,
            "parentImage": AL2023,
            "components": [{"componentArn": UPDATE_LINUX}],
            **extra,
        }
        return str(self("CreateImageRecipe", **params)["imageRecipeArn"])

    def container_recipe(self, name: str = "app", version: str = "1.0.0", **extra: Any) -> str:
        params: dict[str, Any] = {
            "containerType": "DOCKER",
            "name": name,
            "semanticVersion": version,
            "parentImage": "amazonlinux:2023",
            "components": [{"componentArn": UPDATE_LINUX}],
            "dockerfileTemplateData": DOCKERFILE,
            "targetRepository": {"service": "ECR", "repositoryName": "app-repo"},
            **extra,
        }
        return str(self("CreateContainerRecipe", **params)["containerRecipeArn"])

    def infra(self, name: str = "infra", **extra: Any) -> str:
        params: dict[str, Any] = {"name": name, "instanceProfileName": "builder", **extra}
        answer = self("CreateInfrastructureConfiguration", **params)
        return str(answer["infrastructureConfigurationArn"])

    def distribution(self, name: str = "dist", regions: tuple[str, ...] = ("us-east-1",)) -> str:
        distributions = [{"region": region} for region in regions]
        answer = self("CreateDistributionConfiguration", name=name, distributions=distributions)
        return str(answer["distributionConfigurationArn"])

    def pipeline(self, name: str = "pipe", **extra: Any) -> str:
        params: dict[str, Any] = {"name": name, **extra}
        if "containerRecipeArn" not in params and "imageRecipeArn" not in params:
            params["imageRecipeArn"] = self.recipe()
        if "infrastructureConfigurationArn" not in params:
            params["infrastructureConfigurationArn"] = self.infra()
        return str(self("CreateImagePipeline", **params)["imagePipelineArn"])

    def image(self, **extra: Any) -> str:
        """Start a build of a fresh recipe (or of the given one) and return its ARN."""
        if "containerRecipeArn" not in extra and "imageRecipeArn" not in extra:
            extra["imageRecipeArn"] = self.recipe()
        if "infrastructureConfigurationArn" not in extra:
            extra["infrastructureConfigurationArn"] = self.infra()
        return str(self("CreateImage", **extra)["imageBuildVersionArn"])

    def status(self, image_arn: str) -> str:
        return str(self("GetImage", imageBuildVersionArn=image_arn)["image"]["state"]["status"])


def test_checker_catches_a_bad_enum() -> None:
    """The strict check reports an enum value the model does not list."""
    shape = MODEL.shape_for("ComponentState")
    assert strict_problems({"status": "SLEEPING"}, shape)


def test_checker_catches_a_bad_date() -> None:
    """The strict check reports a DateTime member that is not an ISO string."""
    shape = MODEL.shape_for("ComponentSummary")
    assert strict_problems({"dateCreated": "yesterday"}, shape)


def test_api_rejects_an_answer_with_unknown_members() -> None:
    """The response check fails on a member the output shape does not declare."""
    shape = MODEL.operation_model("GetComponent").output_shape
    with pytest.raises(AssertionError):
        check({"surprise": 1}, shape, "GetComponent response")
