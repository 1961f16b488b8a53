"""Bad input raises ValidationError naming the parameter and the rule, and sends nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.models import ComponentConfiguration, Distribution
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import DOCUMENT, PARENT_IMAGE

OWN = "arn:aws:imagebuilder:us-east-1:123456789012"
COMPONENT = f"{OWN}:component/hello/1.0.0/1"
IMAGE = f"{OWN}:image/web/1.0.0/1"
RECIPE = f"{OWN}:image-recipe/web/1.0.0"
INFRA = f"{OWN}:infrastructure-configuration/infra"
DIST = f"{OWN}:distribution-configuration/dist"
PIPELINE = f"{OWN}:image-pipeline/nightly"

Call = Callable[[ImageBuilder], object]


def _component(**changes: object) -> Call:
    options: dict[str, object] = {
        "name": "hello",
        "semantic_version": "1.0.0",
        "platform": "Linux",
        "data": DOCUMENT,
        **changes,
    }
    return lambda ib: ib.components.create(**options)  # type: ignore[call-overload]


def _recipe(**changes: object) -> Call:
    options: dict[str, object] = {
        "name": "web",
        "semantic_version": "1.0.0",
        "parent_image": PARENT_IMAGE,
        "components": [ComponentConfiguration(component_arn=COMPONENT)],
        **changes,
    }
    return lambda ib: ib.image_recipes.create(**options)  # type: ignore[call-overload]


#: (call, the parameter the error names, words of the rule it states)
CASES: dict[str, tuple[Call, str, str]] = {
    "image-arn-to-components.get": (
        lambda ib: ib.components.get(IMAGE),
        "arn",
        "must be the ARN of a component, got an image ARN",
    ),
    "empty-arn": (lambda ib: ib.components.get(""), "arn", "must be a non-empty ARN"),
    "blank-arn": (lambda ib: ib.images.get("   "), "arn", "must be a non-empty ARN"),
    "not-an-arn": (lambda ib: ib.components.delete("hello"), "arn", "is not an Image Builder ARN"),
    "recipe-arn-to-component-policy": (
        lambda ib: ib.components.get_policy(RECIPE),
        "arn",
        "must be the ARN of a component",
    ),
    "build-arn-to-build_versions": (
        lambda ib: list(ib.components.build_versions(COMPONENT)),
        "component_version_arn",
        "must be a component version ARN",
    ),
    "name-with-punctuation": (
        _component(name="hello world!"),
        "name",
        "must be 3-128 characters",
    ),
    "name-too-short": (_component(name="hi"), "name", "must be 3-128 characters"),
    "version-two-parts": (
        _component(semantic_version="1.0"),
        "semantic_version",
        "must be a semantic version",
    ),
    "version-with-wildcard": (
        _component(semantic_version="1.x.0"),
        "semantic_version",
        "must be a semantic version",
    ),
    "version-missing": (_component(semantic_version=None), "semantic_version", "is required"),
    "platform-missing": (_component(platform=None), "platform", "is required"),
    "platform-unknown": (
        _component(platform="Solaris", validate_document=False),
        "platform",
        "must be one of Windows, Linux, macOS",
    ),
    "import-type-unknown": (
        lambda ib: ib.components.import_(
            name="setup", semantic_version="1.0.0", type="DEPLOY", platform="Linux", data="ls"
        ),
        "type",
        "must be one of BUILD, TEST",
    ),
    "owner-unknown": (
        lambda ib: list(ib.components.list(owner="Nobody")),
        "owner",
        "must be one of Self",
    ),
    "page-size-zero": (
        lambda ib: ib.components.list(page_size=0),
        "page_size",
        "must be an integer from 1 to 100",
    ),
    "component-arn-of-an-image": (
        _recipe(components=[ComponentConfiguration(component_arn=IMAGE)]),
        "components[0].component_arn",
        "ARN",
    ),
    "no-components": (_recipe(components=[]), "components", "must have at least 1 item"),
    "pipeline-recipe-of-wrong-kind": (
        lambda ib: ib.image_pipelines.create(
            name="nightly", image_recipe_arn=COMPONENT, infrastructure_configuration_arn=INFRA
        ),
        "image_recipe_arn",
        "must be the ARN of an image-recipe",
    ),
    "pipeline-start-empty": (
        lambda ib: ib.image_pipelines.start(""),
        "arn",
        "must be a non-empty ARN",
    ),
    "image-infra-of-wrong-kind": (
        lambda ib: ib.images.create(infrastructure_configuration_arn=DIST, image_recipe_arn=RECIPE),
        "infrastructure_configuration_arn",
        "must be the ARN of an infrastructure-configuration",
    ),
    "image-recipe-empty": (
        lambda ib: ib.images.create(infrastructure_configuration_arn=INFRA, image_recipe_arn=""),
        "image_recipe_arn",
        "must be a non-empty ARN",
    ),
    "token-too-long": (
        lambda ib: ib.images.cancel(IMAGE, client_token="t" * 65),
        "client_token",
        "1 to 64 characters",
    ),
    "token-empty": (
        lambda ib: ib.images.cancel(IMAGE, client_token=""),
        "client_token",
        "1 to 64 characters",
    ),
    "infra-profile-missing": (
        lambda ib: ib.infrastructure_configurations.create(name="infra"),  # type: ignore[call-overload]
        "instance_profile_name",
        "is required",
    ),
    "instance-types-not-a-list": (
        lambda ib: ib.infrastructure_configurations.create(
            name="infra",
            instance_profile_name="p",
            instance_types="t3.micro",  # a str is a Sequence[str]: only the check sees it
        ),
        "instance_types",
        "must be a list",
    ),
    "distribution-update-of-a-pipeline": (
        lambda ib: ib.distribution_configurations.update(
            arn=PIPELINE, distributions=[Distribution(region="us-east-1")]
        ),
        "arn",
        "must be the ARN of a distribution-configuration",
    ),
    "empty-tag-key": (lambda ib: ib.tag(COMPONENT, {"": "x"}), "tags key", "must not be empty"),
    "latest-filter-malformed": (
        lambda ib: ib.components.latest("hello", "1.x"),
        "version_filter",
        "MAJOR.MINOR.PATCH",
    ),
}


@pytest.mark.parametrize(("call", "field", "rule"), CASES.values(), ids=CASES.keys())
def test_bad_input_is_refused_before_sending(
    ib: ImageBuilder, emulator: Emulator, call: Call, field: str, rule: str
) -> None:
    """The error names the parameter and the rule; no request reaches the emulator."""
    with pytest.raises(ValidationError) as caught:
        call(ib)
    assert caught.value.field == field
    assert rule in caught.value.rule
    assert str(caught.value).startswith(f"{field}: ")
    assert isinstance(caught.value, ValueError)
    assert emulator.requests == []


def test_an_empty_distribution_list_is_refused_before_sending(ib: ImageBuilder) -> None:
    """distributions=[] (the model sets no minimum) is refused naming the parameter."""
    with pytest.raises(ValidationError) as caught:
        ib.distribution_configurations.create(name="nowhere", distributions=[])
    assert caught.value.field == "distributions"
    assert ib.emulator is not None
    assert ib.emulator.requests == []
