"""Paging through a listing does the listing's work once, not once per page.

Work is counted (summaries projected, builds brought up to the clock), never timed:
a listing of ``n`` items read ``k`` at a time used to scan, project and sort all ``n``
on each of its ``n / k`` pages. The kept listing must still show every change made
between two pages.
"""

from __future__ import annotations

from typing import Any

import pytest

from imagebuilder_sdk.testing import _ops_components, _ops_images
from imagebuilder_sdk.testing._state import project
from imagebuilder_sdk.testing._state_builds import refresh as refresh_build
from imagebuilder_sdk.testing._state_names import record_arn, record_version_key
from imagebuilder_sdk.testing._state_paging import KEPT_LISTINGS
from tests.emulator.test_backend_support import Api


def _pages(api: Api, operation: str, key: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a listing, page after page."""
    items: list[dict[str, Any]] = []
    while True:
        answer = api(operation, **params)
        items.extend(answer[key])
        if "nextToken" not in answer:
            return items
        params["nextToken"] = answer["nextToken"]


@pytest.fixture
def projected(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many summaries the component and image listings project, by shape."""
    counts: dict[str, int] = {}

    def counting(real: Any) -> Any:
        def project(record: dict[str, Any], shape_name: str) -> dict[str, Any]:
            counts[shape_name] = counts.get(shape_name, 0) + 1
            result: dict[str, Any] = real(record, shape_name)
            return result

        return project

    monkeypatch.setattr(_ops_components, "project", counting(project))
    monkeypatch.setattr(_ops_images, "project", counting(project))
    return counts


def test_a_paged_component_listing_projects_each_item_once(projected: dict[str, int]) -> None:
    """40 components read 5 a page (8 pages): 40 summaries made, not 8 x 40."""
    api = Api()
    for n in range(40):
        api.component(name=f"part-{n:03d}")
    items = _pages(api, "ListComponents", "componentVersionList", maxResults=5)
    assert [item["name"] for item in items] == [f"part-{n:03d}" for n in range(40)]
    assert projected["ComponentVersion"] == 40


def test_a_paged_image_listing_projects_and_refreshes_each_item_once(
    projected: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """12 images read 2 a page (6 pages): each is projected and refreshed once in all."""
    api = Api()
    infra = api.infra()
    for n in range(12):
        api.image(
            imageRecipeArn=api.recipe(name=f"web-{n:02d}"), infrastructureConfigurationArn=infra
        )
    refreshed = 0
    real_refresh = refresh_build

    def refresh(state: Any, record: dict[str, Any]) -> dict[str, Any]:
        nonlocal refreshed
        refreshed += 1
        result: dict[str, Any] = real_refresh(state, record)
        return result

    monkeypatch.setattr(_ops_images, "refresh", refresh)
    items = _pages(api, "ListImages", "imageVersionList", maxResults=2)
    assert len(items) == 12
    assert projected["ImageVersion"] == 12
    assert refreshed == 12


def test_a_component_deleted_between_pages_is_not_listed() -> None:
    """A delete between two pages is seen by the next page (the kept listing is dropped)."""
    api = Api()
    arns = [api.component(name=f"part-{n:03d}") for n in range(6)]
    first = api("ListComponents", maxResults=2)
    api("DeleteComponent", componentBuildVersionArn=arns[4])
    rest = _pages(
        api, "ListComponents", "componentVersionList", maxResults=2, nextToken=first["nextToken"]
    )
    assert [item["name"] for item in rest] == ["part-002", "part-003", "part-005"]


def test_a_new_build_made_between_pages_shows_on_the_next_page() -> None:
    """A new build of a listed version (another description) is what a later page lists."""
    api = Api()
    for n in range(4):
        api.component(name=f"part-{n:03d}")
    first = api("ListComponents", maxResults=2)
    changed = api.component(name="part-003", description="second build")
    rest = api("ListComponents", maxResults=2, nextToken=first["nextToken"])
    listed = {item["name"]: item for item in rest["componentVersionList"]}
    assert listed["part-003"]["description"] == "second build"
    assert changed.endswith("/2")


def test_the_clock_moving_between_pages_makes_the_listing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Builds move on with the clock: once it moves, the next page reads every build again."""
    api = Api()
    infra = api.infra()
    images = [
        api.image(imageRecipeArn=api.recipe(name=f"web-{n}"), infrastructureConfigurationArn=infra)
        for n in range(3)
    ]
    refreshed: list[str] = []
    real_refresh = refresh_build

    def refresh(state: Any, record: dict[str, Any]) -> dict[str, Any]:
        refreshed.append(record["arn"])
        result: dict[str, Any] = real_refresh(state, record)
        return result

    monkeypatch.setattr(_ops_images, "refresh", refresh)
    first = api("ListImages", maxResults=1)
    second = api("ListImages", maxResults=1, nextToken=first["nextToken"])
    assert len(refreshed) == 3  # the second page reused the listing
    api.clock.advance(24 * 3600)
    third = api("ListImages", maxResults=1, nextToken=second["nextToken"])
    assert len(refreshed) == 6  # the clock moved: every build brought up to it again
    listed = [page["imageVersionList"][0]["arn"] for page in (first, second, third)]
    assert listed == [arn.rsplit("/", 1)[0] for arn in images]
    assert "nextToken" not in third


def test_only_a_few_listings_are_kept() -> None:
    """Many different queries keep at most KEPT_LISTINGS listings in memory."""
    api = Api()
    for n in range(3):
        api.component(name=f"part-{n}")
    for n in range(KEPT_LISTINGS + 4):
        api("ListComponents", maxResults=1, filters=[{"name": "name", "values": [f"p*{n}"]}])
    state = api.backend._state  # the store is what this test inspects
    assert 0 < len(state.listings) <= KEPT_LISTINGS


def test_a_bad_token_is_refused_even_when_a_listing_is_kept() -> None:
    """A kept listing never lets a forged token through."""
    api = Api()
    for n in range(4):
        api.component(name=f"part-{n}")
    first = api("ListComponents", maxResults=2)
    token = first["nextToken"]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    error = api.raw_error("ListComponents", maxResults=2, nextToken=forged)
    assert error.code == "InvalidPaginationTokenException"


def test_a_record_keeps_its_parsed_arn_until_the_arn_changes() -> None:
    """The parse kept in a record is the parse of its current ARN, never a stale one."""
    record: dict[str, Any] = {
        "arn": "arn:aws:imagebuilder:us-east-1:123456789012:component/a/1.0.0/1"
    }
    first = record_arn(record)
    assert first is not None
    assert (first.name, first.version, first.build) == ("a", "1.0.0", 1)
    assert record_version_key(record) == ("a", 1, 0, 0, 1)
    record["arn"] = "arn:aws:imagebuilder:us-east-1:123456789012:component/b/2.10.0/3"
    assert record_version_key(record) == ("b", 2, 10, 0, 3)
    second = record_arn(record)
    assert second is not None
    assert second.name == "b"
