"""Throttling storms: every call throttled below the retry budget completes, exactly once."""

from __future__ import annotations

import itertools

import pytest

from imagebuilder_sdk import ImageBuilder, RetryPolicy, ThrottlingError
from imagebuilder_sdk.testing import Emulator, RecordedRequest
from imagebuilder_sdk.testing._faults import THROTTLING_CODES
from tests.reliability.conftest import Figures
from tests.reliability.snapshot import count_owned
from tests.reliability.support import Builder, facade
from tests.reliability.workload import storm_steps

#: How many times each call is throttled: below the default budget of 8 attempts.
DEPTHS = (1, 3, 7)

#: What the storm workload leaves behind (the container recipe is deleted at the end).
EXPECTED = {
    "component": 1,
    "image-recipe": 1,
    "container-recipe": 0,
    "infrastructure-configuration": 1,
    "distribution-configuration": 1,
    "image-pipeline": 1,
    "image": 2,
}


def _attempt_groups(requests: list[RecordedRequest]) -> list[list[RecordedRequest]]:
    """Requests cut into runs of one API call: throttled attempts up to the one that passed."""
    groups: list[list[RecordedRequest]] = []
    current: list[RecordedRequest] = []
    for request in requests:
        current.append(request)
        if request.outcome == "ok":
            groups.append(current)
            current = []
    assert not current, "a call was still being retried when the workload ended"
    return groups


def _storm(depth: int) -> tuple[Emulator, int]:
    """Run the storm workload with every API call throttled `depth` times."""
    emulator = Emulator()
    ib = facade(emulator)
    codes = itertools.cycle(THROTTLING_CODES)
    steps = storm_steps(ib)
    for step in steps:
        for operation in step.operations:
            emulator.faults.throttle(operation, times=depth, code=next(codes))
        step.run()
        assert emulator.faults.pending == 0, f"{step.label}: a scheduled fault was not used"
    return emulator, len(steps)


def test_throttling_storms_complete_and_create_each_resource_once(figures: Figures) -> None:
    """A workload whose every call is throttled 1, 3 or 7 times completes without duplicates."""
    calls = faults = requests = token_groups = duplicates = 0
    for depth in DEPTHS:
        emulator, steps = _storm(depth)
        owned = count_owned(emulator)
        assert owned == EXPECTED
        groups = _attempt_groups(emulator.requests)
        for group in groups:
            assert [r.outcome in THROTTLING_CODES for r in group] == [True] * depth + [False]
            assert len({r.operation for r in group}) == 1
            if "clientToken" in group[0].params:
                assert len({r.params["clientToken"] for r in group}) == 1
                token_groups += 1
        calls += steps
        faults += emulator.faults.injected.get("throttle", 0)
        requests += len(emulator.requests)
        duplicates += sum(owned.values()) - sum(EXPECTED.values())
    figures.record("throttle.calls", calls)
    figures.record("throttle.faults", faults)
    figures.record("throttle.requests", requests)
    figures.record("throttle.token_groups", token_groups)
    figures.record("throttle.duplicates", duplicates)


def test_each_logical_call_sends_its_own_token() -> None:
    """Retries reuse a call's clientToken; two logical calls never share one."""
    emulator, _ = _storm(2)
    tokens = [
        {r.params["clientToken"] for r in group}
        for group in _attempt_groups(emulator.requests)
        if "clientToken" in group[0].params
    ]
    assert all(len(group) == 1 for group in tokens)
    assert len(set().union(*tokens)) == len(tokens)


def test_past_the_budget_raises_throttling_error_with_attempts(
    emulator: Emulator, ib: ImageBuilder, figures: Figures
) -> None:
    """Throttled on every one of its 8 attempts, a create raises ThrottlingError(attempts=8)."""
    emulator.faults.throttle("CreateInfrastructureConfiguration", times=8)
    with pytest.raises(ThrottlingError) as caught:
        Builder(ib).infrastructure()
    error = caught.value
    assert error.attempts == ib.retry.max_attempts == 8
    assert "after 8 attempts" in str(error)
    assert error.operation == "CreateInfrastructureConfiguration"
    sent = emulator.requests
    assert len(sent) == 8
    assert len({r.params["clientToken"] for r in sent}) == 1
    assert count_owned(emulator)["infrastructure-configuration"] == 0
    figures.record("throttle.budget_attempts", error.attempts)


def test_a_smaller_budget_gives_up_sooner(emulator: Emulator) -> None:
    """With max_attempts=3, the third throttled attempt ends the call."""
    ib = facade(emulator, max_attempts=3)
    emulator.faults.throttle("ListComponents", times=None, code="TooManyRequestsException")
    with pytest.raises(ThrottlingError) as caught:
        list(ib.components.list())
    assert caught.value.attempts == 3
    assert "after 3 attempts" in str(caught.value)
    assert len(emulator.requests) == 3


def test_local_facade_leaves_retries_to_the_sdk() -> None:
    """ImageBuilder.local(): one request per SDK attempt (botocore's retries are off)."""
    probe = Emulator()
    ib = ImageBuilder.local(retry=RetryPolicy(max_attempts=1, sleep=probe.advance))
    assert ib.emulator is not None
    ib.emulator.faults.throttle("ListComponents", times=1, code="TooManyRequestsException")
    with pytest.raises(ThrottlingError):
        list(ib.components.list())
    assert len(ib.emulator.requests) == 1
