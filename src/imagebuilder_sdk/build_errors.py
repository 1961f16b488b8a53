"""The errors that end a wait for an image build; each carries the last `Image` seen.

They derive from `imagebuilder_sdk.errors.WaitError` (and so from `ImageBuilderError`),
but live here, above the models they carry, so that `imagebuilder_sdk.errors` depends
on nothing else in the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.errors import WaitError
from imagebuilder_sdk.models import Image, WorkflowStepMetadata

if TYPE_CHECKING:
    from imagebuilder_sdk.repositories._workflow_runs import FailedStep, WaitingStep

__all__ = [
    "ApprovalRequiredError",
    "ImageBuildCancelledError",
    "ImageBuildFailedError",
    "WaitTimeoutError",
]


class ImageBuildFailedError(WaitError):
    """The image build reached the FAILED state; `reason` says why.

    `failed_step` says where, when a workflow run reports a failed step: the workflow
    (`Arn`), the step (`WorkflowStepMetadata`, with its message) and the region.
    """

    def __init__(
        self,
        arn: str,
        reason: str | None,
        image: Image | None = None,
        failed_step: FailedStep | None = None,
    ) -> None:
        self.arn = arn
        self.reason = reason
        self.image = image
        self.failed_step = failed_step
        where = f" at {failed_step}" if failed_step is not None else ""
        super().__init__(f"image build {arn} failed{where}: {reason or 'no reason given'}")

    @property
    def workflow(self) -> Arn | None:
        """The workflow whose run failed, if known."""
        return self.failed_step.workflow if self.failed_step is not None else None

    @property
    def step(self) -> WorkflowStepMetadata | None:
        """The step that failed, if known."""
        return self.failed_step.step if self.failed_step is not None else None

    @property
    def region(self) -> str | None:
        """The region the build failed in, if known."""
        return self.failed_step.region if self.failed_step is not None else None


class ApprovalRequiredError(WaitError):
    """The build waits on a `WaitForAction` step, and the wait was told to stop there.

    Raised by ``wait(on_waiting_step="raise")``; `step` is the `WaitingStep`, which
    can be answered later with `resume` or `stop`.
    """

    def __init__(self, arn: str, step: WaitingStep, image: Image | None = None) -> None:
        self.arn = arn
        self.step = step
        self.image = image
        super().__init__(
            f"image build {arn} waits for an action at step {step.name} "
            f"of workflow {step.workflow.name}"
        )


class ImageBuildCancelledError(WaitError):
    """The image build was cancelled."""

    def __init__(self, arn: str, image: Image | None = None) -> None:
        self.arn = arn
        self.image = image
        super().__init__(f"image build {arn} was cancelled")


class WaitTimeoutError(WaitError, TimeoutError):
    """The image build had not finished when the wait's timeout ran out."""

    def __init__(
        self, arn: str, timeout: float, last_status: str | None, image: Image | None = None
    ) -> None:
        self.arn = arn
        self.timeout = timeout
        self.last_status = last_status
        self.image = image
        super().__init__(
            f"image build {arn} still {last_status or 'unknown'} after {timeout:g} seconds"
        )
