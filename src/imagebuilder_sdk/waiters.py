"""Waiting for an image build: poll until it ends, survive throttling, report progress.

The waiter polls `GetImage` through the SDK's retry policy. When even the retries of
one poll run out on a passing failure (throttling, a 5xx, a dropped connection), the
wait does not end: it logs the failure and polls again at the next interval, until
the build ends or the timeout passes. Time comes from the retry policy's `clock` and
`sleep`, so a test can drive a wait with the emulator's virtual clock.

`timeout` bounds the whole wait, polls included: each poll runs inside
`RetryPolicy.within` the time left, so its retries stop at the wait's deadline, and
the wait ends at most one attempt (one read timeout) after it.

An image that the wait has seen and that is then gone (deleted while the wait polls)
ends the wait with `ImageBuildFailedError`, like an image in the DELETED state; an ARN
that names no image at the first poll raises `ResourceNotFoundError`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from imagebuilder_sdk._validation import check_wait_options
from imagebuilder_sdk.build_errors import (
    ApprovalRequiredError,
    ImageBuildCancelledError,
    ImageBuildFailedError,
    WaitTimeoutError,
)
from imagebuilder_sdk.errors import ImageBuilderError, ResourceNotFoundError, ValidationError
from imagebuilder_sdk.models import Image, ImageStatus
from imagebuilder_sdk.retry import RetryPolicy, is_retryable

T = TypeVar("T")

if TYPE_CHECKING:
    from imagebuilder_sdk.repositories._workflow_runs import BuildStep, FailedStep, WaitingStep

__all__ = [
    "BUILD_STAGES",
    "BuildFollower",
    "DONE_STATUSES",
    "WaitingStepHandler",
    "wait_for_image",
]

#: What `wait` does when the build waits on a `WaitForAction` step: call a function with
#: the step (it may resume or stop it, or raise), or ``"raise"`` `ApprovalRequiredError`.
WaitingStepHandler = Callable[["WaitingStep"], object] | Literal["raise"]


class BuildFollower(Protocol):
    """What the waiter asks of a build's workflow runs (`imagebuilder_sdk.repositories`)."""

    def current_step(self) -> BuildStep | None:
        """The step the build is at now."""

    def waiting_steps(self) -> Iterable[WaitingStep]:
        """The build's steps that wait for an action."""

    def failed_step(self) -> FailedStep | None:
        """Where the build failed."""


logger = logging.getLogger("imagebuilder_sdk")

#: The states a successful build passes through, in order.
BUILD_STAGES = (
    ImageStatus.PENDING,
    ImageStatus.CREATING,
    ImageStatus.BUILDING,
    ImageStatus.TESTING,
    ImageStatus.DISTRIBUTING,
    ImageStatus.INTEGRATING,
    ImageStatus.AVAILABLE,
)

#: States in which an image exists and is usable: the wait returns.
DONE_STATUSES = frozenset({ImageStatus.AVAILABLE, ImageStatus.DEPRECATED, ImageStatus.DISABLED})


def _status(image: Image) -> ImageStatus | None:
    return image.state.status if image.state else None


def wait_for_image(
    fetch: Callable[[], Image],
    arn: str,
    *,
    retry: RetryPolicy,
    timeout: float = 4 * 3600.0,
    poll_interval: float = 30.0,
    on_progress: Callable[[Image], object] | None = None,
    progress: bool = False,
    follow: BuildFollower | None = None,
    on_step: Callable[[BuildStep], object] | None = None,
    on_waiting_step: WaitingStepHandler | None = None,
) -> Image:
    """Poll `fetch` until the image build ends; return the available `Image`.

    Raises `ImageBuildFailedError` (FAILED, DELETED, or gone after a poll saw it),
    `ImageBuildCancelledError`, or `WaitTimeoutError` with the last state seen once
    `timeout` seconds have passed; polls and their retries count against `timeout`.
    `on_progress(image)` is called on every change of state; `progress=True` shows a
    live display (the `progress` extra).

    With `follow` (the build's workflow runs), the display shows the current workflow
    step, `on_step(step)` is called each time the build moves to another step, a
    failure names the failed workflow, step and region, and `on_waiting_step` is
    called once for each step that waits for an action (``"raise"`` raises
    `ApprovalRequiredError` instead). Each of these costs requests on every poll
    only when asked for.
    """
    check_wait_options(timeout, poll_interval, on_progress, progress)
    if on_waiting_step is not None and not (
        on_waiting_step == "raise" or callable(on_waiting_step)
    ):
        raise ValidationError("on_waiting_step", 'must be a function of the step, or "raise"')
    if on_step is not None and not callable(on_step):
        raise ValidationError("on_step", "must be a function of the step, or None")
    display = None
    if progress:
        from imagebuilder_sdk._progress import make_progress

        display = make_progress(arn)
    started = retry.clock()
    last: Image | None = None
    last_status: ImageStatus | None = None
    last_step: tuple[str, str] | None = None
    answered: set[str] = set()
    try:
        while True:
            try:
                # The poll's retries may use only what is left of the wait.
                with retry.within(timeout - (retry.clock() - started)):
                    image = fetch()
            except ResourceNotFoundError as error:
                if last is None:
                    raise  # no image by this ARN at all
                seen = last_status.value if last_status is not None else "unknown"
                logger.info("image build %s is gone while waiting (was %s)", arn, seen)
                gone = f"the image was deleted while waiting (last seen {seen})"
                raise ImageBuildFailedError(arn, gone, last) from error
            except ImageBuilderError as error:
                if not is_retryable(error):
                    raise
                logger.warning("polling %s failed (%s); polling again later", arn, error)
            else:
                last = image
                status = _status(image)
                if status != last_status:
                    last_status = status
                    logger.info("image build %s is %s", arn, status)
                    if on_progress is not None:
                        on_progress(image)
                    if display is not None:
                        display.update(image)
                if status in DONE_STATUSES:
                    return image
                if status is ImageStatus.FAILED:
                    reason = image.state.reason if image.state else None
                    raise ImageBuildFailedError(arn, reason, image, _failed(follow, arn))
                if status is ImageStatus.DELETED:
                    raise ImageBuildFailedError(arn, "the image was deleted", image)
                if status is ImageStatus.CANCELLED:
                    raise ImageBuildCancelledError(arn, image)
                if follow is not None and (display is not None or on_step is not None):
                    step = _quietly(follow.current_step, arn)
                    key = None if step is None else (step.step.step_execution_id, step.status)
                    if step is not None and key != last_step:
                        last_step = key
                        if on_step is not None:
                            on_step(step)
                        if display is not None:
                            display.update(image, str(step))
                if follow is not None and on_waiting_step is not None:
                    for waiting in _quietly(follow.waiting_steps, arn) or ():
                        if waiting.step.step_execution_id in answered:
                            continue
                        answered.add(waiting.step.step_execution_id)
                        if on_waiting_step == "raise":
                            raise ApprovalRequiredError(arn, waiting, image)
                        assert callable(on_waiting_step)
                        on_waiting_step(waiting)
            elapsed = retry.clock() - started
            if elapsed >= timeout:
                shown = str(last_status.value) if last_status is not None else None
                raise WaitTimeoutError(arn, timeout, shown, last)
            retry.sleep(min(poll_interval, timeout - elapsed))
    finally:
        if display is not None:
            display.close()


def _quietly(ask: Callable[[], T], arn: str) -> T | None:
    """What `ask` returns, or None when a passing failure keeps it from answering."""
    try:
        return ask()
    except ImageBuilderError as error:
        if not is_retryable(error):
            raise
        logger.warning("reading the workflow steps of %s failed (%s)", arn, error)
        return None


def _failed(follow: BuildFollower | None, arn: str) -> FailedStep | None:
    """Where a failed build failed, if its workflow runs say; never hides the failure."""
    if follow is None:
        return None
    try:
        return follow.failed_step()
    except ImageBuilderError as error:
        logger.warning("could not read where %s failed (%s)", arn, error)
        return None
