"""What a benchmark produces (`Figure`) and how runs are timed (`timed`, `median`).

A figure is one row of the results table: a measured value, its unit, the target it is
held to (if any) and whether it meets it. Each timing is the median of several runs,
so one slow run on a busy machine does not decide the figure.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Figure", "Settings", "median", "timed"]


@dataclass(frozen=True)
class Settings:
    """How big and how often: the full run, or a quick check that everything works."""

    repeat: int = 7
    """Runs per timing; the median is reported."""
    list_items: int = 10_000
    """Image versions listed for the listing ratio."""
    get_calls: int = 200
    """`GetImage` calls per run for the get ratio."""
    convert_rounds: int = 300
    """Structure + unstructure rounds per run, for each resource."""
    import_processes: int = 10
    """Fresh interpreters started to time the import."""
    memory_items: tuple[int, int] = (1_000, 100_000)
    """Listing sizes compared for peak memory (small, large)."""
    throughput_calls: int = 200
    """Emulator calls per run, in each mode."""
    request_items: int = 250
    """Component versions listed, and searched by `latest`, when counting requests."""
    request_page_size: int = 25
    """The page size of the listing whose requests are counted."""
    scale_sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    """Component versions stored in the emulator for the scale figures."""
    scale_repeat: int = 3
    """Runs per timing at each scale size but the largest, which is timed once."""
    http_clients: int = 16
    """Concurrent clients in the served emulator's before/after figure."""
    other_list_items: int = 2_000
    """Items listed for the component and lifecycle-policy listing ratios."""

    @classmethod
    def quick(cls) -> Settings:
        """Tiny sizes and one run each: checks that every figure is produced."""
        return cls(
            repeat=1,
            list_items=200,
            get_calls=3,
            convert_rounds=2,
            import_processes=1,
            memory_items=(100, 300),
            throughput_calls=6,
            request_items=30,
            request_page_size=25,
            scale_sizes=(50, 100, 200),
            scale_repeat=1,
            http_clients=2,
            other_list_items=60,
        )


@dataclass(frozen=True)
class Figure:
    """One measured figure, with the target it is held to."""

    key: str
    """A stable identifier (``list_ratio``)."""
    title: str
    """What was measured, for the table."""
    value: float
    """The measured value (a median)."""
    unit: str
    """``x`` for ratios, ``µs``, ``ms``, ``MB`` or ``calls/s``."""
    target: float | None = None
    """The value it must stay within; None when the figure is only reported."""
    higher_is_better: bool = False
    """Whether `target` is a floor (throughput) rather than a ceiling."""
    detail: Mapping[str, Any] = field(default_factory=dict)
    """The raw numbers behind the value (medians of each side, sizes...)."""

    @property
    def met(self) -> bool | None:
        """Whether the value meets its target (None when there is no target)."""
        if self.target is None:
            return None
        if self.higher_is_better:
            return self.value >= self.target
        return self.value <= self.target

    def as_dict(self) -> dict[str, Any]:
        """The figure as JSON-ready data."""
        return {
            "key": self.key,
            "title": self.title,
            "value": self.value,
            "unit": self.unit,
            "target": self.target,
            "higher_is_better": self.higher_is_better,
            "met": self.met,
            "detail": dict(self.detail),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Figure:
        """A figure back from `as_dict` data."""
        return cls(
            key=str(data["key"]),
            title=str(data["title"]),
            value=float(data["value"]),
            unit=str(data["unit"]),
            target=None if data.get("target") is None else float(data["target"]),
            higher_is_better=bool(data.get("higher_is_better", False)),
            detail=dict(data.get("detail") or {}),
        )


def median(values: Sequence[float]) -> float:
    """The median of the values."""
    return float(statistics.median(values))


def timed(fn: Callable[[], object], clock: Callable[[], float] = time.process_time) -> float:
    """Seconds one call of `fn` takes, after a garbage collection (so runs start alike).

    By default this is the process's CPU time, not the wall clock: everything timed in
    process runs on one thread, and CPU time does not count the moments another
    program had the core, which on a shared machine would swamp the differences.
    """
    gc.collect()
    started = clock()
    fn()
    return clock() - started
