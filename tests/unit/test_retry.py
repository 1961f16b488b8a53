"""RetryPolicy: what it retries, how long it waits, when it stops, and what it logs."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

import pytest

from imagebuilder_sdk import errors
from imagebuilder_sdk.errors import ApiError, ConnectionFailedError, ImageBuilderError, ServerError
from imagebuilder_sdk.retry import RetryPolicy, is_retryable, scaled_sleep


class FakeClock:
    """A clock that moves only when the policy sleeps; records the sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        return self.now


def failing(failures: Iterable[Exception], result: str = "done") -> Callable[[], str]:
    """A call that raises each of `failures` in turn, then returns `result`."""
    pending = list(failures)

    def call() -> str:
        if pending:
            raise pending.pop(0)
        return result

    return call


def policy(clock: FakeClock, **options: object) -> RetryPolicy:
    """A policy on `clock` with the jitter pinned to 1.0 unless told otherwise."""
    settings: dict[str, object] = {"sleep": clock.sleep, "clock": clock.monotonic}
    settings["random"] = lambda: 1.0
    settings.update(options)
    return RetryPolicy(**settings)  # type: ignore[arg-type]


def throttled() -> errors.CallRateLimitExceededError:
    return errors.CallRateLimitExceededError("Rate exceeded", operation="ListComponents")


#: Errors a later attempt may fix: throttling, 5xx, dropped connections.
RETRYABLE: list[ImageBuilderError] = [
    errors.CallRateLimitExceededError("slow down"),
    errors.TooManyRequestsError("slow down"),
    errors.ThrottlingError("slow down"),
    errors.ServiceUnavailableError("later", status_code=503),
    errors.ServiceError("oops", status_code=500),
    errors.ServerError("bad gateway", code="BadGateway", status_code=502),
    ApiError("unknown 5xx", code="SomethingNew", status_code=504),
    ConnectionFailedError("connection reset"),
]

#: Every other error class of the service model, and client-side errors.
NOT_RETRYABLE: list[Exception] = [
    errors.AccessDeniedError("no", status_code=403),
    errors.ClientError("no", status_code=400),
    errors.DryRunOperationError("no", status_code=412),
    errors.ForbiddenError("no", status_code=403),
    errors.IdempotentParameterMismatchError("no", status_code=400),
    errors.InvalidPaginationTokenError("no", status_code=400),
    errors.InvalidParameterCombinationError("no", status_code=400),
    errors.InvalidParameterError("no", status_code=400),
    errors.InvalidParameterValueError("no", status_code=400),
    errors.InvalidRequestError("no", status_code=400),
    errors.InvalidVersionNumberError("no", status_code=400),
    errors.ResourceAlreadyExistsError("no", status_code=400),
    errors.ResourceDependencyError("no", status_code=400),
    errors.ResourceInUseError("no", status_code=400),
    errors.ResourceNotFoundError("no", status_code=404),
    errors.ServiceQuotaExceededError("no", status_code=402),
    ApiError("unknown 4xx", code="SomethingNew", status_code=429),
    errors.ValidationError("name", "must not be empty"),
    RuntimeError("a bug, not a passing failure"),
]


@pytest.mark.parametrize("error", RETRYABLE, ids=lambda e: type(e).__name__)
def test_passing_failures_are_retried(error: ImageBuilderError) -> None:
    """Throttling, 5xx and connection failures are retried once each, then succeed."""
    clock = FakeClock()
    assert policy(clock).call(failing([error]), operation="Op") == "done"
    assert clock.sleeps == [0.5]


@pytest.mark.parametrize("error", NOT_RETRYABLE, ids=lambda e: type(e).__name__)
def test_other_failures_are_raised_at_once(error: Exception) -> None:
    """Every other error is raised from the first attempt, without a sleep."""
    clock = FakeClock()
    with pytest.raises(type(error)):
        policy(clock).call(failing([error]), operation="Op")
    assert clock.sleeps == []


@pytest.mark.parametrize("error", RETRYABLE, ids=lambda e: type(e).__name__)
def test_is_retryable_accepts_passing_failures(error: ImageBuilderError) -> None:
    """is_retryable() says yes to throttling, 5xx and connection failures."""
    assert is_retryable(error)


@pytest.mark.parametrize("error", NOT_RETRYABLE, ids=lambda e: type(e).__name__)
def test_is_retryable_refuses_the_rest(error: Exception) -> None:
    """is_retryable() says no to everything else."""
    assert not is_retryable(error)


def test_delays_double_up_to_the_cap() -> None:
    """Delays are min(max_delay, base_delay * 2**(n-1)) with the jitter pinned to 1."""
    clock = FakeClock()
    retry = policy(clock, max_attempts=8, base_delay=0.5, max_delay=20.0)
    assert retry.call(failing([throttled() for _ in range(7)])) == "done"
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 20.0]


def test_jitter_scales_each_delay() -> None:
    """Each delay is the cap times random(): full jitter."""
    clock = FakeClock()
    retry = policy(clock, base_delay=2.0, random=lambda: 0.25)
    retry.call(failing([throttled() for _ in range(3)]))
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_default_jitter_stays_under_the_cap() -> None:
    """With the default random source, every delay lies between 0 and its cap."""
    retry = RetryPolicy()
    for n in range(1, 12):
        assert 0.0 <= retry.delay(n) <= retry.backoff_cap(n)


def test_max_attempts_stops_the_loop() -> None:
    """A call that always fails is tried max_attempts times, then its error is raised."""
    clock = FakeClock()
    calls = []

    def always_throttled() -> str:
        calls.append(1)
        raise throttled()

    with pytest.raises(errors.CallRateLimitExceededError) as caught:
        policy(clock, max_attempts=3).call(always_throttled, operation="ListComponents")
    assert len(calls) == 3
    assert clock.sleeps == [0.5, 1.0]
    assert caught.value.attempts == 3


def test_final_error_shows_the_attempts() -> None:
    """str() of the final error says how many attempts were made."""
    clock = FakeClock()
    with pytest.raises(errors.CallRateLimitExceededError) as caught:
        policy(clock, max_attempts=4).call(failing([throttled() for _ in range(9)]))
    assert "after 4 attempts" in str(caught.value)


def test_connection_error_shows_the_attempts() -> None:
    """A connection failure that outlasts the retries says how many attempts it took."""
    clock = FakeClock()
    drops = [ConnectionFailedError("reset", operation="GetImage") for _ in range(5)]
    with pytest.raises(ConnectionFailedError) as caught:
        policy(clock, max_attempts=2).call(failing(drops))
    assert caught.value.attempts == 2
    assert str(caught.value) == "GetImage: reset (after 2 attempt(s))"


def test_error_after_retries_counts_every_attempt() -> None:
    """A lasting error after two throttled attempts reports three attempts."""
    clock = FakeClock()
    missing = errors.ResourceNotFoundError("gone", operation="GetImage")
    with pytest.raises(errors.ResourceNotFoundError) as caught:
        policy(clock).call(failing([throttled(), throttled(), missing]))
    assert caught.value.attempts == 3


def test_first_attempt_error_counts_one_attempt() -> None:
    """An error on the first attempt keeps attempts == 1 and does not mention attempts."""
    clock = FakeClock()
    missing = errors.ResourceNotFoundError("gone", operation="GetImage")
    with pytest.raises(errors.ResourceNotFoundError) as caught:
        policy(clock).call(failing([missing]))
    assert caught.value.attempts == 1
    assert "attempts" not in str(caught.value)


def test_deadline_stops_before_sleeping_past_it() -> None:
    """No retry starts whose delay would end after the deadline."""
    clock = FakeClock()
    retry = policy(clock, base_delay=1.0, max_delay=100.0, deadline=10.0, max_attempts=50)
    with pytest.raises(errors.CallRateLimitExceededError) as caught:
        retry.call(failing([throttled() for _ in range(50)]))
    assert clock.sleeps == [1.0, 2.0, 4.0]
    assert caught.value.attempts == 4


def test_deadline_counts_the_delay_drawn_not_the_cap() -> None:
    """With jitter, a short drawn delay that fits the deadline is still slept."""
    clock = FakeClock()
    retry = policy(clock, base_delay=4.0, deadline=10.0, random=lambda: 0.25)
    with pytest.raises(errors.CallRateLimitExceededError) as caught:
        retry.call(failing([throttled() for _ in range(50)]))
    assert clock.sleeps == [1.0, 2.0, 4.0]
    assert caught.value.attempts == 4


def test_success_needs_no_sleep() -> None:
    """A call that succeeds at once is called once and never sleeps."""
    clock = FakeClock()
    assert policy(clock).call(lambda: "at once") == "at once"
    assert clock.sleeps == []


def test_each_retry_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    """Every retry logs operation, error code, attempt and delay on imagebuilder_sdk."""
    clock = FakeClock()
    caplog.set_level(logging.INFO, logger="imagebuilder_sdk")
    errors_in_turn = [throttled(), errors.ServiceUnavailableError("later", status_code=503)]
    policy(clock).call(failing(errors_in_turn), operation="ListComponents")
    records = [r for r in caplog.records if r.name == "imagebuilder_sdk"]
    seen = [(r.operation, r.error_code, r.attempt, r.delay) for r in records]  # type: ignore[attr-defined]
    assert seen == [
        ("ListComponents", "CallRateLimitExceededException", 1, 0.5),
        ("ListComponents", "ServiceUnavailableException", 2, 1.0),
    ]
    assert "ListComponents" in records[0].getMessage()
    assert "CallRateLimitExceededException" in records[0].getMessage()


def test_a_connection_retry_is_logged_by_its_class(caplog: pytest.LogCaptureFixture) -> None:
    """A retried connection failure is logged under its class name."""
    caplog.set_level(logging.INFO, logger="imagebuilder_sdk")
    policy(FakeClock()).call(failing([ConnectionFailedError("reset")]), operation="GetImage")
    (record,) = [r for r in caplog.records if r.name == "imagebuilder_sdk"]
    assert record.error_code == "ConnectionFailedError"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_attempts", 0), ("base_delay", 0.0), ("max_delay", -1.0), ("deadline", 0.0)],
)
def test_settings_out_of_range_are_refused(field: str, value: float) -> None:
    """A setting out of range raises ValidationError naming it."""
    with pytest.raises(errors.ValidationError) as caught:
        RetryPolicy(**{field: value})  # type: ignore[arg-type]
    assert caught.value.field == field


def test_scaled_sleep_divides_by_the_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    """scaled_sleep(60) waits one real second per emulated minute."""
    slept: list[float] = []
    monkeypatch.setattr("imagebuilder_sdk.retry.time.sleep", slept.append)
    scaled_sleep(60.0)(120.0)
    assert slept == [2.0]


def test_scaled_sleep_refuses_a_speed_of_zero() -> None:
    """A speed that is not positive raises ValidationError."""
    with pytest.raises(errors.ValidationError):
        scaled_sleep(0.0)


def test_not_implemented_is_not_retried() -> None:
    """A 501 answer (an operation the endpoint lacks, as the emulator answers one it does not
    implement) is permanent: not a ServerError and not retried (RFC 9110, 15.6.2)."""
    from imagebuilder_sdk.errors import error_for_code

    cls = error_for_code("NotImplementedException", 501)
    assert not issubclass(cls, ServerError)
    assert not is_retryable(cls("no such operation", status_code=501))
