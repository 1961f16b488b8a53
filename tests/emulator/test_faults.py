"""The fault injector on its own: scheduling, matching, counting, the random mode."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing._faults import FAULT_KINDS, THROTTLING_CODES, Fault, FaultInjector
from tests.emulator.conftest import OPERATIONS


@pytest.fixture
def faults() -> FaultInjector:
    """An injector that knows the implemented operation names."""
    return FaultInjector(OPERATIONS)


def kinds(faults: FaultInjector, operation: str, calls: int) -> list[str | None]:
    """The fault kind each of `calls` calls gets (None: no fault)."""
    taken = [faults.take(operation) for _ in range(calls)]
    return [f.kind if f else None for f in taken]


def test_no_fault_by_default(faults: FaultInjector) -> None:
    """A fresh injector injects nothing."""
    assert faults.take("GetImage") is None


def test_fault_applies_times_then_stops(faults: FaultInjector) -> None:
    """A fault scheduled for two calls hits exactly the next two."""
    faults.throttle("GetImage", times=2)
    assert kinds(faults, "GetImage", 3) == ["throttle", "throttle", None]


def test_fault_only_hits_its_operation(faults: FaultInjector) -> None:
    """A fault for one operation leaves the others alone."""
    faults.server_error("CreateImage")
    assert faults.take("GetImage") is None
    assert kinds(faults, "CreateImage", 1) == ["server_error"]


def test_star_matches_any_operation(faults: FaultInjector) -> None:
    """operation='*' takes the next call, whatever it is."""
    faults.drop_connection("*")
    assert kinds(faults, "ListImages", 2) == ["drop_connection", None]


def test_times_none_lasts_until_cleared(faults: FaultInjector) -> None:
    """times=None keeps injecting until clear()."""
    faults.throttle("GetImage", times=None)
    assert kinds(faults, "GetImage", 5) == ["throttle"] * 5
    faults.clear()
    assert faults.take("GetImage") is None


def test_faults_are_used_in_the_order_scheduled(faults: FaultInjector) -> None:
    """Two matching faults are used first come, first served."""
    faults.throttle("*")
    faults.server_error("GetImage")
    assert kinds(faults, "GetImage", 3) == ["throttle", "server_error", None]


def test_throttle_codes(faults: FaultInjector) -> None:
    """throttle() answers with the code asked for, among the throttling codes."""
    for code in THROTTLING_CODES:
        faults.throttle("GetImage", code=code)
        taken = faults.take("GetImage")
        assert taken is not None
        assert taken.code == code


def test_server_error_status_picks_the_code(faults: FaultInjector) -> None:
    """500 becomes ServiceException and 503 ServiceUnavailableException."""
    faults.server_error("*", status=500)
    faults.server_error("*", status=503)
    assert [f.code for f in (faults.take("GetImage"), faults.take("GetImage")) if f] == [
        "ServiceException",
        "ServiceUnavailableException",
    ]


def test_lose_response_runs_the_operation_first(faults: FaultInjector) -> None:
    """lose_response marks the fault as happening after the backend, dropped or as a 500."""
    faults.lose_response("*", how="drop")
    faults.lose_response("*", how="500")
    assert faults.take("CreateImage") == Fault("lose_response", drop=True, after_backend=True)
    second = faults.take("CreateImage")
    assert second is not None
    assert (second.after_backend, second.drop, second.code) == (True, False, "ServiceException")


def test_injected_counts_each_kind(faults: FaultInjector) -> None:
    """injected counts the faults actually handed out, per kind."""
    faults.throttle("*", times=2)
    faults.drop_connection("*")
    kinds(faults, "GetImage", 5)
    assert faults.injected == {"throttle": 2, "drop_connection": 1}


def test_pending_counts_waiting_faults(faults: FaultInjector) -> None:
    """pending is the number of scheduled faults not yet used."""
    faults.throttle("GetImage", times=3)
    faults.take("GetImage")
    assert faults.pending == 2


def test_clear_forgets_faults_and_counters(faults: FaultInjector) -> None:
    """clear() empties the schedule, the random mode and the counters."""
    faults.throttle("*")
    faults.take("GetImage")
    faults.random(rate=1.0)
    faults.clear()
    assert (faults.take("GetImage"), faults.injected, faults.pending) == (None, {}, 0)


@pytest.mark.parametrize(
    "schedule",
    [
        lambda f: f.throttle("create_component"),
        lambda f: f.throttle("GetImage", times=0),
        lambda f: f.throttle("GetImage", code="SlowDown"),
        lambda f: f.server_error("GetImage", status=502),
        lambda f: f.lose_response("GetImage", how="later"),
        lambda f: f.random(rate=1.5),
        lambda f: f.random(kinds=("meteor",)),
        lambda f: f.random(operations=["NoSuchOperation"]),
    ],
)
def test_bad_arguments_raise_validation_error(
    faults: FaultInjector, schedule: Callable[[FaultInjector], None]
) -> None:
    """Unknown operations, codes, statuses, kinds and rates are refused up front."""
    with pytest.raises(ValidationError):
        schedule(faults)


def test_random_mode_is_reproducible_with_a_seed() -> None:
    """The same seed gives the same faults for the same sequence of calls."""
    runs = []
    for _ in range(2):
        faults = FaultInjector()
        faults.random(rate=0.5, seed=42)
        runs.append(kinds(faults, "GetImage", 40))
    assert runs[0] == runs[1]


def test_random_mode_rate_is_roughly_respected() -> None:
    """About `rate` of the calls get a fault, of the allowed kinds only."""
    faults = FaultInjector()
    faults.random(rate=0.25, seed=3, kinds=("throttle", "server_error"))
    drawn = Counter(kinds(faults, "GetImage", 400))
    assert 60 <= 400 - drawn[None] <= 140
    assert set(drawn) <= {None, "throttle", "server_error"}


def test_random_mode_can_target_operations() -> None:
    """With operations=..., other operations never get a random fault."""
    faults = FaultInjector()
    faults.random(rate=1.0, operations=["CreateImage"])
    assert faults.take("GetImage") is None
    assert faults.take("CreateImage") is not None


def test_random_mode_draws_every_kind_by_default() -> None:
    """By default the random mode can inject each of the four kinds."""
    faults = FaultInjector()
    faults.random(rate=1.0, seed=1)
    assert set(kinds(faults, "GetImage", 100)) == set(FAULT_KINDS)


def test_scheduled_faults_are_shared_safely_between_threads(faults: FaultInjector) -> None:
    """100 scheduled faults taken by 8 threads are handed out exactly 100 times."""
    faults.throttle("*", times=100)
    taken: list[Fault | None] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            fault = faults.take("GetImage")
            with lock:
                taken.append(fault)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(f is not None for f in taken) == 100
    assert faults.injected == {"throttle": 100}
