"""Workflow runs of a build: executions, their steps, and steps waiting for an action.

What `ImageBuild.workflow_executions`, `ImageBuild.steps` and the waiting-step handles
stand on. Every listing is lazy; a `WaitingStep` answers the `WaitForAction` step it
stands for with `resume` or `stop` (SendWorkflowStepAction).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

import attrs
from botocore import xform_name

from imagebuilder_sdk._caller import Caller
from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    WorkflowExecutionMetadata,
    WorkflowExecutionStatus,
    WorkflowStepActionType,
    WorkflowStepExecution,
    WorkflowStepExecutionStatus,
    WorkflowStepMetadata,
)
from imagebuilder_sdk.pagination import Paginated

T = TypeVar("T")

__all__ = [
    "BuildStep",
    "FailedStep",
    "Follower",
    "WaitingStep",
    "answer_as",
    "build_steps",
    "current_step",
    "executions",
    "failed_step",
    "step_list",
    "waiting",
]


@attrs.frozen
class BuildStep:
    """One step of one workflow run of a build, as the service reported it."""

    step: WorkflowStepMetadata
    """The step: name, action, status, times, failure message, inputs and outputs."""
    execution: WorkflowExecutionMetadata
    """The workflow run it belongs to (which workflow, of which type)."""
    image_build_version_arn: str
    """The build."""

    @property
    def name(self) -> str:
        """The step's name in its workflow document."""
        return self.step.name

    @property
    def action(self) -> str:
        """The step action it runs (``ExecuteComponents``, ``WaitForAction``...)."""
        return self.step.action

    @property
    def status(self) -> WorkflowStepExecutionStatus:
        """``PENDING``, ``RUNNING``, ``COMPLETED``, ``FAILED``, ``SKIPPED``..."""
        return self.step.status

    @property
    def start_time(self) -> datetime | None:
        """When it started; None before it has."""
        return self.step.start_time

    @property
    def end_time(self) -> datetime | None:
        """When it ended; None while it has not."""
        return self.step.end_time

    @property
    def message(self) -> str | None:
        """What the service said of it (why it failed, for a failed step)."""
        return self.step.message

    @property
    def workflow(self) -> Arn:
        """The build-version ARN of the workflow it belongs to."""
        return Arn.parse(self.execution.workflow_build_version_arn)

    def __str__(self) -> str:
        return f"{self.workflow.name}/{self.name} ({self.action}): {self.status.value}"


@attrs.frozen
class FailedStep:
    """Where a failed build failed: which workflow, which step, in which region."""

    workflow: Arn
    """The workflow (its build-version ARN) whose run failed."""
    step: WorkflowStepMetadata
    """The step that failed, with its message."""
    region: str
    """The region the build ran in."""

    def __str__(self) -> str:
        return f"step {self.step.name} of workflow {self.workflow.name} in {self.region}"


@attrs.frozen
class WaitingStep:
    """A `WaitForAction` step that holds a build until it is resumed or stopped."""

    step: WorkflowStepExecution
    """The step: its id, name, action, build, workflow and start time."""
    caller: Caller = attrs.field(repr=False, eq=False)
    """The calls it sends go through."""

    @property
    def name(self) -> str:
        """The step's name in its workflow document."""
        return self.step.name

    @property
    def image_build_version_arn(self) -> str:
        """The build that waits."""
        return self.step.image_build_version_arn

    @property
    def workflow(self) -> Arn:
        """The workflow (its build-version ARN) the step belongs to."""
        return Arn.parse(self.step.workflow_build_version_arn)

    def resume(self, *, reason: str | None = None, client_token: str | None = None) -> None:
        """Let the build go on (SendWorkflowStepAction ``RESUME``)."""
        self._send(WorkflowStepActionType.RESUME, reason, client_token)

    def stop(self, *, reason: str | None = None, client_token: str | None = None) -> None:
        """Fail the step, and with it the build unless its ``onFailure`` is Continue."""
        self._send(WorkflowStepActionType.STOP, reason, client_token)

    def _send(
        self, action: WorkflowStepActionType, reason: str | None, client_token: str | None
    ) -> None:
        if reason is not None and (not isinstance(reason, str) or not reason):
            raise ValidationError("reason", "must be a non-empty string or None", value=reason)
        # The caller mints the client token once, before its retry loop, so a retry
        # after a lost answer is the same action, not a second one.
        self.caller.call(
            "SendWorkflowStepAction",
            step_execution_id=self.step.step_execution_id,
            image_build_version_arn=self.step.image_build_version_arn,
            action=action,
            reason=reason,
            client_token=client_token,
        )


def answer_as(caller: Caller, answer: Mapping[str, Any], cls: type[T]) -> T:
    """The members of a Get answer that make up `cls`, structured as `cls`.

    GetWorkflowExecution and GetWorkflowStepExecution answer flat, with the members of
    the listed shapes (`WorkflowExecutionMetadata`, `WorkflowStepMetadata`) among others.
    """
    shape = caller.client.meta.service_model.shape_for(cls.__name__)
    wire = {
        m: answer[xform_name(m)] for m in shape.members if answer.get(xform_name(m)) is not None
    }
    return converter.structure(wire, cls)


def _page_size(size: int | None) -> None:
    if size is not None and (
        isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 100
    ):
        raise ValidationError("page_size", f"must be an integer from 1 to 100, got {size!r}")


def executions(
    caller: Caller, arn: str, page_size: int | None = None
) -> Paginated[WorkflowExecutionMetadata]:
    """The workflow runs of one build, lazily."""
    _page_size(page_size)
    caller.check("ListWorkflowExecutions", image_build_version_arn=arn, max_results=page_size)

    def fetch(token: str | None) -> tuple[Sequence[WorkflowExecutionMetadata], str | None]:
        answer = caller.call(
            "ListWorkflowExecutions",
            image_build_version_arn=arn,
            max_results=page_size,
            next_token=token,
        )
        items = answer.get("workflow_executions") or ()
        return [converter.structure(i, WorkflowExecutionMetadata) for i in items], answer.get(
            "next_token"
        )

    return Paginated(fetch)


def step_list(
    caller: Caller, execution_id: str, page_size: int | None = None
) -> Paginated[WorkflowStepMetadata]:
    """The steps of one workflow run, in order, lazily."""
    _page_size(page_size)
    caller.check(
        "ListWorkflowStepExecutions", workflow_execution_id=execution_id, max_results=page_size
    )

    def fetch(token: str | None) -> tuple[Sequence[WorkflowStepMetadata], str | None]:
        answer = caller.call(
            "ListWorkflowStepExecutions",
            workflow_execution_id=execution_id,
            max_results=page_size,
            next_token=token,
        )
        items = answer.get("steps") or ()
        return [converter.structure(i, WorkflowStepMetadata) for i in items], answer.get(
            "next_token"
        )

    return Paginated(fetch)


def build_steps(caller: Caller, arn: str) -> Paginated[BuildStep]:
    """Every step of every workflow run of a build, run by run, lazily.

    A page is one page of one run's steps; the runs are listed when the first page is
    asked for.
    """
    runs: list[WorkflowExecutionMetadata] = []

    def fetch(token: str | None) -> tuple[Sequence[BuildStep], str | None]:
        if token is None:
            runs[:] = list(executions(caller, arn))
            if not runs:
                return [], None
            index, inner = 0, None
        else:
            head, _, rest = token.partition(":")
            index, inner = int(head), rest or None
        run = runs[index]
        answer = caller.call(
            "ListWorkflowStepExecutions",
            workflow_execution_id=run.workflow_execution_id,
            next_token=inner,
        )
        page = [
            BuildStep(converter.structure(i, WorkflowStepMetadata), run, arn)
            for i in answer.get("steps") or ()
        ]
        following = answer.get("next_token")
        if following:
            return page, f"{index}:{following}"
        if index + 1 < len(runs):
            return page, f"{index + 1}:"
        return page, None

    return Paginated(fetch)


def current_step(caller: Caller, arn: str) -> BuildStep | None:
    """The step a build is at: the running one, else the last one that started."""
    latest: BuildStep | None = None
    for step in build_steps(caller, arn):
        if step.status is WorkflowStepExecutionStatus.RUNNING:
            return step
        if step.start_time is not None:
            latest = step
    return latest


def failed_step(caller: Caller, arn: str) -> FailedStep | None:
    """The step a failed build failed at, or None when no run reports one."""
    region = Arn.parse(arn).region
    for run in executions(caller, arn):
        if run.status is not WorkflowExecutionStatus.FAILED:
            continue
        for step in step_list(caller, run.workflow_execution_id):
            if step.status is WorkflowStepExecutionStatus.FAILED:
                return FailedStep(Arn.parse(run.workflow_build_version_arn), step, region)
    return None


def waiting(
    caller: Caller, arn: str | None = None, page_size: int | None = None
) -> Paginated[WaitingStep]:
    """Steps waiting for an action, of one build (`arn`) or of every build, lazily."""
    _page_size(page_size)
    caller.check("ListWaitingWorkflowSteps", max_results=page_size)

    def fetch(token: str | None) -> tuple[Sequence[WaitingStep], str | None]:
        answer = caller.call("ListWaitingWorkflowSteps", max_results=page_size, next_token=token)
        page = [
            WaitingStep(converter.structure(i, WorkflowStepExecution), caller)
            for i in answer.get("steps") or ()
        ]
        if arn is not None:
            page = [s for s in page if s.step.image_build_version_arn == arn]
        return page, answer.get("next_token")

    return Paginated(fetch)


@attrs.frozen
class Follower:
    """A build's workflow runs, as the waiter reads them (`waiters.BuildFollower`)."""

    caller: Caller = attrs.field(repr=False)
    arn: str

    def current_step(self) -> BuildStep | None:
        return current_step(self.caller, self.arn)

    def waiting_steps(self) -> list[WaitingStep]:
        return list(waiting(self.caller, self.arn))

    def failed_step(self) -> FailedStep | None:
        return failed_step(self.caller, self.arn)
