"""Backend tests for pagination: many pages, stable order, refused tokens."""

from __future__ import annotations

import base64
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk.testing._backend import Backend
from tests.emulator.test_backend_support import Api


def _fill(api: Api, count: int) -> None:
    for n in range(count):
        api.component(name=f"part-{n:03d}")


def _pages(api: Api, operation: str, key: str, **params: Any) -> list[list[dict[str, Any]]]:
    pages = []
    while True:
        answer = api(operation, **params)
        pages.append(answer[key])
        if "nextToken" not in answer:
            return pages
        params["nextToken"] = answer["nextToken"]


def test_many_pages_cover_every_item_once() -> None:
    """Paging through 30 components 7 at a time yields each once, in order."""
    api = Api()
    _fill(api, 30)
    pages = _pages(api, "ListComponents", "componentVersionList", maxResults=7)
    assert [len(page) for page in pages] == [7, 7, 7, 7, 2]
    names = [v["name"] for page in pages for v in page]
    assert names == [f"part-{n:03d}" for n in range(30)]


def test_default_page_size_is_25() -> None:
    """Without maxResults a page holds 25 items and offers a next token."""
    api = Api()
    _fill(api, 26)
    answer = api("ListComponents")
    assert len(answer["componentVersionList"]) == 25
    assert "nextToken" in answer


def test_last_page_has_no_token() -> None:
    """A list that fits in one page has no nextToken."""
    api = Api()
    _fill(api, 3)
    assert "nextToken" not in api("ListComponents", maxResults=3)


def test_pages_stay_stable_when_items_are_added() -> None:
    """Items created between two pages neither repeat nor shift the items already seen."""
    api = Api()
    _fill(api, 4)
    first = api("ListComponents", maxResults=2)
    api.component(name="part-000a")
    api.component(name="part-002a")
    rest = api("ListComponents", maxResults=10, nextToken=first["nextToken"])
    names = [v["name"] for v in first["componentVersionList"] + rest["componentVersionList"]]
    assert names == ["part-000", "part-001", "part-002", "part-002a", "part-003"]


def test_forged_token_is_refused() -> None:
    """A token the backend never issued raises InvalidPaginationTokenException."""
    payload = base64.urlsafe_b64encode(json.dumps({"q": "0", "k": ["a"]}).encode()).decode()
    error = Api().error("ListComponents", nextToken=f"{payload}.AAAA")
    assert error.code == "InvalidPaginationTokenException"


def test_garbage_token_is_refused() -> None:
    """A token that is not even well-formed raises InvalidPaginationTokenException."""
    error = Api().error("ListImages", nextToken="definitely-not-a-token")
    assert error.code == "InvalidPaginationTokenException"


def test_tampered_token_is_refused() -> None:
    """Changing one character of a real token makes it invalid."""
    api = Api()
    _fill(api, 3)
    token = api("ListComponents", maxResults=1)["nextToken"]
    tampered = ("B" if token[0] != "B" else "C") + token[1:]
    assert api.error("ListComponents", maxResults=1, nextToken=tampered).code == (
        "InvalidPaginationTokenException"
    )


def test_token_for_another_query_is_refused() -> None:
    """A token only continues the query it came from."""
    api = Api()
    _fill(api, 3)
    token = api("ListComponents", maxResults=1)["nextToken"]
    error = api.error("ListComponents", owner="Amazon", maxResults=1, nextToken=token)
    assert error.code == "InvalidPaginationTokenException"


def test_token_from_another_backend_is_refused() -> None:
    """Tokens are signed per backend; another backend's token is refused."""
    api = Api()
    _fill(api, 3)
    token = api("ListComponents", maxResults=1)["nextToken"]
    other = Api(Backend())
    _fill(other, 3)
    error = other.error("ListComponents", maxResults=1, nextToken=token)
    assert error.code == "InvalidPaginationTokenException"


def test_page_size_may_change_between_pages() -> None:
    """maxResults is not part of the query a token is bound to."""
    api = Api()
    _fill(api, 5)
    token = api("ListComponents", maxResults=1)["nextToken"]
    rest = api("ListComponents", maxResults=10, nextToken=token)["componentVersionList"]
    assert len(rest) == 4


def test_list_image_packages_pages() -> None:
    """ListImagePackages pages like the other lists."""
    api = Api()
    arn = api.image()
    api.clock.advance(3600)
    pages = _pages(
        api, "ListImagePackages", "imagePackageList", imageBuildVersionArn=arn, maxResults=5
    )
    names = [p["packageName"] for page in pages for p in page]
    assert len(pages) > 1
    assert len(names) == len(set(names))


@settings(max_examples=15)
@given(count=st.integers(min_value=0, max_value=12), size=st.integers(min_value=1, max_value=5))
def test_pages_concatenate_to_the_whole_list(count: int, size: int) -> None:
    """For any item count and page size, the pages together are the full list."""
    backend = Backend()
    for n in range(count):
        backend.dispatch(
            "CreateInfrastructureConfiguration",
            {"name": f"infra-{n:02d}", "instanceProfileName": "p", "clientToken": str(n)},
        )
    seen: list[str] = []
    params: dict[str, Any] = {"maxResults": size}
    while True:
        answer = backend.dispatch("ListInfrastructureConfigurations", params)
        seen += [s["name"] for s in answer["infrastructureConfigurationSummaryList"]]
        if "nextToken" not in answer:
            break
        params["nextToken"] = answer["nextToken"]
    assert seen == [f"infra-{n:02d}" for n in range(count)]
