"""The Image Builder ARN patterns of the service model that botocore ships.

`imagebuilder_sdk.arns` parses by the service's broadest ARN pattern
(``ImageBuilderArn``); an operation member often takes a narrower shape, such as
``ComponentBuildVersionArn`` for DeleteComponent. `arn_pattern` gives that shape's
regular expression, read once from botocore's copy of the model, so a check against it
always agrees with the installed botocore.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import botocore.loaders

__all__ = ["arn_pattern", "arn_shape_names"]


@functools.cache
def _patterns() -> Mapping[str, re.Pattern[str]]:
    model: dict[str, Any] = botocore.loaders.create_loader().load_service_model(
        "imagebuilder", "service-2"
    )
    found: dict[str, re.Pattern[str]] = {}
    for name, shape in model["shapes"].items():
        pattern = shape.get("pattern")
        if name.endswith("Arn") and pattern and ":imagebuilder:" in pattern:
            found[name] = re.compile(pattern)
    return found


def arn_shape_names() -> tuple[str, ...]:
    """The names of the service model's Image Builder ARN shapes, sorted.

    >>> "ComponentBuildVersionArn" in arn_shape_names()
    True
    """
    return tuple(sorted(_patterns()))


def arn_pattern(shape: str) -> re.Pattern[str]:
    """The compiled pattern of the Image Builder ARN shape named `shape`.

    Use it with ``fullmatch``: the service's ``$`` would let a trailing newline through.

    >>> bool(arn_pattern("ImagePipelineArn").fullmatch(
    ...     "arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly"))
    True

    Raises:
        KeyError: the model has no Image Builder ARN shape of that name.
    """
    try:
        return _patterns()[shape]
    except KeyError:
        known = ", ".join(arn_shape_names())
        raise KeyError(f"no Image Builder ARN shape {shape!r}; known: {known}") from None
