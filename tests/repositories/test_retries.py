"""Retries against the emulator's faults: one token per logical call, no duplicates."""

from __future__ import annotations

import logging

import pytest

from imagebuilder_sdk import ImageBuilder, ThrottlingError
from imagebuilder_sdk.errors import (
    CallRateLimitExceededError,
    ConnectionFailedError,
    ResourceNotFoundError,
    ServiceUnavailableError,
)
from imagebuilder_sdk.models import ImageRecipe, InfrastructureConfiguration
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import DOCUMENT, make_facade, sent

MISSING = "arn:aws:imagebuilder:us-east-1:123456789012:component/ghost/1.0.0/1"


def _create(ib: ImageBuilder, version: str = "1.0.0", client_token: str | None = None) -> str:
    created = ib.components.create(
        name="hello",
        semantic_version=version,
        platform="Linux",
        data=DOCUMENT,
        client_token=client_token,
    )
    return str(created.arn)


def _tokens(emulator: Emulator, operation: str) -> list[str]:
    return [r.params["clientToken"] for r in sent(emulator, operation)]


@pytest.mark.parametrize(
    "code", ["CallRateLimitExceededException", "TooManyRequestsException", "ThrottlingException"]
)
def test_throttling_is_retried_with_backoff(
    ib: ImageBuilder, emulator: Emulator, sleeps: list[float], code: str
) -> None:
    """Each throttling code is retried after 0.5 s, then 1 s."""
    emulator.faults.throttle("ListComponents", times=2, code=code)
    assert list(ib.components.list()) == []
    assert [r.outcome for r in sent(emulator)] == [code, code, "ok"]
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried(
    ib: ImageBuilder, emulator: Emulator, sleeps: list[float], status: int
) -> None:
    """500 ServiceException and 503 ServiceUnavailableException are retried."""
    emulator.faults.server_error("ListComponents", status=status)
    assert list(ib.components.list()) == []
    assert [r.status for r in sent(emulator)] == [status, 200]
    assert sleeps == [0.5]


def test_dropped_connection_is_retried(
    ib: ImageBuilder, emulator: Emulator, sleeps: list[float]
) -> None:
    """A connection dropped before an answer is retried."""
    emulator.faults.drop_connection("ListComponents")
    assert list(ib.components.list()) == []
    assert [r.outcome for r in sent(emulator)] == ["drop_connection", "ok"]


def test_not_found_is_not_retried(
    ib: ImageBuilder, emulator: Emulator, sleeps: list[float]
) -> None:
    """A lasting error is raised after one request."""
    with pytest.raises(ResourceNotFoundError):
        ib.components.get(MISSING)
    assert len(sent(emulator)) == 1
    assert sleeps == []


def test_same_token_on_every_attempt(ib: ImageBuilder, emulator: Emulator) -> None:
    """All attempts of one create carry the same clientToken."""
    emulator.faults.throttle("CreateComponent", times=2)
    _create(ib)
    tokens = _tokens(emulator, "CreateComponent")
    assert len(tokens) == 3
    assert len(set(tokens)) == 1


def test_new_token_per_logical_call(ib: ImageBuilder, emulator: Emulator) -> None:
    """Two creates send two different tokens."""
    _create(ib, "1.0.0")
    _create(ib, "1.0.1")
    first, second = _tokens(emulator, "CreateComponent")
    assert first != second


def test_given_token_is_sent_as_given(ib: ImageBuilder, emulator: Emulator) -> None:
    """client_token= reaches the service unchanged, on every attempt."""
    emulator.faults.server_error("CreateComponent")
    _create(ib, client_token="release-2026-11-27")
    assert _tokens(emulator, "CreateComponent") == ["release-2026-11-27"] * 2


def test_a_64_character_token_is_accepted(ib: ImageBuilder, emulator: Emulator) -> None:
    """A token at the model's 64-character limit is sent."""
    _create(ib, client_token="t" * 64)
    assert _tokens(emulator, "CreateComponent") == ["t" * 64]


@pytest.mark.parametrize("how", ["drop", "500"])
def test_lost_create_response_makes_one_component(
    ib: ImageBuilder, emulator: Emulator, how: str
) -> None:
    """A create whose answer is lost is retried: the first result, one component."""
    emulator.faults.lose_response("CreateComponent", how=how)
    arn = _create(ib)
    assert arn.endswith("component/hello/1.0.0/1")
    assert [r.outcome for r in sent(emulator, "CreateComponent")][-1] == "ok"
    assert len(sent(emulator, "CreateComponent")) == 2
    assert [c.arn for c in ib.components.list()] == [arn.rsplit("/", 1)[0]]
    assert len(list(ib.components.build_versions(arn.rsplit("/", 1)[0]))) == 1


def test_lost_build_response_starts_one_build(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """A CreateImage whose answer is lost starts exactly one build."""
    emulator.faults.lose_response("CreateImage")
    build = ib.images.create(
        image_recipe_arn=str(recipe.arn), infrastructure_configuration_arn=str(infrastructure.arn)
    )
    assert build.arn.endswith("/1.0.0/1")
    assert len(list(ib.images.build_versions(build.arn.rsplit("/", 1)[0]))) == 1


def test_retries_run_out(emulator: Emulator) -> None:
    """A lasting throttle raises after max_attempts, with the last request's id."""
    sleeps: list[float] = []
    ib = make_facade(emulator, sleeps, max_attempts=3)
    emulator.faults.throttle("GetComponent", times=None)
    with pytest.raises(CallRateLimitExceededError) as caught:
        ib.components.get(MISSING)
    error = caught.value
    assert isinstance(error, ThrottlingError)
    assert error.attempts == 3
    assert len(sent(emulator)) == 3
    assert error.request_id == sent(emulator)[-1].request_id
    assert "after 3 attempts" in str(error)
    assert sleeps == [0.5, 1.0]


def test_dropped_connections_run_out(emulator: Emulator) -> None:
    """Connections that keep dropping end in ConnectionFailedError with the attempts."""
    ib = make_facade(emulator, [], max_attempts=2)
    emulator.faults.drop_connection("GetComponent", times=None)
    with pytest.raises(ConnectionFailedError) as caught:
        ib.components.get(MISSING)
    assert caught.value.attempts == 2
    assert caught.value.operation == "GetComponent"


def test_deadline_on_the_virtual_clock(emulator: Emulator) -> None:
    """A deadline of 2 s allows the 0.5 s and 1 s delays, not the 2 s one."""
    sleeps: list[float] = []
    ib = make_facade(emulator, sleeps, deadline=2.0)
    emulator.faults.server_error("ListComponents", times=None, status=503)
    with pytest.raises(ServiceUnavailableError) as caught:
        list(ib.components.list())
    assert sleeps == [0.5, 1.0]
    assert caught.value.attempts == 3


def test_retries_are_logged(
    ib: ImageBuilder, emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Each retry of a real call logs its operation and error code."""
    caplog.set_level(logging.INFO, logger="imagebuilder_sdk")
    emulator.faults.throttle("ListComponents", code="TooManyRequestsException")
    list(ib.components.list())
    retries = [r for r in caplog.records if getattr(r, "attempt", None) is not None]
    assert [(r.operation, r.error_code, r.attempt) for r in retries] == [  # type: ignore[attr-defined]
        ("ListComponents", "TooManyRequestsException", 1)
    ]


def test_random_faults_leave_exactly_the_wanted_state(emulator: Emulator) -> None:
    """Under seeded random faults, twelve creates make exactly twelve components."""
    ib = make_facade(emulator, [], max_attempts=10)
    emulator.faults.random(rate=0.3, seed=11, operations=["CreateComponent", "GetComponent"])
    arns = [_create(ib, f"1.0.{n}") for n in range(12)]
    injected = sum(emulator.faults.injected.values())
    emulator.faults.clear()
    assert injected > 0
    assert len(set(arns)) == 12
    assert len(list(ib.components.list())) == 12
