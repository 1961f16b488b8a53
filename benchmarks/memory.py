"""Peak memory while iterating a listing: it must not grow with the listing's length.

`ib.images.list()` is iterated over a small and a large canned listing, keeping no item,
under `tracemalloc`; a lazy listing holds one page at a time, so both peaks should be
about the same. The page bodies are made as they are asked for, so the canned data
itself does not grow with the listing either.
"""

from __future__ import annotations

import gc
import tracemalloc

from benchmarks._canned import canned_client, streamed_pages
from benchmarks._figures import Figure, Settings
from benchmarks.ratios import PAGE_SIZE
from imagebuilder_sdk import ImageBuilder

__all__ = ["listing_peak_bytes", "memory_figure"]


def listing_peak_bytes(items: int) -> int:
    """Peak bytes allocated (traced) while iterating a listing of `items` image versions."""
    client, _ = canned_client({"ListImages": streamed_pages(items, PAGE_SIZE)})
    ib = ImageBuilder(client)
    for _ in ib.images.list(page_size=PAGE_SIZE):  # warm caches before tracing
        break
    gc.collect()
    tracemalloc.start()
    try:
        count = 0
        for _item in ib.images.list(page_size=PAGE_SIZE):
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if count != items:
        raise RuntimeError(f"listed {count} items, not {items}")
    return peak


def memory_figure(settings: Settings) -> Figure:
    """The growth of peak memory from the small listing to the large one, in MB."""
    small, large = settings.memory_items
    small_peak = listing_peak_bytes(small)
    large_peak = listing_peak_bytes(large)
    return Figure(
        key="memory_mb",
        title=f"peak memory listing {large:,} items minus listing {small:,} (items not kept)",
        value=round((large_peak - small_peak) / 2**20, 2),
        unit="MB",
        target=5.0,
        detail={
            "small_items": small,
            "large_items": large,
            "small_peak_mb": round(small_peak / 2**20, 2),
            "large_peak_mb": round(large_peak / 2**20, 2),
        },
    )
