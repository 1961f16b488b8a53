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
from collections.abc import Callable, Mapping
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


#: A check that a value of one shape lacks nothing (the fast pass; builds no paths).
_Check = Callable[[Any], bool]


def _always(value: Any) -> bool:
    return True


@functools.cache
def _checker(shape: Shape) -> _Check:
    """The fast pass for `shape`, planned once per shape: no paths, no shape dispatch."""
    if not _needs_check(shape) and not isinstance(shape, (StructureShape, ListShape, MapShape)):
        return _always
    if isinstance(shape, ListShape):
        return _list_checker(shape)
    if isinstance(shape, MapShape):
        return _map_checker(shape)
    if isinstance(shape, StructureShape):
        return _structure_checker(shape)
    return _always


def _list_checker(shape: ListShape) -> _Check:
    lazy: list[_Check] = []

    def check(value: Any) -> bool:
        if not isinstance(value, list):
            return False
        if not lazy:
            lazy.append(_checker(shape.member))
        item_ok = lazy[0]
        return item_ok is _always or all(map(item_ok, value))

    return check


def _map_checker(shape: MapShape) -> _Check:
    lazy: list[_Check] = []

    def check(value: Any) -> bool:
        if not isinstance(value, Mapping):
            return False
        if not lazy:
            lazy.append(_checker(shape.value))
        item_ok = lazy[0]
        return item_ok is _always or all(map(item_ok, value.values()))

    return check


def _structure_checker(shape: StructureShape) -> _Check:
    required, inside = _plan(shape)
    # Members are resolved on first use: shapes can be recursive.
    lazy: list[tuple[tuple[str, _Check], ...]] = []

    def check(value: Any) -> bool:
        if not isinstance(value, Mapping):
            return False
        get = value.get
        for name in required:
            if get(name) is None:
                return False
        if not lazy:
            lazy.append(tuple((name, _checker(member)) for name, member in inside))
        for name, member_ok in lazy[0]:
            child = get(name)
            if child is not None and not member_ok(child):
                return False
        return True

    return check


def _complete(shape: Shape, value: Any) -> bool:
    """Whether `value` lacks nothing (the fast pass run on every answer)."""
    return _checker(shape)(value)


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
    if shape is None or _complete(shape, answer):
        return None
    # Something is missing: walk again, this time naming where.
    return _missing(shape, answer, "")
