"""Bad input the SDK must also refuse before sending, found while writing these tests.

Each kind of input here once escaped as another exception, named the wrong field or
reached the service; the tests hold the required behaviour from now on.
"""

from __future__ import annotations

from typing import Any

import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.models import ComponentConfiguration
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_targets import COMPONENT
from tests.reliability.support import LINUX_DOC, PARENT_IMAGE


def _refused(emulator: Emulator, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert emulator.requests == []
    return caught.value


@pytest.mark.parametrize(
    ("parameters", "field"),
    [(5, "components[0].parameters"), (["name=value"], "components[0].parameters[0]")],
)
def test_nested_list_of_the_wrong_type_is_refused(
    emulator: Emulator, ib: ImageBuilder, parameters: Any, field: str
) -> None:
    """A component's parameters given as a non-list (or a list of str) raise ValidationError.

    The error names the nested setting itself, down to the bad item.
    """
    component = ComponentConfiguration(component_arn=COMPONENT, parameters=parameters)
    error = _refused(
        emulator,
        ib.image_recipes.create,
        name="recipe-one",
        semantic_version="1.0.0",
        parent_image=PARENT_IMAGE,
        components=[component],
    )
    assert error.field == field


@pytest.mark.parametrize("given", [{"name": "comp-one"}, 5])
def test_a_model_argument_that_is_not_a_model_is_refused(
    emulator: Emulator, ib: ImageBuilder, given: Any
) -> None:
    """components.create(<not a Component>) raises ValidationError naming the argument."""
    error = _refused(emulator, ib.components.create, given, semantic_version="1.0.0")
    assert error.field == "component"


def test_component_data_of_the_wrong_type_names_data(emulator: Emulator, ib: ImageBuilder) -> None:
    """data=5 raises ValidationError naming `data`, the parameter the caller used."""
    error = _refused(
        emulator,
        ib.components.create,
        name="comp-one",
        semantic_version="1.0.0",
        platform="Linux",
        data=5,
    )
    assert error.field == "data"


def test_component_without_data_or_uri_is_refused(emulator: Emulator, ib: ImageBuilder) -> None:
    """A component with neither data nor uri is refused before sending."""
    error = _refused(
        emulator,
        ib.components.create,
        name="comp-one",
        semantic_version="1.0.0",
        platform="Linux",
    )
    assert error.field in ("data", "uri")


@pytest.mark.parametrize("count", [0, 51])
def test_tag_maps_outside_the_model_sizes_are_refused(
    emulator: Emulator, ib: ImageBuilder, count: int
) -> None:
    """tags with no entry, or more than the 50 the model allows, raise ValidationError."""
    tags = {f"key-{n}": "value" for n in range(count)}
    error = _refused(
        emulator,
        ib.components.create,
        name="comp-one",
        semantic_version="1.0.0",
        platform="Linux",
        data=LINUX_DOC,
        tags=tags,
    )
    assert error.field == "tags"
