"""The exact requests a verb sends: no more than a careful raw-boto3 user would.

Each test names the requests in order, as the emulator recorded them; see the
"Requests per verb" section of docs/performance.md for why each one is needed.
"""

from __future__ import annotations

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.plan import ComponentSpec, InfrastructureSpec, Stack, plan
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
