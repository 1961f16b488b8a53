"""Lifecycle policies against the emulator: the verbs, runs on demand, what a run acted on.

When runs happen is the service's: enabled policies run once a day, at a time it picks
(EC2 Image Builder user guide, "How lifecycle policy execution works", Execution
schedule); the emulator runs them on its daily clock or on demand
(`emulator.run_lifecycle_policy`).
"""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, errors
from imagebuilder_sdk.lifecycle import keep_newest, older_than, select_recipes, select_tags
from imagebuilder_sdk.models import (
    ImageRecipe,
    ImageStatus,
    InfrastructureConfiguration,
    LifecycleExecutionResourceActionName,
    LifecycleExecutionStatus,
    LifecyclePolicy,
    LifecyclePolicyStatus,
)
from imagebuilder_sdk.repositories import ImageBuild, LifecycleRun
from imagebuilder_sdk.repositories.lifecycle_policies import (
    LifecycleExecutionWaitTimeoutError,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent

ROLE = "arn:aws:iam::123456789012:role/lifecycle"


def _builds(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration, n: int
) -> list[ImageBuild]:
    """`n` finished builds of `recipe`, oldest first."""
    builds = []
    for _ in range(n):
        build = ib.images.create(
            image_recipe_arn=recipe.arn, infrastructure_configuration_arn=infrastructure.arn
        )
        build.wait(poll_interval=60)
        builds.append(build)
    return builds


def _keep_two(ib: ImageBuilder, version: str = "1.0.x") -> LifecyclePolicy:
    return ib.lifecycle_policies.create(
        name="keep-two",
        execution_role=ROLE,
        resource_type="AMI_IMAGE",
        policy_details=[keep_newest(2, amis=True, snapshots=True)],
        resource_selection=select_recipes(("web-server", version)),
    )


def test_create_get_and_list_a_policy(ib: ImageBuilder) -> None:
    """create returns the stored policy: enabled, with the rules and the wildcard version."""
    policy = _keep_two(ib)
    assert policy.status is LifecyclePolicyStatus.ENABLED
    assert policy.policy_details[0].filter.value == 2
    assert policy.resource_selection.recipes is not None
    assert policy.resource_selection.recipes[0].semantic_version == "1.0.x"
    assert ib.lifecycle_policies.get(policy.arn) == policy
    assert [p.arn for p in ib.lifecycle_policies.list(name="keep-two")] == [policy.arn]
    assert list(ib.lifecycle_policies.list(name="other")) == []


def test_update_replaces_the_rules(ib: ImageBuilder) -> None:
    """update(model) with evolved rules stores them; status can be switched off."""
    policy = _keep_two(ib)
    changed = ib.lifecycle_policies.update(
        attrs.evolve(policy, policy_details=[older_than(90, "DAYS", retain_at_least=3)]),
        status="DISABLED",
    )
    assert changed.arn == policy.arn
    assert changed.status is LifecyclePolicyStatus.DISABLED
    rule = changed.policy_details[0].filter
    assert (rule.type.value, rule.value, rule.unit, rule.retain_at_least) == ("AGE", 90, "DAYS", 3)


def test_delete_removes_the_policy(ib: ImageBuilder) -> None:
    """After delete, get raises ResourceNotFoundError."""
    policy = _keep_two(ib)
    ib.lifecycle_policies.delete(policy.arn)
    with pytest.raises(errors.ResourceNotFoundError):
        ib.lifecycle_policies.get(policy.arn)


def test_a_run_keeps_the_two_newest_builds(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """A run of keep_newest(2) deletes the oldest of three builds and records it."""
    oldest, middle, newest = _builds(ib, recipe, infrastructure, 3)
    policy = _keep_two(ib)
    run = ib.lifecycle_policies.execution(emulator.run_lifecycle_policy(policy.arn))
    finished = run.wait(poll_interval=10)
    assert finished.state.status is LifecycleExecutionStatus.SUCCESS
    acted = list(run.resources())
    assert [r.resource_id for r in acted] == [oldest.arn]
    assert acted[0].action is not None
    assert acted[0].action.name is LifecycleExecutionResourceActionName.DELETE
    with pytest.raises(errors.ResourceNotFoundError):
        oldest.refresh()  # a deleted image is gone
    assert {middle.refresh().state.status, newest.refresh().state.status} == {ImageStatus.AVAILABLE}
    assert [e.lifecycle_execution_id for e in ib.lifecycle_policies.executions(policy.arn)] == [
        run.id
    ]


def test_a_selection_of_another_version_acts_on_nothing(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """A 2.x.x selection leaves the 1.0.0 builds of the recipe alone."""
    builds = _builds(ib, recipe, infrastructure, 3)
    policy = _keep_two(ib, "2.x.x")
    run = ib.lifecycle_policies.execution(emulator.run_lifecycle_policy(policy.arn))
    run.wait(poll_interval=10)
    assert list(run.resources()) == []
    assert {b.refresh().state.status for b in builds} == {ImageStatus.AVAILABLE}


def test_cancel_stops_a_run_before_it_acts(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """A run cancelled before it acts ends CANCELLED and the oldest build stays."""
    oldest, *_ = _builds(ib, recipe, infrastructure, 3)
    policy = _keep_two(ib)
    run = ib.lifecycle_policies.execution(emulator.run_lifecycle_policy(policy.arn))
    run.cancel()
    assert run.wait(poll_interval=10).state.status is LifecycleExecutionStatus.CANCELLED
    assert oldest.refresh().state.status is ImageStatus.AVAILABLE
    (request,) = sent(emulator, "CancelLifecycleExecution")
    assert request.params["lifecycleExecutionId"] == run.id


def test_wait_times_out_on_a_run_that_does_not_end(ib: ImageBuilder, emulator: Emulator) -> None:
    """A wait shorter than the run raises LifecycleExecutionWaitTimeoutError with its id."""
    policy = ib.lifecycle_policies.create(
        name="by-tag",
        execution_role=ROLE,
        resource_type="AMI_IMAGE",
        policy_details=[keep_newest(1)],
        resource_selection=select_tags({"team": "web"}),
    )
    run = ib.lifecycle_policies.execution(emulator.run_lifecycle_policy(policy.arn))
    short = emulator.backend.lifecycle_seconds / 4
    with pytest.raises(LifecycleExecutionWaitTimeoutError) as caught:
        run.wait(timeout=short, poll_interval=short / 2)
    assert caught.value.execution_id == run.id
    assert isinstance(caught.value, errors.ImageBuilderError)


def test_deprecate_a_build_and_its_amis(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """build.deprecate(amis=True) starts a run that leaves the image DEPRECATED."""
    (build,) = _builds(ib, recipe, infrastructure, 1)
    run = build.deprecate(amis=True)
    assert isinstance(run, LifecycleRun)
    run.wait(poll_interval=10)
    assert build.refresh().state.status is ImageStatus.DEPRECATED
    (request,) = sent(emulator, "StartResourceStateUpdate")
    assert request.params["state"] == {"status": "DEPRECATED"}
    assert request.params["includeResources"] == {"amis": True}


def test_delete_resources_deletes_the_build(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """ib.images.delete_resources(arn) removes the image once its run ends."""
    (build,) = _builds(ib, recipe, infrastructure, 1)
    ib.images.delete_resources(build.arn, amis=True, snapshots=True).wait(poll_interval=10)
    with pytest.raises(errors.ResourceNotFoundError):
        build.refresh()


def test_policy_rules_are_checked_before_sending(ib: ImageBuilder, emulator: Emulator) -> None:
    """A container policy that deprecates is refused with the field named; nothing is sent."""
    with pytest.raises(errors.ValidationError) as caught:
        ib.lifecycle_policies.create(
            name="containers",
            execution_role=ROLE,
            resource_type="CONTAINER_IMAGE",
            policy_details=[keep_newest(2, action="DEPRECATE")],
            resource_selection=select_tags({"team": "web"}),
        )
    assert caught.value.field == "policy_details[0].action"
    assert sent(emulator, "CreateLifecyclePolicy") == []


def test_state_updates_need_a_build_version_arn(ib: ImageBuilder, emulator: Emulator) -> None:
    """A version ARN (no build number) is refused before anything is sent."""
    with pytest.raises(errors.ValidationError) as caught:
        ib.images.disable("arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0")
    assert caught.value.field == "arn"
    assert sent(emulator, "StartResourceStateUpdate") == []
