"""Scripted workloads for the fault tests: steps that each make known API calls.

A `Step` is one logical SDK call and the operations it sends, in order, so a test can
schedule a fault for each of them. `storm_steps` touches all seven resources, tags,
policies and builds once; `random_fault_workload` is the long mixed script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import attrs

from imagebuilder_sdk import ImageBuilder
from tests.reliability.support import Builder, policy_for, version_arn

__all__ = ["Step", "storm_steps"]


@dataclass(frozen=True)
class Step:
    """One logical SDK call: a label, the operations it sends in order, and the call."""

    label: str
    operations: tuple[str, ...]
    run: Callable[[], object]


def _create(kind: str) -> tuple[str, str]:
    return f"Create{kind}", f"Get{kind}"


def storm_steps(ib: ImageBuilder) -> list[Step]:
    """Every resource created, updated, tagged, shared and built once; one delete.

    Steps refer to earlier results through a shared dict, so they run in order.
    """
    build = Builder(ib)
    made: dict[str, Any] = {}

    def keep(key: str, make: Callable[[], Any]) -> Callable[[], Any]:
        def run() -> Any:
            made[key] = make()
            return made[key]

        return run

    def arn(key: str) -> str:
        return str(made[key].arn)

    return [
        Step("create component", _create("Component"), keep("c", build.component)),
        Step(
            "create image recipe",
            _create("ImageRecipe"),
            keep("r", lambda: build.image_recipe([arn("c")])),
        ),
        Step(
            "create container recipe",
            _create("ContainerRecipe"),
            keep("cr", lambda: build.container_recipe([arn("c")])),
        ),
        Step(
            "create infrastructure",
            _create("InfrastructureConfiguration"),
            keep("i", build.infrastructure),
        ),
        Step(
            "create distribution",
            _create("DistributionConfiguration"),
            keep("d", build.distribution),
        ),
        Step(
            "create pipeline",
            _create("ImagePipeline"),
            keep("p", lambda: build.pipeline(arn("r"), arn("i"), distribution_arn=arn("d"))),
        ),
        Step(
            "update infrastructure",
            ("UpdateInfrastructureConfiguration", "GetInfrastructureConfiguration"),
            lambda: ib.infrastructure_configurations.update(
                attrs.evolve(made["i"], description="updated")
            ),
        ),
        Step(
            "update distribution",
            ("UpdateDistributionConfiguration", "GetDistributionConfiguration"),
            lambda: ib.distribution_configurations.update(
                attrs.evolve(made["d"], description="updated")
            ),
        ),
        Step(
            "update pipeline",
            ("UpdateImagePipeline", "GetImagePipeline"),
            lambda: ib.image_pipelines.update(attrs.evolve(made["p"], description="updated")),
        ),
        Step("tag", ("TagResource",), lambda: ib.tag(arn("c"), {"team": "qa", "tier": "1"})),
        Step("untag", ("UntagResource",), lambda: ib.untag(arn("c"), ["tier"])),
        Step("read tags", ("ListTagsForResource",), lambda: ib.tags(arn("c"))),
        Step(
            "put policy",
            ("PutComponentPolicy",),
            lambda: ib.components.put_policy(arn("c"), policy_for(arn("c"))),
        ),
        Step("get policy", ("GetComponentPolicy",), lambda: ib.components.get_policy(arn("c"))),
        Step(
            "start pipeline",
            ("StartImagePipelineExecution",),
            keep("b1", lambda: ib.image_pipelines.start(arn("p"))),
        ),
        Step(
            "create image",
            ("CreateImage",),
            keep(
                "b2",
                lambda: ib.images.create(
                    image_recipe_arn=arn("r"), infrastructure_configuration_arn=arn("i")
                ),
            ),
        ),
        Step(
            "list builds",
            ("ListImageBuildVersions",),
            lambda: list(ib.images.build_versions(version_arn(arn("b1")))),
        ),
        Step(
            "list components",
            ("ListComponents",),
            lambda: list(ib.components.list(owner="Self")),
        ),
        Step(
            "delete container recipe",
            ("DeleteContainerRecipe",),
            lambda: ib.container_recipes.delete(arn("cr")),
        ),
    ]
