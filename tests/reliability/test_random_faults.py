"""Random faults: a long workload under 20% failing calls ends where a clean run ends.

The same scripted workload (over 500 SDK operations across the seven resources) runs
twice: once on a quiet emulator and once with a fifth of all requests failing at
random (throttling, 500, 503, dropped connections; seeded). The two accounts must hold
the same resources with the same names, versions, tags, policies and builds. Errors
that a retry cannot fix are raised after exactly one request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.errors import (
    ApiError,
    IdempotentParameterMismatchError,
    InvalidRequestError,
    ResourceDependencyError,
    ResourceInUseError,
    ResourceNotFoundError,
)
from imagebuilder_sdk.testing import Emulator
from tests.reliability.conftest import Figures
from tests.reliability.snapshot import snapshot
from tests.reliability.support import Builder, facade
from tests.reliability.workload import mixed_workload

RATE = 0.2
KINDS = ("throttle", "server_error", "drop_connection")
SEED = 2024
MISSING = "arn:aws:imagebuilder:us-east-1:123456789012:component/missing/1.0.0/1"


def test_random_faults_leave_the_same_final_state(figures: Figures) -> None:
    """With 20% of requests failing, the workload ends in the fault-free run's state."""
    quiet = Emulator()
    operations = mixed_workload(facade(quiet))
    expected = snapshot(quiet)

    noisy = Emulator()
    noisy.faults.random(rate=RATE, seed=SEED, kinds=KINDS)
    assert mixed_workload(facade(noisy, seed=SEED)) == operations
    noisy.faults.clear()
    actual = snapshot(noisy)

    differences = sorted(set(expected) ^ set(actual)) + sorted(
        arn for arn in set(expected) & set(actual) if expected[arn] != actual[arn]
    )
    assert differences == []
    requests = len(noisy.requests)
    by_kind = {kind: sum(r.fault == kind for r in noisy.requests) for kind in KINDS}
    faults = sum(by_kind.values())
    assert operations >= 500
    assert 0.15 <= faults / requests <= 0.25
    assert all(by_kind.values())
    figures.record("random.operations", operations)
    figures.record("random.requests", requests)
    figures.record("random.faults", faults)
    for kind, count in by_kind.items():
        figures.record(f"random.{kind}", count)
    figures.record("random.resources", len(expected))
    figures.record("random.differences", len(differences))


def test_both_server_error_statuses_are_injected() -> None:
    """The random mode answers both 500 and 503, and the workload retries through both."""
    noisy = Emulator()
    noisy.faults.random(rate=RATE, seed=SEED, kinds=("server_error",))
    mixed_workload(facade(noisy, seed=SEED), rounds=1)
    statuses = {r.status for r in noisy.requests if r.fault == "server_error"}
    assert statuses == {500, 503}


@dataclass(frozen=True)
class NonRetryable:
    """A call that fails in a way no retry can fix."""

    name: str
    operation: str
    error: type[ApiError]
    #: Sets the account up; returns the failing call.
    prepare: Callable[[ImageBuilder], Callable[[], object]]


def _missing(ib: ImageBuilder) -> Callable[[], object]:
    return lambda: ib.components.get(MISSING)


def _exists(ib: ImageBuilder) -> Callable[[], object]:
    Builder(ib).component("twice", "1.0.0")
    return lambda: Builder(ib).component("twice", "1.0.0")


def _mismatch(ib: ImageBuilder) -> Callable[[], object]:
    Builder(ib).infrastructure("first-infra", client_token="shared-token")
    return lambda: Builder(ib).infrastructure("other-infra", client_token="shared-token")


def _in_use(ib: ImageBuilder) -> Callable[[], object]:
    component = Builder(ib).component()
    Builder(ib).image_recipe([str(component.arn)])
    return lambda: ib.components.delete(str(component.arn))


def _running(ib: ImageBuilder) -> Callable[[], object]:
    build = Builder(ib)
    recipe = build.image_recipe([str(build.component().arn)])
    infrastructure = build.infrastructure()
    started = ib.images.create(
        image_recipe_arn=str(recipe.arn),
        infrastructure_configuration_arn=str(infrastructure.arn),
    )
    return lambda: list(ib.images.packages(started.arn))


NON_RETRYABLE = (
    NonRetryable("not found", "GetComponent", ResourceNotFoundError, _missing),
    NonRetryable("already exists", "CreateComponent", ResourceInUseError, _exists),
    NonRetryable(
        "token reused", "CreateInfrastructureConfiguration", IdempotentParameterMismatchError,
        _mismatch,
    ),
    NonRetryable("in use", "DeleteComponent", ResourceDependencyError, _in_use),
    NonRetryable("not ready", "ListImagePackages", InvalidRequestError, _running),
)  # fmt: skip


@pytest.mark.parametrize("case", NON_RETRYABLE, ids=[case.name for case in NON_RETRYABLE])
def test_non_retryable_errors_are_sent_once(case: NonRetryable) -> None:
    """An error no retry can fix is raised after one request, with attempts == 1."""
    emulator = Emulator()
    ib = facade(emulator)
    call = case.prepare(ib)
    emulator.clear_requests()
    with pytest.raises(case.error) as caught:
        call()
    assert [r.operation for r in emulator.requests] == [case.operation]
    assert caught.value.attempts == 1
    assert emulator.clock.monotonic() == 0.0  # no backoff was slept


def test_non_retryable_cases_cover_each_kind(figures: Figures) -> None:
    """The non-retryable cases raise five different error classes."""
    assert len({case.error for case in NON_RETRYABLE}) == len(NON_RETRYABLE)
    figures.record("random.non_retryable_cases", len(NON_RETRYABLE))
