"""Scale: listing, filtering, paging and `latest()` through the SDK at 1k, 10k and 100k items.

An emulator is seeded with ``n`` component versions written straight into its store
(creating 100,000 one by one would time the seeding, not the reads), ten names with
``n / 10`` versions each. Through `ImageBuilder` attached to it, each size times:

- ``list_25`` and ``list_100``: every component, 25 and 100 a page;
- ``filtered``: one name's versions (``n / 10``), 100 a page, the filter applied by
  the emulator;
- ``latest``: ``components.latest(name)``, which reads every version of the name.

Each is reported as CPU time per item returned, and held to growing linearly: the
figure is the time per item at the largest size over that at the smallest, target
`LINEAR_TARGET`. A cost per page that grew with the collection (a scan and sort per
page, as the emulator once did) makes the ratio grow with the size.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from benchmarks._figures import Figure, Settings, median, timed
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.testing import Emulator

__all__ = ["LINEAR_TARGET", "NAMES", "OPERATIONS", "scale_figures", "seed_components"]

#: Time per item at the largest size may be at most this many times that at the smallest.
LINEAR_TARGET = 1.5
#: How many names the seeded versions are spread over.
NAMES = 10
#: The name whose versions the filtered listing and `latest()` read.
_WANTED = "app-3"

#: The operations timed at each size, with what the table calls them.
OPERATIONS = {
    "list_25": "list every component, 25 a page",
    "list_100": "list every component, 100 a page",
    "filtered": "list one name's versions (a tenth), filtered by the emulator",
    "latest": "components.latest(name) over a tenth of the versions",
}

_DOCUMENT = "name: scale\nschemaVersion: 1.0\nphases: []\n"


def seed_components(emulator: Emulator, count: int) -> None:
    """Store `count` component versions (build 1 each) in the emulator, as a create would.

    The records have the members `CreateComponent` stores; they are written through the
    store's own `put`, under the backend's lock.
    """
    backend = emulator.backend
    state = backend._state
    created = state.now()
    with backend._lock:
        for number in range(count):
            name = f"app-{number % NAMES}"
            step = number // NAMES
            version = f"1.{step // 1000}.{step % 1000}"
            state.put(
                "component",
                {
                    "name": name,
                    "version": version,
                    "type": "BUILD",
                    "platform": "Linux",
                    "state": {"status": "ACTIVE"},
                    "owner": state.account_id,
                    "encrypted": True,
                    "dateCreated": created,
                    "obfuscate": False,
                    "description": f"component {number}",
                    "data": _DOCUMENT,
                    "arn": state.arn("component", name, version, 1),
                },
            )


def _operations(ib: ImageBuilder, count: int) -> dict[str, tuple[int, Callable[[], int]]]:
    """Each timed operation: the items it must return, and a call returning how many it did."""

    def listing(**options: Any) -> Callable[[], int]:
        return lambda: sum(1 for _ in ib.components.list(**options))

    def latest() -> int:
        found = ib.components.latest(_WANTED)
        if found is None or found.name != _WANTED:
            raise RuntimeError(f"latest({_WANTED!r}) found {found!r}")
        return count // NAMES

    return {
        "list_25": (count, listing(page_size=25)),
        "list_100": (count, listing(page_size=100)),
        "filtered": (count // NAMES, listing(name=_WANTED, page_size=100)),
        "latest": (count // NAMES, latest),
    }


def _into(got: list[int], run: Callable[[], int]) -> None:
    got.append(run())


def per_item_us(count: int, repeat: int) -> dict[str, float]:
    """Median CPU µs per item returned, for each operation, at one size."""
    emulator = Emulator()
    seed_components(emulator, count)
    ib = ImageBuilder(emulator.client())
    results: dict[str, float] = {}
    for name, (expected, run) in _operations(ib, count).items():
        samples = []
        for _ in range(repeat):
            # Each run starts cold: no listing kept from the run before.
            emulator.backend._state.listings.clear()
            got: list[int] = []
            samples.append(timed(functools.partial(_into, got, run)) / expected * 1e6)
            if got != [expected]:
                raise RuntimeError(f"{name} returned {got} items at {count:,}, not {expected:,}")
            emulator.clear_requests()
        results[name] = round(median(samples), 2)
    return results


def scale_figures(settings: Settings) -> list[Figure]:
    """Per-item time at each size, and each operation's growth from smallest to largest."""
    sizes = settings.scale_sizes
    by_size = {
        size: per_item_us(size, settings.scale_repeat if size < max(sizes) else 1)
        for size in sorted(sizes)  # the smallest first: it also warms the process up
    }
    smallest, largest = min(sizes), max(sizes)
    figures = []
    for name, title in OPERATIONS.items():
        growth = by_size[largest][name] / by_size[smallest][name]
        figures.append(
            Figure(
                key=f"scale_{name}",
                title=(
                    f"scale: {title}; time per item at {largest:,} / at {smallest:,} "
                    f"(target: linear, <= {LINEAR_TARGET:g}x)"
                ),
                value=round(growth, 2),
                unit="x",
                target=LINEAR_TARGET,
                detail={f"us_per_item_at_{size}": by_size[size][name] for size in sizes},
            )
        )
    return figures
