"""`ib.images` and `ImageBuild` handles against the emulator, builds on its virtual clock."""

from __future__ import annotations

import pytest

from imagebuilder_sdk import (
    ImageBuild,
    ImageBuildCancelledError,
    ImageBuilder,
    ImageBuildFailedError,
    ValidationError,
)
from imagebuilder_sdk.errors import (
    InvalidRequestError,
    ResourceDependencyError,
    ResourceNotFoundError,
)
from imagebuilder_sdk.models import (
    ContainerRecipe,
    Image,
    ImagePackage,
    ImageRecipe,
    ImageStatus,
    ImageSummary,
    ImageVersion,
    InfrastructureConfiguration,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent

BUILD_ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0/1"


@pytest.fixture
def build(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> ImageBuild:
    """A build of `recipe` that has just started."""
    return ib.images.create(
        image_recipe_arn=str(recipe.arn), infrastructure_configuration_arn=str(infrastructure.arn)
    )


def _status(image: Image) -> ImageStatus | None:
    return image.state.status if image.state else None


def test_create_returns_a_handle_on_the_build(build: ImageBuild) -> None:
    """images.create() returns an ImageBuild naming build 1 of the recipe's version."""
    assert build.arn == BUILD_ARN


def test_refresh_shows_a_running_build(build: ImageBuild) -> None:
    """A new build is PENDING."""
    assert _status(build.refresh()) is ImageStatus.PENDING


def test_wait_returns_the_available_image(build: ImageBuild) -> None:
    """wait() follows the build on the virtual clock to AVAILABLE, reporting each stage."""
    seen: list[ImageStatus | None] = []
    image = build.wait(poll_interval=30.0, on_progress=lambda i: seen.append(_status(i)))
    assert _status(image) is ImageStatus.AVAILABLE
    assert seen[0] is ImageStatus.PENDING
    assert seen[-1] is ImageStatus.AVAILABLE


def test_a_failed_build_raises(emulator: Emulator, build: ImageBuild) -> None:
    """A build that fails ends the wait with ImageBuildFailedError and its reason."""
    emulator.fail_build(build.arn, reason="disk full")
    with pytest.raises(ImageBuildFailedError) as caught:
        build.wait()
    assert caught.value.arn == build.arn
    assert caught.value.reason is not None
    assert "disk full" in caught.value.reason


def test_cancel_stops_the_build(ib: ImageBuilder, build: ImageBuild) -> None:
    """images.cancel() ends the build CANCELLED; waiting on it raises."""
    ib.images.cancel(build.arn)
    assert _status(ib.images.get(build.arn)) is ImageStatus.CANCELLED
    with pytest.raises(ImageBuildCancelledError):
        build.wait()


def test_handle_cancel(build: ImageBuild) -> None:
    """ImageBuild.cancel() cancels through the repository."""
    build.cancel()
    assert _status(build.refresh()) is ImageStatus.CANCELLED


def test_cancel_sends_one_token(ib: ImageBuilder, emulator: Emulator, build: ImageBuild) -> None:
    """CancelImageCreation carries the caller's client_token as given."""
    ib.images.cancel(build.arn, client_token="stop-it-1")
    (request,) = sent(emulator, "CancelImageCreation")
    assert request.params["clientToken"] == "stop-it-1"


def test_build_handle_from_an_arn_sends_nothing(ib: ImageBuilder, emulator: Emulator) -> None:
    """images.build(arn) makes a handle without calling the service."""
    assert ib.images.build(BUILD_ARN) == ImageBuild(BUILD_ARN, ib.images)
    assert emulator.requests == []


def test_packages_of_an_available_image(ib: ImageBuilder, build: ImageBuild) -> None:
    """images.packages() lists ImagePackage items once the image is available."""
    build.wait()
    packages = list(ib.images.packages(build.arn, page_size=5))
    assert packages
    assert {type(p) for p in packages} == {ImagePackage}


def test_packages_of_a_running_build_is_an_invalid_request(
    ib: ImageBuilder, build: ImageBuild
) -> None:
    """Listing packages of a running build raises InvalidRequestError."""
    with pytest.raises(InvalidRequestError):
        list(ib.images.packages(build.arn))


def test_list_build_versions_and_latest(
    ib: ImageBuilder,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
    build: ImageBuild,
) -> None:
    """A second build shows in build_versions(); list() and latest() give the version."""
    ib.images.create(
        image_recipe_arn=str(recipe.arn), infrastructure_configuration_arn=str(infrastructure.arn)
    )
    version_arn = build.arn.rsplit("/", 1)[0]
    builds = list(ib.images.build_versions(version_arn))
    assert {type(b) for b in builds} == {ImageSummary}
    assert sorted(str(b.arn) for b in builds) == [BUILD_ARN, version_arn + "/2"]
    versions = list(ib.images.list())
    assert [(type(v), v.arn) for v in versions] == [(ImageVersion, version_arn)]
    best = ib.images.latest("web-server")
    assert best is not None
    assert best.arn == version_arn


def test_delete_a_running_build_is_refused(ib: ImageBuilder, build: ImageBuild) -> None:
    """A running build cannot be deleted: ResourceDependencyError."""
    with pytest.raises(ResourceDependencyError):
        ib.images.delete(build.arn)


def test_delete_a_finished_build(ib: ImageBuilder, build: ImageBuild) -> None:
    """A finished build can be deleted; get() then raises ResourceNotFoundError."""
    build.wait()
    ib.images.delete(build.arn)
    with pytest.raises(ResourceNotFoundError):
        ib.images.get(build.arn)


def test_container_build(
    ib: ImageBuilder, container_recipe: ContainerRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """A container recipe builds too."""
    handle = ib.images.create(
        container_recipe_arn=str(container_recipe.arn),
        infrastructure_configuration_arn=str(infrastructure.arn),
    )
    assert _status(handle.wait()) is ImageStatus.AVAILABLE


def test_create_needs_exactly_one_recipe(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    container_recipe: ContainerRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """No recipe, or both kinds, raise ValidationError before sending."""
    emulator.clear_requests()
    with pytest.raises(ValidationError) as caught:
        ib.images.create(infrastructure_configuration_arn=str(infrastructure.arn))
    assert caught.value.field == "image_recipe_arn"
    with pytest.raises(ValidationError):
        ib.images.create(
            infrastructure_configuration_arn=str(infrastructure.arn),
            image_recipe_arn=str(recipe.arn),
            container_recipe_arn=str(container_recipe.arn),
        )
    assert emulator.requests == []
