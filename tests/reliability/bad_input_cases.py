"""Bad calls to one SDK method, drawn by Hypothesis from a valid call.

A `Target` names an SDK method, the operation it calls and a set of keywords that
would be accepted. `cases(target, ib)` turns it into Hypothesis strategies, one per
thing to break: the valid keywords with one parameter broken, and the field the
`ValidationError` must name. Scalar parameters are broken by the service model's own
rules (see `invalid_values`); nested settings by the target's `nested` entries.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import botocore.session
from botocore import xform_name
from botocore.model import StructureShape
from hypothesis import strategies as st

from imagebuilder_sdk import ImageBuilder
from tests.reliability.invalid_values import invalid_for

__all__ = ["Case", "MODEL", "Nested", "Target", "cases"]

MODEL = botocore.session.get_session().get_service_model("imagebuilder")


@dataclass(frozen=True)
class Case:
    """One bad call: the keywords to pass and the field the error must name."""

    kwargs: Mapping[str, Any]
    field: str


#: A nested setting to break: (parameter, structure shape, member, builds the value).
Nested = tuple[str, str, str, Callable[[Any], tuple[object, str]]]


@dataclass(frozen=True)
class Target:
    """One create or update method and a valid set of its keywords."""

    name: str
    operation: str
    method: Callable[[ImageBuilder], Callable[..., object]]
    valid: Mapping[str, object]
    #: SDK parameters whose API member has another name (``arn`` on updates).
    renames: Mapping[str, str] = field(default_factory=dict)
    #: Nested settings to break.
    nested: tuple[Nested, ...] = ()
    #: Parameters broken by hand-written strategies instead of the model's rules.
    special: Mapping[str, st.SearchStrategy[tuple[object, str]]] = field(default_factory=dict)
    #: Parameters left out while another is broken (they exclude each other).
    excludes: Mapping[str, str] = field(default_factory=dict)


def _input(target: Target) -> StructureShape:
    shape = MODEL.operation_model(target.operation).input_shape
    assert shape is not None, target.operation
    return shape


def _structure(name: str) -> StructureShape:
    shape = MODEL.shape_for(name)
    assert isinstance(shape, StructureShape), name
    return shape


def _keywords(target: Target, ib: ImageBuilder) -> list[str]:
    signature = inspect.signature(target.method(ib))
    return [p.name for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY]


def _with(target: Target, name: str, value: object, path: str) -> Case:
    kwargs = {k: v for k, v in target.valid.items() if k != target.excludes.get(name)}
    return Case({**kwargs, name: value}, path)


def cases(target: Target, ib: ImageBuilder) -> dict[str, st.SearchStrategy[Case]]:
    """One strategy per thing to break, by label (the parameter, or a nested path)."""
    shape = _input(target)
    members = {xform_name(name): member for name, member in shape.members.items()}
    found: dict[str, st.SearchStrategy[Case]] = {}
    for name in _keywords(target, ib):
        shape_of = members.get(target.renames.get(name, name))
        if name in target.special:
            strategy = target.special[name]
        elif shape_of is not None:
            strategy = invalid_for(shape_of)
        else:
            continue  # an SDK-only option such as validate_document
        found[name] = strategy.map(functools.partial(_broken, target, name))
    inverse = {member: sdk for sdk, member in target.renames.items()}
    for required in shape.required_members:
        if required != "clientToken":
            name = inverse.get(xform_name(required), xform_name(required))
            found[f"{name} missing"] = st.just(_with(target, name, None, name))
    for parameter, structure, member, build in target.nested:
        leaf = _structure(structure).members[member]
        found[f"{parameter} {structure}.{member}"] = invalid_for(leaf).map(
            functools.partial(_nested, target, parameter, build)
        )
    return found


def _broken(target: Target, name: str, bad: tuple[object, str]) -> Case:
    return _with(target, name, bad[0], f"{name}{bad[1]}")


def _nested(
    target: Target,
    parameter: str,
    build: Callable[[Any], tuple[object, str]],
    bad: tuple[object, str],
) -> Case:
    value, path = build(bad[0])
    return _with(target, parameter, value, f"{parameter}{path}{bad[1]}")
