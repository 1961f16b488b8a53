"""Injected faults: throttling, server errors, dropped connections and lost responses.

A `FaultInjector` holds a queue of scheduled faults and, optionally, a seeded random
mode. The emulator asks it once per request (`take`) and acts on the answer::

    emulator.faults.throttle("CreateComponent", times=2)   # the next two calls are throttled
    emulator.faults.lose_response("*")                     # the next call runs, its answer is lost
    emulator.faults.random(rate=0.1, seed=7)               # about one call in ten fails

`operation="*"` matches every operation. Scheduled faults are used in the order they
were added; the random mode only acts on requests no scheduled fault took.
"""

from __future__ import annotations

import random as _random
import threading
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from imagebuilder_sdk.errors import ValidationError

__all__ = [
    "ConnectionDropped",
    "FAULT_KINDS",
    "Fault",
    "FaultInjector",
    "THROTTLING_CODES",
]

#: Every kind of fault, in the order `FaultInjector.random` draws from by default.
FAULT_KINDS = ("throttle", "server_error", "drop_connection", "lose_response")

#: Error codes a throttled request can answer with (the first two are in the model).
THROTTLING_CODES = (
    "CallRateLimitExceededException",
    "TooManyRequestsException",
    "ThrottlingException",
)

_SERVER_ERROR_CODES = {500: "ServiceException", 503: "ServiceUnavailableException"}


class ConnectionDropped(Exception):
    """Raised inside the emulator when a connection must close without a response.

    `after_backend` tells whether the operation was carried out before the drop.
    """

    def __init__(self, operation: str, *, after_backend: bool) -> None:
        super().__init__(f"connection dropped during {operation}")
        self.operation = operation
        self.after_backend = after_backend


@dataclass(frozen=True)
class Fault:
    """One fault for one request.

    `code`/`message` are the error answered (empty when the connection drops instead);
    `after_backend` is true when the operation runs first and only its answer is lost.
    """

    kind: str
    code: str = ""
    message: str = ""
    drop: bool = False
    after_backend: bool = False


@dataclass
class _Scheduled:
    operation: str
    fault: Fault
    remaining: int | None


def _throttle(code: str) -> Fault:
    return Fault("throttle", code, "Rate exceeded (injected by the emulator)")


def _server_error(status: int) -> Fault:
    return Fault("server_error", _SERVER_ERROR_CODES[status], "Injected server error")


def _lost(how: str) -> Fault:
    if how == "drop":
        return Fault("lose_response", drop=True, after_backend=True)
    return Fault("lose_response", "ServiceException", "Injected: response lost", after_backend=True)


class FaultInjector:
    """Faults to inject, scheduled per operation or drawn at random; thread-safe."""

    def __init__(self, operations: Collection[str] = ()) -> None:
        #: Known operation names; when given, unknown names are refused (typos fail fast).
        self.operations = frozenset(operations)
        self._lock = threading.Lock()
        self._scheduled: list[_Scheduled] = []
        self._random: tuple[_random.Random, float, tuple[str, ...], frozenset[str] | None] | None
        self._random = None
        self._injected: Counter[str] = Counter()

    def throttle(
        self, operation: str, times: int | None = 1, code: str = "CallRateLimitExceededException"
    ) -> None:
        """Answer the next `times` calls with a throttling error (None: until `clear`)."""
        if code not in THROTTLING_CODES:
            raise ValidationError(
                "code", f"must be one of {', '.join(THROTTLING_CODES)}", value=code
            )
        self._schedule(operation, times, _throttle(code))

    def server_error(self, operation: str, times: int | None = 1, status: int = 500) -> None:
        """Answer with 500 ServiceException or 503 ServiceUnavailableException."""
        if status not in _SERVER_ERROR_CODES:
            raise ValidationError("status", "must be 500 or 503", value=status)
        self._schedule(operation, times, _server_error(status))

    def drop_connection(self, operation: str, times: int | None = 1) -> None:
        """Close the connection without an answer, before the operation runs."""
        self._schedule(operation, times, Fault("drop_connection", drop=True))

    def lose_response(self, operation: str, times: int | None = 1, how: str = "drop") -> None:
        """Carry the operation out, then lose its answer: a dropped connection or a 500."""
        if how not in ("drop", "500"):
            raise ValidationError("how", "must be 'drop' or '500'", value=how)
        self._schedule(operation, times, _lost(how))

    def random(
        self,
        rate: float = 0.2,
        seed: int = 0,
        kinds: Iterable[str] = FAULT_KINDS,
        operations: Iterable[str] | None = None,
    ) -> None:
        """Inject a fault into a `rate` share of calls, drawn from a seeded generator.

        Replaces any earlier random mode; ``rate=0`` turns it off.
        """
        if not 0.0 <= rate <= 1.0:
            raise ValidationError("rate", "must be between 0 and 1", value=rate)
        chosen = tuple(kinds)
        unknown = [k for k in chosen if k not in FAULT_KINDS]
        if unknown or not chosen:
            raise ValidationError("kinds", f"must be among {', '.join(FAULT_KINDS)}", value=chosen)
        names = None
        if operations is not None:
            names = frozenset(operations)
            for name in names:
                self._check_operation(name)
        with self._lock:
            self._random = (_random.Random(seed), rate, chosen, names) if rate else None

    def clear(self) -> None:
        """Forget every scheduled fault, the random mode and the counters."""
        with self._lock:
            self._scheduled.clear()
            self._random = None
            self._injected.clear()

    @property
    def injected(self) -> dict[str, int]:
        """How many faults of each kind were injected so far (a copy)."""
        with self._lock:
            return dict(self._injected)

    @property
    def pending(self) -> int:
        """How many scheduled faults are still waiting (an unlimited one counts once)."""
        with self._lock:
            return sum(1 if s.remaining is None else s.remaining for s in self._scheduled)

    def take(self, operation: str) -> Fault | None:
        """The fault for one call of `operation`, if any; used by the emulator."""
        with self._lock:
            fault = self._take_scheduled(operation) or self._draw(operation)
            if fault is not None:
                self._injected[fault.kind] += 1
            return fault

    def _take_scheduled(self, operation: str) -> Fault | None:
        for index, scheduled in enumerate(self._scheduled):
            if scheduled.operation in ("*", operation):
                if scheduled.remaining is not None:
                    scheduled.remaining -= 1
                    if scheduled.remaining == 0:
                        del self._scheduled[index]
                return scheduled.fault
        return None

    def _draw(self, operation: str) -> Fault | None:
        if self._random is None:
            return None
        rng, rate, kinds, names = self._random
        if names is not None and operation not in names:
            return None
        if rng.random() >= rate:
            return None
        kind = rng.choice(kinds)
        if kind == "throttle":
            return _throttle(rng.choice(THROTTLING_CODES))
        if kind == "server_error":
            return _server_error(rng.choice(sorted(_SERVER_ERROR_CODES)))
        if kind == "lose_response":
            return _lost(rng.choice(("drop", "500")))
        return Fault("drop_connection", drop=True)

    def _schedule(self, operation: str, times: int | None, fault: Fault) -> None:
        self._check_operation(operation)
        if times is not None and times < 1:
            raise ValidationError("times", "must be at least 1, or None for always", value=times)
        with self._lock:
            self._scheduled.append(_Scheduled(operation, fault, times))

    def _check_operation(self, operation: str) -> None:
        if operation != "*" and self.operations and operation not in self.operations:
            raise ValidationError(
                "operation",
                "must be an operation name such as 'CreateImage', or '*'",
                value=operation,
            )

    def __repr__(self) -> str:
        return f"FaultInjector(pending={self.pending}, injected={self.injected})"
