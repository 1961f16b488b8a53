"""Every operation of the installed botocore model has an SDK method: one table, all 77.

`METHODS` maps each operation to the SDK method that calls it, as a path from the
facade (``ib.images.findings``) or from a handle class (``ImageBuild.gate``). A new
operation in botocore's model fails the first test until it gets a row and a method.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import boto3
import pytest

from imagebuilder_sdk import ImageBuilder

_MODEL = (
    boto3.session.Session()
    .client(
        "imagebuilder", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    .meta.service_model
)

#: Handle classes a path may start from, by name: module that defines each.
_HANDLES = {
    "ImageBuild": "imagebuilder_sdk.repositories.images",
    "LifecycleRun": "imagebuilder_sdk.repositories.lifecycle_policies",
    "WaitingStep": "imagebuilder_sdk.repositories._workflow_runs",
}

METHODS = {
    # Components
    "CreateComponent": "ib.components.create",
    "GetComponent": "ib.components.get",
    "ListComponents": "ib.components.list",
    "ListComponentBuildVersions": "ib.components.build_versions",
    "DeleteComponent": "ib.components.delete",
    "ImportComponent": "ib.components.import_",
    "GetComponentPolicy": "ib.components.get_policy",
    "PutComponentPolicy": "ib.components.put_policy",
    "GetMarketplaceResource": "ib.components.marketplace_resource",
    # Image recipes
    "CreateImageRecipe": "ib.image_recipes.create",
    "GetImageRecipe": "ib.image_recipes.get",
    "ListImageRecipes": "ib.image_recipes.list",
    "DeleteImageRecipe": "ib.image_recipes.delete",
    "GetImageRecipePolicy": "ib.image_recipes.get_policy",
    "PutImageRecipePolicy": "ib.image_recipes.put_policy",
    # Container recipes
    "CreateContainerRecipe": "ib.container_recipes.create",
    "GetContainerRecipe": "ib.container_recipes.get",
    "ListContainerRecipes": "ib.container_recipes.list",
    "DeleteContainerRecipe": "ib.container_recipes.delete",
    "GetContainerRecipePolicy": "ib.container_recipes.get_policy",
    "PutContainerRecipePolicy": "ib.container_recipes.put_policy",
    # Infrastructure and distribution configurations
    "CreateInfrastructureConfiguration": "ib.infrastructure_configurations.create",
    "GetInfrastructureConfiguration": "ib.infrastructure_configurations.get",
    "UpdateInfrastructureConfiguration": "ib.infrastructure_configurations.update",
    "ListInfrastructureConfigurations": "ib.infrastructure_configurations.list",
    "DeleteInfrastructureConfiguration": "ib.infrastructure_configurations.delete",
    "CreateDistributionConfiguration": "ib.distribution_configurations.create",
    "GetDistributionConfiguration": "ib.distribution_configurations.get",
    "UpdateDistributionConfiguration": "ib.distribution_configurations.update",
    "ListDistributionConfigurations": "ib.distribution_configurations.list",
    "DeleteDistributionConfiguration": "ib.distribution_configurations.delete",
    # Pipelines
    "CreateImagePipeline": "ib.image_pipelines.create",
    "GetImagePipeline": "ib.image_pipelines.get",
    "UpdateImagePipeline": "ib.image_pipelines.update",
    "ListImagePipelines": "ib.image_pipelines.list",
    "DeleteImagePipeline": "ib.image_pipelines.delete",
    "StartImagePipelineExecution": "ib.image_pipelines.start",
    "ListImagePipelineImages": "ib.image_pipelines.images",
    # Images and builds
    "CreateImage": "ib.images.create",
    "GetImage": "ib.images.get",
    "ListImages": "ib.images.list",
    "ListImageBuildVersions": "ib.images.build_versions",
    "ListImagePackages": "ib.images.packages",
    "CancelImageCreation": "ib.images.cancel",
    "DeleteImage": "ib.images.delete",
    "GetImagePolicy": "ib.images.get_policy",
    "PutImagePolicy": "ib.images.put_policy",
    "ImportVmImage": "ib.images.import_vm",
    "ImportDiskImage": "ib.images.import_disk",
    "ListImageScanFindings": "ib.images.findings",
    "ListImageScanFindingAggregations": "ib.images.finding_aggregations",
    "StartResourceStateUpdate": "ib.images.update_state",
    # Lifecycle policies and their runs
    "CreateLifecyclePolicy": "ib.lifecycle_policies.create",
    "GetLifecyclePolicy": "ib.lifecycle_policies.get",
    "UpdateLifecyclePolicy": "ib.lifecycle_policies.update",
    "ListLifecyclePolicies": "ib.lifecycle_policies.list",
    "DeleteLifecyclePolicy": "ib.lifecycle_policies.delete",
    "ListLifecycleExecutions": "ib.lifecycle_policies.executions",
    "GetLifecycleExecution": "LifecycleRun.refresh",
    "ListLifecycleExecutionResources": "LifecycleRun.resources",
    "CancelLifecycleExecution": "ib.lifecycle_policies.cancel",
    # Tags
    "ListTagsForResource": "ib.tags",
    "TagResource": "ib.tag",
    "UntagResource": "ib.untag",
    # Workflows, approvals, retry and distribute (issue 17)
    "CreateWorkflow": "ib.workflows.create",
    "GetWorkflow": "ib.workflows.get",
    "DeleteWorkflow": "ib.workflows.delete",
    "ListWorkflows": "ib.workflows.list",
    "ListWorkflowBuildVersions": "ib.workflows.build_versions",
    "ListWorkflowExecutions": "ib.workflows.executions",
    "GetWorkflowExecution": "ib.workflows.execution",
    "ListWorkflowStepExecutions": "ib.workflows.execution_steps",
    "GetWorkflowStepExecution": "ib.workflows.step_execution",
    "ListWaitingWorkflowSteps": "ib.workflows.waiting_steps",
    "SendWorkflowStepAction": "WaitingStep.resume",
    "RetryImage": "ib.images.retry",
    "DistributeImage": "ib.images.distribute",
}


def _resolve(ib: ImageBuilder, path: str) -> Any:
    """The object `path` names, or None when any part of it is missing."""
    head, *rest = path.split(".")
    if head == "ib":
        target: Any = ib
    else:
        try:
            target = getattr(importlib.import_module(_HANDLES[head]), head)
        except (ImportError, AttributeError):
            return None
    for part in rest:
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


@pytest.fixture(scope="module")
def ib() -> ImageBuilder:
    """A facade on a fresh emulator (nothing is called)."""
    return ImageBuilder.local()


def test_the_table_names_every_operation_of_the_model() -> None:
    """The table's operations are exactly the installed model's: 77 of them."""
    assert len(_MODEL.operation_names) == 77
    assert sorted(METHODS) == sorted(_MODEL.operation_names)


def test_every_operation_has_a_method(ib: ImageBuilder) -> None:
    """Each operation's method exists and is callable: none is missing."""
    missing = {op for op, path in METHODS.items() if not callable(_resolve(ib, path))}
    assert missing == set(), sorted(missing)


def test_the_build_handle_reaches_the_build_operations() -> None:
    """retry, distribute and the workflow listings hang off the build handle too."""
    from imagebuilder_sdk import ImageBuild

    for method in ("retry", "distribute", "workflow_executions", "steps", "waiting_steps"):
        assert callable(getattr(ImageBuild, method, None)), method


def test_each_method_lives_where_its_operation_is_called(ib: ImageBuilder) -> None:
    """The module defining each found method names its operation (catches a wrong row)."""
    wrong = []
    for operation, path in METHODS.items():
        method = _resolve(ib, path)
        if method is None:
            continue
        module = inspect.getmodule(inspect.unwrap(method))
        source = inspect.getsource(module or method)
        # A repository may delegate to its private helper modules (`_workflow_runs`).
        helpers = (
            [
                value
                for value in vars(module).values()
                if inspect.ismodule(value)
                and value.__name__.startswith("imagebuilder_sdk.repositories._")
            ]
            if module is not None
            else []
        )
        source += "".join(inspect.getsource(helper) for helper in helpers)
        if f'"{operation}"' not in source:
            wrong.append((operation, path))
    assert wrong == []
