"""Waiting for a build: the timeout bounds the whole wait, and a deleted image ends it.

Every poll of the wait hangs at a proxy past the client's read timeout. Time is the
emulator's virtual clock: the retry policy sleeps on it, and each hung request moves it
on by the read timeout it stands for (the proxy does that when it takes the request, so
the count is exact whatever the machine's speed). The wait must end within one read
timeout of its deadline; before, the first poll alone ran its 8 attempts and their
backoff before the deadline was looked at.
"""

from __future__ import annotations

import random

import pytest

from imagebuilder_sdk import ImageBuilder, RetryPolicy
from imagebuilder_sdk.build_errors import ImageBuildFailedError, WaitTimeoutError
from imagebuilder_sdk.errors import ResourceNotFoundError, ServiceUnavailableError
from imagebuilder_sdk.models import Image, ImageStatus
from imagebuilder_sdk.testing import Emulator
from tests.reliability.conftest import Figures
from tests.reliability.proxy import Mode, Proxy
from tests.reliability.support import Builder, http_facade

#: The read timeout of the client, in seconds (real and virtual alike).
READ_TIMEOUT = 0.25
#: The wait's timeout, in virtual seconds.
TIMEOUT = 1.0


def _build(ib: ImageBuilder) -> str:
    build = Builder(ib)
    recipe = build.image_recipe([str(build.component().arn)])
    infrastructure = build.infrastructure()
    started = ib.images.create(
        image_recipe_arn=str(recipe.arn), infrastructure_configuration_arn=str(infrastructure.arn)
    )
    return started.arn


def _hung_wait(emulator: Emulator, retry: RetryPolicy) -> tuple[float, int]:
    """Wait on a build whose every poll hangs; return (virtual overrun, GetImage attempts)."""

    def on_request(operation: str, mode: Mode) -> None:
        if mode is Mode.HANG:
            emulator.advance(READ_TIMEOUT)  # what the hung request costs the client

    with emulator.serve() as url, Proxy(url, on_request=on_request) as proxy:
        ib = http_facade(proxy.url, sleep=emulator.advance, read_timeout=READ_TIMEOUT, retry=retry)
        arn = _build(ib)
        proxy.spoil("GetImage", Mode.HANG, times=None)
        started = emulator.clock.monotonic()
        with pytest.raises(WaitTimeoutError) as caught:
            ib.images.wait(arn, timeout=TIMEOUT, poll_interval=0.3)
        overrun = emulator.clock.monotonic() - started - TIMEOUT
        assert caught.value.timeout == TIMEOUT
        return overrun, proxy.count("GetImage", Mode.HANG)


def _retry(emulator: Emulator) -> RetryPolicy:
    return RetryPolicy(
        sleep=emulator.advance, clock=emulator.clock.monotonic, random=random.Random(0).random
    )


def test_timeout_bounds_the_wait_with_every_poll_hanging(
    emulator: Emulator, figures: Figures
) -> None:
    """wait(timeout=1) with hung polls ends within one read timeout of its deadline."""
    overrun, attempts = _hung_wait(emulator, _retry(emulator))
    assert overrun <= READ_TIMEOUT + 1e-9
    # With no backoff at all the wait could try at most timeout / read timeout + 1 times.
    assert attempts <= TIMEOUT / READ_TIMEOUT + 1
    # What the first poll alone did before: every attempt of the policy, then backoff.
    unbounded = RetryPolicy().max_attempts
    assert attempts < unbounded
    figures.record("wait.timeout_ms", round(TIMEOUT * 1000))
    figures.record("wait.read_timeout_ms", round(READ_TIMEOUT * 1000))
    figures.record("wait.overrun_ms", round(overrun * 1000))
    figures.record("wait.attempts", attempts)


def test_a_policy_deadline_sooner_than_the_wait_still_applies(emulator: Emulator) -> None:
    """The poll stops at the sooner of the wait's end and the policy's own deadline."""
    retry = RetryPolicy(
        sleep=emulator.advance,
        clock=emulator.clock.monotonic,
        random=lambda: 1.0,
        deadline=0.3,
    )
    overrun, attempts = _hung_wait(emulator, retry)
    assert overrun <= READ_TIMEOUT + 1e-9
    assert attempts >= 2  # the wait went on polling after a poll gave up


def test_within_sets_the_deadline_of_calls_inside_it() -> None:
    """RetryPolicy.within: retries stop once the block's time is used, not at max_attempts."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    policy = RetryPolicy(sleep=sleep, clock=lambda: now[0], random=lambda: 1.0)
    attempts: list[float] = []

    def fail() -> None:
        attempts.append(now[0])
        raise ServiceUnavailableError("down")

    with policy.within(2.0), pytest.raises(ServiceUnavailableError):
        policy.call(fail)
    # Delays 0.5 and 1.0 fit in 2 s; the next (2.0) would end past the block's end.
    assert attempts == [0.0, 0.5, 1.5]
    attempts.clear()
    now[0] = 0.0
    with pytest.raises(ServiceUnavailableError):
        policy.call(fail)  # outside the block: all eight attempts
    assert len(attempts) == policy.max_attempts


def test_image_deleted_while_the_wait_polls_fails_the_wait(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """A build seen, then deleted between polls: ImageBuildFailedError, as the guide says."""
    arn = _build(ib)

    def finish_and_delete(image: Image) -> None:
        assert image.state is not None
        if image.state.status is ImageStatus.PENDING:
            emulator.advance(3600)  # the build ends between two polls ...
            ib.images.delete(arn)  # ... and someone deletes it (a running build cannot be)

    with pytest.raises(ImageBuildFailedError) as caught:
        ib.images.wait(arn, poll_interval=5, on_progress=finish_and_delete)
    assert caught.value.arn == arn
    assert caught.value.reason == "the image was deleted while waiting (last seen PENDING)"
    assert caught.value.image is not None
    assert isinstance(caught.value.__cause__, ResourceNotFoundError)


def test_waiting_on_an_image_that_never_existed_raises_not_found(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """No image by that ARN at the first poll: ResourceNotFoundError, not a failed build."""
    arn = _build(ib)
    missing = arn.rsplit("/", 1)[0] + "/99"
    with pytest.raises(ResourceNotFoundError):
        ib.images.wait(missing)
