"""`mock_imagebuilder`: every imagebuilder client made inside it talks to an emulator.

Code under test often builds its own ``boto3.client("imagebuilder")``; this serves such
clients without handing them to an `Emulator` by hand, the way moto's ``mock_aws`` does
for the services moto knows::

    from imagebuilder_sdk.testing import mock_imagebuilder

    @mock_imagebuilder()
    def test_lists_nothing_at_first():
        client = boto3.client("imagebuilder", region_name="eu-west-1")
        assert client.list_components()["componentVersionList"] == []

    with mock_imagebuilder() as mock:
        make_a_component()                       # code that makes its own client
        assert mock.emulator("us-east-1").requests

It works through botocore's events. A handler on ``creating-client-class.imagebuilder``
(one of botocore's built-in handlers from the moment this module is imported, and added
to boto3's default session when a mock starts) gives each imagebuilder client made while
a mock is active a small base class, whose ``__init__`` attaches the client to the
mock's emulator for the client's region (one emulator, with its own state, per region)
and turns request signing off for it, so no credentials are needed. While a mock is
active the process also sees dummy AWS keys (and ``us-east-1`` when no region is set),
so that making a client never looks for real credentials. When the mock ends, its
clients are detached and the environment is put back.

A client made from a botocore session that existed before this module was imported,
other than boto3's default session, is not seen; the pytest plugin imports it when
pytest starts, so in tests that does not arise.
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
import weakref
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar, cast

import botocore
import botocore.handlers

from imagebuilder_sdk.testing._clock import Clock
from imagebuilder_sdk.testing._emulator import Emulator

__all__ = ["MockImageBuilder", "mock_imagebuilder"]

F = TypeVar("F", bound=Callable[..., Any])

_CLASS_EVENT = "creating-client-class.imagebuilder"
_SIGNER_EVENT = "choose-signer.imagebuilder"
_UNIQUE_ID = "imagebuilder_sdk.testing.mock"

#: What the process sees while a mock is active (the region only when none is set).
_FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}
DEFAULT_REGION = "us-east-1"

_lock = threading.RLock()
_active: list[MockImageBuilder] = []


def _unsigned(**_: Any) -> Any:
    """``choose-signer`` handler: a served client's requests are not signed."""
    return botocore.UNSIGNED


class _Served:
    """Base class given to imagebuilder clients made while a mock is active."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with _lock:
            mock = _active[-1] if _active else None
        if mock is not None:
            mock._serve(self)


def _add_base(base_classes: list[type], **_: Any) -> None:
    """``creating-client-class`` handler: mark clients made inside a mock."""
    with _lock:
        active = bool(_active)
    if active and _Served not in base_classes:
        base_classes.insert(0, _Served)


# New botocore sessions register the built-in handlers when they are made.
if (_CLASS_EVENT, _add_base) not in botocore.handlers.BUILTIN_HANDLERS:
    botocore.handlers.BUILTIN_HANDLERS.append((_CLASS_EVENT, _add_base))


def _hook_default_session() -> None:
    """Add the handler to boto3's default session, which may predate this module."""
    try:
        import boto3
    except ImportError:  # pragma: no cover - boto3 is a dependency
        return
    session = boto3.DEFAULT_SESSION
    if session is not None:
        session.events.register(_CLASS_EVENT, _add_base, unique_id=_UNIQUE_ID)


class MockImageBuilder:
    """An active-while-entered emulated Image Builder, one emulator per region.

    Use it as a context manager (``with mock_imagebuilder() as mock:``) or as a
    decorator (``@mock_imagebuilder()``); a decorated function gets fresh emulators on
    each call. Mocks nest: the innermost one serves the clients made inside it.
    """

    def __init__(self, *, account_id: str = "123456789012", clock: Clock | None = None) -> None:
        self.account_id = account_id
        self._clock = clock
        self._emulators: dict[str, Emulator] = {}
        self._clients: weakref.WeakSet[Any] = weakref.WeakSet()
        self._saved_environment: dict[str, str | None] = {}
        self._entered = False

    def emulator(self, region: str = DEFAULT_REGION) -> Emulator:
        """The emulator that answers the clients of `region` (made on first use)."""
        with _lock:
            found = self._emulators.get(region)
            if found is None:
                found = self._emulators[region] = Emulator(
                    self.account_id, region, clock=self._clock
                )
            return found

    @property
    def emulators(self) -> dict[str, Emulator]:
        """The emulators made so far, by region (a copy)."""
        with _lock:
            return dict(self._emulators)

    def start(self) -> MockImageBuilder:
        """Begin serving new imagebuilder clients; `stop` ends it."""
        with _lock:
            if self._entered:
                raise RuntimeError("this mock_imagebuilder() is already active")
            self._entered = True
            self._saved_environment = {}
            wanted = dict(_FAKE_ENVIRONMENT)
            if not (os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION")):
                wanted["AWS_DEFAULT_REGION"] = DEFAULT_REGION
            for name, value in wanted.items():
                self._saved_environment[name] = os.environ.get(name)
                os.environ[name] = value
            _active.append(self)
        _hook_default_session()
        return self

    def stop(self) -> None:
        """Stop serving: detach this mock's clients and put the environment back."""
        with _lock:
            if not self._entered:
                return
            self._entered = False
            _active.remove(self)
            for name, value in self._saved_environment.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            clients = list(self._clients)
            self._clients = weakref.WeakSet()
        for client in clients:
            for emulator in self.emulators.values():
                emulator.detach(client)
            client.meta.events.unregister(_SIGNER_EVENT, unique_id=_UNIQUE_ID)

    def _serve(self, client: Any) -> None:
        region = client.meta.region_name or DEFAULT_REGION
        self.emulator(region).attach(client)
        client.meta.events.register_first(_SIGNER_EVENT, _unsigned, unique_id=_UNIQUE_ID)
        with _lock:
            self._clients.add(client)

    def __enter__(self) -> MockImageBuilder:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __call__(self, func: F) -> F:
        """Decorate `func`: each call runs inside a fresh mock with these settings."""
        if inspect.iscoroutinefunction(func):
            raise TypeError("mock_imagebuilder() decorates plain functions, not coroutines")

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with MockImageBuilder(account_id=self.account_id, clock=self._clock):
                return func(*args, **kwargs)

        return cast(F, wrapper)

    def __repr__(self) -> str:
        state = "active" if self._entered else "inactive"
        return f"MockImageBuilder({state}, regions={sorted(self._emulators)})"


def mock_imagebuilder(
    *, account_id: str = "123456789012", clock: Clock | None = None
) -> MockImageBuilder:
    """Serve every imagebuilder client made inside it from in-memory emulators.

    A context manager and a decorator, like moto's ``mock_aws``. Each region gets its
    own `Emulator` (``mock.emulator("eu-west-1")``), all with `account_id` and, when
    given, one shared `clock`; by default each emulator has its own `VirtualClock`.
    """
    return MockImageBuilder(account_id=account_id, clock=clock)
