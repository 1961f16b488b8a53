"""The create and update methods checked for bad input, each with a valid call.

`TARGETS` lists the 11 create and update methods of the seven repositories; each
comes with keywords the SDK accepts and the nested settings worth breaking. The
strategies that break them live in `bad_input_cases`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore import xform_name
from hypothesis import strategies as st

from imagebuilder_sdk.models import (
    AmiDistributionConfiguration,
    ComponentConfiguration,
    ComponentParameter,
    ContainerDistributionConfiguration,
    ContainerRepositoryService,
    Distribution,
    EbsInstanceBlockDeviceSpecification,
    ImageTestsConfiguration,
    InstanceBlockDeviceMapping,
    InstanceMetadataOptions,
    LaunchPermissionConfiguration,
    Placement,
    Schedule,
    TargetContainerRepository,
)
from tests.reliability.bad_input_cases import Nested, Target
from tests.reliability.support import DOCKERFILE, LINUX_DOC, PARENT_IMAGE

__all__ = ["COMPONENT", "DIST", "INFRA", "PIPE", "RECIPE", "TARGETS"]

_ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"
COMPONENT = f"{_ACCOUNT}:component/comp-one/1.0.0/1"
RECIPE = f"{_ACCOUNT}:image-recipe/recipe-one/1.0.0"
INFRA = f"{_ACCOUNT}:infrastructure-configuration/infra-one"
DIST = f"{_ACCOUNT}:distribution-configuration/dist-one"
PIPE = f"{_ACCOUNT}:image-pipeline/pipe-one"


def _ebs(member: str) -> Callable[[Any], tuple[object, str]]:
    def build(value: Any) -> tuple[object, str]:
        ebs = EbsInstanceBlockDeviceSpecification(**{member: value})
        mapping = InstanceBlockDeviceMapping(device_name="/dev/xvda", ebs=ebs)
        return [mapping], f"[0].ebs.{member}"

    return build


def _component_arn(value: Any) -> tuple[object, str]:
    return [ComponentConfiguration(component_arn=value)], "[0].component_arn"


def _tests_timeout(value: Any) -> tuple[object, str]:
    return ImageTestsConfiguration(timeout_minutes=value), ".timeout_minutes"


def _single(cls: Any, member: str, **others: Any) -> Callable[[Any], tuple[object, str]]:
    return lambda value: (cls(**{member: value, **others}), f".{member}")


def _region(value: Any) -> tuple[object, str]:
    return [Distribution(region=value)], "[0].region"


def _parameter_value(value: Any) -> tuple[object, str]:
    parameter = ComponentParameter(name="Greeting", value=value)
    configuration = ComponentConfiguration(component_arn=COMPONENT, parameters=[parameter])
    return [configuration], "[0].parameters[0].value"


def _user_groups(value: Any) -> tuple[object, str]:
    permission = LaunchPermissionConfiguration(user_groups=value)
    ami = AmiDistributionConfiguration(launch_permission=permission)
    distribution = Distribution(region="us-east-1", ami_distribution_configuration=ami)
    return [distribution], "[0].ami_distribution_configuration.launch_permission.user_groups"


def _container_tags(value: Any) -> tuple[object, str]:
    repository = TargetContainerRepository(
        service=ContainerRepositoryService.ECR, repository_name="app"
    )
    container = ContainerDistributionConfiguration(
        container_tags=value, target_repository=repository
    )
    distribution = Distribution(region="us-east-1", container_distribution_configuration=container)
    return [distribution], "[0].container_distribution_configuration.container_tags"


#: Nested lists of strings, where a bare string must be refused, never split.
_DIST_NESTED: tuple[Nested, ...] = (
    ("distributions", "Distribution", "region", _region),
    ("distributions", "LaunchPermissionConfiguration", "userGroups", _user_groups),
    ("distributions", "ContainerDistributionConfiguration", "containerTags", _container_tags),
)


_RECIPE_NESTED: tuple[Nested, ...] = (
    ("components", "ComponentConfiguration", "componentArn", _component_arn),
    ("components", "ComponentParameter", "value", _parameter_value),
    *(
        ("block_device_mappings", "EbsInstanceBlockDeviceSpecification", m, _ebs(xform_name(m)))
        for m in ("volumeSize", "iops", "throughput", "volumeType")
    ),
)
_INFRA_NESTED: tuple[Nested, ...] = (
    (
        "instance_metadata_options",
        "InstanceMetadataOptions",
        "httpPutResponseHopLimit",
        _single(InstanceMetadataOptions, "http_put_response_hop_limit"),
    ),
    (
        "instance_metadata_options",
        "InstanceMetadataOptions",
        "httpTokens",
        _single(InstanceMetadataOptions, "http_tokens"),
    ),
    ("placement", "Placement", "tenancy", _single(Placement, "tenancy")),
)
_CRON = "cron(0 0 * * ? *)"
_PIPELINE_NESTED: tuple[Nested, ...] = (
    ("image_tests_configuration", "ImageTestsConfiguration", "timeoutMinutes", _tests_timeout),
    (
        "schedule",
        "Schedule",
        "pipelineExecutionStartCondition",
        _single(Schedule, "pipeline_execution_start_condition", schedule_expression=_CRON),
    ),
    ("schedule", "Schedule", "timezone", _single(Schedule, "timezone")),
)  # fmt: skip

#: Component documents that are not valid (checked before sending).
_BAD_DOCUMENTS = st.sampled_from(
    ["", "::: [unclosed", "just text", "name: x\n", "phases: 3\nschemaVersion: 1.0\n"]
).map(lambda text: (text, ""))

_TAGS = {"team": "qa"}
#: A build takes an image recipe or a container recipe, never both.
_ONE_RECIPE = {"container_recipe_arn": "image_recipe_arn"}
#: A component comes from inline data or from an S3 uri, never both.
_ONE_SOURCE = {"uri": "data"}
_INFRA_OPTIONAL: dict[str, object] = {
    "instance_profile_name": "builder",
    "instance_types": ["t3.micro"],
    "description": "build hosts",
    "security_group_ids": ["sg-0123"],
    "subnet_id": "subnet-0123",
    "key_pair": "builders",
    "terminate_instance_on_failure": True,
    "sns_topic_arn": "arn:aws:sns:us-east-1:123456789012:builds",
    "resource_tags": {"cost": "ci"},
}
_PIPELINE_OPTIONAL: dict[str, object] = {
    "image_recipe_arn": RECIPE,
    "infrastructure_configuration_arn": INFRA,
    "distribution_configuration_arn": DIST,
    "description": "nightly",
    "enhanced_image_metadata_enabled": True,
    "status": "ENABLED",
    "execution_role": "builder-role",
    "image_tags": _TAGS,
}

TARGETS = (
    Target(
        "components.create",
        "CreateComponent",
        lambda ib: ib.components.create,
        {
            "name": "comp-one",
            "semantic_version": "1.0.0",
            "platform": "Linux",
            "data": LINUX_DOC,
            "description": "says hello",
            "change_description": "first",
            "supported_os_versions": ["Amazon Linux 2023"],
            "kms_key_id": "alias/builds",
            "tags": _TAGS,
        },
        special={"data": _BAD_DOCUMENTS},
        excludes=_ONE_SOURCE,
    ),
    Target(
        "components.import_",
        "ImportComponent",
        lambda ib: ib.components.import_,
        {
            "name": "imp-one",
            "semantic_version": "1.0.0",
            "type": "BUILD",
            "platform": "Linux",
            "format": "SHELL",
            "data": "echo hello",
            "description": "a script",
            "tags": _TAGS,
        },
        excludes=_ONE_SOURCE,
    ),
    Target(
        "image_recipes.create",
        "CreateImageRecipe",
        lambda ib: ib.image_recipes.create,
        {
            "name": "recipe-one",
            "semantic_version": "1.0.0",
            "parent_image": PARENT_IMAGE,
            "components": [ComponentConfiguration(component_arn=COMPONENT)],
            "description": "web",
            "working_directory": "/tmp",
            "ami_tags": _TAGS,
            "tags": _TAGS,
        },
        nested=_RECIPE_NESTED,
    ),
    Target(
        "container_recipes.create",
        "CreateContainerRecipe",
        lambda ib: ib.container_recipes.create,
        {
            "name": "box-one",
            "semantic_version": "1.0.0",
            "container_type": "DOCKER",
            "parent_image": "amazonlinux:2023",
            "components": [ComponentConfiguration(component_arn=COMPONENT)],
            "target_repository": TargetContainerRepository(
                service=ContainerRepositoryService.ECR, repository_name="app"
            ),
            "dockerfile_template_data": DOCKERFILE,
            "platform_override": "Linux",
            "tags": _TAGS,
        },
        nested=(
            ("components", "ComponentConfiguration", "componentArn", _component_arn),
            (
                "target_repository",
                "TargetContainerRepository",
                "service",
                _single(TargetContainerRepository, "service", repository_name="app"),
            ),
            (
                "target_repository",
                "TargetContainerRepository",
                "repositoryName",
                _single(TargetContainerRepository, "repository_name", service="ECR"),
            ),
        ),
    ),
    Target(
        "infrastructure_configurations.create",
        "CreateInfrastructureConfiguration",
        lambda ib: ib.infrastructure_configurations.create,
        {"name": "infra-one", **_INFRA_OPTIONAL, "tags": _TAGS},
        nested=_INFRA_NESTED,
    ),
    Target(
        "infrastructure_configurations.update",
        "UpdateInfrastructureConfiguration",
        lambda ib: ib.infrastructure_configurations.update,
        {"arn": INFRA, **_INFRA_OPTIONAL},
        renames={"arn": "infrastructure_configuration_arn"},
        nested=_INFRA_NESTED,
    ),
    Target(
        "distribution_configurations.create",
        "CreateDistributionConfiguration",
        lambda ib: ib.distribution_configurations.create,
        {
            "name": "dist-one",
            "distributions": [Distribution(region="us-east-1")],
            "description": "home",
            "tags": _TAGS,
        },
        nested=_DIST_NESTED,
    ),
    Target(
        "distribution_configurations.update",
        "UpdateDistributionConfiguration",
        lambda ib: ib.distribution_configurations.update,
        {"arn": DIST, "distributions": [Distribution(region="us-east-1")], "description": "x"},
        renames={"arn": "distribution_configuration_arn"},
        nested=_DIST_NESTED,
    ),
    Target(
        "image_pipelines.create",
        "CreateImagePipeline",
        lambda ib: ib.image_pipelines.create,
        {"name": "pipe-one", **_PIPELINE_OPTIONAL, "tags": _TAGS},
        nested=_PIPELINE_NESTED,
        excludes=_ONE_RECIPE,
    ),
    Target(
        "image_pipelines.update",
        "UpdateImagePipeline",
        lambda ib: ib.image_pipelines.update,
        {"arn": PIPE, **_PIPELINE_OPTIONAL},
        renames={"arn": "image_pipeline_arn"},
        nested=_PIPELINE_NESTED,
        excludes=_ONE_RECIPE,
    ),
    Target(
        "images.create",
        "CreateImage",
        lambda ib: ib.images.create,
        {
            "infrastructure_configuration_arn": INFRA,
            "image_recipe_arn": RECIPE,
            "distribution_configuration_arn": DIST,
            "enhanced_image_metadata_enabled": True,
            "execution_role": "builder-role",
            "tags": _TAGS,
        },
        nested=(
            (
                "image_tests_configuration",
                "ImageTestsConfiguration",
                "timeoutMinutes",
                _tests_timeout,
            ),
        ),
        excludes=_ONE_RECIPE,
    ),
)
