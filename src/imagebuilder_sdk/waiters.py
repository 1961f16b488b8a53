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
from collections.abc import Callable

from imagebuilder_sdk._validation import check_wait_options
from imagebuilder_sdk.build_errors import (
    ImageBuildCancelledError,
    ImageBuildFailedError,
    WaitTimeoutError,
)
from imagebuilder_sdk.errors import ImageBuilderError, ResourceNotFoundError
from imagebuilder_sdk.models import Image, ImageStatus
from imagebuilder_sdk.retry import RetryPolicy, is_retryable

__all__ = ["BUILD_STAGES", "DONE_STATUSES", "wait_for_image"]

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
) -> Image:
    """Poll `fetch` until the image build ends; return the available `Image`.

    Raises `ImageBuildFailedError` (FAILED, DELETED, or gone after a poll saw it),
    `ImageBuildCancelledError`, or `WaitTimeoutError` with the last state seen once
    `timeout` seconds have passed; polls and their retries count against `timeout`.
    `on_progress(image)` is called on every change of state; `progress=True` shows a
    live display (the `progress` extra).
    """
    check_wait_options(timeout, poll_interval, on_progress, progress)
    display = None
    if progress:
        from imagebuilder_sdk._progress import make_progress

        display = make_progress(arn)
    started = retry.clock()
    last: Image | None = None
    last_status: ImageStatus | None = None
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
                    raise ImageBuildFailedError(arn, reason, image)
                if status is ImageStatus.DELETED:
                    raise ImageBuildFailedError(arn, "the image was deleted", image)
                if status is ImageStatus.CANCELLED:
                    raise ImageBuildCancelledError(arn, image)
            elapsed = retry.clock() - started
            if elapsed >= timeout:
                shown = str(last_status.value) if last_status is not None else None
                raise WaitTimeoutError(arn, timeout, shown, last)
            retry.sleep(min(poll_interval, timeout - elapsed))
    finally:
        if display is not None:
            display.close()
