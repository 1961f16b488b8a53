"""Hypothesis strategies for values that break a botocore shape's rules.

`invalid_for(shape)` draws values the SDK must refuse for a parameter of that shape:
strings off the pattern, outside the length limits or outside the enum; numbers out of
range; wrong types (non-finite numbers, sets, bytes, models of another class included);
lists too short or holding a bad item (a string or another model where a nested
setting belongs); settings given as dicts with unknown or camelCase keys. Each draw comes with the
suffix the error's field must carry past the parameter's own name (``""``,
``"[0]"``, ``" key"``...). The rules are read from the service model, so the strategies
follow it when botocore changes.
"""

from __future__ import annotations

import re
from typing import Any

from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape
from hypothesis import strategies as st

from imagebuilder_sdk.models import Placement, SystemsManagerAgent, TenancyType

__all__ = ["WRONG_KIND_ARNS", "breaks", "invalid_for", "wrong_types"]

_ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"

#: Well-formed ARNs of every kind of resource: the wrong kind wherever another is due.
WRONG_KIND_ARNS = (
    f"{_ACCOUNT}:component/comp-one/1.0.0/1",
    f"{_ACCOUNT}:image-recipe/recipe-one/1.0.0",
    f"{_ACCOUNT}:container-recipe/box-one/1.0.0",
    f"{_ACCOUNT}:infrastructure-configuration/infra-one",
    f"{_ACCOUNT}:distribution-configuration/dist-one",
    f"{_ACCOUNT}:image-pipeline/pipe-one",
    f"{_ACCOUNT}:image/recipe-one/1.0.0/1",
    "arn:aws:sns:us-east-1:123456789012:builds",
    "arn:aws:iam::123456789012:role/builder",
)

#: Strings that come close to being valid for common shapes.
_NEAR_MISSES = (
    "",
    " ",
    "a",
    "ab",
    " leading",
    "trailing ",
    "has/slash",
    "dotted.name",
    "ünïcode",
    "1.0",
    "1.0.0.0",
    "1.0.0/1",
    "v1.0.0",
    "1..0",
    "x.x.x",
    "1.x.0",
    "-1.0.0",
    "arn:aws:imagebuilder",
    "aws:reserved",
    "linux",
    "LINUX",
    "docker",
    "enabled",
    "nul\x00byte",
)


def breaks(shape: StringShape, value: str) -> bool:
    """Whether the string `value` breaks `shape`'s enum, length or pattern."""
    if shape.enum:
        return value not in shape.enum
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if (low is not None and len(value) < low) or (high is not None and len(value) > high):
        return True
    pattern = shape.metadata.get("pattern")
    return isinstance(pattern, str) and re.search(pattern, value) is None


def _wrong_model(shape: Shape) -> object:
    """A settings model that belongs nowhere `shape` is."""
    return (
        Placement(tenancy=TenancyType.DEFAULT)
        if shape.name != "Placement"
        else SystemsManagerAgent()
    )


def wrong_types(shape: Shape) -> st.SearchStrategy[Any]:
    """Values of a type other than the one `shape` holds (None aside: it means omitted).

    Non-finite numbers, sets, bytes and a model of another class are among them.
    """
    kind = shape.type_name
    options: list[st.SearchStrategy[Any]] = [
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from([float("nan"), float("inf"), float("-inf")]),
        st.frozensets(st.integers(), max_size=2).map(set),
        st.binary(max_size=4),
        st.just(_wrong_model(shape)),
    ]
    if kind != "boolean":
        options.append(st.booleans())
    if kind not in ("integer", "long"):
        options.append(st.integers())
    if kind != "string":
        options.append(st.text(max_size=8))
    if kind != "list":
        options.append(st.lists(st.integers(), max_size=2))
    if kind not in ("map", "structure"):
        options.append(st.dictionaries(st.sampled_from("abc"), st.integers(), max_size=2))
    return st.one_of(options)


def _bad_strings(shape: StringShape) -> st.SearchStrategy[str]:
    """Strings off the enum or pattern, too short or too long."""
    candidates = [value for value in (*_NEAR_MISSES, *WRONG_KIND_ARNS) if breaks(shape, value)]
    options: list[st.SearchStrategy[str]] = []
    if candidates:
        options.append(st.sampled_from(candidates))
    if shape.enum or shape.metadata.get("pattern"):
        # Random text rarely fits an enum or a pattern, so the filter seldom rejects.
        options.append(st.text(max_size=24).filter(lambda value: breaks(shape, value)))
    high = shape.metadata.get("max")
    if high is not None and high < 20_000:
        options.append(st.integers(high + 1, high + 40).map(lambda n: "x" * n))
    return st.one_of(options) if options else st.nothing()


def invalid_for(shape: Shape) -> st.SearchStrategy[tuple[Any, str]]:
    """A value `shape` refuses, with the suffix the error's field adds to the parameter."""
    wrong = wrong_types(shape).map(lambda value: (value, ""))
    if isinstance(shape, StringShape):
        constrained = shape.enum or shape.metadata.get("pattern") or "min" in shape.metadata
        if constrained or "max" in shape.metadata:
            return st.one_of(_bad_strings(shape).map(lambda value: (value, "")), wrong)
        return wrong
    if shape.type_name in ("integer", "long"):
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        options = [wrong]
        if low is not None:
            options.append(st.integers(max_value=low - 1).map(lambda value: (value, "")))
        if high is not None:
            options.append(st.integers(min_value=high + 1).map(lambda value: (value, "")))
        return st.one_of(options)
    if isinstance(shape, ListShape):
        options = [wrong]
        if shape.metadata.get("min", 0) >= 1:
            options.append(st.just(([], "")))
        if not isinstance(shape.member, StructureShape):
            options.append(invalid_for(shape.member).map(lambda bad: ([bad[0]], f"[0]{bad[1]}")))
        else:
            # A string or another model where each nested setting belongs.
            options.append(st.text(max_size=8).map(lambda text: ([text], "[0]")))
            options.append(st.just(([_wrong_model(shape.member)], "[0]")))
        return st.one_of(options)
    if isinstance(shape, StructureShape):
        return st.one_of(wrong, _bad_dicts(shape))
    if isinstance(shape, MapShape):
        options = [wrong]
        key = shape.key
        if isinstance(key, StringShape) and (key.metadata.get("pattern") or "max" in key.metadata):
            options.append(_bad_strings(key).map(lambda bad: ({bad: "value"}, " key")))
        if not isinstance(shape.value, StructureShape):
            options.append(
                invalid_for(shape.value).map(lambda bad: ({"key": bad[0]}, f"['key']{bad[1]}"))
            )
        return st.one_of(options)
    return wrong


def _bad_dicts(shape: StructureShape) -> st.SearchStrategy[tuple[Any, str]]:
    """Dicts standing for a settings model with a key it does not take.

    Dict keys are the model's snake_case attribute names: an unknown key and the API's
    camelCase name of a member are both refused, naming the key.
    """
    options: list[st.SearchStrategy[tuple[Any, str]]] = [
        st.just(({"not_a_member": 1}, ".not_a_member"))
    ]
    camel = [name for name in shape.members if xform_name(name) != name]
    if camel:
        options.append(st.sampled_from(camel).map(lambda name: ({name: "x"}, f".{name}")))
    return st.one_of(options)
