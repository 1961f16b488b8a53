"""The build handle follows workflows: runs, steps, approvals, failures, retry, distribute.

Sources: ListWorkflowExecutions, ListWorkflowStepExecutions, ListWaitingWorkflowSteps and
SendWorkflowStepAction ("pauses or resumes image creation when the associated workflow
runs a WaitForAction step",
https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_SendWorkflowStepAction.html);
RetryImage retries a failed build
(https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/imagebuilder/client/retry_image.html);
DistributeImage distributes an existing image without rebuilding it
(https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_DistributeImage.html).
"""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ApprovalRequiredError, ImageBuild, ImageBuilder, ValidationError
from imagebuilder_sdk.build_errors import ImageBuildFailedError
from imagebuilder_sdk.models import (
    DistributionConfiguration,
    ImageRecipe,
    ImageStatus,
    InfrastructureConfiguration,
    WorkflowConfiguration,
    WorkflowExecutionStatus,
    WorkflowStepExecutionStatus,
    WorkflowType,
)
from imagebuilder_sdk.repositories._workflow_runs import BuildStep, WaitingStep
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent
from tests.repositories.test_workflows import APPROVED

ROLE = "arn:aws:iam::123456789012:role/imagebuilder"


@pytest.fixture
def approved(ib: ImageBuilder) -> str:
    """The ARN of a build workflow with a WaitForAction step named Approve."""
    return ib.workflows.create(
        name="approved-build", semantic_version="1.0.0", type="BUILD", data=APPROVED
    ).arn


def _build(
    ib: ImageBuilder,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    *workflows: str,
) -> ImageBuild:
    if not workflows:
        return ib.images.create(
            image_recipe_arn=recipe.arn, infrastructure_configuration_arn=infrastructure.arn
        )
    return ib.images.create(
        image_recipe_arn=recipe.arn,
        infrastructure_configuration_arn=infrastructure.arn,
        workflows=[WorkflowConfiguration(workflow_arn=w) for w in workflows],
        execution_role=ROLE,
    )


def _status(build: ImageBuild) -> ImageStatus | None:
    state = build.refresh().state
    return state.status if state is not None else None


def test_a_finished_build_lists_its_runs_and_steps(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """The default build and test workflows, every step COMPLETED, with times, in order."""
    build = _build(ib, recipe, infrastructure)
    build.wait(poll_interval=60)
    runs = list(build.workflow_executions())
    assert [(r.type, r.status) for r in runs] == [
        (WorkflowType.BUILD, WorkflowExecutionStatus.COMPLETED),
        (WorkflowType.TEST, WorkflowExecutionStatus.COMPLETED),
    ]
    steps = list(build.steps())
    assert [s.workflow.name for s in steps][:1] == ["build-image"]
    assert "RunTestSuite" in [s.name for s in steps]
    assert all(s.status is WorkflowStepExecutionStatus.COMPLETED for s in steps)
    assert all(s.start_time is not None and s.end_time is not None for s in steps)
    assert all(s.start_time <= s.end_time for s in steps if s.start_time and s.end_time)
    assert sum(r.total_step_count or 0 for r in runs) == len(steps)


def test_listings_are_lazy(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """Asking for steps or runs sends nothing until iteration starts."""
    build = _build(ib, recipe, infrastructure)
    emulator.advance(600)
    emulator.clear_requests()
    steps, runs, waiting = build.steps(), build.workflow_executions(), build.waiting_steps()
    assert sent(emulator) == []
    assert isinstance(steps.first(), BuildStep)
    assert runs.first() is not None
    assert waiting.first() is None


def test_steps_page_through_every_run(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """Step pages of the service are followed run after run; nothing is lost or repeated."""
    build = _build(ib, recipe, infrastructure)
    build.wait(poll_interval=60)
    ids = [s.step.step_execution_id for s in build.steps()]
    per_run = [
        s.step_execution_id
        for run in build.workflow_executions(page_size=1)
        for s in ib.workflows.execution_steps(run.workflow_execution_id, page_size=2)
    ]
    assert ids == per_run
    assert len(set(ids)) == len(ids)


def test_a_waiting_step_is_seen_and_resumed(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    approved: str,
) -> None:
    """The build holds at Approve however long time runs; resume lets it finish."""
    build = _build(ib, recipe, infrastructure, approved)
    emulator.advance(6 * 3600)
    assert _status(build) not in (ImageStatus.AVAILABLE, ImageStatus.FAILED)
    (step,) = build.waiting_steps()
    assert [s.name for s in ib.workflows.waiting_steps()] == ["Approve"]
    assert step.name == "Approve"
    assert step.workflow.name == "approved-build"
    step.resume(reason="looks good")
    (request,) = sent(emulator, "SendWorkflowStepAction")
    assert request.params["action"] == "RESUME"
    assert request.params["reason"] == "looks good"
    assert request.params["stepExecutionId"] == step.step.step_execution_id
    build.wait(poll_interval=60)
    assert _status(build) is ImageStatus.AVAILABLE
    assert list(build.waiting_steps()) == []


def test_wait_hands_the_waiting_step_to_a_callback(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    approved: str,
) -> None:
    """on_waiting_step is called once per waiting step; resuming there ends the wait."""
    build = _build(ib, recipe, infrastructure, approved)
    seen: list[WaitingStep] = []

    def approve(step: WaitingStep) -> None:
        seen.append(step)
        step.resume(reason="auto")

    image = build.wait(poll_interval=60, timeout=3 * 3600, on_waiting_step=approve)
    assert image.state is not None
    assert image.state.status is ImageStatus.AVAILABLE
    assert [s.name for s in seen] == ["Approve"]


def test_wait_can_raise_approval_required(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    approved: str,
) -> None:
    """on_waiting_step="raise" ends the wait with the step, long before the timeout."""
    build = _build(ib, recipe, infrastructure, approved)
    started = emulator.clock.monotonic()
    with pytest.raises(ApprovalRequiredError) as caught:
        build.wait(poll_interval=60, timeout=24 * 3600, on_waiting_step="raise")
    assert caught.value.step.name == "Approve"
    assert caught.value.arn == build.arn
    assert emulator.clock.monotonic() - started < 24 * 3600
    caught.value.step.stop(reason="not today")
    with pytest.raises(ImageBuildFailedError) as failed:
        build.wait(poll_interval=60)
    assert failed.value.step is not None
    assert failed.value.step.name == "Approve"


def test_a_bad_waiting_step_handler_is_refused(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """Anything but a function or "raise" is a ValidationError naming the option."""
    build = _build(ib, recipe, infrastructure)
    with pytest.raises(ValidationError, match="on_waiting_step"):
        build.wait(on_waiting_step="resume")  # type: ignore[arg-type]


def test_on_step_follows_the_build_step_by_step(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """Polling often enough, on_step hears of the steps in the order they run."""
    build = _build(ib, recipe, infrastructure)
    heard: list[str] = []
    build.wait(poll_interval=1, on_step=lambda s: heard.append(s.name))
    order = [s.name for s in build.steps()]
    names = list(dict.fromkeys(heard))
    assert names == [n for n in order if n in names]
    assert len(names) >= 3


def test_a_failed_build_names_its_workflow_step_and_region(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """ImageBuildFailedError carries the failed workflow (an Arn), step and region."""
    emulator.fail_step("RunTestSuite", reason="smoke test failed")
    build = _build(ib, recipe, infrastructure)
    with pytest.raises(ImageBuildFailedError) as caught:
        build.wait(poll_interval=60)
    error = caught.value
    assert error.workflow is not None
    assert error.workflow.name == "test-image"
    assert error.step is not None
    assert error.step.name == "RunTestSuite"
    assert error.step.status is WorkflowStepExecutionStatus.FAILED
    assert error.step.message is not None
    assert "smoke test failed" in error.step.message
    assert error.region == "us-east-1"
    assert "RunTestSuite" in str(error)
    assert "test-image" in str(error)


def test_retry_reruns_a_failed_build_and_can_be_waited_on(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """build.retry() returns a handle on the same build, which then becomes AVAILABLE."""
    emulator.fail_step("RunTestSuite", reason="flaky")
    build = _build(ib, recipe, infrastructure)
    with pytest.raises(ImageBuildFailedError):
        build.wait(poll_interval=60)
    again = build.retry()
    assert again.arn == build.arn
    again.wait(poll_interval=60)
    assert _status(again) is ImageStatus.AVAILABLE
    assert any(r.retried for r in again.workflow_executions())


def test_retry_sends_one_token_across_a_lost_answer(
    ib: ImageBuilder,
    emulator: Emulator,
    sleeps: list[float],
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """The retried RetryImage carries the token of the first attempt, and succeeds."""
    emulator.fail_step("RunTestSuite", reason="flaky")
    build = _build(ib, recipe, infrastructure)
    with pytest.raises(ImageBuildFailedError):
        build.wait(poll_interval=60)
    emulator.faults.lose_response("RetryImage")
    build.retry()
    attempts = sent(emulator, "RetryImage")
    assert len(attempts) == 2
    assert attempts[0].params["clientToken"] == attempts[1].params["clientToken"]


def test_resume_sends_one_token_across_a_lost_answer(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    approved: str,
) -> None:
    """A lost SendWorkflowStepAction answer is retried with the same token: one action."""
    build = _build(ib, recipe, infrastructure, approved)
    emulator.advance(600)
    (step,) = build.waiting_steps()
    emulator.faults.lose_response("SendWorkflowStepAction")
    step.resume()
    attempts = sent(emulator, "SendWorkflowStepAction")
    assert len(attempts) == 2
    assert attempts[0].params["clientToken"] == attempts[1].params["clientToken"]
    assert [a.outcome for a in attempts][-1] == "ok"


def test_distribute_makes_a_new_build_to_wait_on(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    distribution: DistributionConfiguration,
) -> None:
    """DistributeImage of an AVAILABLE image returns a handle of a new build version."""
    build = _build(ib, recipe, infrastructure)
    build.wait(poll_interval=60)
    emulator.faults.lose_response("DistributeImage")
    again = build.distribute(distribution_configuration_arn=distribution.arn, execution_role=ROLE)
    attempts = sent(emulator, "DistributeImage")
    assert attempts[0].params["clientToken"] == attempts[1].params["clientToken"]
    assert attempts[0].params["sourceImage"] == build.arn
    assert again.arn != build.arn
    again.wait(poll_interval=60)
    assert _status(again) is ImageStatus.AVAILABLE
    same = ib.images.distribute(
        build.arn, distribution_configuration_arn=distribution.arn, execution_role=ROLE
    )
    assert same.arn not in (build.arn, again.arn)


def test_distribute_refuses_an_arn_of_another_kind(
    ib: ImageBuilder, emulator: Emulator, distribution: DistributionConfiguration
) -> None:
    """A recipe ARN is no source image: ValidationError, nothing sent."""
    emulator.clear_requests()
    with pytest.raises(ValidationError, match="source_image"):
        ib.images.distribute(
            "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0",
            distribution_configuration_arn=distribution.arn,
            execution_role=ROLE,
        )
    assert sent(emulator) == []


def test_one_run_and_one_step_are_read_by_id(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """execution(id) and step_execution(id) agree with the listings they come from."""
    build = _build(ib, recipe, infrastructure)
    build.wait(poll_interval=60)
    run = build.workflow_executions().first()
    assert run is not None
    # GetWorkflowExecution has every member of the listed run but `retried`.
    assert ib.workflows.execution(run.workflow_execution_id) == attrs.evolve(run, retried=None)
    first = next(iter(ib.workflows.execution_steps(run.workflow_execution_id)))
    one = ib.workflows.step_execution(first.step_execution_id)
    assert one.name == first.name
    assert one.status is first.status
    assert one.start_time == first.start_time
    with pytest.raises(ValidationError, match="workflow_execution_id"):
        ib.workflows.execution("")
