"""Concurrency: eight threads share one `ImageBuilder`, in process and over HTTP.

Each thread creates 100 resources (infrastructure and distribution configurations,
alternately, each tagged with who made it) and lists them as it goes. Afterwards the
account must hold every resource exactly once, each with the name, description and
tags its thread gave it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import Distribution
from imagebuilder_sdk.testing import Emulator
from tests.reliability.conftest import Figures
from tests.reliability.snapshot import snapshot
from tests.reliability.support import facade, http_facade

THREADS = 8
PER_THREAD = 100
#: A thread lists its own resources after this many creates.
LIST_EVERY = 25

_KINDS = ("infrastructure-configuration", "distribution-configuration")


def _name(thread: int, item: int) -> str:
    return f"t{thread}-item-{item:03d}"


def _create(ib: ImageBuilder, thread: int, item: int) -> str:
    """Create resource `item` of `thread`; check the answer is the one asked for."""
    name = _name(thread, item)
    tags = {"thread": str(thread), "item": str(item)}
    if item % 2 == 0:
        made_i = ib.infrastructure_configurations.create(
            name=name, instance_profile_name="builder", description=name, tags=tags
        )
        assert (made_i.name, made_i.description) == (name, name)
        return str(made_i.arn)
    made_d = ib.distribution_configurations.create(
        name=name,
        distributions=[Distribution(region="us-east-1")],
        description=name,
        tags=tags,
    )
    assert (made_d.name, made_d.description) == (name, name)
    return str(made_d.arn)


def _listed(ib: ImageBuilder, thread: int) -> set[str]:
    """The ARNs a thread's name filter lists (the emulator takes ``*`` as a wildcard)."""
    mine = f"t{thread}-item-*"
    infrastructure = ib.infrastructure_configurations.list(name=mine, page_size=100)
    distribution = ib.distribution_configurations.list(name=mine, page_size=100)
    return {str(s.arn) for s in infrastructure} | {str(s.arn) for s in distribution}


def _worker(ib: ImageBuilder, thread: int, start: threading.Barrier) -> list[str]:
    """One thread's share: create its resources, listing them every `LIST_EVERY`."""
    start.wait()
    arns: list[str] = []
    for item in range(PER_THREAD):
        arns.append(_create(ib, thread, item))
        if (item + 1) % LIST_EVERY == 0:
            assert _listed(ib, thread) == set(arns), f"thread {thread} lists other resources"
    return arns


def _run(ib: ImageBuilder) -> list[str]:
    """Every thread's ARNs, in thread order."""
    start = threading.Barrier(THREADS)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(_worker, ib, thread, start) for thread in range(THREADS)]
        return [arn for future in futures for arn in future.result()]


def _audit(emulator: Emulator, arns: list[str]) -> dict[str, int]:
    """Lost, duplicated and corrupted resources, read from the emulator's backend."""
    state = {arn: v for arn, v in snapshot(emulator).items() if v["kind"] in _KINDS}
    names = [v["description"]["name"] for v in state.values()]
    corrupted = 0
    for value in state.values():
        thread, item = value["tags"]["thread"], value["tags"]["item"]
        expected = _name(int(thread), int(item))
        corrupted += value["description"]["name"] != expected
        corrupted += value["description"].get("description") != expected
    return {
        "created": len(state),
        "lost": len(set(arns) - set(state)),
        "duplicated": (len(arns) - len(set(arns))) + (len(names) - len(set(names))),
        "corrupted": corrupted,
    }


@pytest.fixture
def served(emulator: Emulator) -> Iterator[str]:
    """The emulator served over HTTP on loopback."""
    with emulator.serve() as url:
        yield url


def _check(audit: dict[str, int]) -> None:
    assert audit == {
        "created": THREADS * PER_THREAD,
        "lost": 0,
        "duplicated": 0,
        "corrupted": 0,
    }


def test_threads_share_one_facade_in_process(emulator: Emulator, figures: Figures) -> None:
    """8 threads x 100 creates on one in-process facade: none lost, doubled or mixed up."""
    audit = _audit(emulator, _run(facade(emulator)))
    _check(audit)
    figures.record("concurrency.threads", THREADS)
    figures.record("concurrency.per_thread", PER_THREAD)
    figures.record("concurrency.in_process", audit["created"])


def test_threads_share_one_facade_over_http(
    emulator: Emulator, served: str, figures: Figures
) -> None:
    """8 threads x 100 creates on one facade over HTTP: none lost, doubled or mixed up."""
    slept: list[float] = []
    ib = http_facade(served, sleep=slept.append, max_pool_connections=THREADS)
    audit = _audit(emulator, _run(ib))
    _check(audit)
    assert slept == []  # nothing failed, so nothing was retried
    figures.record("concurrency.http", audit["created"])
    figures.record("concurrency.lost", audit["lost"])
    figures.record("concurrency.duplicated", audit["duplicated"])
    figures.record("concurrency.corrupted", audit["corrupted"])
