"""The generated converter functions give exactly what cattrs' own functions give."""

from __future__ import annotations

from typing import Any

import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import models
from imagebuilder_sdk.convert import converter, make_converter
from imagebuilder_sdk.errors import StructureError
from tests.strategies import api_dict
from tools.generate_models import load_model, reachable

STRUCTURES, _ = reachable(load_model())
REFERENCE = make_converter(generated=False)


@pytest.mark.parametrize("shape", [s.name for s in STRUCTURES])
@settings(max_examples=10)
@given(data=st.data())
def test_generated_functions_match_cattrs(shape: str, data: Any) -> None:
    """For random valid dicts of every shape: same model, same dict, same container types."""
    payload = data.draw(api_dict(shape))
    cls = getattr(models, shape)
    fast, reference = converter.structure(payload, cls), REFERENCE.structure(payload, cls)
    assert fast == reference
    assert repr(attrs_types(fast)) == repr(attrs_types(reference))
    assert converter.unstructure(fast) == REFERENCE.unstructure(reference)


def attrs_types(model: object) -> list[str]:
    """The type of every attribute value, recursively: equal models with lists vs tuples differ."""
    found = []
    for name in getattr(type(model), "__slots__", ()):
        value = getattr(model, name, None)
        found.append(f"{name}:{type(value).__name__}")
        if hasattr(value, "__attrs_attrs__"):
            found += attrs_types(value)
    return found


def test_bad_input_raises_what_cattrs_finds_as_a_structure_error() -> None:
    """When a generated function cannot convert, cattrs' finding comes out as StructureError."""
    bad = {"name": "level", "type": "string", "defaultValue": 5}  # not a list
    with pytest.raises(StructureError) as fast:
        converter.structure(bad, models.ComponentParameterDetail)
    with pytest.raises(StructureError) as reference:
        REFERENCE.structure(bad, models.ComponentParameterDetail)
    assert str(fast.value) == str(reference.value)
    assert "default_value" in str(fast.value)
    assert isinstance(fast.value.__cause__, ClassValidationError)
