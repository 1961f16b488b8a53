"""Waiting for image builds on the emulator's virtual clock: every way a wait can end."""

from __future__ import annotations

import sys

import pytest

from imagebuilder_sdk import (
    ImageBuild,
    ImageBuildCancelledError,
    ImageBuilder,
    ImageBuildFailedError,
    RetryPolicy,
    ValidationError,
    WaitTimeoutError,
)
from imagebuilder_sdk.errors import ResourceNotFoundError
from imagebuilder_sdk.models import ComponentConfiguration, Image, ImageStatus
from imagebuilder_sdk.testing import Emulator

PARENT = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
UPDATE = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"


@pytest.fixture
def ib() -> ImageBuilder:
    """A facade on a fresh emulator with a virtual clock."""
    return ImageBuilder.local()


@pytest.fixture
def emulator(ib: ImageBuilder) -> Emulator:
    """The emulator behind `ib`."""
    assert ib.emulator is not None
    return ib.emulator


def _start(ib: ImageBuilder) -> ImageBuild:
    recipe = ib.image_recipes.create(
        name="web",
        semantic_version="1.0.0",
        parent_image=PARENT,
        components=[ComponentConfiguration(component_arn=UPDATE)],
    )
    infra = ib.infrastructure_configurations.create(name="infra", instance_profile_name="p")
    return ib.images.create(
        image_recipe_arn=recipe.arn or "", infrastructure_configuration_arn=infra.arn or ""
    )


def test_wait_returns_the_available_image_and_reports_each_state(ib: ImageBuilder) -> None:
    """on_progress sees each new state once, in order, ending with AVAILABLE."""
    seen: list[ImageStatus | None] = []
    image = _start(ib).wait(
        poll_interval=1, on_progress=lambda i: seen.append(i.state.status if i.state else None)
    )
    assert image.state is not None
    assert image.state.status is ImageStatus.AVAILABLE
    assert seen[0] is ImageStatus.PENDING
    assert seen[-1] is ImageStatus.AVAILABLE
    assert len(seen) == len(set(seen))
    assert ImageStatus.BUILDING in seen


def test_a_failed_build_raises_with_its_reason_and_image(
    ib: ImageBuilder, emulator: Emulator
) -> None:
    """FAILED ends the wait with ImageBuildFailedError carrying the reason and the image."""
    emulator.fail_build(stage="TESTING", reason="port 80 closed")
    build = _start(ib)
    with pytest.raises(ImageBuildFailedError) as caught:
        build.wait(poll_interval=5)
    assert caught.value.reason is not None
    assert "port 80 closed" in caught.value.reason
    assert isinstance(caught.value.image, Image)
    assert caught.value.arn == build.arn


def test_a_cancelled_build_raises(ib: ImageBuilder) -> None:
    """CANCELLED ends the wait with ImageBuildCancelledError."""
    build = _start(ib)

    def cancel_when_building(image: Image) -> None:
        if image.state and image.state.status is ImageStatus.BUILDING:
            build.cancel()

    with pytest.raises(ImageBuildCancelledError):
        build.wait(poll_interval=5, on_progress=cancel_when_building)
    assert build.refresh().state is not None
    assert build.refresh().state.status is ImageStatus.CANCELLED


def test_the_timeout_raises_with_the_last_state_seen(ib: ImageBuilder) -> None:
    """A build still running at the deadline raises WaitTimeoutError naming its state."""
    build = _start(ib)
    started = ib.retry.clock()
    with pytest.raises(WaitTimeoutError) as caught:
        build.wait(timeout=20, poll_interval=3)
    assert caught.value.last_status in {"PENDING", "BUILDING"}
    assert caught.value.timeout == 20
    assert ib.retry.clock() - started == pytest.approx(20, abs=0.5)
    assert isinstance(caught.value, TimeoutError)


def test_throttling_during_the_wait_does_not_end_it(ib: ImageBuilder, emulator: Emulator) -> None:
    """Even past the retry budget, throttled polls are polled again until the build ends."""
    build = _start(ib)
    emulator.faults.throttle("GetImage", times=25)
    emulator.faults.server_error("GetImage", times=3, status=503)
    image = build.wait(poll_interval=10)
    assert image.state is not None
    assert image.state.status is ImageStatus.AVAILABLE
    assert emulator.faults.injected == {"throttle": 25, "server_error": 3}


def test_a_wait_resumes_from_the_arn_alone(ib: ImageBuilder, emulator: Emulator) -> None:
    """Another process (here: another facade and client) picks the build up by ARN."""
    arn = _start(ib).arn
    other = ImageBuilder(
        emulator.client(), retry=RetryPolicy(sleep=emulator.advance, clock=emulator.clock.monotonic)
    )
    image = other.images.build(arn).wait(poll_interval=5)
    assert image.arn == arn


def test_non_retryable_errors_end_the_wait(ib: ImageBuilder) -> None:
    """Waiting on an image that does not exist raises ResourceNotFoundError at once."""
    missing = "arn:aws:imagebuilder:us-east-1:123456789012:image/none/1.0.0/1"
    with pytest.raises(ResourceNotFoundError):
        ib.images.wait(missing, poll_interval=5)


def test_bad_wait_arguments_are_refused(ib: ImageBuilder) -> None:
    """timeout and poll_interval must be positive; the error names the argument."""
    build = _start(ib)
    with pytest.raises(ValidationError, match="poll_interval"):
        build.wait(poll_interval=0)
    with pytest.raises(ValidationError, match="timeout"):
        build.wait(timeout=-1)


def test_progress_without_rich_says_which_extra_to_install(
    ib: ImageBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """progress=True without the optional dependency explains how to get it."""
    monkeypatch.setitem(sys.modules, "rich.progress", None)
    with pytest.raises(ImportError, match=r"imagebuilder-sdk\[progress\]"):
        _start(ib).wait(progress=True)


def test_progress_display_runs_to_the_end(ib: ImageBuilder) -> None:
    """With rich installed, progress=True shows the build and still returns the image."""
    image = _start(ib).wait(progress=True, poll_interval=5)
    assert image.state is not None
    assert image.state.status is ImageStatus.AVAILABLE
