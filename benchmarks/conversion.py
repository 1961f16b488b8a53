"""Structure and unstructure a fully populated model of each of the seven resources.

The input is what botocore's parser hands the SDK (every member present, lists and maps
with two entries, timestamps already datetimes); the figure is the time of one
structure plus one unstructure, in microseconds, with each half in the detail.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from benchmarks._canned import populated
from benchmarks._figures import Figure, Settings, median
from imagebuilder_sdk import models
from imagebuilder_sdk.convert import converter, make_converter
from tools.generate_models import RESOURCES

__all__ = ["RESOURCES", "conversion_figures"]


def _per_call(fn: Callable[[Any], object], argument: object, rounds: int, repeat: int) -> float:
    """Median CPU microseconds of one ``fn(argument)`` call, over `repeat` batches."""
    fn(argument)  # the first call builds the converter's functions for the class
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(rounds):
            fn(argument)
        samples.append((time.process_time() - started) / rounds * 1e6)
    return median(samples)


def conversion_figures(settings: Settings) -> list[Figure]:
    """One figure for each resource: structure + unstructure of a full model.

    The detail also times cattrs' own functions for the class (what the SDK's converter
    did before it generated its own), for comparison.
    """
    reference = make_converter(generated=False)
    figures = []
    for name in RESOURCES:
        cls = getattr(models, name)
        data = populated(name)
        model = converter.structure(data, cls)
        if converter.unstructure(model) != data:
            raise RuntimeError(f"{name} does not round-trip; the figure would be meaningless")
        structure_us = _per_call(
            functools.partial(converter.structure, cl=cls),
            data,
            settings.convert_rounds,
            settings.repeat,
        )
        unstructure_us = _per_call(
            converter.unstructure, model, settings.convert_rounds, settings.repeat
        )
        cattrs_us = _per_call(
            functools.partial(reference.structure, cl=cls),
            data,
            settings.convert_rounds,
            settings.repeat,
        ) + _per_call(reference.unstructure, model, settings.convert_rounds, settings.repeat)
        figures.append(
            Figure(
                key=f"convert_{name}",
                title=f"structure + unstructure a full `{name}`",
                value=round(structure_us + unstructure_us, 1),
                unit="µs",
                detail={
                    "structure_us": round(structure_us, 1),
                    "unstructure_us": round(unstructure_us, 1),
                    "cattrs_functions_us": round(cattrs_us, 1),
                },
            )
        )
    return figures
