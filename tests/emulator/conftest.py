"""Fixtures for the emulator's tests: the model, an emulator, and a client both ways in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.config import Config
from botocore.model import ServiceModel

from imagebuilder_sdk.testing import Emulator

#: The 77 operations the emulator implements: every operation of the service model.
OPERATIONS = (
    "CancelImageCreation",
    "CancelLifecycleExecution",
    "CreateComponent",
    "CreateContainerRecipe",
    "CreateDistributionConfiguration",
    "CreateImage",
    "CreateImagePipeline",
    "CreateImageRecipe",
    "CreateInfrastructureConfiguration",
    "CreateLifecyclePolicy",
    "CreateWorkflow",
    "DeleteComponent",
    "DeleteContainerRecipe",
    "DeleteDistributionConfiguration",
    "DeleteImage",
    "DeleteImagePipeline",
    "DeleteImageRecipe",
    "DeleteInfrastructureConfiguration",
    "DeleteLifecyclePolicy",
    "DeleteWorkflow",
    "DistributeImage",
    "GetComponent",
    "GetComponentPolicy",
    "GetContainerRecipe",
    "GetContainerRecipePolicy",
    "GetDistributionConfiguration",
    "GetImage",
    "GetImagePipeline",
    "GetImagePolicy",
    "GetImageRecipe",
    "GetImageRecipePolicy",
    "GetInfrastructureConfiguration",
    "GetLifecycleExecution",
    "GetLifecyclePolicy",
    "GetMarketplaceResource",
    "GetWorkflow",
    "GetWorkflowExecution",
    "GetWorkflowStepExecution",
    "ImportComponent",
    "ImportDiskImage",
    "ImportVmImage",
    "ListComponentBuildVersions",
    "ListComponents",
    "ListContainerRecipes",
    "ListDistributionConfigurations",
    "ListImageBuildVersions",
    "ListImagePackages",
    "ListImagePipelineImages",
    "ListImagePipelines",
    "ListImageRecipes",
    "ListImageScanFindingAggregations",
    "ListImageScanFindings",
    "ListImages",
    "ListInfrastructureConfigurations",
    "ListLifecycleExecutionResources",
    "ListLifecycleExecutions",
    "ListLifecyclePolicies",
    "ListTagsForResource",
    "ListWaitingWorkflowSteps",
    "ListWorkflowBuildVersions",
    "ListWorkflowExecutions",
    "ListWorkflowStepExecutions",
    "ListWorkflows",
    "PutComponentPolicy",
    "PutContainerRecipePolicy",
    "PutImagePolicy",
    "PutImageRecipePolicy",
    "RetryImage",
    "SendWorkflowStepAction",
    "StartImagePipelineExecution",
    "StartResourceStateUpdate",
    "TagResource",
    "UntagResource",
    "UpdateDistributionConfiguration",
    "UpdateImagePipeline",
    "UpdateInfrastructureConfiguration",
    "UpdateLifecyclePolicy",
)

#: Client options for tests that must see every fault: botocore retries nothing.
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})


@pytest.fixture(scope="session")
def service_model() -> ServiceModel:
    """The imagebuilder service model of the installed botocore."""
    return botocore.session.get_session().get_service_model("imagebuilder")


@pytest.fixture
def emulator() -> Emulator:
    """A fresh emulator on a virtual clock."""
    return Emulator()


_SESSION = boto3.session.Session()


def http_client(url: str, *, region: str = "us-east-1", config: Config | None = None) -> Any:
    """A plain boto3 imagebuilder client aimed at an emulator's HTTP URL."""
    return _SESSION.client(
        "imagebuilder",
        region_name=region,
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=config,
    )


@pytest.fixture(params=["attach", "http"])
def connected(request: pytest.FixtureRequest, emulator: Emulator) -> Iterator[tuple[Emulator, Any]]:
    """An emulator and a boto3 client that reaches it in process or over HTTP."""
    if request.param == "attach":
        client = emulator.client(config=NO_RETRIES)
        yield emulator, client
        client.close()
        return
    with emulator.serve() as url:
        client = http_client(url, config=NO_RETRIES)
        yield emulator, client
        client.close()


#: A small, valid component document.
COMPONENT_YAML = """\
name: hello
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: SayHello
        action: ExecuteBash
        inputs:
          commands:
            - echo hello
"""


def create_component(client: Any, name: str = "hello", version: str = "1.0.0") -> str:
    """Create a Linux component through `client`; returns its build version ARN."""
    answer = client.create_component(
        name=name, semanticVersion=version, platform="Linux", data=COMPONENT_YAML
    )
    arn: str = answer["componentBuildVersionArn"]
    return arn


def own_component_names(client: Any) -> list[str]:
    """Names of the components this account owns (the seeded Amazon ones aside)."""
    answer = client.list_components(owner="Self")
    return sorted(item["name"] for item in answer["componentVersionList"])
