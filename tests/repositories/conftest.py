"""Fixtures for the repository tests: a facade on a fresh emulator, and resources to use.

The facade's client has botocore's own retries off, so every SDK attempt is exactly one
request in `emulator.requests`. Its retry policy sleeps on the emulator's virtual clock,
records every delay in `sleeps`, and pins the jitter to 1.0 so delays are exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from botocore.config import Config

from imagebuilder_sdk import ImageBuilder, RetryPolicy
from imagebuilder_sdk.models import (
    Component,
    ComponentConfiguration,
    ContainerRecipe,
    ContainerRepositoryService,
    Distribution,
    DistributionConfiguration,
    ImagePipeline,
    ImageRecipe,
    InfrastructureConfiguration,
    TargetContainerRepository,
)
from imagebuilder_sdk.testing import Emulator, RecordedRequest

#: botocore retries nothing: the SDK's RetryPolicy is the only retry layer.
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})
#: An Amazon-managed parent image the emulator knows.
PARENT_IMAGE = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x"
#: A small, valid Linux component document.
DOCUMENT = """\
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
#: A Dockerfile template with the placeholders the service asks for.
DOCKERFILE = "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:components }}}\n"
#: A resource policy the emulator accepts.
POLICY: Mapping[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
            "Action": ["imagebuilder:GetComponent"],
            "Resource": ["*"],
        }
    ],
}


def sent(emulator: Emulator, operation: str | None = None) -> list[RecordedRequest]:
    """The requests that reached the emulator, for one operation or all."""
    return [r for r in emulator.requests if operation is None or r.operation == operation]


def make_facade(emulator: Emulator, sleeps: list[float], **policy: Any) -> ImageBuilder:
    """A facade on `emulator` whose retry delays land in `sleeps` and on its clock."""

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        emulator.advance(seconds)

    options: dict[str, Any] = {
        "sleep": sleep,
        "clock": emulator.clock.monotonic,
        "random": lambda: 1.0,
        **policy,
    }
    return ImageBuilder(
        emulator.client(config=NO_RETRIES), retry=RetryPolicy(**options), emulator=emulator
    )


@pytest.fixture
def emulator() -> Emulator:
    """A fresh emulator on a virtual clock."""
    return Emulator()


@pytest.fixture
def sleeps() -> list[float]:
    """The delays the facade's retry policy slept, in order."""
    return []


@pytest.fixture
def ib(emulator: Emulator, sleeps: list[float]) -> ImageBuilder:
    """The SDK facade on the emulator (no botocore retries, recorded virtual sleeps)."""
    return make_facade(emulator, sleeps)


@pytest.fixture
def component(ib: ImageBuilder) -> Component:
    """A Linux component, hello 1.0.0."""
    return ib.components.create(
        name="hello", semantic_version="1.0.0", platform="Linux", data=DOCUMENT
    )


@pytest.fixture
def recipe(ib: ImageBuilder, component: Component) -> ImageRecipe:
    """An image recipe using `component`."""
    assert component.arn is not None
    return ib.image_recipes.create(
        name="web-server",
        semantic_version="1.0.0",
        parent_image=PARENT_IMAGE,
        components=[ComponentConfiguration(component_arn=component.arn)],
    )


@pytest.fixture
def container_recipe(ib: ImageBuilder, component: Component) -> ContainerRecipe:
    """A Docker container recipe using `component`."""
    assert component.arn is not None
    return ib.container_recipes.create(
        name="web-container",
        semantic_version="1.0.0",
        container_type="DOCKER",
        parent_image="amazonlinux:2",
        target_repository=TargetContainerRepository(
            service=ContainerRepositoryService.ECR, repository_name="web"
        ),
        components=[ComponentConfiguration(component_arn=component.arn)],
        dockerfile_template_data=DOCKERFILE,
    )


@pytest.fixture
def infrastructure(ib: ImageBuilder) -> InfrastructureConfiguration:
    """An infrastructure configuration on t3.micro."""
    return ib.infrastructure_configurations.create(
        name="build-infra", instance_profile_name="builder", instance_types=["t3.micro"]
    )


@pytest.fixture
def distribution(ib: ImageBuilder) -> DistributionConfiguration:
    """A distribution configuration to one region."""
    return ib.distribution_configurations.create(
        name="to-us-east-1", distributions=[Distribution(region="us-east-1")]
    )


@pytest.fixture
def pipeline(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> ImagePipeline:
    """An enabled pipeline building `recipe` on `infrastructure`."""
    return ib.image_pipelines.create(
        name="nightly",
        image_recipe_arn=recipe.arn,
        infrastructure_configuration_arn=infrastructure.arn,
    )
