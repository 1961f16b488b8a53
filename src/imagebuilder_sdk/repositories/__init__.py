"""One repository per Image Builder resource, with the same verbs everywhere."""

from __future__ import annotations

from imagebuilder_sdk.repositories._base import Repository
from imagebuilder_sdk.repositories._workflow_runs import BuildStep, FailedStep, WaitingStep
from imagebuilder_sdk.repositories.components import Components
from imagebuilder_sdk.repositories.container_recipes import ContainerRecipes
from imagebuilder_sdk.repositories.distribution_configurations import (
    DistributionConfigurations,
)
from imagebuilder_sdk.repositories.image_pipelines import ImagePipelines
from imagebuilder_sdk.repositories.image_recipes import ImageRecipes
from imagebuilder_sdk.repositories.images import ImageBuild, Images
from imagebuilder_sdk.repositories.infrastructure_configurations import (
    InfrastructureConfigurations,
)
from imagebuilder_sdk.repositories.lifecycle_policies import LifecyclePolicies, LifecycleRun
from imagebuilder_sdk.repositories.workflows import Workflows

__all__ = [
    "BuildStep",
    "Components",
    "ContainerRecipes",
    "DistributionConfigurations",
    "FailedStep",
    "ImageBuild",
    "ImagePipelines",
    "ImageRecipes",
    "Images",
    "InfrastructureConfigurations",
    "LifecyclePolicies",
    "LifecycleRun",
    "Repository",
    "WaitingStep",
    "Workflows",
]
