"""Round trips between random API dicts and models, for every shape the SDK models."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import models
from imagebuilder_sdk.convert import converter
from tests.strategies import api_dict
from tools.generate_models import load_model, reachable

STRUCTURES, ENUMS = reachable(load_model())


def test_the_sdk_models_111_shapes_and_40_enums() -> None:
    """The 77 operations reach 111 structure shapes and 40 enums (botocore of boto3 1.44)."""
    assert (len(STRUCTURES), len(ENUMS)) == (111, 40)


@pytest.mark.parametrize("shape", [s.name for s in STRUCTURES])
@settings(max_examples=15)
@given(data=st.data())
def test_structure_then_unstructure_gives_the_dict_back(shape: str, data: Any) -> None:
    """unstructure(structure(d)) == d for random valid API dicts of every shape."""
    payload = data.draw(api_dict(shape))
    model = converter.structure(payload, getattr(models, shape))
    assert converter.unstructure(model) == payload
