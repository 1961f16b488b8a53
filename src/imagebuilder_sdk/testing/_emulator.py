"""The `Emulator` facade: one emulated Image Builder account, reachable two ways.

::

    emulator = Emulator()
    client = emulator.client()                 # a boto3 client answered in process
    with emulator.serve() as url:              # or any client, over HTTP on loopback
        boto3.client("imagebuilder", endpoint_url=url, ...)

Each request goes protocol -> fault injector -> backend -> protocol, and is recorded in
`Emulator.requests`.
"""

from __future__ import annotations

import functools
import logging
import threading
import uuid
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing import _transport
from imagebuilder_sdk.testing._backend import Backend, ServiceError
from imagebuilder_sdk.testing._clock import Clock, ScaledClock, VirtualClock
from imagebuilder_sdk.testing._faults import ConnectionDropped, Fault, FaultInjector
from imagebuilder_sdk.testing._protocol import (
    HttpRequest,
    HttpResponse,
    ProtocolError,
    RestJsonProtocol,
    shared_botocore_session,
)

__all__ = ["Emulator", "RecordedRequest"]

logger = logging.getLogger("imagebuilder_sdk.testing")


#: Guards the shared botocore session, which is not thread-safe (its clients are).
_session_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _shared_rest_json() -> RestJsonProtocol:
    """One protocol (routes built from the model once) shared by every emulator."""
    return RestJsonProtocol()


@dataclass(frozen=True)
class RecordedRequest:
    """One request that reached the emulator, and what became of it."""

    #: The operation name ("CreateComponent"); empty when no operation matched.
    operation: str
    #: The input members (wire form) the operation received.
    params: Mapping[str, Any] = field(repr=False)
    #: "ok", the error code answered, or the fault kind when the connection was dropped.
    outcome: str
    #: The HTTP status answered; None when the connection was dropped.
    status: int | None
    #: The request id answered (also in the ``x-amzn-requestid`` header).
    request_id: str
    #: The kind of injected fault, if one was.
    fault: str | None = None


class Emulator:
    """An in-memory Image Builder service for tests, demos and local development."""

    def __init__(
        self,
        account_id: str = "123456789012",
        region: str = "us-east-1",
        *,
        clock: Clock | None = None,
        speed: float | None = None,
    ) -> None:
        if clock is not None and speed is not None:
            raise ValidationError("speed", "give either a clock or a speed, not both", value=speed)
        if clock is None:
            clock = VirtualClock() if speed is None else ScaledClock(speed)
        self.account_id = account_id
        self.region = region
        self.clock: Clock = clock
        self.backend = Backend(account_id=account_id, region=region, clock=clock)
        self._protocol = _shared_rest_json()
        #: Faults to inject into the coming requests.
        self.faults = FaultInjector(self._protocol.operation_names)
        self._key = uuid.uuid4().hex
        self._requests: list[RecordedRequest] = []
        self._requests_lock = threading.Lock()

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward (builds progress with it)."""
        advance = getattr(self.clock, "advance", None)
        if advance is None:
            raise TypeError(f"{type(self.clock).__name__} cannot be advanced")
        advance(seconds)

    def fail_build(
        self,
        image_build_version_arn: str | None = None,
        *,
        stage: str = "BUILDING",
        reason: str = "Emulated failure",
    ) -> None:
        """Make a build fail at `stage`: the given one, or the next one to start."""
        self.backend.fail_build(image_build_version_arn, stage=stage, reason=reason)

    def fail_step(
        self,
        step_name: str,
        image_build_version_arn: str | None = None,
        *,
        reason: str = "Emulated step failure",
    ) -> None:
        """Make a workflow step fail: in the given running build, or the next one to run it."""
        self.backend.fail_step(step_name, image_build_version_arn, reason=reason)

    def run_lifecycle_policy(self, lifecycle_policy_arn: str) -> str:
        """Start a lifecycle policy's execution now; returns the execution id."""
        return self.backend.run_lifecycle_policy(lifecycle_policy_arn)

    def attach(self, client: Any) -> Any:
        """Answer every request of a boto3 imagebuilder `client` here; returns the client.

        The client must be for the emulator's region (its answers carry that region's
        ARNs); `ValidationError` says so otherwise. A client without credentials works:
        its requests go unsigned while attached (the emulator checks no signature).
        """
        region = getattr(getattr(client, "meta", None), "region_name", None)
        if region is not None and region != self.region:
            raise ValidationError(
                "client",
                f"is for region {region!r} but the emulator answers for {self.region!r}; "
                f"use Emulator(region={region!r}) or a client for {self.region!r}",
                value=region,
            )
        return _transport.attach(client, self.handle, self._key)

    def detach(self, client: Any) -> None:
        """Give `client` back to its real endpoint."""
        _transport.detach(client, self._key)

    def client(self, **kwargs: Any) -> Any:
        """A new boto3 imagebuilder client with dummy credentials, already attached.

        Keyword arguments are those of ``boto3.client`` (``config=...`` for instance).
        """
        options: dict[str, Any] = {
            "region_name": self.region,
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
            **kwargs,
        }
        with _session_lock:
            # The botocore session the protocol read the model from: the model is parsed
            # once. The client is the one ``boto3.client`` would make (boto3's session
            # only adds handlers for other services), without importing boto3 and
            # s3transfer; only its user agent names botocore rather than boto3.
            client = shared_botocore_session().create_client("imagebuilder", **options)
        return self.attach(client)

    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, max_connections: int = 64
    ) -> AbstractContextManager[str]:
        """Serve HTTP on `host`:`port` (0: any free port) in a ``with`` block; yields the URL.

        At most `max_connections` connections are served at once; one past that is
        answered ``503 ServiceUnavailableException`` and closed.
        """
        from imagebuilder_sdk.testing import _server  # http.server, loaded when first served

        return _server.serve(self.handle, host, port, max_connections=max_connections)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request that reached the emulator so far, oldest first (a copy)."""
        with self._requests_lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._requests_lock:
            self._requests.clear()

    def handle(self, request: HttpRequest) -> HttpResponse:
        """Answer one HTTP request; raises `ConnectionDropped` when it gets no answer."""
        request_id = str(uuid.uuid4())
        try:
            operation, params = self._protocol.parse(request)
        except ProtocolError as exc:
            self._record(exc.operation, {}, exc.code, exc.status, request_id)
            return self._protocol.error(
                exc.code, exc.message, request_id, status=exc.status, headers=exc.headers
            )
        # The backend works on its own deep copy, so these parsed members (made for this
        # request alone) are recorded as they are, without a second copy.
        recorded = params
        fault = self.faults.take(operation)
        if fault is not None and not fault.after_backend:
            return self._inject(fault, operation, recorded, request_id)
        try:
            result = self.backend.dispatch(operation, params)
        except ServiceError as exc:
            response = self._protocol.error(exc.code, exc.message, request_id, status=exc.status)
            outcome = exc.code
        except Exception:
            logger.exception("the emulator's backend failed on %s", operation)
            response = self._protocol.error(
                "ServiceException", "Internal emulator error", request_id
            )
            outcome = "ServiceException"
        else:
            request_id = str(result.get("requestId") or request_id)
            response = self._protocol.response(operation, result, request_id)
            outcome = "ok"
        if fault is not None:
            return self._inject(fault, operation, recorded, request_id)
        self._record(operation, recorded, outcome, response.status, request_id)
        return response

    def _inject(
        self, fault: Fault, operation: str, params: Mapping[str, Any], request_id: str
    ) -> HttpResponse:
        if fault.drop:
            self._record(operation, params, fault.kind, None, request_id, fault.kind)
            raise ConnectionDropped(operation, after_backend=fault.after_backend)
        response = self._protocol.error(fault.code, fault.message, request_id)
        self._record(operation, params, fault.code, response.status, request_id, fault.kind)
        return response

    def _record(
        self,
        operation: str,
        params: Mapping[str, Any],
        outcome: str,
        status: int | None,
        request_id: str,
        fault: str | None = None,
    ) -> None:
        entry = RecordedRequest(operation, params, outcome, status, request_id, fault)
        with self._requests_lock:
            self._requests.append(entry)

    def __repr__(self) -> str:
        return f"Emulator(account_id={self.account_id!r}, region={self.region!r})"
