"""Clocks for the emulator: virtual time for tests, scaled real time for demos.

The emulator never sleeps and runs no threads; image builds move forward whenever
someone reads them, by comparing the clock with the moment the build started::

    clock = VirtualClock()       # starts now; VirtualClock(FIXED_START) for a fixed date
    clock.advance(90)            # ninety emulated seconds pass at once
    ScaledClock(speed=60.0)      # one real second is one emulated minute
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

from typing_extensions import Protocol

from imagebuilder_sdk.errors import ValidationError

__all__ = ["Clock", "DEFAULT_START", "FIXED_START", "ScaledClock", "VirtualClock"]

#: A fixed, realistic UTC moment for tests whose output must not depend on the day
#: they run: ``VirtualClock(FIXED_START)``.
FIXED_START = datetime(2026, 11, 27, 10, 0, 0, tzinfo=timezone.utc)
#: The former name of `FIXED_START`, from when a `VirtualClock` started there by default.
DEFAULT_START = FIXED_START


class Clock(Protocol):
    """What the emulator needs from a clock."""

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""
        ...


class VirtualClock:
    """A clock that moves only when `advance` is called; tests own time with it.

    It starts at the current time (to the second), so what an emulator creates is dated
    today; give it a `start` (`FIXED_START`, say) when a test needs the same dates on
    every run.

    >>> clock = VirtualClock(FIXED_START)
    >>> clock.advance(60)
    >>> clock.now().isoformat()
    '2026-11-27T10:01:00+00:00'
    >>> clock.monotonic()
    60.0
    """

    def __init__(self, start: datetime | None = None) -> None:
        if start is None:
            start = datetime.now(timezone.utc).replace(microsecond=0)
        if start.tzinfo is None:
            raise ValidationError("start", "must be timezone-aware", value=start)
        self._start = start.astimezone(timezone.utc)
        self._elapsed = 0.0
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The start time plus every second advanced so far."""
        with self._lock:
            return self._start + timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        """Seconds advanced since the clock was made."""
        with self._lock:
            return self._elapsed

    def advance(self, seconds: float) -> None:
        """Move time forward; fits where a ``sleep(seconds)`` function is expected."""
        if seconds < 0:
            raise ValidationError("seconds", "must not be negative: a clock cannot go back")
        with self._lock:
            self._elapsed += seconds

    def __repr__(self) -> str:
        return f"VirtualClock(now={self.now().isoformat()})"


class ScaledClock:
    """Real time, sped up `speed` times: at 60.0 a ten-minute build takes ten seconds."""

    def __init__(self, speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValidationError("speed", "must be positive", value=speed)
        self.speed = speed
        self._wall_start = datetime.now(timezone.utc)
        self._real_start = time.monotonic()
        self._jumped = 0.0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        """Emulated seconds since the clock was made (scaled real time plus jumps)."""
        with self._lock:
            return (time.monotonic() - self._real_start) * self.speed + self._jumped

    def now(self) -> datetime:
        """The real time when the clock was made, plus emulated seconds since then."""
        return self._wall_start + timedelta(seconds=self.monotonic())

    def advance(self, seconds: float) -> None:
        """Jump ahead by `seconds` emulated seconds at once."""
        if seconds < 0:
            raise ValidationError("seconds", "must not be negative: a clock cannot go back")
        with self._lock:
            self._jumped += seconds

    def __repr__(self) -> str:
        return f"ScaledClock(speed={self.speed:g})"
