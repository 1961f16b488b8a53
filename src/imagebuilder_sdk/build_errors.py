"""The errors that end a wait for an image build; each carries the last `Image` seen.

They derive from `imagebuilder_sdk.errors.WaitError` (and so from `ImageBuilderError`),
but live here, above the models they carry, so that `imagebuilder_sdk.errors` depends
on nothing else in the package.
"""

from __future__ import annotations

from imagebuilder_sdk.errors import WaitError
from imagebuilder_sdk.models import Image

__all__ = ["ImageBuildCancelledError", "ImageBuildFailedError", "WaitTimeoutError"]


class ImageBuildFailedError(WaitError):
    """The image build reached the FAILED state; `reason` says why."""

    def __init__(self, arn: str, reason: str | None, image: Image | None = None) -> None:
        self.arn = arn
        self.reason = reason
        self.image = image
        super().__init__(f"image build {arn} failed: {reason or 'no reason given'}")


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
