"""Peak memory while iterating a listing: it must not grow with the listing's length.

`ib.images.list()` is iterated over a small and a large canned listing, keeping no item,
under `tracemalloc`; a lazy listing holds one page at a time, so both peaks should be
about the same. The figure is the large listing's peak, held to the small one's plus
5 MB. The page bodies are made as they are asked for, so the canned data
itself does not grow with the listing either.
"""

from __future__ import annotations

import gc
import tracemalloc

from benchmarks._canned import canned_client, streamed_pages
from benchmarks._figures import Figure, Settings
from benchmarks.ratios import PAGE_SIZE
from imagebuilder_sdk import ImageBuilder

__all__ = ["ALLOWED_GROWTH_MB", "listing_peak_bytes", "memory_figure"]

#: How much more the large listing may take at its peak than the small one.
ALLOWED_GROWTH_MB = 5.0


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
    """Peak MB listing the large number of items; the target is the small listing's + 5 MB."""
    small, large = settings.memory_items
    small_peak = listing_peak_bytes(small) / 2**20
    large_peak = listing_peak_bytes(large) / 2**20
    return Figure(
        key="memory_mb",
        title=(
            f"peak memory iterating {large:,} listed items, items not kept "
            f"(target: the peak for {small:,} + {ALLOWED_GROWTH_MB:g} MB)"
        ),
        value=round(large_peak, 2),
        unit="MB",
        target=round(small_peak + ALLOWED_GROWTH_MB, 2),
        detail={
            "small_items": small,
            "large_items": large,
            "small_peak_mb": round(small_peak, 2),
            "growth_mb": round(large_peak - small_peak, 2),
        },
    )
