"""The model classes against the installed botocore service model: nothing missing."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape

from imagebuilder_sdk import models
from imagebuilder_sdk.convert._wire import DATE_FIELDS, WIRE_NAMES
from tools.generate_models import (
    OPERATIONS,
    answer_shapes,
    attribute_name,
    is_required,
    load_model,
    reachable,
)
from tools.guaranteed_members import GUARANTEED

MODEL = load_model()
STRUCTURES, ENUMS = reachable(MODEL)
ANSWERS = answer_shapes(MODEL)


def _expected_type(shape: Shape) -> Any:
    if isinstance(shape, StructureShape):
        return getattr(models, shape.name)
    if isinstance(shape, ListShape):
        return Sequence[_expected_type(shape.member)]  # type: ignore[misc]
    if isinstance(shape, MapShape):
        return dict[_expected_type(shape.key), _expected_type(shape.value)]  # type: ignore[misc]
    if shape.type_name == "timestamp" or shape.name == "DateTime":
        return datetime.datetime
    if isinstance(shape, StringShape) and shape.enum:
        return getattr(models, shape.name)
    return {
        "string": str,
        "boolean": bool,
        "integer": int,
        "long": int,
        "double": float,
        "float": float,
    }[shape.type_name]


def test_the_models_cover_every_operation_of_the_service() -> None:
    """The models cover the shapes of all 77 operations of the installed service model."""
    assert len(OPERATIONS) == 77
    assert set(OPERATIONS) == set(MODEL.operation_names)


def test_answer_shapes_require_only_what_the_table_guarantees() -> None:
    """A shape found in answers has exactly the table's members as required attributes,
    whatever botocore's `required` flags say (DistributionConfiguration.timeoutMinutes)."""
    for shape in STRUCTURES:
        if shape.name not in ANSWERS:
            continue
        cls = getattr(models, shape.name)
        required = {
            m
            for m in shape.members
            if attrs.fields_dict(cls)[attribute_name(m)].default is attrs.NOTHING
        }
        assert required == set(GUARANTEED.get(shape.name, ())), shape.name
    assert attrs.fields_dict(models.DistributionConfiguration)["timeout_minutes"].default is None


def test_every_shape_has_a_model_class() -> None:
    """Each reachable structure and enum shape has a class of the same name."""
    missing = [s.name for s in [*STRUCTURES, *ENUMS] if not hasattr(models, s.name)]
    assert missing == [], f"shapes without a model class: {missing} (run `make regen`)"


@pytest.mark.parametrize("shape", STRUCTURES, ids=lambda s: s.name)
def test_every_member_has_a_typed_attribute(shape: StructureShape) -> None:
    """Each member is an attribute of the right type; required members have no default."""
    cls = getattr(models, shape.name)
    assert attrs.has(cls)
    assert attrs.fields_dict(cls).keys() == {attribute_name(m) for m in shape.members}, (
        f"{shape.name}: attributes differ from the service model's members (run `make regen`)"
    )
    hints = typing.get_type_hints(cls)
    required = {m for m in shape.members if is_required(shape, m, ANSWERS)}
    for member, member_shape in shape.members.items():
        field = attrs.fields_dict(cls)[attribute_name(member)]
        expected = _expected_type(member_shape)
        if member in required:
            assert field.default is attrs.NOTHING, f"{shape.name}.{member} should be required"
            assert hints[field.name] == expected, f"{shape.name}.{member}"
        else:
            assert field.default is None, f"{shape.name}.{member} should default to None"
            assert hints[field.name] == expected | None, f"{shape.name}.{member}"


@pytest.mark.parametrize("shape", STRUCTURES, ids=lambda s: s.name)
def test_models_are_frozen(shape: StructureShape) -> None:
    """Models cannot be changed after construction; `attrs.evolve` makes new ones."""
    cls = getattr(models, shape.name)
    instance = cls(
        **{attribute_name(m): "x" for m in shape.members if is_required(shape, m, ANSWERS)}
    )
    first = next(iter(attrs.fields_dict(cls)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, first, "changed")


@pytest.mark.parametrize("shape", ENUMS, ids=lambda s: s.name)
def test_every_enum_value_is_a_member(shape: StringShape) -> None:
    """Each enum lists exactly the values of its shape, in a `str` enum."""
    cls = getattr(models, shape.name)
    assert issubclass(cls, str)
    assert [m.value for m in cls] == list(shape.enum)


def test_the_wire_table_names_every_member() -> None:
    """The converter's table maps each attribute to its API member name, dates by form."""
    for shape in STRUCTURES:
        assert WIRE_NAMES[shape.name] == {attribute_name(m): m for m in shape.members}
    assert DATE_FIELDS["Image"] == {"date_created": "iso", "deprecation_time": "epoch"}
