"""Listings against the emulator: lazy, page after page through the service's tokens."""

from __future__ import annotations

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import ImageRecipe, InfrastructureConfiguration
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import DOCUMENT, sent

COUNT = 57


@pytest.fixture
def many(ib: ImageBuilder, emulator: Emulator) -> int:
    """57 own components (made through the plain client), requests forgotten."""
    for n in range(COUNT):
        ib.client.create_component(
            name=f"part-{n:02d}", semanticVersion="1.0.0", platform="Linux", data=DOCUMENT
        )
    emulator.clear_requests()
    return COUNT


def test_list_requests_nothing_until_iterated(ib: ImageBuilder, emulator: Emulator) -> None:
    """Calling list() sends no request."""
    ib.components.list(page_size=5)
    ib.images.list()
    ib.image_pipelines.list()
    assert emulator.requests == []


def test_iteration_reads_every_page(ib: ImageBuilder, emulator: Emulator, many: int) -> None:
    """57 components with page_size=5 come back whole, in 12 requests of 5."""
    names = [str(c.name) for c in ib.components.list(page_size=5)]
    assert sorted(names) == [f"part-{n:02d}" for n in range(many)]
    requests = sent(emulator, "ListComponents")
    assert len(requests) == 12
    assert {r.params["maxResults"] for r in requests} == {5}
    assert "nextToken" not in requests[0].params
    assert all("nextToken" in r.params for r in requests[1:])


def test_pages_expose_the_pages(ib: ImageBuilder, many: int) -> None:
    """.pages() yields 11 full pages and a last one of 2, which says it is the last."""
    pages = list(ib.components.list(page_size=5).pages())
    assert [len(p.items) for p in pages] == [5] * 11 + [2]
    assert [p.has_more for p in pages] == [True] * 11 + [False]


def test_first_reads_one_page(ib: ImageBuilder, emulator: Emulator, many: int) -> None:
    """.first() sends a single request."""
    first = ib.components.list(page_size=5).first()
    assert first is not None
    assert len(sent(emulator, "ListComponents")) == 1


def test_each_iteration_starts_over(ib: ImageBuilder, emulator: Emulator, many: int) -> None:
    """Iterating twice reads every page twice and yields the same items."""
    listing = ib.components.list(page_size=20)
    assert [c.arn for c in listing] == [c.arn for c in listing]
    assert len(sent(emulator, "ListComponents")) == 6


def test_a_throttled_page_is_retried(
    ib: ImageBuilder, emulator: Emulator, sleeps: list[float], many: int
) -> None:
    """A throttled page in the middle of a listing is retried; nothing is lost."""
    listing = iter(ib.components.list(page_size=10))
    head = [next(listing) for _ in range(15)]
    emulator.faults.throttle("ListComponents")
    rest = list(listing)
    assert len({c.arn for c in head + rest}) == many
    assert sleeps == [0.5]


def test_image_build_versions_pages(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """images.build_versions() pages through many builds of one version."""
    builds = [
        ib.images.create(
            image_recipe_arn=str(recipe.arn),
            infrastructure_configuration_arn=str(infrastructure.arn),
        ).arn
        for _ in range(5)
    ]
    version_arn = builds[0].rsplit("/", 1)[0]
    emulator.clear_requests()
    listed = list(ib.images.build_versions(version_arn, page_size=2))
    assert sorted(str(b.arn) for b in listed) == sorted(builds)
    assert len(sent(emulator, "ListImageBuildVersions")) == 3
