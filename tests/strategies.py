"""Hypothesis strategies, in one place, built from botocore's own service model.

`api_dict(shape)` draws a random valid API dict for any structure shape: required
and guaranteed (`GUARANTEED`) members always, optional members sometimes, strings
that satisfy the shape's pattern and length limits, enum values (and now and then a
value the SDK does not know yet), numbers in range, and dates in each of the API's two wire forms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape
from hypothesis import strategies as st

from imagebuilder_sdk.convert._wire import GUARANTEED

__all__ = [
    "SERVICE_MODEL",
    "Graph",
    "api_dict",
    "declaration_graphs",
    "iso_dates",
    "shape_value",
    "utc_datetimes",
]

SERVICE_MODEL: ServiceModel = botocore.session.get_session().get_service_model("imagebuilder")

#: Values no version of the service has: they stand for values added after this SDK.
UNKNOWN_ENUM_VALUES = ("FUTURE_VALUE", "newValue2031")

_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


def utc_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware UTC datetimes between 2000 and 2100."""
    return st.integers(0, 100 * 365 * 24 * 3600 * 1000).map(
        lambda ms: _EPOCH + timedelta(milliseconds=ms)
    )


def iso_dates() -> st.SearchStrategy[str]:
    """Dates as the service writes its `DateTime` strings (UTC, milliseconds, ``Z``)."""
    return utc_datetimes().map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond // 1000:03d}Z"
    )


def _strings(shape: Shape) -> st.SearchStrategy[str]:
    low = shape.metadata.get("min", 0)
    high = shape.metadata.get("max", 200)
    pattern = shape.metadata.get("pattern")
    if pattern:
        return st.from_regex(re.compile(pattern), fullmatch=True).filter(
            lambda s: low <= len(s) <= high
        )
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    return st.text(alphabet, min_size=max(low, 0), max_size=min(high, 40))


@functools.cache
def shape_value(shape_name: str) -> st.SearchStrategy[Any]:
    """A strategy for wire values of the named shape."""
    return _value(SERVICE_MODEL.shape_for(shape_name))


def _value(shape: Shape) -> st.SearchStrategy[Any]:
    if isinstance(shape, StructureShape):
        return st.deferred(lambda: api_dict(shape.name))
    if isinstance(shape, ListShape):
        low = shape.metadata.get("min", 0)
        return st.lists(shape_value(shape.member.name), min_size=low, max_size=max(low, 3))
    if isinstance(shape, MapShape):
        return st.dictionaries(
            shape_value(shape.key.name), shape_value(shape.value.name), max_size=3
        )
    if shape.type_name == "timestamp":
        return utc_datetimes()
    if shape.type_name == "string" and shape.name == "DateTime":
        return iso_dates()
    if isinstance(shape, StringShape) and shape.enum:
        return st.sampled_from([*shape.enum, *UNKNOWN_ENUM_VALUES])
    if shape.type_name == "string":
        return _strings(shape)
    if shape.type_name == "boolean":
        return st.booleans()
    if shape.type_name in ("integer", "long"):
        return st.integers(shape.metadata.get("min", -(2**31)), shape.metadata.get("max", 2**31))
    if shape.type_name in ("float", "double"):
        return st.floats(allow_nan=False, allow_infinity=False)
    raise NotImplementedError(f"no strategy for {shape.type_name} shape {shape.name}")


@functools.cache
def api_dict(shape_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Random valid API dicts for a structure shape of the service model."""
    shape = SERVICE_MODEL.shape_for(shape_name)
    assert isinstance(shape, StructureShape)
    # Members botocore requires, plus those every answer carries (as real answers do).
    required = set(shape.required_members) | set(GUARANTEED.get(shape_name, ()))
    fixed = {name: shape_value(m.name) for name, m in shape.members.items() if name in required}
    optional = {
        name: shape_value(m.name) for name, m in shape.members.items() if name not in required
    }
    return st.fixed_dictionaries(fixed, optional=optional)


# -- declaration graphs for the plan/apply tests ---------------------------------------

#: Build commands a drawn component may run (an edit swaps one for another).
COMMANDS = ("echo one", "echo two", "dnf install -y jq", "rpm -q jq")
#: Descriptions a drawn recipe may carry.
DESCRIPTIONS = ("web", "batch", "edge")
#: Instance types a drawn infrastructure configuration may use.
INSTANCE_TYPES = ("t3.small", "t3.medium", "m5.large")
#: Timeouts (seconds) of the approval step of the random graphs' test workflow.
WORKFLOW_TIMEOUTS = (600, 3600, 7200)


@dataclass
class Graph:
    """Plain data describing a stack: components, recipes on them, pipelines on those.

    `edits` are (kind, index, value) changes to apply one after the other: a
    component's command, a recipe's description, a pipeline's schedule hour, the
    infrastructure's instance type, or the timeout of the pipelines' test workflow.
    """

    commands: list[str]
    recipes: list[tuple[tuple[int, ...], str, bool]]
    pipelines: list[tuple[int, int]]
    instance_type: str
    edits: list[tuple[str, int, Any]] = field(default_factory=list)
    workflow_timeout: int = 3600


@st.composite
def declaration_graphs(draw: st.DrawFn) -> Graph:
    """A random declaration graph (1-3 components, 1-2 recipes, 0-2 pipelines) and edits."""
    commands = draw(st.lists(st.sampled_from(COMMANDS), min_size=1, max_size=3))
    indices = st.sets(st.integers(0, len(commands) - 1), min_size=1).map(lambda s: tuple(sorted(s)))
    recipes = draw(
        st.lists(
            st.tuples(indices, st.sampled_from(DESCRIPTIONS), st.booleans()),
            min_size=1,
            max_size=2,
        )
    )
    pipelines = draw(
        st.lists(st.tuples(st.integers(0, len(recipes) - 1), st.integers(0, 23)), max_size=2)
    )
    edit_kinds = ["component", "recipe", "infrastructure"] + (
        ["pipeline", "workflow"] if pipelines else []
    )
    edits: list[tuple[str, int, Any]] = []
    for kind in draw(st.lists(st.sampled_from(edit_kinds), min_size=1, max_size=3)):
        if kind == "component":
            edits.append(
                (kind, draw(st.integers(0, len(commands) - 1)), draw(st.sampled_from(COMMANDS)))
            )
        elif kind == "recipe":
            edits.append(
                (kind, draw(st.integers(0, len(recipes) - 1)), draw(st.sampled_from(DESCRIPTIONS)))
            )
        elif kind == "pipeline":
            edits.append((kind, draw(st.integers(0, len(pipelines) - 1)), draw(st.integers(0, 23))))
        elif kind == "workflow":
            edits.append((kind, 0, draw(st.sampled_from(WORKFLOW_TIMEOUTS))))
        else:
            edits.append((kind, 0, draw(st.sampled_from(INSTANCE_TYPES))))
    instance_type = draw(st.sampled_from(INSTANCE_TYPES))
    timeout = draw(st.sampled_from(WORKFLOW_TIMEOUTS))
    return Graph(commands, recipes, pipelines, instance_type, edits, timeout)
