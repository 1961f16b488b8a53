"""The exact requests a verb sends: no more than a careful raw-boto3 user would.

Each test names the requests in order, as the emulator recorded them; see the
"Requests per verb" section of docs/performance.md for why each one is needed.
"""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.models import (
    Distribution,
    DistributionConfiguration,
    ImagePipeline,
    ImageRecipe,
    InfrastructureConfiguration,
)
from imagebuilder_sdk.plan import ComponentSpec, InfrastructureSpec, Stack, plan
from imagebuilder_sdk.repositories._base import FetchedTags
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import DOCUMENT, sent


def operations(emulator: Emulator) -> list[str]:
    """The operations the emulator received, oldest first."""
    return [r.operation for r in sent(emulator)]


def page_sizes(emulator: Emulator) -> list[object]:
    """The ``maxResults`` of every listing request, oldest first."""
    return [r.params.get("maxResults") for r in sent(emulator) if r.operation.startswith("List")]


def test_latest_reads_with_the_largest_page(ib: ImageBuilder, emulator: Emulator) -> None:
    """latest() of a name with one version is one listing, asking for 100 a page."""
    ib.components.create(name="hello", semantic_version="1.0.0", platform="Linux", data=DOCUMENT)
    emulator.clear_requests()
    found = ib.components.latest("hello")
    assert found is not None
    assert operations(emulator) == ["ListComponents"]
    assert page_sizes(emulator) == [100]


def test_latest_of_101_versions_takes_two_pages(ib: ImageBuilder, emulator: Emulator) -> None:
    """101 versions are two pages of at most 100, not five of the service's default 25."""
    for patch in range(101):
        ib.components.create(
            name="hello", semantic_version=f"1.0.{patch}", platform="Linux", data=DOCUMENT
        )
    emulator.clear_requests()
    found = ib.components.latest("hello")
    assert found is not None
    assert str(found.version) == "1.0.100"
    assert operations(emulator) == ["ListComponents", "ListComponents"]
    assert page_sizes(emulator) == [100, 100]


def test_latest_by_the_name_in_arns_also_reads_big_pages(
    ib: ImageBuilder, emulator: Emulator
) -> None:
    """The name as ARNs spell it: the name filter finds nothing, then one listing of the
    owner's images; both ask for 100 a page."""
    assert ib.images.latest("amazon-linux-2023-x86", owner="Amazon") is not None
    assert operations(emulator) == ["ListImages", "ListImages"]
    assert page_sizes(emulator) == [100, 100]


def test_latest_by_display_name_is_one_request(ib: ImageBuilder, emulator: Emulator) -> None:
    """The service's own name needs only the filtered listing."""
    assert ib.images.latest("Amazon Linux 2023 x86", owner="Amazon") is not None
    assert operations(emulator) == ["ListImages"]
    assert page_sizes(emulator) == [100]


def test_a_plan_reads_each_declaration_once_with_big_pages(
    ib: ImageBuilder, emulator: Emulator
) -> None:
    """Planning an applied stack: per declaration one listing (100 a page) and one get."""
    baseline = ComponentSpec(name="baseline", platform="Linux", data=DOCUMENT)
    builders = InfrastructureSpec(name="builders", instance_profile_name="builder")
    stack = Stack(baseline, builders)
    plan(ib, stack).apply()
    emulator.clear_requests()
    again = plan(ib, stack)
    assert not again
    assert operations(emulator) == [
        "ListComponents",
        "GetComponent",
        "ListInfrastructureConfigurations",
        "GetInfrastructureConfiguration",
    ]
    assert page_sizes(emulator) == [100, 100]
    emulator.clear_requests()
    again.apply()
    assert operations(emulator) == []


def test_update_of_a_fetched_model_is_update_and_read_back(
    ib: ImageBuilder,
    emulator: Emulator,
    infrastructure: InfrastructureConfiguration,
    distribution: DistributionConfiguration,
    pipeline: ImagePipeline,
) -> None:
    """A model as `get` (or the create's read-back) returned it updates in two requests:
    its tags are known to be the resource's, so ListTagsForResource is not sent."""
    tagged = ib.infrastructure_configurations.create(
        name="tagged-infra", instance_profile_name="builder", tags={"team": "a"}
    )
    emulator.clear_requests()
    ib.infrastructure_configurations.update(attrs.evolve(tagged, description="one"))
    ib.distribution_configurations.update(attrs.evolve(distribution, description="two"))
    ib.image_pipelines.update(attrs.evolve(pipeline, description="three"))
    fetched = ib.infrastructure_configurations.get(str(infrastructure.arn))
    ib.infrastructure_configurations.update(attrs.evolve(fetched, description="four"))
    assert operations(emulator) == [
        "UpdateInfrastructureConfiguration",
        "GetInfrastructureConfiguration",
        "UpdateDistributionConfiguration",
        "GetDistributionConfiguration",
        "UpdateImagePipeline",
        "GetImagePipeline",
        "GetInfrastructureConfiguration",
        "UpdateInfrastructureConfiguration",
        "GetInfrastructureConfiguration",
    ]
    assert ib.tags(str(tagged.arn)) == {"team": "a"}


def test_tags_edited_in_place_are_still_refused(ib: ImageBuilder, emulator: Emulator) -> None:
    """Editing the fetched tags dict in place is a change: compared, refused, nothing written."""
    created = ib.infrastructure_configurations.create(
        name="infra-one", instance_profile_name="builder", tags={"team": "a"}
    )
    assert created.tags is not None
    created.tags["team"] = "b"
    emulator.clear_requests()
    with pytest.raises(ValidationError) as caught:
        ib.infrastructure_configurations.update(attrs.evolve(created, description="x"))
    assert caught.value.field == "tags"
    assert operations(emulator) == ["ListTagsForResource"]
    assert ib.tags(str(created.arn)) == {"team": "a"}


def test_replaced_tags_are_still_refused(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """A new tags dict with other content is compared with the resource's and refused."""
    created = ib.image_pipelines.create(
        name="tagged-pipeline",
        image_recipe_arn=recipe.arn,
        infrastructure_configuration_arn=infrastructure.arn,
        tags={"team": "a"},
    )
    emulator.clear_requests()
    with pytest.raises(ValidationError):
        ib.image_pipelines.update(attrs.evolve(created, tags={"team": "b"}))
    assert operations(emulator) == ["ListTagsForResource"]


def test_tags_retagged_since_get_are_kept(ib: ImageBuilder, emulator: Emulator) -> None:
    """Tags set after the `get` are not dropped by an update of the fetched model (the
    update cannot touch tags), and the fetched model's tags were no change to refuse."""
    created = ib.distribution_configurations.create(
        name="to-one-region", distributions=[Distribution(region="us-east-1")], tags={"a": "1"}
    )
    ib.tag(str(created.arn), {"b": "2"})
    emulator.clear_requests()
    updated = ib.distribution_configurations.update(attrs.evolve(created, description="x"))
    assert operations(emulator) == [
        "UpdateDistributionConfiguration",
        "GetDistributionConfiguration",
    ]
    assert updated.tags == {"a": "1", "b": "2"}


@attrs.frozen
class _Tagged:
    arn: str
    tags: dict[str, str]
    description: str = ""


def test_fetched_tags_forget_the_oldest_and_other_arns() -> None:
    """Past its size the oldest entry is forgotten; an entry counts only for its own ARN."""
    memory = FetchedTags(size=1)
    first = _Tagged(arn="arn:one", tags={"k": "v"})
    second = _Tagged(arn="arn:two", tags={"k": "v"})
    memory.remember(first)
    assert memory.unchanged(first)
    assert memory.unchanged(attrs.evolve(first, description="same tags object"))
    assert not memory.unchanged(attrs.evolve(first, arn="arn:other"))
    assert not memory.unchanged(attrs.evolve(first, tags={"k": "v"}))
    memory.remember(second)
    assert memory.unchanged(second)
    assert not memory.unchanged(first)
