"""Run every benchmark, print the table, write ``benchmarks/results.json`` and the docs table.

::

    python -m benchmarks.run              # the full run (what `make bench` does)
    python -m benchmarks.run --quick      # tiny sizes, one repetition: checks it all works

A quick run writes nothing unless given ``--output`` (its figures mean nothing); a full
run writes ``benchmarks/results.json`` and the table in ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks._figures import Figure, Settings
from benchmarks.coldstart import cold_start_figures
from benchmarks.conversion import conversion_figures
from benchmarks.imports import import_figure
from benchmarks.memory import memory_figure
from benchmarks.ratios import get_ratio, list_ratio, other_list_ratios
from benchmarks.report import (
    DOC_PATH,
    RESULTS_PATH,
    results_data,
    text_table,
    update_doc,
    write_results,
)
from benchmarks.requests import request_figures
from benchmarks.scale import scale_figures
from benchmarks.throughput import http_figure, in_process_figure

__all__ = ["BENCHMARKS", "main", "run_all"]

#: Each benchmark, by name, in the order the table shows them.
BENCHMARKS: dict[str, Callable[[Settings], Figure | list[Figure]]] = {
    "list": list_ratio,
    "list-others": other_list_ratios,
    "get": get_ratio,
    "convert": conversion_figures,
    "import": import_figure,
    "cold-start": cold_start_figures,
    "memory": memory_figure,
    "emulator": in_process_figure,
    "emulator-http": http_figure,
    "requests": request_figures,
    "scale": scale_figures,
}


def run_all(
    settings: Settings, only: Sequence[str] = (), progress: Callable[[str], object] = print
) -> list[Figure]:
    """Run the benchmarks (all, or those named in `only`) and return their figures."""
    figures: list[Figure] = []
    for name, benchmark in BENCHMARKS.items():
        if only and name not in only:
            continue
        started = time.perf_counter()
        result = benchmark(settings)
        figures.extend(result if isinstance(result, list) else [result])
        progress(f"  {name}: {time.perf_counter() - started:.1f}s")
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status (0 even when a target is missed)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--repeat", type=int, help="runs per timing (default 7; quick 1)")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), default=[])
    parser.add_argument("--output", type=Path, help="where to write the results JSON")
    parser.add_argument("--doc", type=Path, help="the docs page whose table to rewrite")
    args = parser.parse_args(argv)

    settings = Settings.quick() if args.quick else Settings()
    if args.repeat:
        settings = dataclasses.replace(settings, repeat=args.repeat)
    output, doc = args.output, args.doc
    if not args.quick and not args.only:
        output = output or RESULTS_PATH
        doc = doc or DOC_PATH

    mode = "quick" if args.quick else "full"
    print(f"imagebuilder-sdk benchmarks ({mode} run, medians of {settings.repeat})")
    figures = run_all(settings, args.only)
    print()
    print(text_table(figures))
    data = results_data(figures, mode=mode, repeat=settings.repeat)
    if output is not None:
        write_results(data, output)
        print(f"\nwrote {output}")
    if doc is not None:
        update_doc(data, doc)
        print(f"updated the table in {doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
