"""The `Emulator` facade: construction, clock, build control, public names, bad backends."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError

import imagebuilder_sdk.testing as testing
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing import (
    Emulator,
    ScaledClock,
    VirtualClock,
    _emulator,
    _faults,
    _protocol,
    _server,
    _transport,
)
from tests.emulator.conftest import NO_RETRIES

PARENT_IMAGE = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
UPDATE_LINUX = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"


def start_build(client: Any) -> str:
    """Create a recipe and an infrastructure configuration, start a build; its ARN."""
    recipe = client.create_image_recipe(
        name="web",
        semanticVersion="1.0.0",
        parentImage=PARENT_IMAGE,
        components=[{"componentArn": UPDATE_LINUX}],
    )["imageRecipeArn"]
    infra = client.create_infrastructure_configuration(name="infra", instanceProfileName="builder")[
        "infrastructureConfigurationArn"
    ]
    answer = client.create_image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    arn: str = answer["imageBuildVersionArn"]
    return arn


def status(client: Any, arn: str) -> str:
    """The state of an image build."""
    state: str = client.get_image(imageBuildVersionArn=arn)["image"]["state"]["status"]
    return state


def test_public_names_are_sorted_and_exist() -> None:
    """imagebuilder_sdk.testing declares a sorted __all__ whose names all exist."""
    assert testing.__all__ == sorted(testing.__all__)
    assert all(hasattr(testing, name) for name in testing.__all__)
    assert {"Emulator", "FaultInjector", "RecordedRequest", "ServiceError"} <= set(testing.__all__)


@pytest.mark.parametrize("module", [_emulator, _faults, _protocol, _server, _transport])
def test_private_modules_declare_sorted_names(module: Any) -> None:
    """Each plumbing module has a docstring and a sorted __all__ of existing names."""
    assert module.__doc__
    assert module.__all__ == sorted(module.__all__)
    assert all(hasattr(module, name) for name in module.__all__)


def test_default_clock_is_virtual() -> None:
    """Without clock or speed the emulator runs on a VirtualClock."""
    assert isinstance(Emulator().clock, VirtualClock)


def test_speed_makes_a_scaled_clock() -> None:
    """speed=60 runs time sixty times faster than real time."""
    clock = Emulator(speed=60.0).clock
    assert isinstance(clock, ScaledClock)
    assert clock.speed == 60.0


def test_clock_and_speed_together_are_refused() -> None:
    """Passing both a clock and a speed is ambiguous and refused."""
    with pytest.raises(ValidationError):
        Emulator(clock=VirtualClock(), speed=2.0)


def test_given_clock_is_used_by_the_backend() -> None:
    """A clock passed in drives the backend too."""
    clock = VirtualClock(datetime(2030, 1, 1, tzinfo=timezone.utc))
    emulator = Emulator(clock=clock)
    assert emulator.clock is clock
    assert emulator.backend.clock is clock


def test_advance_moves_the_clock() -> None:
    """advance(seconds) moves the emulator's clock forward by that much."""
    emulator = Emulator()
    before = emulator.clock.now()
    emulator.advance(90)
    assert emulator.clock.now() - before == timedelta(seconds=90)


def test_advance_needs_a_clock_that_can_move() -> None:
    """A clock without advance() cannot be advanced through the emulator."""

    class FixedClock:
        def now(self) -> datetime:
            return datetime(2030, 1, 1, tzinfo=timezone.utc)

        def monotonic(self) -> float:
            return 0.0

    with pytest.raises(TypeError):
        Emulator(clock=FixedClock()).advance(1)


def test_account_and_region_shape_the_arns() -> None:
    """Resources are created in the emulator's account and region."""
    emulator = Emulator(account_id="111122223333", region="eu-west-1")
    client = emulator.client(config=NO_RETRIES)
    arn = client.create_infrastructure_configuration(name="infra", instanceProfileName="p")[
        "infrastructureConfigurationArn"
    ]
    assert arn.startswith("arn:aws:imagebuilder:eu-west-1:111122223333:")


def test_builds_finish_only_when_the_clock_moves(emulator: Emulator) -> None:
    """A build stays in progress until the clock is advanced past its stages."""
    client = emulator.client(config=NO_RETRIES)
    arn = start_build(client)
    assert status(client, arn) != "AVAILABLE"
    emulator.advance(6 * 3600)
    assert status(client, arn) == "AVAILABLE"


def test_fail_build_fails_the_next_build(emulator: Emulator) -> None:
    """fail_build() with no ARN makes the next build end FAILED with the reason given."""
    client = emulator.client(config=NO_RETRIES)
    emulator.fail_build(reason="disk full")
    arn = start_build(client)
    emulator.advance(6 * 3600)
    image = client.get_image(imageBuildVersionArn=arn)["image"]
    assert image["state"]["status"] == "FAILED"
    assert "disk full" in image["state"]["reason"]


def test_backend_crash_is_a_500_and_is_logged(
    emulator: Emulator, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected backend exception becomes a 500 ServiceException and a logged traceback."""

    def broken(operation: str, params: Any) -> dict[str, Any]:
        raise RuntimeError("bug")

    monkeypatch.setattr(emulator.backend, "dispatch", broken)
    client = emulator.client(config=NO_RETRIES)
    with (
        caplog.at_level(logging.ERROR, logger="imagebuilder_sdk.testing"),
        pytest.raises(ClientError) as caught,
    ):
        client.list_components()
    assert caught.value.response["Error"]["Code"] == "ServiceException"
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500
    assert "ListComponents" in caplog.text
    assert emulator.requests[-1].outcome == "ServiceException"


def test_repr_names_account_and_region() -> None:
    """The repr shows the account and region, nothing else."""
    assert repr(Emulator("111122223333", "eu-west-1")) == (
        "Emulator(account_id='111122223333', region='eu-west-1')"
    )
