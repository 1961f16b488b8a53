"""No silent changes: what the caller wrote is sent as written, or refused.

A string where a nested list belongs is never split into characters, values are
never passed through `str()`, and an update never drops tags without a word.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from imagebuilder_sdk import ApiError, ImageBuilder, ValidationError
from imagebuilder_sdk.models import (
    AmiDistributionConfiguration,
    ComponentConfiguration,
    ComponentParameter,
    ContainerDistributionConfiguration,
    ContainerRepositoryService,
    Distribution,
    LaunchPermissionConfiguration,
    Placement,
    TargetContainerRepository,
    TenancyType,
)
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_targets import COMPONENT
from tests.reliability.support import PARENT_IMAGE


def _refused(emulator: Emulator, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert emulator.requests == []
    return caught.value


def test_a_component_parameter_value_string_is_refused(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """ComponentParameter(value="hello") is refused, not sent as ['h','e','l','l','o']."""
    parameter = ComponentParameter(name="Greeting", value="hello")
    configuration = ComponentConfiguration(component_arn=COMPONENT, parameters=[parameter])
    error = _refused(
        emulator,
        ib.image_recipes.create,
        name="recipe-one",
        semantic_version="1.0.0",
        parent_image=PARENT_IMAGE,
        components=[configuration],
    )
    assert error.field == "components[0].parameters[0].value"
    assert "['hello']" in error.rule  # the fix is shown


def test_a_list_value_is_sent_as_written(emulator: Emulator, ib: ImageBuilder) -> None:
    """The same parameter with value=["hello"] goes out as the one-item list."""
    parameter = ComponentParameter(name="Greeting", value=["hello"])
    configuration = ComponentConfiguration(component_arn=COMPONENT, parameters=[parameter])
    with pytest.raises(ApiError):  # the component does not exist in this account
        ib.image_recipes.create(
            name="recipe-one",
            semantic_version="1.0.0",
            parent_image=PARENT_IMAGE,
            components=[configuration],
        )
    sent = emulator.requests[0].params["components"][0]["parameters"]
    assert sent == [{"name": "Greeting", "value": ["hello"]}]


def _ami(permission: LaunchPermissionConfiguration) -> Distribution:
    return Distribution(
        region="us-east-1",
        ami_distribution_configuration=AmiDistributionConfiguration(launch_permission=permission),
    )


def _container(tags: Any) -> Distribution:
    repository = TargetContainerRepository(
        service=ContainerRepositoryService.ECR, repository_name="app"
    )
    return Distribution(
        region="us-east-1",
        container_distribution_configuration=ContainerDistributionConfiguration(
            container_tags=tags, target_repository=repository
        ),
    )


@pytest.mark.parametrize(
    ("distribution", "field"),
    [
        (
            _ami(LaunchPermissionConfiguration(user_groups="all")),
            "distributions[0].ami_distribution_configuration.launch_permission.user_groups",
        ),
        (
            _container("latest"),
            "distributions[0].container_distribution_configuration.container_tags",
        ),
    ],
)
def test_nested_strings_where_lists_belong_are_refused(
    emulator: Emulator, ib: ImageBuilder, distribution: Distribution, field: str
) -> None:
    """user_groups="all" and container_tags="latest" are refused, naming the nested field."""
    error = _refused(
        emulator,
        ib.distribution_configurations.create,
        name="dist-one",
        distributions=[distribution],
    )
    assert error.field == field


@pytest.mark.parametrize(
    ("options", "field"),
    [({"name": 5}, "name"), ({"name": ["greet", None]}, "name[1]"), ({"name": 2.5}, "name")],
)
def test_list_filters_are_never_passed_through_str(
    emulator: Emulator, ib: ImageBuilder, options: dict[str, Any], field: str
) -> None:
    """list(name=5) and name=['greet', None] are refused, not sent as "5" or "None"."""
    assert _refused(emulator, ib.components.list, **options).field == field


@pytest.mark.parametrize("tags", [{None: "x"}, {5: "x"}])
def test_tag_keys_are_never_passed_through_str(
    emulator: Emulator, ib: ImageBuilder, tags: dict[Any, str]
) -> None:
    """tag(arn, {None: 'x'}) is refused instead of creating a tag named "None"."""
    assert _refused(emulator, ib.tag, COMPONENT, tags).field == "tags key"


def test_a_model_given_as_tags_is_refused(emulator: Emulator, ib: ImageBuilder) -> None:
    """tags=<a model> on a create is refused, not turned into tags."""
    error = _refused(
        emulator,
        ib.infrastructure_configurations.create,
        name="infra-one",
        instance_profile_name="builder",
        tags=Placement(tenancy=TenancyType.DEFAULT),
    )
    assert error.field == "tags"


@pytest.mark.parametrize(
    ("options", "field"),
    [({"platform": "linux"}, "platform"), ({"owner": "amazon"}, "owner")],
)
def test_platform_and_owner_casing_follow_one_rule(
    emulator: Emulator, ib: ImageBuilder, options: dict[str, str], field: str
) -> None:
    """Enum options take the enum's spelling: 'linux' and 'amazon' are both refused,
    with the right spelling suggested (list(platform="linux") once returned [])."""
    error = _refused(emulator, ib.components.list, **options)
    assert error.field == field
    assert "did you mean" in error.rule


def test_the_right_spelling_is_used_as_given(emulator: Emulator, ib: ImageBuilder) -> None:
    """platform="Linux" lists Amazon's Linux components."""
    found = list(ib.components.list(platform="Linux", owner="Amazon"))
    assert found
    assert all(str(item.platform) == "Linux" for item in found)


def test_update_refuses_tags_it_cannot_change(emulator: Emulator, ib: ImageBuilder) -> None:
    """update(attrs.evolve(model, tags=...)) is refused (Update* takes no tags), not ignored."""
    created = ib.infrastructure_configurations.create(
        name="infra-one", instance_profile_name="builder", tags={"team": "a"}
    )
    changed = attrs.evolve(created, tags={"team": "b"})
    emulator.clear_requests()
    with pytest.raises(ValidationError) as caught:
        ib.infrastructure_configurations.update(changed)
    assert caught.value.field == "tags"
    assert "ib.tag(" in caught.value.rule
    assert all(r.operation == "ListTagsForResource" for r in emulator.requests)
    assert ib.tags(created.arn or "") == {"team": "a"}


def test_update_of_a_fetched_model_keeps_working(emulator: Emulator, ib: ImageBuilder) -> None:
    """A model whose tags are those `get` returned updates as before."""
    created = ib.infrastructure_configurations.create(
        name="infra-one", instance_profile_name="builder", tags={"team": "a"}
    )
    fetched = ib.infrastructure_configurations.get(created.arn or "")
    updated = ib.infrastructure_configurations.update(attrs.evolve(fetched, description="bigger"))
    assert updated.description == "bigger"
