"""The SDK's one retry layer: capped exponential backoff with full jitter, on tenacity.

Only failures that a later attempt can fix are retried: throttling
(`CallRateLimitExceededException`, `TooManyRequestsException`, `ThrottlingException`),
`ServiceUnavailableException` and other 5xx answers, connections that failed or
dropped, and answers that lack what the service always sends (cut short or garbled on
the way: `IncompleteResponseError`). Everything else is raised at once.

`sleep`, `clock` and `random` are injected, so tests can record the delays instead of
waiting, and the emulator's virtual clock can drive both retries and waits::

    delays = []
    policy = RetryPolicy(max_attempts=4, base_delay=1.0, sleep=delays.append, random=lambda: 1.0)

A wait, or any caller with a deadline of its own, bounds every call made inside a
`RetryPolicy.within` block: the policy then gives up at the earlier of its own
`deadline` and the block's end, so retries never run past the time the caller has::

    with policy.within(remaining):
        policy.call(poll)

A client built by `ImageBuilder.connect` has botocore's own retries turned off, so the
two layers never multiply. A client you build yourself keeps its own retry settings;
its attempts then happen inside each of this policy's attempts.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import math
import random as _random
import reprlib
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from imagebuilder_sdk.errors import (
    ApiError,
    ConnectionFailedError,
    ImageBuilderError,
    IncompleteResponseError,
    ServerError,
    ThrottlingError,
    ValidationError,
)

if TYPE_CHECKING:
    import tenacity

__all__ = ["RetryPolicy", "is_retryable", "scaled_sleep"]

T = TypeVar("T")

logger = logging.getLogger("imagebuilder_sdk")

#: The end of the innermost `RetryPolicy.within` block: (the policy's clock, the time).
_ENDS_AT: contextvars.ContextVar[tuple[Callable[[], float], float] | None] = contextvars.ContextVar(
    "imagebuilder_sdk_ends_at", default=None
)


def is_retryable(error: BaseException) -> bool:
    """Whether a later attempt may succeed where this one failed.

    >>> from imagebuilder_sdk.errors import CallRateLimitExceededError, ResourceNotFoundError
    >>> is_retryable(CallRateLimitExceededError("slow down"))
    True
    >>> is_retryable(ResourceNotFoundError("no such component"))
    False
    """
    if isinstance(
        error, (ThrottlingError, ServerError, ConnectionFailedError, IncompleteResponseError)
    ):
        return True
    return (
        isinstance(error, ApiError)
        and error.status_code is not None
        and error.status_code >= 500
        and error.status_code != 501  # Not Implemented: no later attempt will differ
    )


def scaled_sleep(speed: float) -> Callable[[float], None]:
    """A `sleep` for a sped-up clock: waits `seconds / speed` real seconds."""
    if _number("speed", speed) <= 0:
        raise ValidationError("speed", f"must be greater than 0, got {speed!r}")

    def sleep(seconds: float) -> None:
        time.sleep(seconds / speed)

    return sleep


def _number(name: str, value: object) -> float:
    """`value` as a finite real number (bools refused), or a `ValidationError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(name, f"must be a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ValidationError(name, f"must be a finite number, got {value!r}")
    return float(value)


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if _number(attribute.name, value) <= 0:
        raise ValidationError(attribute.name, f"must be greater than 0, got {value!r}")


def _at_least_one(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            attribute.name,
            f"must be a whole number, got {type(value).__name__} {reprlib.repr(value)}",
        )
    if value < 1:
        raise ValidationError(attribute.name, f"must be at least 1, got {value!r}")


def _optional_positive(
    instance: object, attribute: attrs.Attribute[float | None], value: float | None
) -> None:
    if value is not None and _number(attribute.name, value) <= 0:
        raise ValidationError(attribute.name, f"must be greater than 0 or None, got {value!r}")


def _callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        raise ValidationError(attribute.name, f"must be callable, got {type(value).__name__}")


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How the SDK retries a call that failed for a passing reason."""

    max_attempts: int = attrs.field(default=8, validator=_at_least_one)
    """Attempts in all, the first one included."""
    base_delay: float = attrs.field(default=0.5, validator=_positive)
    """The backoff cap before the first retry, in seconds; it doubles on each retry."""
    max_delay: float = attrs.field(default=20.0, validator=_positive)
    """The largest backoff cap, in seconds."""
    deadline: float | None = attrs.field(default=None, validator=_optional_positive)
    """Give up once this many seconds have passed since the first attempt (None: never)."""
    sleep: Callable[[float], object] = attrs.field(
        default=time.sleep, repr=False, validator=_callable
    )
    """Waits the given number of seconds (`time.sleep`; a recorder in tests)."""
    clock: Callable[[], float] = attrs.field(
        default=time.monotonic, repr=False, validator=_callable
    )
    """Seconds from a monotonic clock (`time.monotonic`; a virtual clock in tests)."""
    random: Callable[[], float] = attrs.field(
        default=_random.random, repr=False, validator=_callable
    )
    """A number in [0, 1) that scales each delay (full jitter); pin it in tests."""

    def backoff_cap(self, retry_number: int) -> float:
        """The largest delay before retry number `retry_number` (1 for the first retry).

        >>> [RetryPolicy().backoff_cap(n) for n in range(1, 8)]
        [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 20.0]
        """
        exponent = min(retry_number - 1, 64)
        return float(min(self.max_delay, self.base_delay * 2.0**exponent))

    def delay(self, retry_number: int) -> float:
        """The delay before retry number `retry_number`: a random share of the cap."""
        return self.backoff_cap(retry_number) * self.random()

    @contextlib.contextmanager
    def within(self, seconds: float) -> Iterator[None]:
        """Calls in this block stop retrying once `seconds` have passed on `clock`.

        The block's end acts as a deadline shared by every call inside it (the wait
        for an image build uses its remaining time); a policy's own `deadline`, when
        sooner, still applies. Blocks nest: the inner end is used.
        """
        token = _ENDS_AT.set((self.clock, self.clock() + seconds))
        try:
            yield
        finally:
            _ENDS_AT.reset(token)

    def _ends_at(self, started: float) -> float | None:
        """The clock time past which no retry may end, or None for no limit."""
        ends = None if self.deadline is None else started + self.deadline
        outer = _ENDS_AT.get()
        if outer is not None and outer[0] == self.clock:
            ends = outer[1] if ends is None else min(ends, outer[1])
        return ends

    def call(self, fn: Callable[[], T], *, operation: str = "") -> T:
        """Run `fn`, retrying retryable `ImageBuilderError`s; return its result.

        The error that ends the loop is raised with `attempts` set to the number of
        attempts made.
        """
        started = self.clock()
        # Nearly every call succeeds at once, so the first attempt runs without
        # tenacity's per-call machinery (a few percent of a call); a retryable failure
        # hands over to it as that loop's first attempt, with the same clock start.
        try:
            return fn()
        except ImageBuilderError as error:
            if not is_retryable(error):
                if isinstance(error, (ApiError, ConnectionFailedError)):
                    error.attempts = 1
                raise
            first: ImageBuilderError | None = error

        def again() -> T:
            nonlocal first
            if first is not None:
                failed, first = first, None
                raise failed
            return fn()

        import tenacity  # only once a call has failed: keeps `import` and success fast

        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception(is_retryable),
            stop=self._stop(started),
            wait=self._wait,
            sleep=self._sleep,
            before_sleep=self._log(operation),
            reraise=True,
        )
        attempt_number = 0
        try:
            for attempt in retrying:
                with attempt:
                    attempt_number = attempt.retry_state.attempt_number
                    return again()
        except ImageBuilderError as error:
            if isinstance(error, (ApiError, ConnectionFailedError)):
                error.attempts = attempt_number
            raise
        raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover

    def _sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def _wait(self, state: tenacity.RetryCallState) -> float:
        return self.delay(state.attempt_number)

    def _stop(self, started: float) -> Callable[[tenacity.RetryCallState], bool]:
        ends = self._ends_at(started)

        def stop(state: tenacity.RetryCallState) -> bool:
            if state.attempt_number >= self.max_attempts:
                return True
            if ends is None:
                return False
            # Stop when the coming delay would end past the deadline. tenacity >= 8.3
            # draws the delay before asking us; older ones do not, so assume the cap.
            delay = getattr(state, "upcoming_sleep", None)
            if delay is None:
                delay = self.backoff_cap(state.attempt_number)
            return self.clock() + delay > ends

        return stop

    def _log(self, operation: str) -> Callable[[tenacity.RetryCallState], None]:
        def log(state: tenacity.RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            code = getattr(error, "code", "") or type(error).__name__
            delay = state.next_action.sleep if state.next_action else 0.0
            logger.info(
                "retrying %s after %s (attempt %d of %d failed); waiting %.2fs",
                operation or "call",
                code,
                state.attempt_number,
                self.max_attempts,
                delay,
                extra={
                    "operation": operation,
                    "error_code": code,
                    "attempt": state.attempt_number,
                    "delay": delay,
                },
            )

        return log
