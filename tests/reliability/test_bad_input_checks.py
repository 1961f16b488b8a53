"""Checks that were missing: parent images, retry policies, waits and the emulator speed."""

from __future__ import annotations

import contextlib
import math
from typing import Any

import pytest

from imagebuilder_sdk import ApiError, ImageBuilder, RetryPolicy, ValidationError
from imagebuilder_sdk.idempotency import resolve_client_token
from imagebuilder_sdk.models import (
    ComponentConfiguration,
    ContainerRepositoryService,
    TargetContainerRepository,
)
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_cases import MODEL
from tests.reliability.bad_input_targets import COMPONENT
from tests.reliability.support import DOCKERFILE

IMAGE = "arn:aws:imagebuilder:us-east-1:123456789012:image/recipe-one/1.0.0/1"


def _refused(emulator: Emulator, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert emulator.requests == []
    return caught.value


def _image_recipe(ib: ImageBuilder, parent: str) -> Any:
    return ib.image_recipes.create(
        name="recipe-one",
        semantic_version="1.0.0",
        parent_image=parent,
        components=[ComponentConfiguration(component_arn=COMPONENT)],
    )


def _container_recipe(ib: ImageBuilder, parent: str) -> Any:
    return ib.container_recipes.create(
        name="box-one",
        semantic_version="1.0.0",
        container_type="DOCKER",
        parent_image=parent,
        components=[ComponentConfiguration(component_arn=COMPONENT)],
        target_repository=TargetContainerRepository(
            service=ContainerRepositoryService.ECR, repository_name="app"
        ),
        dockerfile_template_data=DOCKERFILE,
    )


@pytest.mark.parametrize(
    "parent",
    [
        COMPONENT,  # an ARN of another kind
        "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/recipe-one/1.0.0",
        "ami-12",  # too short to be an AMI id
        "ami-0123456789abcdefg",  # not hex
        "ssm:",
        "two words",
    ],
)
def test_an_image_recipe_parent_must_be_what_the_service_takes(
    emulator: Emulator, ib: ImageBuilder, parent: str
) -> None:
    """CreateImageRecipe's parentImage is an image ARN, an AMI id, 'ssm:' and a parameter,
    or a Marketplace product id (the API reference, CreateImageRecipe, parentImage:
    https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateImageRecipe.html);
    anything else is refused before sending."""
    assert _refused(emulator, _image_recipe, ib, parent).field == "parent_image"


@pytest.mark.parametrize(
    "parent",
    [
        "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x",
        "arn:aws:imagebuilder:us-east-1:123456789012:image/recipe-one/1.0.0/1",
        "ami-0123456789abcdef0",
        "ami-01234567",
        "ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        "prod-abcdefghij123",
    ],
)
def test_image_recipe_parents_the_service_takes_are_sent(
    emulator: Emulator, ib: ImageBuilder, parent: str
) -> None:
    """Each kind the API reference lists passes the SDK's checks and reaches the service."""
    with contextlib.suppress(ApiError):  # the emulator may not resolve it: that is fine
        _image_recipe(ib, parent)
    assert [r.operation for r in emulator.requests][:1] == ["CreateImageRecipe"]


@pytest.mark.parametrize(
    "parent",
    [COMPONENT, "ami-0123456789abcdef0", "amazon linux", ""],
)
def test_a_container_recipe_parent_must_be_an_image_arn_or_uri(
    emulator: Emulator, ib: ImageBuilder, parent: str
) -> None:
    """CreateContainerRecipe's parentImage is an image ARN or a container image URI
    (the API reference, CreateContainerRecipe, parentImage:
    https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateContainerRecipe.html);
    an AMI id or a component ARN is refused."""
    assert _refused(emulator, _container_recipe, ib, parent).field == "parent_image"


@pytest.mark.parametrize(
    "options",
    [
        {"base_delay": math.nan},
        {"max_delay": math.nan},
        {"deadline": math.nan},
        {"base_delay": math.inf},
        {"deadline": -math.inf},
        {"max_attempts": 2.5},
        {"max_attempts": True},
        {"base_delay": "1"},
        {"sleep": 5},
    ],
)
def test_retry_policy_refuses_non_finite_and_non_integral_values(options: dict[str, Any]) -> None:
    """RetryPolicy refuses NaN, infinity, a fractional or boolean max_attempts, text."""
    with pytest.raises(ValidationError) as caught:
        RetryPolicy(**options)
    assert caught.value.field == next(iter(options))


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timeout": math.nan}, "timeout"),
        ({"timeout": "10"}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"timeout": math.inf}, "timeout"),
        ({"poll_interval": math.nan}, "poll_interval"),
        ({"poll_interval": 0}, "poll_interval"),
        ({"on_progress": "print"}, "on_progress"),
    ],
)
def test_wait_options_are_refused_before_the_first_poll(
    emulator: Emulator, ib: ImageBuilder, options: dict[str, Any], field: str
) -> None:
    """wait(timeout=nan|'10'|True, poll_interval=nan) is refused; the clock is not touched."""
    before = emulator.clock.monotonic()
    assert _refused(emulator, ib.images.wait, IMAGE, **options).field == field
    assert emulator.clock.monotonic() == before


@pytest.mark.parametrize("speed", [math.nan, math.inf, 0, -1, "60", True])
def test_local_refuses_a_speed_that_is_not_a_finite_positive_number(speed: Any) -> None:
    """ImageBuilder.local(speed=nan) is refused."""
    with pytest.raises(ValidationError) as caught:
        ImageBuilder.local(speed=speed)
    assert caught.value.field == "speed"


def test_client_token_length_is_the_models() -> None:
    """client_token takes 1 to 64 characters, the model's ClientToken bounds (and the docs')."""
    bounds = MODEL.shape_for("ClientToken").metadata
    assert (bounds["min"], bounds["max"]) == (1, 64)
    assert resolve_client_token("t" * 64) == "t" * 64
    with pytest.raises(ValidationError):
        resolve_client_token("t" * 65)
    from pathlib import Path

    page = Path(__file__).parents[2] / "docs" / "concepts" / "retries-and-idempotency.md"
    assert "(1 to 64 characters" in page.read_text()
