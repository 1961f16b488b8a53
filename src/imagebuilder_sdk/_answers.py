"""What an answer must contain: the one check of the members the service always sends.

The reviewed table behind `convert._wire.GUARANTEED` lists, for each shape, the members
the service always includes. The models make exactly those attributes non-Optional, and
this check holds every answer to the same table before anything reads it: an answer cut
short, emptied or garbled on the way (botocore reads a 200 answer it cannot parse as an
empty one) lacks them and is refused here, inside the retry loop, so the request is
sent again with the same client token instead of being taken for a success.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from imagebuilder_sdk.convert._wire import GUARANTEED

__all__ = ["missing_member"]

#: How to check one structure: its guaranteed members, and members to look inside.
_Plan = tuple[tuple[str, ...], tuple[tuple[str, Shape], ...]]


@functools.cache
def _needs_check(shape: Shape) -> bool:
    """Whether a value of `shape` can lack a guaranteed member anywhere inside it."""
    return _walk(shape, frozenset())


def _walk(shape: Shape, seen: frozenset[str]) -> bool:
    if isinstance(shape, ListShape):
        return _walk(shape.member, seen)
    if isinstance(shape, MapShape):
        return _walk(shape.value, seen)
    if not isinstance(shape, StructureShape) or shape.name in seen:
        return False
    if GUARANTEED.get(shape.name):
        return True
    inner = seen | {shape.name}
    return any(_walk(member, inner) for member in shape.members.values())


@functools.cache
def _plan(shape: StructureShape) -> _Plan:
    inside = tuple((name, member) for name, member in shape.members.items() if _needs_check(member))
    return GUARANTEED.get(shape.name, ()), inside


def _missing(shape: Shape, value: Any, path: str) -> tuple[str, str, str] | None:
    if isinstance(shape, StructureShape):
        if not isinstance(value, Mapping):
            return shape.name, "", path
        required, inside = _plan(shape)
        for name in required:
            if value.get(name) is None:
                return shape.name, name, f"{path}.{name}" if path else name
        for name, member in inside:
            child = value.get(name)
            if child is not None:
                found = _missing(member, child, f"{path}.{name}" if path else name)
                if found:
                    return found
    elif isinstance(shape, ListShape):
        if not isinstance(value, list):
            return shape.name, "", path
        for index, item in enumerate(value):
            found = _missing(shape.member, item, f"{path}[{index}]")
            if found:
                return found
    elif isinstance(shape, MapShape):
        if not isinstance(value, Mapping):
            return shape.name, "", path
        for key, item in value.items():
            found = _missing(shape.value, item, f"{path}[{key!r}]")
            if found:
                return found
    return None


def missing_member(
    operation: OperationModel, answer: Mapping[str, Any]
) -> tuple[str, str, str] | None:
    """The first guaranteed member an answer lacks, as (shape, member, path); None if complete.

    `member` is empty when the value at `path` is not even of the shape's kind (a
    string where a structure belongs, for example).
    """
    shape = operation.output_shape
    if shape is None:
        return None
    return _missing(shape, answer, "")
