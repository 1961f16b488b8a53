"""Nothing raw escapes: setup problems and bad arguments raise the SDK's typed errors.

Credentials, profile, region and endpoint problems are `ConfigurationError`s with a
one-line hint; wrong argument types are `ValidationError`s raised before anything is
sent. No test here reaches the network: the AWS settings are isolated in a temporary
directory and every socket connection attempt is recorded (and refused).
"""

from __future__ import annotations

import datetime
import math
import os
import socket
from pathlib import Path
from typing import Any

import pytest
from botocore.config import Config

from examples.golden_image import main as demo_main
from imagebuilder_sdk import ImageBuilder, ImageBuilderError, ValidationError
from imagebuilder_sdk.errors import (
    ConfigurationError,
    CredentialsError,
    EndpointError,
    ProfileNotFoundError,
    RegionError,
)
from imagebuilder_sdk.models import Placement, TenancyType
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_targets import COMPONENT

IMAGE = "arn:aws:imagebuilder:us-east-1:123456789012:image/recipe-one/1.0.0/1"


@pytest.fixture
def no_aws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[object]:
    """No AWS settings at all (no credentials, profile or region); sockets refused.

    Returns the addresses anything tried to connect to (it must stay empty).
    """
    for name in list(os.environ):
        if name.startswith(("AWS_", "BOTO_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def _one_line_hint(error: ConfigurationError) -> None:
    assert error.hint
    assert "\n" not in str(error)
    assert str(error).endswith(error.hint)


def test_a_call_without_credentials_raises_credentials_error(no_aws: list[object]) -> None:
    """No credentials anywhere: the first call raises CredentialsError, nothing is sent."""
    ib = ImageBuilder.connect(region_name="us-east-1", endpoint_url="http://127.0.0.1:9")
    with pytest.raises(CredentialsError) as caught:
        ib.components.get(COMPONENT)
    _one_line_hint(caught.value)
    assert "aws configure" in caught.value.hint
    assert no_aws == []


def test_a_missing_profile_raises_profile_not_found(no_aws: list[object]) -> None:
    """connect(profile_name=<unknown>) raises ProfileNotFoundError naming the profile."""
    with pytest.raises(ProfileNotFoundError, match="'nope'") as caught:
        ImageBuilder.connect(profile_name="nope", region_name="us-east-1")
    _one_line_hint(caught.value)
    assert isinstance(caught.value, LookupError)


def test_no_region_raises_region_error(no_aws: list[object]) -> None:
    """connect() with no region given or configured raises RegionError with the fix."""
    with pytest.raises(RegionError) as caught:
        ImageBuilder.connect()
    _one_line_hint(caught.value)
    assert "region_name=" in caught.value.hint


def test_a_malformed_region_raises_region_error(no_aws: list[object]) -> None:
    """connect(region_name='not a region!') raises RegionError quoting it."""
    with pytest.raises(RegionError, match="not a region!"):
        ImageBuilder.connect(region_name="not a region!")


def test_a_malformed_endpoint_raises_endpoint_error(no_aws: list[object]) -> None:
    """connect(endpoint_url='x y') raises EndpointError with the expected form."""
    with pytest.raises(EndpointError) as caught:
        ImageBuilder.connect(region_name="us-east-1", endpoint_url="x y")
    _one_line_hint(caught.value)


@pytest.mark.parametrize("config", ["x", 5, {"retries": 3}])
def test_connect_refuses_a_config_that_is_not_one(no_aws: list[object], config: Any) -> None:
    """connect(config=<not a botocore Config>) raises ValidationError naming config."""
    with pytest.raises(ValidationError) as caught:
        ImageBuilder.connect(region_name="us-east-1", config=config)
    assert caught.value.field == "config"


def test_connect_still_takes_a_config(no_aws: list[object]) -> None:
    """A real botocore Config is still accepted (and merged)."""
    ib = ImageBuilder.connect(region_name="us-east-1", config=Config(connect_timeout=3))
    assert ib.client.meta.config.connect_timeout == 3


@pytest.mark.parametrize("retry", [5, "fast", {"max_attempts": 2}])
def test_the_constructor_refuses_a_retry_that_is_not_a_policy(
    emulator: Emulator, retry: Any
) -> None:
    """ImageBuilder(client, retry=<not a RetryPolicy>) fails at construction, not at a call."""
    with pytest.raises(ValidationError) as caught:
        ImageBuilder(emulator.client(), retry=retry)
    assert caught.value.field == "retry"


def test_the_demo_without_credentials_prints_one_line(
    no_aws: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    """`make demo DEMO_ARGS=--aws` without credentials: one line on stderr, exit code != 0."""
    code = demo_main(["--aws", "--region", "us-east-1"])
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "credentials" in err
    assert no_aws == []


def _refused(emulator: Emulator, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert emulator.requests == []
    return caught.value


@pytest.mark.parametrize(
    "tags", [[("team", "qa")], "team=qa", Placement(tenancy=TenancyType.DEFAULT), 5]
)
def test_tag_refuses_tags_that_are_not_a_mapping(
    emulator: Emulator, ib: ImageBuilder, tags: Any
) -> None:
    """ib.tag(arn, <not a mapping>) raises ValidationError naming tags; a model is no tags."""
    assert _refused(emulator, ib.tag, COMPONENT, tags).field == "tags"


@pytest.mark.parametrize("keys", [5, 2.5, None])
def test_untag_refuses_keys_that_are_not_keys(
    emulator: Emulator, ib: ImageBuilder, keys: Any
) -> None:
    """ib.untag(arn, 5) raises ValidationError naming keys."""
    assert _refused(emulator, ib.untag, COMPONENT, keys).field == "keys"


@pytest.mark.parametrize(
    "inside", [{1, 2}, datetime.datetime(2026, 1, 1), math.nan, math.inf, b"bytes"]
)
def test_put_policy_refuses_values_json_cannot_hold(
    emulator: Emulator, ib: ImageBuilder, inside: Any
) -> None:
    """A policy dict holding a set, a datetime, NaN or bytes is refused, not sent mangled."""
    error = _refused(emulator, ib.components.put_policy, COMPONENT, {"Statement": inside})
    assert error.field == "policy"


def test_put_policy_refuses_nan_in_json_text(emulator: Emulator, ib: ImageBuilder) -> None:
    """Policy text with a NaN constant (not JSON) is refused."""
    error = _refused(emulator, ib.components.put_policy, COMPONENT, '{"Version": NaN}')
    assert error.field == "policy"


def _deep(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("levels", [600, 5000])
def test_deeply_nested_arguments_are_refused(
    emulator: Emulator, ib: ImageBuilder, levels: int
) -> None:
    """An argument nested thousands deep raises ValidationError, never RecursionError."""
    assert _refused(emulator, ib.tag, COMPONENT, {"team": _deep(levels)}).field == "tags['team']"
    error = _refused(emulator, ib.infrastructure_configurations.list, name=_deep(levels))
    assert error.field == "name[0]"  # a list of names whose first is not text


def test_a_policy_too_deep_to_encode_is_refused(emulator: Emulator, ib: ImageBuilder) -> None:
    """A policy dict nested beyond what JSON encoding can follow is refused, not raised raw."""
    nested: dict[str, object] = {}
    for _ in range(5000):
        nested = {"x": nested}
    assert _refused(emulator, ib.components.put_policy, COMPONENT, nested).field == "policy"


def test_wait_refuses_a_progress_callback_that_is_not_callable(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """wait(on_progress=5) is refused before the first poll (nothing is sent)."""
    assert _refused(emulator, ib.images.wait, IMAGE, on_progress=5).field == "on_progress"


def test_every_setup_error_is_an_image_builder_error() -> None:
    """The configuration errors sit under ImageBuilderError, so one except catches all."""
    for cls in (CredentialsError, ProfileNotFoundError, RegionError, EndpointError):
        assert issubclass(cls, ConfigurationError)
        assert issubclass(cls, ImageBuilderError)
