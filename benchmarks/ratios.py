"""The SDK's overhead over raw boto3: listing images and getting one image.

Both sides use identical plain boto3 clients answered by the same canned bodies, so the
ratio is what the SDK adds (typed models, request checks, retries, error translation)
on top of what botocore does anyway.

The two sides run in lockstep: one step of raw boto3 (a page, or a call), then the same
step through the SDK, each timed on its own, the order swapped every step. On a shared
machine the speed of the CPU drifts by a factor of two within a second; in lockstep
both sides see the same drift, and each repetition's ratio is the SDK's total over
boto3's total.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import time
from collections.abc import Callable, Iterator

from botocore import xform_name

from benchmarks._canned import (
    IMAGE_ARN,
    Answer,
    canned_client,
    get_image_answer,
    list_pages,
    summaries_pages,
)
from benchmarks._figures import Figure, Settings, median
from imagebuilder_sdk import ImageBuilder

__all__ = ["PAGE_SIZE", "get_ratio", "list_ratio", "lockstep", "other_list_ratios"]

#: The service's largest page: both sides make the same number of requests.
PAGE_SIZE = 100

#: Makes a fresh run of one side: an iterator that does one step per `next`.
Steps = Callable[[], Iterator[object]]


def lockstep(raw: Steps, sdk: Steps) -> tuple[float, float]:
    """CPU seconds of a whole run of each side, their steps timed in alternation."""
    clock = time.process_time
    totals = [0.0, 0.0]
    runs = [raw(), sdk()]
    gc.collect()
    for step in itertools.count():
        order = (0, 1) if step % 2 == 0 else (1, 0)
        finished = []
        for side in order:
            started = clock()
            finished.append(next(runs[side], None) is None)
            totals[side] += clock() - started
        if any(finished):
            if not all(finished):
                raise RuntimeError("the two sides took a different number of steps")
            return totals[0], totals[1]
    raise AssertionError("unreachable")  # pragma: no cover


def _repeat(raw: Steps, sdk: Steps, repeat: int) -> tuple[float, float, float]:
    """Median seconds of each side and the median ratio, after one warm-up run."""
    lockstep(raw, sdk)
    results = [lockstep(raw, sdk) for _ in range(repeat)]
    ratios = [sdk_s / raw_s for raw_s, sdk_s in results]
    return median([r for r, _ in results]), median([s for _, s in results]), median(ratios)


@dataclasses.dataclass(frozen=True)
class Listing:
    """One listing measured against boto3's paginator for the same operation."""

    key: str
    """The figure's key at the largest page (``_25`` is added at 25 a page)."""
    repository: str
    """The `ImageBuilder` attribute whose ``list()`` is timed."""
    operation: str
    """The API operation both sides page through."""
    member: str
    """The answer's list member, on the boto3 side."""
    what: str
    """What the items are, for the title."""


IMAGES = Listing("list_ratio", "images", "ListImages", "imageVersionList", "image versions")
#: Listings answered with every member of their items filled in.
OTHER_LISTINGS = (
    Listing(
        "list_ratio_components",
        "components",
        "ListComponents",
        "componentVersionList",
        "component versions",
    ),
    Listing(
        "list_ratio_lifecycle",
        "lifecycle_policies",
        "ListLifecyclePolicies",
        "lifecyclePolicySummaryList",
        "lifecycle policies",
    ),
)


def list_ratio(settings: Settings) -> list[Figure]:
    """`ib.images.list()` against boto3's paginator at the largest page and at 25 a page."""
    total = settings.list_items
    return [
        _list_ratio(settings, IMAGES, total, page_size, list_pages(total, page_size))
        for page_size in (PAGE_SIZE, 25)
    ]


def other_list_ratios(settings: Settings) -> list[Figure]:
    """Component versions and lifecycle policies (a newer resource, with timestamps) listed
    through the SDK against boto3's paginator, at the largest page and at 25 a page."""
    total = settings.other_list_items
    return [
        _list_ratio(
            settings,
            listing,
            total,
            page_size,
            summaries_pages(listing.operation, total, page_size),
        )
        for listing in OTHER_LISTINGS
        for page_size in (PAGE_SIZE, 25)
    ]


def _list_ratio(
    settings: Settings, listing: Listing, total: int, page_size: int, answer: Answer
) -> Figure:
    """`listing` through the SDK against boto3's paginator, a page a step."""
    raw_client, _ = canned_client({listing.operation: answer})
    sdk_client, _ = canned_client({listing.operation: answer})
    repository = getattr(ImageBuilder(sdk_client), listing.repository)
    paginator = raw_client.get_paginator(xform_name(listing.operation))

    def raw() -> Iterator[int]:
        count = 0
        for page in paginator.paginate(PaginationConfig={"PageSize": page_size}):
            for _item in page[listing.member]:
                count += 1
            yield count
        if count != total:
            raise RuntimeError(f"boto3 listed {count} items, not {total}")

    def sdk() -> Iterator[int]:
        items = iter(repository.list(page_size=page_size))
        count = 0
        while count < total:
            for _item in itertools.islice(items, page_size):
                count += 1
            yield count
        if next(items, None) is not None:
            raise RuntimeError(f"the SDK listed more than {total} items")

    raw_s, sdk_s, ratio = _repeat(raw, sdk, settings.repeat)
    return Figure(
        key=listing.key + ("" if page_size == PAGE_SIZE else f"_{page_size}"),
        title=(
            f"`ib.{listing.repository}.list()` over {total:,} {listing.what},"
            f" {page_size} a page, vs boto3 paginator"
        ),
        value=round(ratio, 3),
        unit="x",
        target=1.10,
        detail={
            "items": total,
            "page_size": page_size,
            "boto3_ms": round(raw_s * 1000, 2),
            "sdk_ms": round(sdk_s * 1000, 2),
        },
    )


def get_ratio(settings: Settings) -> Figure:
    """`ib.images.get(arn)` of a fully populated image against raw `get_image`, a call a step."""
    calls = settings.get_calls
    answers = {"GetImage": get_image_answer()}
    raw_client, _ = canned_client(answers)
    sdk_client, _ = canned_client(answers)
    ib = ImageBuilder(sdk_client)

    def raw() -> Iterator[object]:
        for _ in range(calls):
            yield raw_client.get_image(imageBuildVersionArn=IMAGE_ARN)["image"]

    def sdk() -> Iterator[object]:
        for _ in range(calls):
            yield ib.images.get(IMAGE_ARN)

    raw_s, sdk_s, ratio = _repeat(raw, sdk, settings.repeat)
    return Figure(
        key="get_ratio",
        title="`ib.images.get(arn)` of a fully populated `Image` vs `client.get_image`",
        value=round(ratio, 3),
        unit="x",
        target=1.15,
        detail={
            "calls": calls,
            "boto3_us_per_call": round(raw_s / calls * 1e6, 1),
            "sdk_us_per_call": round(sdk_s / calls * 1e6, 1),
        },
    )
