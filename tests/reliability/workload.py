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
from imagebuilder_sdk.models import Component
from tests.reliability.support import Builder, policy_for, version_arn

__all__ = ["ROUNDS", "Step", "mixed_workload", "storm_steps"]

#: Rounds of `mixed_workload`; each round is 52 SDK operations.
ROUNDS = 10


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
            # The model's tags are those the create's read-back returned: no ListTagsForResource.
            (
                "UpdateInfrastructureConfiguration",
                "GetInfrastructureConfiguration",
            ),
            lambda: ib.infrastructure_configurations.update(
                attrs.evolve(made["i"], description="updated")
            ),
        ),
        Step(
            "update distribution",
            # The model's tags are those the create's read-back returned: no ListTagsForResource.
            (
                "UpdateDistributionConfiguration",
                "GetDistributionConfiguration",
            ),
            lambda: ib.distribution_configurations.update(
                attrs.evolve(made["d"], description="updated")
            ),
        ),
        Step(
            "update pipeline",
            # The model's tags are those the create's read-back returned: no ListTagsForResource.
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


class _Counter:
    """Runs SDK calls and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, call: Callable[[], Any]) -> Any:
        self.count += 1
        return call()


def mixed_workload(ib: ImageBuilder, rounds: int = ROUNDS) -> int:
    """A long script over all seven resources; returns how many SDK operations it ran.

    Each round creates, reads, lists, updates, tags, shares, builds and deletes, and
    leaves a known set of resources behind; no step depends on timing or on chance.
    """
    do = _Counter()
    for n in range(rounds):
        _round(ib, do, f"{n:02d}")
    return do.count


def _component(
    build: Builder, name: str, version: str, tags: dict[str, str] | None = None
) -> Component:
    # The document checks have their own tests; here they would only cost time.
    return build.component(name, version, tags=tags, validate_document=False)


def _round(ib: ImageBuilder, do: _Counter, suffix: str) -> None:
    """One round of `mixed_workload` (52 operations), its names ending in `suffix`."""
    build = Builder(ib)
    first = do(lambda: _component(build, f"comp-{suffix}", "1.0.0", {"round": suffix}))
    second = do(lambda: _component(build, f"comp-{suffix}", "1.1.0"))
    scratch = do(lambda: _component(build, f"scratch-{suffix}", "1.0.0"))
    c1, c2 = str(first.arn), str(second.arn)
    do(lambda: ib.components.get(c1))
    assert len(do(lambda: list(ib.components.list(name=f"comp-{suffix}")))) == 2
    do(lambda: list(ib.components.build_versions(version_arn(c1))))
    do(lambda: ib.components.put_policy(c1, policy_for(c1)))
    do(lambda: ib.components.get_policy(c1))
    do(lambda: ib.tag(c1, {"stage": "test", "owner": "qa"}))
    do(lambda: ib.untag(c1, ["round"]))
    do(lambda: ib.tags(c1))
    do(lambda: ib.components.delete(str(scratch.arn)))

    recipe = str(do(lambda: build.image_recipe([c1, c2], f"recipe-{suffix}")).arn)
    do(lambda: ib.image_recipes.get(recipe))
    do(lambda: ib.image_recipes.put_policy(recipe, policy_for(recipe)))
    do(lambda: ib.image_recipes.get_policy(recipe))
    do(lambda: list(ib.image_recipes.list(name=f"recipe-{suffix}")))

    container = str(do(lambda: build.container_recipe([c1], f"box-{suffix}")).arn)
    do(lambda: ib.container_recipes.get(container))
    do(lambda: ib.container_recipes.put_policy(container, policy_for(container)))
    do(lambda: ib.container_recipes.get_policy(container))
    do(lambda: list(ib.container_recipes.list(name=f"box-{suffix}")))

    infra = do(lambda: build.infrastructure(f"infra-{suffix}", tags={"round": suffix}))
    spare = do(lambda: build.infrastructure(f"spare-{suffix}"))
    updated = do(
        lambda: ib.infrastructure_configurations.update(
            attrs.evolve(infra, description=f"round {suffix}")
        )
    )
    assert updated.description == f"round {suffix}"
    do(lambda: ib.infrastructure_configurations.get(str(infra.arn)))
    do(lambda: list(ib.infrastructure_configurations.list(name=f"infra-{suffix}")))
    do(lambda: ib.infrastructure_configurations.delete(str(spare.arn)))

    dist = do(lambda: build.distribution(f"dist-{suffix}"))
    do(
        lambda: ib.distribution_configurations.update(
            attrs.evolve(dist, description=f"round {suffix}")
        )
    )
    do(lambda: ib.distribution_configurations.get(str(dist.arn)))
    do(lambda: list(ib.distribution_configurations.list(name=f"dist-{suffix}")))

    pipe = do(
        lambda: build.pipeline(
            recipe, str(infra.arn), f"pipe-{suffix}", distribution_arn=str(dist.arn)
        )
    )
    do(lambda: ib.image_pipelines.update(attrs.evolve(pipe, description=f"round {suffix}")))
    do(lambda: ib.image_pipelines.get(str(pipe.arn)))
    do(lambda: list(ib.image_pipelines.list(name=f"pipe-{suffix}")))
    started = do(lambda: ib.image_pipelines.start(str(pipe.arn)))
    do(lambda: started.wait(poll_interval=30))
    do(lambda: ib.tag(str(pipe.arn), {"round": suffix}))

    made = do(
        lambda: ib.images.create(
            image_recipe_arn=recipe, infrastructure_configuration_arn=str(infra.arn)
        )
    )
    do(lambda: made.wait(poll_interval=30))
    do(lambda: ib.images.get(made.arn))
    do(lambda: list(ib.images.list(name=f"recipe-{suffix}")))
    do(lambda: list(ib.images.build_versions(version_arn(made.arn))))
    do(lambda: list(ib.images.packages(made.arn)))
    do(lambda: ib.images.put_policy(made.arn, policy_for(made.arn)))
    do(lambda: ib.images.get_policy(made.arn))
    do(lambda: list(ib.image_pipelines.images(str(pipe.arn))))

    boxed = do(
        lambda: ib.images.create(
            container_recipe_arn=container, infrastructure_configuration_arn=str(infra.arn)
        )
    )
    do(lambda: boxed.cancel())
    do(lambda: ib.images.delete(boxed.arn))
