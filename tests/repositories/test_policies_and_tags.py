"""Resource policies on the four repositories that have them, and tags via the facade."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.errors import ResourceNotFoundError
from imagebuilder_sdk.models import Component
from imagebuilder_sdk.repositories import Components, ContainerRecipes, ImageRecipes, Images
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import POLICY, sent

PolicyRepository = Components | ImageRecipes | ContainerRecipes | Images

#: For each repository with policies: how to reach it, and the fixture naming a resource.
KINDS = ["components", "image_recipes", "container_recipes", "images"]


@pytest.fixture(params=KINDS)
def target(request: pytest.FixtureRequest, ib: ImageBuilder) -> tuple[PolicyRepository, str]:
    """A repository with policies, and the ARN of one of its resources."""
    kind: str = request.param
    if kind == "components":
        arn = request.getfixturevalue("component").arn
    elif kind == "image_recipes":
        arn = request.getfixturevalue("recipe").arn
    elif kind == "container_recipes":
        arn = request.getfixturevalue("container_recipe").arn
    else:
        recipe = request.getfixturevalue("recipe")
        infrastructure = request.getfixturevalue("infrastructure")
        build = ib.images.create(
            image_recipe_arn=recipe.arn, infrastructure_configuration_arn=infrastructure.arn
        )
        arn = build.wait().arn
    repository: PolicyRepository = getattr(ib, kind)
    return repository, str(arn)


def test_put_a_dict_then_get_it_back(target: tuple[PolicyRepository, str]) -> None:
    """A policy given as a dict is stored as JSON and read back equal."""
    repository, arn = target
    repository.put_policy(arn, POLICY)
    assert json.loads(repository.get_policy(arn)) == POLICY


def test_put_json_text_as_it_is(target: tuple[PolicyRepository, str], emulator: Emulator) -> None:
    """A policy given as JSON text is sent unchanged."""
    repository, arn = target
    text = json.dumps(POLICY, indent=2)
    repository.put_policy(arn, text)
    (request,) = [r for r in emulator.requests if r.operation.startswith("Put")]
    assert request.params["policy"] == text


def test_bad_json_is_refused_before_sending(
    target: tuple[PolicyRepository, str], emulator: Emulator
) -> None:
    """Text that is not JSON raises ValidationError on `policy`, sending nothing."""
    repository, arn = target
    emulator.clear_requests()
    with pytest.raises(ValidationError) as caught:
        repository.put_policy(arn, "{'Version': nope")
    assert caught.value.field == "policy"
    assert "JSON" in caught.value.rule
    assert emulator.requests == []


def test_no_policy_yet_is_not_found(target: tuple[PolicyRepository, str]) -> None:
    """get_policy() of a resource without one raises ResourceNotFoundError."""
    repository, arn = target
    with pytest.raises(ResourceNotFoundError):
        repository.get_policy(arn)


@pytest.mark.parametrize("policy", ["", "   "])
def test_empty_policy_is_refused(
    ib: ImageBuilder, emulator: Emulator, component: Component, policy: str
) -> None:
    """An empty policy raises ValidationError before sending."""
    emulator.clear_requests()
    with pytest.raises(ValidationError):
        ib.components.put_policy(str(component.arn), policy)
    assert emulator.requests == []


def test_tag_then_read_tags(ib: ImageBuilder, component: Component) -> None:
    """tag() adds tags that tags() then returns."""
    ib.tag(str(component.arn), {"team": "platform", "env": "dev"})
    assert ib.tags(str(component.arn)) == {"team": "platform", "env": "dev"}


def test_untag_removes_keys(ib: ImageBuilder, component: Component) -> None:
    """untag() removes the named keys only; a single key may be a plain string."""
    ib.tag(str(component.arn), {"team": "platform", "env": "dev", "tier": "1"})
    ib.untag(str(component.arn), ["env"])
    ib.untag(str(component.arn), "tier")
    assert ib.tags(str(component.arn)) == {"team": "platform"}


def test_create_tags_show_in_tags(ib: ImageBuilder) -> None:
    """Tags given at create time are the resource's tags."""
    configuration = ib.infrastructure_configurations.create(
        name="tagged", instance_profile_name="builder", tags={"owner": "me"}
    )
    assert ib.tags(str(configuration.arn)) == {"owner": "me"}


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda ib, arn: ib.tag(arn, {}), "tags"),
        (lambda ib, arn: ib.untag(arn, []), "keys"),
        (lambda ib, arn: ib.tags(""), "arn"),
        (lambda ib, arn: ib.tag("not-an-arn", {"a": "b"}), "arn"),
    ],
    ids=["no-tags", "no-keys", "empty-arn", "bad-arn"],
)
def test_bad_tag_calls_send_nothing(
    ib: ImageBuilder,
    emulator: Emulator,
    component: Component,
    call: Callable[[ImageBuilder, str], object],
    field: str,
) -> None:
    """Empty tags or keys, or a bad ARN, raise ValidationError before sending."""
    emulator.clear_requests()
    with pytest.raises(ValidationError) as caught:
        call(ib, str(component.arn))
    assert caught.value.field == field
    assert emulator.requests == []


def test_tags_of_a_missing_resource(ib: ImageBuilder, emulator: Emulator) -> None:
    """tags() of a resource that does not exist raises ResourceNotFoundError."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:component/ghost/1.0.0/1"
    with pytest.raises(ResourceNotFoundError) as caught:
        ib.tags(arn)
    assert caught.value.operation == "ListTagsForResource"
    assert [r.operation for r in sent(emulator)] == ["ListTagsForResource"]
