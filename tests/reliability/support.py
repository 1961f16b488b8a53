"""Helpers for the reliability tests: facades on an emulator, resource builders, constants.

Every facade here uses a client with botocore's own retries turned off, so the SDK's
`RetryPolicy` is the only retry layer and each attempt is exactly one request that
reaches the emulator. Retries and waits run on the emulator's virtual clock.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any

import boto3
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
from imagebuilder_sdk.testing import Emulator

__all__ = [
    "ACCOUNT",
    "Builder",
    "DOCKERFILE",
    "LINUX_DOC",
    "NO_RETRIES",
    "PARENT_IMAGE",
    "facade",
    "http_facade",
    "policy_for",
    "version_arn",
]

#: The emulated account.
ACCOUNT = "123456789012"
#: Client options: botocore retries nothing, so every SDK attempt is one request.
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})
#: An Amazon-managed parent image the emulator seeds.
PARENT_IMAGE = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
#: A small, valid Linux component document.
LINUX_DOC = """\
name: hello
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Say
        action: ExecuteBash
        inputs:
          commands: [echo hello]
"""
#: A container recipe's Dockerfile template.
DOCKERFILE = "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:components }}}\n"

_SESSION = boto3.session.Session()


def facade(emulator: Emulator, *, max_attempts: int = 8, seed: int = 0) -> ImageBuilder:
    """An `ImageBuilder` on `emulator` in process, retrying on its virtual clock.

    Jitter comes from a generator seeded with `seed`, so a run is repeatable.
    """
    retry = RetryPolicy(
        max_attempts=max_attempts,
        sleep=emulator.advance,
        clock=emulator.clock.monotonic,
        random=random.Random(seed).random,
    )
    return ImageBuilder(emulator.client(config=NO_RETRIES), retry=retry, emulator=emulator)


def http_facade(
    url: str,
    *,
    sleep: Callable[[float], object],
    max_pool_connections: int = 10,
    read_timeout: float | None = None,
    retry: RetryPolicy | None = None,
    credentials: Mapping[str, str] | None = None,
) -> ImageBuilder:
    """An `ImageBuilder` on a plain boto3 client aimed at an emulator's HTTP `url`.

    `retry` replaces the default policy (which waits with `sleep`); `read_timeout` is
    botocore's, in seconds; `credentials` replace the dummy keys (``aws_access_key_id``,
    ``aws_secret_access_key``, ``aws_session_token``).
    """
    config = NO_RETRIES.merge(Config(max_pool_connections=max_pool_connections))
    if read_timeout is not None:
        config = config.merge(Config(read_timeout=read_timeout, connect_timeout=read_timeout))
    keys = dict(credentials or {})
    client = _SESSION.client(
        "imagebuilder",
        region_name="us-east-1",
        endpoint_url=url,
        aws_access_key_id=keys.get("aws_access_key_id", "testing"),
        aws_secret_access_key=keys.get("aws_secret_access_key", "testing"),
        aws_session_token=keys.get("aws_session_token"),
        config=config,
    )
    return ImageBuilder(client, retry=retry or RetryPolicy(sleep=sleep))


def version_arn(build_version_arn: str) -> str:
    """The version ARN of a build-version ARN (``.../name/1.0.0/2`` -> ``.../name/1.0.0``)."""
    return build_version_arn.rsplit("/", 1)[0]


def policy_for(arn: str, account: str = "111122223333") -> dict[str, Any]:
    """A resource policy sharing `arn` with `account`."""
    action = "imagebuilder:Get" + _kind_action(arn)
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": [account]},
                "Action": [action],
                "Resource": [arn],
            }
        ],
    }


def _kind_action(arn: str) -> str:
    kind = arn.split(":", 5)[5].split("/", 1)[0]
    return "".join(part.capitalize() for part in kind.split("-"))


class Builder:
    """Creates each of the seven resources through the SDK, with small valid settings."""

    def __init__(self, ib: ImageBuilder) -> None:
        self.ib = ib

    def component(
        self,
        name: str = "hello-component",
        version: str = "1.0.0",
        *,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
        validate_document: bool = True,
    ) -> Component:
        """A Linux component version."""
        return self.ib.components.create(
            name=name,
            semantic_version=version,
            platform="Linux",
            data=LINUX_DOC,
            tags=tags,
            client_token=client_token,
            validate_document=validate_document,
        )

    def image_recipe(
        self,
        component_arns: list[str],
        name: str = "web-recipe",
        version: str = "1.0.0",
        *,
        client_token: str | None = None,
    ) -> ImageRecipe:
        """An image recipe on Amazon Linux 2023 with the given components."""
        return self.ib.image_recipes.create(
            name=name,
            semantic_version=version,
            parent_image=PARENT_IMAGE,
            components=[ComponentConfiguration(component_arn=arn) for arn in component_arns],
            client_token=client_token,
        )

    def container_recipe(
        self,
        component_arns: list[str],
        name: str = "app-recipe",
        version: str = "1.0.0",
        *,
        client_token: str | None = None,
    ) -> ContainerRecipe:
        """A Docker container recipe pushing to an ECR repository."""
        return self.ib.container_recipes.create(
            name=name,
            semantic_version=version,
            container_type="DOCKER",
            parent_image="amazonlinux:2023",
            components=[ComponentConfiguration(component_arn=arn) for arn in component_arns],
            dockerfile_template_data=DOCKERFILE,
            target_repository=TargetContainerRepository(
                service=ContainerRepositoryService.ECR, repository_name="app"
            ),
            client_token=client_token,
        )

    def infrastructure(
        self,
        name: str = "build-infra",
        *,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> InfrastructureConfiguration:
        """An infrastructure configuration with an instance profile."""
        return self.ib.infrastructure_configurations.create(
            name=name,
            instance_profile_name="builder",
            description=description,
            tags=tags,
            client_token=client_token,
        )

    def distribution(
        self,
        name: str = "home-dist",
        *,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> DistributionConfiguration:
        """A distribution configuration for the home region."""
        return self.ib.distribution_configurations.create(
            name=name,
            distributions=[Distribution(region="us-east-1")],
            description=description,
            tags=tags,
            client_token=client_token,
        )

    def pipeline(
        self,
        recipe_arn: str,
        infrastructure_arn: str,
        name: str = "nightly-pipe",
        *,
        distribution_arn: str | None = None,
        client_token: str | None = None,
    ) -> ImagePipeline:
        """An image pipeline for an image recipe."""
        return self.ib.image_pipelines.create(
            name=name,
            image_recipe_arn=recipe_arn,
            infrastructure_configuration_arn=infrastructure_arn,
            distribution_configuration_arn=distribution_arn,
            client_token=client_token,
        )
