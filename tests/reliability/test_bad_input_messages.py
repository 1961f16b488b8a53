"""Messages: every refusal names the field the caller wrote and says the rule in words."""

from __future__ import annotations

import re
from typing import Any

import pytest

from imagebuilder_sdk import ApiError, ImageBuilder, ValidationError
from imagebuilder_sdk.models import Component, ComponentConfiguration, Distribution
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_targets import COMPONENT
from tests.reliability.support import LINUX_DOC, PARENT_IMAGE


def _refused(emulator: Emulator, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert emulator.requests == []
    return caught.value


def _recipe(ib: ImageBuilder, components: Any) -> Any:
    return ib.image_recipes.create(
        name="recipe-one",
        semantic_version="1.0.0",
        parent_image=PARENT_IMAGE,
        components=components,
    )


def test_an_unknown_nested_member_is_named_by_its_path(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """An unknown key inside a nested setting is named components[0].bogus, never 'in'."""
    error = _refused(emulator, _recipe, ib, [{"component_arn": COMPONENT, "bogus": 1}])
    assert error.field == "components[0].bogus"
    assert "component_arn" in error.rule  # the accepted keys are listed


def test_a_component_where_a_configuration_belongs_gets_a_hint(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """components=[Component(...)] says what to pass instead of 'component_arn is required'."""
    component = ib.components.create(
        name="comp-one", semantic_version="1.0.0", platform="Linux", data=LINUX_DOC
    )
    assert isinstance(component, Component)
    emulator.clear_requests()
    error = _refused(emulator, _recipe, ib, [component])
    assert error.field == "components[0]"
    assert "got a Component" in error.rule
    assert "ComponentConfiguration(component_arn=component.arn)" in error.rule


def test_dicts_take_the_models_attribute_names(emulator: Emulator, ib: ImageBuilder) -> None:
    """The one rule for dicts: snake_case attribute names are used as the model's."""
    with pytest.raises(ApiError):  # the component does not exist: the service refuses it
        _recipe(ib, [{"component_arn": COMPONENT}])
    assert emulator.requests[0].params["components"] == [{"componentArn": COMPONENT}]


def test_camel_case_dict_keys_are_refused_with_the_attribute_name(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """{"componentArn": ...} is refused, naming the key and the snake_case name to use."""
    error = _refused(emulator, _recipe, ib, [{"componentArn": COMPONENT}])
    assert error.field == "components[0].componentArn"
    assert "'component_arn'" in error.rule


@pytest.mark.parametrize(
    ("options", "field"),
    [({"name": "bad!name"}, "name"), ({"name": ["ok", "bad!"]}, "name[1]")],
)
def test_list_filter_errors_name_the_option(
    emulator: Emulator, ib: ImageBuilder, options: dict[str, Any], field: str
) -> None:
    """A bad filter value is named after the option passed, not filters[0].values[0]."""
    assert _refused(emulator, ib.components.list, **options).field == field


def test_enum_messages_have_one_wording(emulator: Emulator, ib: ImageBuilder) -> None:
    """A request enum, a filter enum and a document platform are refused in the same words."""
    pattern = re.compile(r"^must be one of [A-Za-z, ]+; got 'linux' \(did you mean 'Linux'\?\)$")
    create = _refused(
        emulator,
        ib.components.create,
        name="comp-one",
        semantic_version="1.0.0",
        platform="linux",
        data=LINUX_DOC,
        validate_document=False,
    )
    listing = _refused(emulator, ib.components.list, platform="linux")
    assert pattern.match(create.rule), create.rule
    assert pattern.match(listing.rule), listing.rule


def test_patterns_are_said_in_words_and_kept_as_an_attribute(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """A broken AMI name pattern is described in words; the regex is `error.pattern`."""
    from imagebuilder_sdk.models import AmiDistributionConfiguration

    ami = AmiDistributionConfiguration(name="x")
    error = _refused(
        emulator,
        ib.distribution_configurations.create,
        name="dist-one",
        distributions=[Distribution(region="us-east-1", ami_distribution_configuration=ami)],
    )
    assert error.field == "distributions[0].ami_distribution_configuration.name"
    assert error.pattern is not None
    assert error.pattern.startswith("^[-_A-Za-z0-9{]")
    assert error.pattern not in error.rule
    assert "^" not in error.rule


def test_no_message_quotes_a_regex() -> None:
    """Every pattern reachable from a request has a rule in words (none falls back)."""
    import botocore.session
    from botocore.model import ListShape, MapShape, StringShape, StructureShape

    from imagebuilder_sdk._validation import _RULES

    model = botocore.session.get_session().get_service_model("imagebuilder")
    missing: set[str] = set()
    seen: set[str] = set()

    def walk(shape: Any) -> None:
        if shape.name in seen:
            return
        seen.add(shape.name)
        if isinstance(shape, StringShape) and shape.metadata.get("pattern"):
            if shape.name not in _RULES and not shape.name.endswith("Arn"):
                missing.add(shape.name)
        elif isinstance(shape, StructureShape):
            for member in shape.members.values():
                walk(member)
        elif isinstance(shape, ListShape):
            walk(shape.member)
        elif isinstance(shape, MapShape):
            walk(shape.key)
            walk(shape.value)

    for name in model.operation_names:
        shape = model.operation_model(name).input_shape
        if shape is not None:
            walk(shape)
    assert missing == set()


def test_a_configuration_is_still_accepted(emulator: Emulator, ib: ImageBuilder) -> None:
    """ComponentConfiguration goes out as the API's dict."""
    with pytest.raises(ApiError):  # the component does not exist: the service refuses it
        _recipe(ib, [ComponentConfiguration(component_arn=COMPONENT)])
    assert emulator.requests[0].params["components"] == [{"componentArn": COMPONENT}]
