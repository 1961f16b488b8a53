"""The pytest plugin shipped with the package, run the way a user's test suite runs it."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

USER_TESTS = """
import boto3
from imagebuilder_sdk.testing import mock_imagebuilder

def test_facade_and_emulator_are_one(imagebuilder, imagebuilder_emulator):
    imagebuilder.infrastructure_configurations.create(name="web", instance_profile_name="p")
    assert imagebuilder.emulator is imagebuilder_emulator
    assert [r.operation for r in imagebuilder_emulator.requests] == [
        "CreateInfrastructureConfiguration", "GetInfrastructureConfiguration"]

def test_each_test_gets_a_fresh_emulator(imagebuilder):
    assert list(imagebuilder.infrastructure_configurations.list()) == []

def test_waiting_moves_the_virtual_clock(imagebuilder):
    from imagebuilder_sdk.models import ComponentConfiguration
    update = imagebuilder.components.latest("update-linux", owner="Amazon")
    recipe_arn = imagebuilder.image_recipes.create(
        name="recipe", semantic_version="1.0.0",
        parent_image=imagebuilder.images.latest("amazon-linux-2023-x86", owner="Amazon").arn,
        components=[ComponentConfiguration(component_arn=update.arn)],
    ).arn
    infra = imagebuilder.infrastructure_configurations.create(
        name="infra", instance_profile_name="p")
    build = imagebuilder.images.create(image_recipe_arn=recipe_arn,
                                       infrastructure_configuration_arn=infra.arn)
    assert build.wait().state.status.value == "AVAILABLE"

def test_the_mock_fixture_serves_boto3_clients(imagebuilder_mock, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    client = boto3.client("imagebuilder", region_name="eu-west-1")
    assert client.list_components()["componentVersionList"] == []
    assert imagebuilder_mock.emulator("eu-west-1").requests[0].operation == "ListComponents"

@mock_imagebuilder()
def test_the_decorator_serves_boto3_clients():
    client = boto3.client("imagebuilder")
    assert client.list_image_pipelines()["imagePipelineList"] == []

def test_the_context_manager_serves_boto3_clients():
    with mock_imagebuilder() as mock:
        boto3.client("imagebuilder", region_name="sa-east-1").list_images()
    assert list(mock.emulators) == ["sa-east-1"]
"""


def test_a_users_suite_gets_the_fixtures_without_any_set_up(pytester: pytest.Pytester) -> None:
    """With the package installed, the fixtures and the mock work with no conftest at all."""
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=6)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    """``-p no:imagebuilder_sdk`` removes the fixtures, so the entry point is what adds them."""
    pytester.makepyfile(test_user="def test_needs_it(imagebuilder):\n    pass\n")
    result = pytester.runpytest_inprocess(
        "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:imagebuilder_sdk"
    )
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'imagebuilder' not found*"])
