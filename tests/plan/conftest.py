"""Fixtures for the plan/apply tests: facades on one emulator, request counting, stacks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from examples.golden_stack import BASELINE, declare
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.plan import Stack
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import make_facade

__all__ = ["BASELINE", "account", "counting", "declare", "facade", "writes"]

#: Operation name prefixes of the calls that change an account.
WRITE_PREFIXES = ("Create", "Update", "Delete", "Put", "Tag", "Untag", "Start", "Import")


def facade(emulator: Emulator, **policy: Any) -> ImageBuilder:
    """A new facade (as another process would make) on `emulator`, retries on its clock."""
    return make_facade(emulator, [], **policy)


@contextmanager
def counting(ib: ImageBuilder) -> Iterator[Counter[str]]:
    """Requests the facade's client sends while inside, by operation (a botocore event hook)."""
    calls: Counter[str] = Counter()

    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    ib.client.meta.events.register("before-call.imagebuilder", count)
    try:
        yield calls
    finally:
        ib.client.meta.events.unregister("before-call.imagebuilder", count)


def writes(calls: Counter[str]) -> dict[str, int]:
    """The counted requests that write."""
    return {op: n for op, n in calls.items() if op.startswith(WRITE_PREFIXES)}


def account(ib: ImageBuilder) -> dict[str, list[str]]:
    """What the account owns, listed through the service: ARNs per kind, sorted."""
    # One row a version (the latest build); then every build of each version.
    components = sorted(
        str(build.arn)
        for version in ib.components.list(owner="Self")
        for build in ib.components.build_versions(str(version.arn))
    )
    return {
        "components": components,
        "image_recipes": sorted(str(r.arn) for r in ib.image_recipes.list(owner="Self")),
        "container_recipes": sorted(str(r.arn) for r in ib.container_recipes.list(owner="Self")),
        "infrastructure": sorted(str(c.arn) for c in ib.infrastructure_configurations.list()),
        "distribution": sorted(str(c.arn) for c in ib.distribution_configurations.list()),
        "pipelines": sorted(str(p.arn) for p in ib.image_pipelines.list()),
    }


@pytest.fixture
def emulator() -> Emulator:
    """A fresh emulated account on a virtual clock."""
    return Emulator()


@pytest.fixture
def ib(emulator: Emulator) -> ImageBuilder:
    """A facade on the emulator; botocore retries off, so one attempt is one request."""
    return facade(emulator)


@pytest.fixture
def golden() -> Stack:
    """The golden-image stack of the demo: component, recipe, two configurations, pipeline."""
    return declare()
