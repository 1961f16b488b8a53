"""Backend tests for images: builds on the clock, failure, cancel, outputs, lists."""

from __future__ import annotations

import re

import pytest

from imagebuilder_sdk.errors import ValidationError
from tests.emulator.test_backend_support import Api

ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"
AMI = re.compile(r"^ami-[0-9a-f]{17}$")


def _statuses(api: Api, arn: str, seconds: list[float]) -> list[str]:
    seen = []
    for moment in seconds:
        api.clock.advance(moment - api.clock.monotonic())
        seen.append(api.status(arn))
    return seen


def test_build_moves_through_every_stage() -> None:
    """A build goes PENDING, BUILDING, TESTING, DISTRIBUTING, INTEGRATING, AVAILABLE."""
    api = Api()
    arn = api.image()
    seen = _statuses(api, arn, [0, 5, 65, 95, 115, 120])
    assert seen == ["PENDING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE"]


def test_build_without_tests_skips_testing() -> None:
    """With image tests disabled the build never reports TESTING."""
    api = Api()
    arn = api.image(imageTestsConfiguration={"imageTestsEnabled": False})
    assert _statuses(api, arn, [64, 66, 90]) == ["BUILDING", "DISTRIBUTING", "AVAILABLE"]


def test_stage_durations_apply_to_new_builds() -> None:
    """Changed stage durations shape the builds that start afterwards."""
    api = Api()
    api.backend.stage_durations["BUILDING"] = 600
    arn = api.image()
    assert _statuses(api, arn, [500, 620]) == ["BUILDING", "TESTING"]


def test_builds_of_one_version_are_numbered() -> None:
    """Each build of the same recipe version gets the next build number."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    arns = [
        api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra) for _ in range(3)
    ]
    assert arns == [f"{ACCOUNT}:image/web/1.0.0/{n}" for n in (1, 2, 3)]


def test_available_image_has_one_ami_per_region() -> None:
    """An available image lists an AMI in each distribution region."""
    api = Api()
    dist = api.distribution(regions=("us-east-1", "eu-central-1"))
    arn = api.image(distributionConfigurationArn=dist)
    api.clock.advance(3600)
    amis = api("GetImage", imageBuildVersionArn=arn)["image"]["outputResources"]["amis"]
    assert [a["region"] for a in amis] == ["us-east-1", "eu-central-1"]
    assert all(AMI.match(a["image"]) for a in amis)
    assert all(a["accountId"] == "123456789012" for a in amis)
    assert len({a["image"] for a in amis}) == 2


def test_image_without_distribution_lands_in_the_home_region() -> None:
    """With no distribution configuration the AMI is in the emulator's region."""
    api = Api()
    arn = api.image()
    api.clock.advance(3600)
    [ami] = api("GetImage", imageBuildVersionArn=arn)["image"]["outputResources"]["amis"]
    assert ami["region"] == "us-east-1"
    assert ami["name"].startswith("web ")


def test_running_image_has_no_outputs() -> None:
    """A running image's outputResources hold no AMI yet: ``{"amis": []}``.

    Source: AWS CLI example ``get-image.rst`` (commit f41e03c) shows a BUILDING image
    with ``"outputResources": {"amis": []}``.
    """
    api = Api()
    arn = api.image()
    assert api("GetImage", imageBuildVersionArn=arn)["image"]["outputResources"] == {"amis": []}


def test_container_image_lists_its_image_uri() -> None:
    """A container build ends with an ECR image URI tagged version-build."""
    api = Api()
    arn = api.image(containerRecipeArn=api.container_recipe())
    api.clock.advance(3600)
    image = api("GetImage", imageBuildVersionArn=arn)["image"]
    assert image["type"] == "DOCKER"
    [container] = image["outputResources"]["containers"]
    assert container["imageUris"] == [
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/app-repo:1.0.0-1"
    ]


def test_image_embeds_copies_of_its_recipe_and_configuration() -> None:
    """The image carries the recipe and infrastructure it was built with."""
    api = Api()
    recipe = api.recipe()
    arn = api.image(imageRecipeArn=recipe)
    image = api("GetImage", imageBuildVersionArn=arn)["image"]
    assert image["imageRecipe"]["arn"] == recipe
    assert image["infrastructureConfiguration"]["name"] == "infra"
    assert image["osVersion"] == "Amazon Linux 2023"
    assert image["imageSource"] == "CUSTOM"
    assert image["version"] == "1.0.0/1"


def test_fail_next_build() -> None:
    """fail_build() with no ARN fails the next build at the stage, with the reason."""
    api = Api()
    api.backend.fail_build(stage="TESTING", reason="tests failed")
    arn = api.image()
    api.clock.advance(3600)
    state = api("GetImage", imageBuildVersionArn=arn)["image"]["state"]
    assert state == {
        "status": "FAILED",
        "reason": "tests failed",
        "failureContext": {"imageStatus": "TESTING"},
    }


def test_fail_build_reaches_failed_after_its_stage() -> None:
    """A build told to fail in BUILDING is BUILDING until that stage ends, then FAILED."""
    api = Api()
    arn = api.image()
    api.backend.fail_build(arn)
    assert _statuses(api, arn, [30, 65]) == ["BUILDING", "FAILED"]


def test_fail_build_only_touches_the_next_build() -> None:
    """A planned failure is used up by one build."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    api.backend.fail_build()
    first = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    second = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    api.clock.advance(3600)
    assert (api.status(first), api.status(second)) == ("FAILED", "AVAILABLE")


def test_fail_build_of_a_finished_build_is_refused() -> None:
    """fail_build on a finished build raises ValidationError."""
    api = Api()
    arn = api.image()
    api.clock.advance(3600)
    with pytest.raises(ValidationError):
        api.backend.fail_build(arn)


def test_fail_build_of_an_unknown_stage_is_refused() -> None:
    """fail_build with a stage that does not exist raises ValidationError."""
    with pytest.raises(ValidationError):
        Api().backend.fail_build(stage="COMPILING")


def test_cancel_stops_a_running_build() -> None:
    """CancelImageCreation moves a running build to CANCELLED for good."""
    api = Api()
    arn = api.image()
    api.clock.advance(10)
    assert api("CancelImageCreation", imageBuildVersionArn=arn)["imageBuildVersionArn"] == arn
    api.clock.advance(3600)
    assert api.status(arn) == "CANCELLED"


def test_cancel_of_a_finished_build_is_refused() -> None:
    """Cancelling an available image raises InvalidRequestException."""
    api = Api()
    arn = api.image()
    api.clock.advance(3600)
    assert (
        api.error("CancelImageCreation", imageBuildVersionArn=arn).code == "InvalidRequestException"
    )


def test_delete_of_a_running_build_is_refused() -> None:
    """Deleting an image in progress raises ResourceDependencyException."""
    api = Api()
    arn = api.image()
    assert api.error("DeleteImage", imageBuildVersionArn=arn).code == "ResourceDependencyException"


def test_delete_of_an_available_image() -> None:
    """An available image can be deleted; then it is not found."""
    api = Api()
    arn = api.image()
    api.clock.advance(3600)
    assert api("DeleteImage", imageBuildVersionArn=arn)["imageBuildVersionArn"] == arn
    assert api.error("GetImage", imageBuildVersionArn=arn).code == "ResourceNotFoundException"


def test_build_numbers_are_not_reused_after_delete() -> None:
    """After deleting build 1, the next build is 2."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    first = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    api.clock.advance(3600)
    api("DeleteImage", imageBuildVersionArn=first)
    second = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    assert second.endswith("/1.0.0/2")


def test_create_image_with_a_missing_recipe_is_refused() -> None:
    """A recipe that does not exist raises InvalidParameterValueException."""
    api = Api()
    error = api.error(
        "CreateImage",
        imageRecipeArn=f"{ACCOUNT}:image-recipe/missing/1.0.0",
        infrastructureConfigurationArn=api.infra(),
    )
    assert error.code == "InvalidParameterValueException"


def test_get_image_by_version_arn_returns_the_latest_build() -> None:
    """A version ARN names the latest build of that version."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    latest = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    got = api("GetImage", imageBuildVersionArn=f"{ACCOUNT}:image/web/1.0.0")
    assert got["image"]["arn"] == latest


def test_list_images_lists_versions() -> None:
    """ListImages lists one entry per image version, with a version ARN."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    [version] = api("ListImages")["imageVersionList"]
    assert version["arn"] == f"{ACCOUNT}:image/web/1.0.0"
    assert version["version"] == "1.0.0"
    assert version["owner"] == "123456789012"


def test_list_images_by_name_keeps_the_latest_version() -> None:
    """byName lists each image name once, at its latest version."""
    listed = Api()("ListImages", owner="Amazon", byName=True)["imageVersionList"]
    versions = {v["name"]: v["version"] for v in listed}
    assert versions["Amazon Linux 2023 x86"] == "2026.10.1"
    assert len(listed) == len(versions)


def test_list_images_hides_deprecated_unless_asked() -> None:
    """Deprecated Amazon images show only with includeDeprecated."""
    api = Api()
    name = [{"name": "name", "values": ["Amazon Linux 2023 x86"]}]
    plain = api("ListImages", owner="Amazon", filters=name)["imageVersionList"]
    every = api("ListImages", owner="Amazon", filters=name, includeDeprecated=True)
    assert "2025.1.0" not in {v["version"] for v in plain}
    assert "2025.1.0" in {v["version"] for v in every["imageVersionList"]}


def test_list_images_filters_by_platform() -> None:
    """The platform filter keeps Windows images only."""
    listed = Api()(
        "ListImages", owner="Amazon", filters=[{"name": "platform", "values": ["Windows"]}]
    )["imageVersionList"]
    assert {v["name"] for v in listed} == {"Windows Server 2022 English Full Base x86"}


def test_list_image_build_versions() -> None:
    """ListImageBuildVersions lists the builds of a version with their states."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    first = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    api.clock.advance(3600)
    second = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    listed = api("ListImageBuildVersions", imageVersionArn=f"{ACCOUNT}:image/web/1.0.0")
    states = {s["arn"]: s["state"]["status"] for s in listed["imageSummaryList"]}
    assert states == {first: "AVAILABLE", second: "PENDING"}


def test_list_image_build_versions_of_an_unknown_version() -> None:
    """Build versions of an unknown image version raise ResourceNotFoundException."""
    error = Api().error("ListImageBuildVersions", imageVersionArn=f"{ACCOUNT}:image/nope/1.0.0")
    assert error.code == "ResourceNotFoundException"


def test_list_image_packages_of_an_available_image() -> None:
    """An available image lists its packages, including ones its components add."""
    api = Api()
    cli = "arn:aws:imagebuilder:us-east-1:aws:component/aws-cli-version-2-linux/x.x.x"
    arn = api.image(imageRecipeArn=api.recipe(components=[{"componentArn": cli}]))
    api.clock.advance(3600)
    packages = api("ListImagePackages", imageBuildVersionArn=arn)["imagePackageList"]
    names = [p["packageName"] for p in packages]
    assert names == sorted(names)
    assert {"kernel", "awscli-2"} <= set(names)


def test_list_image_packages_of_a_running_image_is_refused() -> None:
    """Packages of an image still building raise InvalidRequestException."""
    api = Api()
    arn = api.image()
    assert (
        api.error("ListImagePackages", imageBuildVersionArn=arn).code == "InvalidRequestException"
    )


def test_amazon_image_is_a_usable_parent() -> None:
    """Managed images resolve by wildcard to their latest version."""
    api = Api()
    arn = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
    image = api("GetImage", imageBuildVersionArn=arn)["image"]
    assert image["version"] == "2026.10.1/1"
    assert image["imageSource"] == "AMAZON_MANAGED"
    assert AMI.match(image["outputResources"]["amis"][0]["image"])
