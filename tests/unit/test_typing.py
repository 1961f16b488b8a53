"""Static types of the repositories: mypy --strict checks every `assert_type` here.

`make test` runs mypy over tests/, so a method whose declared return type drifts (to
`Any`, or to another model) fails the build. The same code also runs against the
emulator, so the declared types are the ones that come back at run time.
"""

from __future__ import annotations

from typing_extensions import assert_type

from imagebuilder_sdk import ImageBuild, ImageBuilder, Paginated
from imagebuilder_sdk.models import (
    Component,
    ComponentConfiguration,
    ComponentSummary,
    ComponentVersion,
    ContainerRecipe,
    ContainerRecipeSummary,
    ContainerRepositoryService,
    Distribution,
    DistributionConfiguration,
    DistributionConfigurationSummary,
    Image,
    ImagePackage,
    ImagePipeline,
    ImageRecipe,
    ImageRecipeSummary,
    ImageSummary,
    ImageVersion,
    InfrastructureConfiguration,
    InfrastructureConfigurationSummary,
    TargetContainerRepository,
)

PARENT = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x"
DOCUMENT = (
    "name: t\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
    "      - name: Say\n        action: ExecuteBash\n        inputs:\n"
    "          commands: [echo hi]\n"
)


def _component(ib: ImageBuilder) -> Component:
    return ib.components.create(
        name="typed", semantic_version="1.0.0", platform="Linux", data=DOCUMENT
    )


def test_components_types() -> None:
    """components.create/get return Component; list, latest, build_versions their models."""
    ib = ImageBuilder.local()
    created = assert_type(_component(ib), Component)
    arn = str(created.arn)
    assert isinstance(assert_type(ib.components.get(arn), Component), Component)
    listing = assert_type(ib.components.list(), Paginated[ComponentVersion])
    assert all(isinstance(item, ComponentVersion) for item in listing)
    latest = assert_type(ib.components.latest("typed"), ComponentVersion | None)
    assert isinstance(latest, ComponentVersion)
    builds = assert_type(
        ib.components.build_versions(arn.rsplit("/", 1)[0]), Paginated[ComponentSummary]
    )
    assert all(isinstance(item, ComponentSummary) for item in builds)


def test_recipe_types() -> None:
    """image_recipes and container_recipes return their recipe and summary models."""
    ib = ImageBuilder.local()
    components = [ComponentConfiguration(component_arn=str(_component(ib).arn))]
    recipe = assert_type(
        ib.image_recipes.create(
            name="typed", semantic_version="1.0.0", parent_image=PARENT, components=components
        ),
        ImageRecipe,
    )
    assert isinstance(assert_type(ib.image_recipes.get(str(recipe.arn)), ImageRecipe), ImageRecipe)
    recipes = assert_type(ib.image_recipes.list(), Paginated[ImageRecipeSummary])
    assert all(isinstance(item, ImageRecipeSummary) for item in recipes)
    container = assert_type(
        ib.container_recipes.create(
            name="typed-container",
            semantic_version="1.0.0",
            container_type="DOCKER",
            parent_image="amazonlinux:2",
            target_repository=TargetContainerRepository(
                service=ContainerRepositoryService.ECR, repository_name="typed"
            ),
            components=components,
            dockerfile_template_data="FROM {{{ imagebuilder:parentImage }}}\n"
            "{{{ imagebuilder:components }}}\n",
        ),
        ContainerRecipe,
    )
    fetched = assert_type(ib.container_recipes.get(str(container.arn)), ContainerRecipe)
    assert isinstance(fetched, ContainerRecipe)
    containers = assert_type(ib.container_recipes.list(), Paginated[ContainerRecipeSummary])
    assert all(isinstance(item, ContainerRecipeSummary) for item in containers)


def test_configuration_types() -> None:
    """Infrastructure and distribution configurations: create/get/update/list types."""
    ib = ImageBuilder.local()
    infra = assert_type(
        ib.infrastructure_configurations.create(name="typed", instance_profile_name="p"),
        InfrastructureConfiguration,
    )
    updated = assert_type(
        ib.infrastructure_configurations.update(infra, description="new"),
        InfrastructureConfiguration,
    )
    assert isinstance(updated, InfrastructureConfiguration)
    assert isinstance(
        assert_type(
            ib.infrastructure_configurations.get(str(infra.arn)), InfrastructureConfiguration
        ),
        InfrastructureConfiguration,
    )
    infras = assert_type(
        ib.infrastructure_configurations.list(), Paginated[InfrastructureConfigurationSummary]
    )
    assert all(isinstance(item, InfrastructureConfigurationSummary) for item in infras)
    dist = assert_type(
        ib.distribution_configurations.create(
            name="typed", distributions=[Distribution(region="us-east-1")]
        ),
        DistributionConfiguration,
    )
    assert isinstance(
        assert_type(ib.distribution_configurations.get(str(dist.arn)), DistributionConfiguration),
        DistributionConfiguration,
    )
    dists = assert_type(
        ib.distribution_configurations.list(), Paginated[DistributionConfigurationSummary]
    )
    assert all(isinstance(item, DistributionConfigurationSummary) for item in dists)


def test_pipeline_and_image_types() -> None:
    """Pipelines and images: models, build handles and listings are typed."""
    ib = ImageBuilder.local()
    components = [ComponentConfiguration(component_arn=str(_component(ib).arn))]
    recipe = ib.image_recipes.create(
        name="typed", semantic_version="1.0.0", parent_image=PARENT, components=components
    )
    infra = ib.infrastructure_configurations.create(name="typed", instance_profile_name="p")
    pipeline = assert_type(
        ib.image_pipelines.create(
            name="typed", image_recipe_arn=recipe.arn, infrastructure_configuration_arn=infra.arn
        ),
        ImagePipeline,
    )
    assert isinstance(
        assert_type(ib.image_pipelines.get(str(pipeline.arn)), ImagePipeline), ImagePipeline
    )
    pipelines = assert_type(ib.image_pipelines.list(), Paginated[ImagePipeline])
    assert all(isinstance(item, ImagePipeline) for item in pipelines)
    build = assert_type(ib.image_pipelines.start(str(pipeline.arn)), ImageBuild)
    image = assert_type(build.wait(), Image)
    assert isinstance(assert_type(ib.images.get(build.arn), Image), Image)
    assert isinstance(image, Image)
    images = assert_type(ib.images.list(), Paginated[ImageVersion])
    assert all(isinstance(item, ImageVersion) for item in images)
    built = assert_type(ib.image_pipelines.images(str(pipeline.arn)), Paginated[ImageSummary])
    assert all(isinstance(item, ImageSummary) for item in built)
    packages = assert_type(ib.images.packages(build.arn), Paginated[ImagePackage])
    assert all(isinstance(item, ImagePackage) for item in packages)
    handle = assert_type(
        ib.images.create(
            image_recipe_arn=str(recipe.arn), infrastructure_configuration_arn=str(infra.arn)
        ),
        ImageBuild,
    )
    assert isinstance(handle, ImageBuild)
    assert_type(ib.tags(str(pipeline.arn)), dict[str, str])
