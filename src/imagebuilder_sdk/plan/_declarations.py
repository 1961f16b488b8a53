"""The declarations: one small class per resource kind, fields named as in ``create``.

>>> from imagebuilder_sdk.plan import ComponentSpec, ExistingImage, ImageRecipeSpec
>>> hello = ComponentSpec(name="hello", platform="Linux", data="name: hello ...")
>>> recipe = ImageRecipeSpec(
...     name="web", parent_image=ExistingImage("amazon-linux-2023-x86"), components=[hello]
... )
>>> [d.key for d in recipe.dependencies()]
[('parent image', 'amazon-linux-2023-x86'), ('component', 'hello')]

Types carry the rules: a recipe's ``components`` takes component declarations, looked-up
components (`ExistingComponent`) or `ComponentUse` (one of those with parameters), so
``mypy --strict`` refuses a recipe that lists an infrastructure configuration; likewise
a pipeline's ``workflows`` takes only `WorkflowSpec` and `WorkflowUse` (see `_workflows`).
Lifecycle policies are in `_lifecycle`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    AdditionalInstanceConfiguration,
    ComponentConfiguration,
    ComponentParameter,
    ContainerRecipe,
    ContainerType,
    Distribution,
    DistributionConfiguration,
    ImagePipeline,
    ImageRecipe,
    ImageScanningConfiguration,
    ImageTestsConfiguration,
    InfrastructureConfiguration,
    InstanceBlockDeviceMapping,
    InstanceConfiguration,
    InstanceMetadataOptions,
    Logging,
    ParentInstanceConfiguration,
    PipelineLoggingConfiguration,
    PipelineStatus,
    Placement,
    Platform,
    Schedule,
    TargetContainerRepository,
)
from imagebuilder_sdk.models import Component as ComponentModel
from imagebuilder_sdk.plan._fields import (
    VersionedDocument,
    check_bump,
    check_data,
    check_filter,
    check_version,
    model_fields_of,
    one_of,
)
from imagebuilder_sdk.plan._kinds import (
    Bump,
    Declaration,
    Mutable,
    Observed,
    Resolve,
    Versioned,
    check_name,
)
from imagebuilder_sdk.plan._workflows import (
    WorkflowRef,
    WorkflowUse,
    check_workflows,
    workflow_configurations,
    workflow_list,
)
from imagebuilder_sdk.versions import SemanticVersion, VersionFilter

if TYPE_CHECKING:
    from imagebuilder_sdk.client import ImageBuilder
    from imagebuilder_sdk.documents import ComponentDocument

__all__ = [
    "ComponentRef",
    "ComponentSpec",
    "ComponentUse",
    "ContainerRecipeSpec",
    "DistributionSpec",
    "ExistingComponent",
    "ExistingImage",
    "ImagePipelineSpec",
    "ImageRecipeSpec",
    "InfrastructureSpec",
]


def _check_components(
    instance: object, attribute: attrs.Attribute[Any], value: Sequence[object]
) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, (ComponentSpec, ExistingComponent, ComponentUse)):
            raise ValidationError(
                f"components[{index}]",
                "must be a ComponentSpec, an ExistingComponent or a ComponentUse, "
                f"got {type(item).__name__}",
            )


# -- looked up, not managed ------------------------------------------------------------


@attrs.frozen
class _Existing(Declaration):
    name: str = attrs.field(validator=check_name)
    """The resource's name."""
    version: str | VersionFilter = attrs.field(default="x.x.x", validator=check_filter)
    """Which versions match (``x.x.x``: the newest); kept in the reference."""
    owner: str = attrs.field(default="Amazon", kw_only=True)
    """Whose: ``Amazon``, ``Self``, ``Shared``, ``ThirdParty``, ``AWSMarketplace``."""

    managed: ClassVar[bool] = False
    resource_type: ClassVar[ResourceType]

    def read(self, ib: ImageBuilder) -> Observed | None:
        """The newest match (one listing); its ARN, with the filter put back."""
        found = self.repo(ib).latest(self.name, self.version, owner=self.owner)
        if found is None:
            return None
        arn = Arn.parse(str(found.arn))
        wanted = (
            self.version
            if isinstance(self.version, VersionFilter)
            else VersionFilter.parse(self.version)
        )
        exact = wanted.exact_version
        return Observed(arn=str(arn.with_version(exact or wanted)), content={})

    def model_fields(self) -> frozenset[str]:
        return frozenset()


@attrs.frozen
class ExistingComponent(_Existing):
    """A component you do not manage (Amazon's, shared), by name and version filter.

    The recipe refers to it with the filter kept (``.../update-linux/1.x.x``), so
    builds pick up new matching versions, and a recipe that has it is not drift.
    """

    kind: ClassVar[str] = "existing component"
    repository: ClassVar[str] = "components"


@attrs.frozen
class ExistingImage(_Existing):
    """A parent image by name and version filter (``amazon-linux-2023-x86``, ``x.x.x``)."""

    kind: ClassVar[str] = "parent image"
    repository: ClassVar[str] = "images"


# -- components ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComponentSpec(VersionedDocument):
    """A component you manage: its document and settings; versions are planned for you.

    ``version`` pins the version; left out, the first version is ``1.0.0`` and each
    change bumps the latest by ``bump`` (patch, unless told otherwise).
    """

    kind: ClassVar[str] = "component"
    repository: ClassVar[str] = "components"

    name: str = attrs.field(validator=check_name)
    """The component's name."""
    platform: Platform | str
    """``Linux`` or ``Windows`` (``macOS`` where offered)."""
    data: str | ComponentDocument = attrs.field(validator=check_data("ComponentDocument"))
    """The component document: YAML text or a `ComponentDocument`."""
    description: str | None = None
    """What the component does."""
    change_description: str | None = None
    """Sent with each new version; not compared (it describes a change)."""
    supported_os_versions: Sequence[str] | None = None
    """The operating systems the component supports."""
    kms_key_id: str | None = None
    """The KMS key that encrypts the component."""
    tags: Mapping[str, str] | None = None
    """Tags on each version."""
    version: str | SemanticVersion | None = attrs.field(default=None, validator=check_version)
    """A pinned version; None to let the plan number versions."""
    bump: Bump | str = attrs.field(default=Bump.PATCH, validator=check_bump)
    """How a changed component's next version is numbered."""

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(ComponentModel)


#: What a recipe's component list takes.
ComponentRef = ComponentSpec | ExistingComponent


@attrs.frozen
class ComponentUse:
    """A component in a recipe, with values for its parameters."""

    component: ComponentRef = attrs.field(validator=one_of(ComponentSpec, ExistingComponent))
    """The component."""
    parameters: Mapping[str, Sequence[str]] = attrs.field(factory=dict)
    """Parameter values by name."""

    def configuration(self, resolve: Resolve) -> ComponentConfiguration:
        """The recipe's entry for this component."""
        parameters = [
            ComponentParameter(name=name, value=list(values))
            for name, values in self.parameters.items()
        ]
        return ComponentConfiguration(
            component_arn=resolve(self.component), parameters=parameters or None
        )


def _component_list(
    value: Iterable[ComponentRef | ComponentUse],
) -> tuple[ComponentRef | ComponentUse, ...]:
    """A recipe's components as a tuple (the declaration is frozen)."""
    return tuple(value)


def _configurations(
    components: Sequence[ComponentRef | ComponentUse], resolve: Resolve
) -> list[ComponentConfiguration]:
    return [
        (c if isinstance(c, ComponentUse) else ComponentUse(c)).configuration(resolve)
        for c in components
    ]


# -- recipes ---------------------------------------------------------------------------


class _Recipe(Versioned):
    __slots__ = ()
    components: Sequence[ComponentRef | ComponentUse]

    def request_value(self, field: str, value: Any, resolve: Resolve) -> Any:
        if field == "components":
            return _configurations(value, resolve)
        return super().request_value(field, value, resolve)


@attrs.frozen(kw_only=True)
class ImageRecipeSpec(_Recipe):
    """An image recipe: a parent image and the components to run on it."""

    kind: ClassVar[str] = "image recipe"
    repository: ClassVar[str] = "image_recipes"

    name: str = attrs.field(validator=check_name)
    """The recipe's name."""
    parent_image: str | ExistingImage = attrs.field(validator=one_of(str, ExistingImage))
    """The image to start from: an `ExistingImage`, an image ARN or an AMI id."""
    components: Sequence[ComponentRef | ComponentUse] = attrs.field(
        converter=_component_list, validator=_check_components
    )
    """The components, in the order they run."""
    description: str | None = None
    """What the recipe builds."""
    block_device_mappings: Sequence[InstanceBlockDeviceMapping] | None = None
    """Volumes of the build instance and the image."""
    working_directory: str | None = None
    """Where builds run on the instance."""
    additional_instance_configuration: AdditionalInstanceConfiguration | None = None
    """Systems Manager agent and user data settings."""
    ami_tags: Mapping[str, str] | None = None
    """Tags on the AMIs built."""
    tags: Mapping[str, str] | None = None
    """Tags on each version."""
    version: str | SemanticVersion | None = attrs.field(default=None, validator=check_version)
    """A pinned version; None to let the plan number versions."""
    bump: Bump | str = attrs.field(default=Bump.PATCH, validator=check_bump)
    """How a changed recipe's next version is numbered."""

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(ImageRecipe)


@attrs.frozen(kw_only=True)
class ContainerRecipeSpec(_Recipe):
    """A container recipe: a parent image, components, a Dockerfile and a repository."""

    kind: ClassVar[str] = "container recipe"
    repository: ClassVar[str] = "container_recipes"
    not_compared: ClassVar[frozenset[str]] = Versioned.not_compared | {"dockerfile_template_uri"}

    name: str = attrs.field(validator=check_name)
    """The recipe's name."""
    parent_image: str | ExistingImage = attrs.field(validator=one_of(str, ExistingImage))
    """The base image (``amazonlinux:latest``, an image ARN, or an `ExistingImage`)."""
    target_repository: TargetContainerRepository
    """Where built images are pushed."""
    components: Sequence[ComponentRef | ComponentUse] = attrs.field(
        converter=_component_list, validator=_check_components
    )
    """The components, in the order they run."""
    container_type: ContainerType | str = "DOCKER"
    """The container type."""
    dockerfile_template_data: str | None = None
    """The Dockerfile template (or give ``dockerfile_template_uri``)."""
    dockerfile_template_uri: str | None = None
    """An S3 URI of the Dockerfile template."""
    description: str | None = None
    """What the recipe builds."""
    instance_configuration: InstanceConfiguration | None = None
    """The build instance's image and volumes."""
    platform_override: Platform | str | None = None
    """The platform, when the parent image does not say."""
    image_os_version_override: str | None = None
    """The OS version, when the parent image does not say."""
    working_directory: str | None = None
    """Where builds run."""
    kms_key_id: str | None = None
    """The KMS key that encrypts the Dockerfile template."""
    tags: Mapping[str, str] | None = None
    """Tags on each version."""
    version: str | SemanticVersion | None = attrs.field(default=None, validator=check_version)
    """A pinned version; None to let the plan number versions."""
    bump: Bump | str = attrs.field(default=Bump.PATCH, validator=check_bump)
    """How a changed recipe's next version is numbered."""

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(ContainerRecipe)


# -- configurations and pipelines ------------------------------------------------------


@attrs.frozen(kw_only=True)
class InfrastructureSpec(Mutable):
    """An infrastructure configuration: the instances builds run on; updated in place."""

    kind: ClassVar[str] = "infrastructure configuration"
    repository: ClassVar[str] = "infrastructure_configurations"

    name: str = attrs.field(validator=check_name)
    """The configuration's name."""
    instance_profile_name: str
    """The instance profile builds run with."""
    instance_types: Sequence[str] | None = None
    """Instance types to try, in order."""
    description: str | None = None
    """What the configuration is for."""
    security_group_ids: Sequence[str] | None = None
    """Security groups of the build instance."""
    subnet_id: str | None = None
    """The subnet builds run in."""
    logging: Logging | None = None
    """Where build logs go."""
    key_pair: str | None = None
    """An EC2 key pair for the build instance."""
    terminate_instance_on_failure: bool | None = None
    """Whether a failed build's instance is terminated."""
    terminate_instance_on_completion: bool | None = None
    """Whether a finished build's instance is terminated."""
    sns_topic_arn: str | None = None
    """An SNS topic told of build results."""
    resource_tags: Mapping[str, str] | None = None
    """Tags on the resources builds create."""
    instance_metadata_options: InstanceMetadataOptions | None = None
    """Instance metadata (IMDS) settings."""
    placement: Placement | None = None
    """Tenancy and placement of the build instance."""
    parent_instance: ParentInstanceConfiguration | None = None
    """A parent instance for builds that need one."""
    tags: Mapping[str, str] | None = None
    """Tags on the configuration."""

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(InfrastructureConfiguration)


def _distribution_list(value: Iterable[Distribution]) -> tuple[Distribution, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class DistributionSpec(Mutable):
    """A distribution configuration: the regions and accounts that get the images."""

    kind: ClassVar[str] = "distribution configuration"
    repository: ClassVar[str] = "distribution_configurations"

    name: str = attrs.field(validator=check_name)
    """The configuration's name."""
    distributions: Sequence[Distribution] = attrs.field(converter=_distribution_list)
    """One entry per region."""
    description: str | None = None
    """What the configuration is for."""
    tags: Mapping[str, str] | None = None
    """Tags on the configuration."""

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(DistributionConfiguration)


#: What a pipeline builds from.
RecipeRef = ImageRecipeSpec | ContainerRecipeSpec


@attrs.frozen(kw_only=True)
class ImagePipelineSpec(Mutable):
    """An image pipeline: a recipe, infrastructure and distribution; updated in place.

    ``workflows`` takes `WorkflowSpec` declarations and `WorkflowUse` entries; a
    pipeline with workflows of its own needs an ``execution_role``.
    """

    kind: ClassVar[str] = "image pipeline"
    repository: ClassVar[str] = "image_pipelines"
    list_is_full: ClassVar[bool] = True
    volatile: ClassVar[frozenset[str]] = frozenset(
        {"date_last_run", "last_run_status", "date_next_run", "consecutive_failures"}
    )

    name: str = attrs.field(validator=check_name)
    """The pipeline's name."""
    recipe: RecipeRef = attrs.field(validator=one_of(ImageRecipeSpec, ContainerRecipeSpec))
    """The image or container recipe it builds."""
    infrastructure: InfrastructureSpec = attrs.field(validator=one_of(InfrastructureSpec))
    """Where builds run."""
    distribution: DistributionSpec | None = attrs.field(
        default=None, validator=one_of(DistributionSpec, optional=True)
    )
    """Where images go (None: the build's own region)."""
    description: str | None = None
    """What the pipeline builds."""
    image_tests_configuration: ImageTestsConfiguration | None = None
    """Whether and how long images are tested."""
    enhanced_image_metadata_enabled: bool | None = None
    """Whether images carry the installed-package inventory."""
    schedule: Schedule | None = None
    """When the pipeline runs by itself."""
    status: PipelineStatus | str | None = None
    """``ENABLED`` or ``DISABLED``."""
    image_scanning_configuration: ImageScanningConfiguration | None = None
    """Inspector scanning of images."""
    workflows: Sequence[WorkflowRef | WorkflowUse] | None = attrs.field(
        default=None, converter=workflow_list, validator=check_workflows
    )
    """Workflows that replace the build, test or distribution stage, in order."""
    execution_role: str | None = None
    """The IAM role (name or ARN) the service runs the workflows with."""
    logging_configuration: PipelineLoggingConfiguration | None = None
    """CloudWatch log groups of the pipeline's builds."""
    image_tags: Mapping[str, str] | None = None
    """Tags on the images built."""
    tags: Mapping[str, str] | None = None
    """Tags on the pipeline."""

    def __attrs_post_init__(self) -> None:
        if self.workflows and self.execution_role is None:
            raise ValidationError(
                "execution_role", "is required when the pipeline runs workflows of its own"
            )

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(ImagePipeline)

    def request_value(self, field: str, value: Any, resolve: Resolve) -> Any:
        if field == "workflows" and value is not None:
            return workflow_configurations(value, resolve)
        return super().request_value(field, value, resolve)

    def request(self, resolve: Resolve) -> dict[str, Any]:
        params = super().request(resolve)
        recipe = params.pop("recipe")
        member = (
            "image_recipe_arn"
            if isinstance(self.recipe, ImageRecipeSpec)
            else "container_recipe_arn"
        )
        params[member] = recipe
        params["infrastructure_configuration_arn"] = params.pop("infrastructure")
        if "distribution" in params:
            params["distribution_configuration_arn"] = params.pop("distribution")
        return params
