"""Tests for the emulator's clocks."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from imagebuilder_sdk.testing import _clock
from imagebuilder_sdk.testing._clock import FIXED_START, ScaledClock, VirtualClock


def test_virtual_clock_starts_at_the_current_time() -> None:
    """A new VirtualClock reads the current UTC time (to the second), and stays there."""
    before = datetime.now(timezone.utc).replace(microsecond=0)
    clock = VirtualClock()
    after = datetime.now(timezone.utc)
    assert before <= clock.now() <= after
    assert clock.now().microsecond == 0
    assert clock.now().utcoffset() == timedelta(0)
    assert clock.monotonic() == 0.0


def test_virtual_clock_can_start_at_a_fixed_utc_moment() -> None:
    """VirtualClock(FIXED_START) reads that moment whatever the day, timezone-aware, in UTC."""
    clock = VirtualClock(FIXED_START)
    assert clock.now() == datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)
    assert clock.now().utcoffset() == timedelta(0)
    assert clock.monotonic() == 0.0


def test_a_local_emulator_dates_what_it_creates_today() -> None:
    """ImageBuilder.local() creates resources dated now, not on a fixed day."""
    from imagebuilder_sdk import ImageBuilder

    before = datetime.now(timezone.utc).replace(microsecond=0)
    ib = ImageBuilder.local()
    made = ib.infrastructure_configurations.create(name="today", instance_profile_name="p")
    assert made.date_created is not None
    assert before <= made.date_created <= datetime.now(timezone.utc)


def test_virtual_clock_moves_only_when_advanced() -> None:
    """advance() moves both readings by the same amount."""
    clock = VirtualClock(datetime(2030, 1, 1, tzinfo=timezone.utc))
    clock.advance(90.5)
    assert clock.now() == datetime(2030, 1, 1, 0, 1, 30, 500000, tzinfo=timezone.utc)
    assert clock.monotonic() == 90.5


def test_virtual_clock_refuses_to_go_back() -> None:
    """A negative advance raises ValueError."""
    with pytest.raises(ValueError, match="back"):
        VirtualClock().advance(-1)


def test_virtual_clock_needs_an_aware_start() -> None:
    """A naive start datetime raises ValueError."""
    with pytest.raises(ValueError, match="timezone"):
        VirtualClock(datetime(2030, 1, 1))


def test_virtual_clock_advance_is_thread_safe() -> None:
    """Advances from many threads all count."""
    clock = VirtualClock()

    def tick() -> None:
        for _ in range(500):
            clock.advance(1)

    threads = [threading.Thread(target=tick) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.monotonic() == 4000


def test_scaled_clock_multiplies_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """At speed 60 one real second reads as a minute."""
    real = SimpleNamespace(value=100.0)
    monkeypatch.setattr(_clock, "time", SimpleNamespace(monotonic=lambda: real.value))
    clock = ScaledClock(speed=60.0)
    start = clock.now()
    real.value += 2.0
    assert clock.monotonic() == 120.0
    assert clock.now() - start == timedelta(minutes=2)


def test_scaled_clock_advance_jumps_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """advance() adds emulated seconds on top of scaled real time."""
    monkeypatch.setattr(_clock, "time", SimpleNamespace(monotonic=lambda: 5.0))
    clock = ScaledClock(speed=10.0)
    clock.advance(300)
    assert clock.monotonic() == 300.0


def test_scaled_clock_refuses_a_speed_of_zero() -> None:
    """Speed must be positive."""
    with pytest.raises(ValueError, match="positive"):
        ScaledClock(speed=0)
