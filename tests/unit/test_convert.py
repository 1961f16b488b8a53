"""The converter on realistic responses of the seven main resources, and its wire rules."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from botocore.parsers import RestJSONParser

from imagebuilder_sdk import models
from imagebuilder_sdk.convert import converter, format_iso, parse_date
from tests.strategies import SERVICE_MODEL

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden"


def _parsed(operation: str, filename: str) -> dict[str, Any]:
    """A canned JSON body parsed by botocore's own parser, as boto3 would return it."""
    body = (GOLDEN / filename).read_bytes()
    shape = SERVICE_MODEL.operation_model(operation).output_shape
    assert shape is not None
    response = {"body": body, "headers": {}, "status_code": 200}
    parsed: dict[str, Any] = RestJSONParser().parse(response, shape)
    parsed.pop("ResponseMetadata", None)
    return parsed


RESOURCES = [
    ("GetComponent", "get_component.json", "component", models.Component),
    ("GetImageRecipe", "get_image_recipe.json", "imageRecipe", models.ImageRecipe),
    ("GetContainerRecipe", "get_container_recipe.json", "containerRecipe", models.ContainerRecipe),
    (
        "GetInfrastructureConfiguration",
        "get_infrastructure_configuration.json",
        "infrastructureConfiguration",
        models.InfrastructureConfiguration,
    ),
    (
        "GetDistributionConfiguration",
        "get_distribution_configuration.json",
        "distributionConfiguration",
        models.DistributionConfiguration,
    ),
    ("GetImagePipeline", "get_image_pipeline.json", "imagePipeline", models.ImagePipeline),
    ("GetImage", "get_image.json", "image", models.Image),
]


@pytest.mark.parametrize(("operation", "filename", "key", "cls"), RESOURCES)
def test_golden_payloads_round_trip(operation: str, filename: str, key: str, cls: type) -> None:
    """Each main resource's realistic response becomes a model and goes back unchanged."""
    payload = _parsed(operation, filename)[key]
    model: object = converter.structure(payload, cls)
    assert isinstance(model, cls)
    assert converter.unstructure(model) == payload


def test_golden_component_reads_as_typed_values() -> None:
    """Nested shapes, enums, lists, maps and dates arrive typed."""
    payload = _parsed("GetComponent", "get_component.json")["component"]
    component = converter.structure(payload, models.Component)
    assert component.name == "harden-ssh"
    assert component.type is models.ComponentType.BUILD
    assert component.platform is models.Platform.LINUX
    assert component.state == models.ComponentState(status=models.ComponentStatus.ACTIVE)
    assert component.parameters is not None
    assert component.parameters[0].default_value == ("ec2-user",)
    assert component.tags == {"team": "platform", "cost-center": "42"}
    assert component.date_created == datetime(2026, 3, 14, 9, 26, 53, 589000, timezone.utc)


def test_golden_image_has_both_date_forms() -> None:
    """ISO-string dates and botocore timestamps both become aware datetimes."""
    payload = _parsed("GetImage", "get_image.json")["image"]
    assert isinstance(payload["deprecationTime"], datetime)
    image = converter.structure(payload, models.Image)
    assert image.deprecation_time == datetime(2028, 1, 1, tzinfo=timezone.utc)
    assert image.date_created is not None
    assert image.date_created.tzinfo is not None
    unstructured = converter.unstructure(image)
    assert unstructured["dateCreated"] == "2026-11-22T04:00:12.000Z"
    assert unstructured["deprecationTime"] == payload["deprecationTime"]


def test_golden_image_nests_the_resources_it_was_built_from() -> None:
    """An image embeds its recipe, infrastructure and distribution as models."""
    image = converter.structure(_parsed("GetImage", "get_image.json")["image"], models.Image)
    assert image.image_recipe is not None
    assert image.image_recipe.version == "1.4.0"
    assert image.output_resources is not None
    assert image.output_resources.amis is not None
    assert [ami.region for ami in image.output_resources.amis] == ["eu-west-1", "eu-central-1"]
    assert image.state is not None
    assert image.state.status is models.ImageStatus.AVAILABLE


def test_unknown_members_are_ignored() -> None:
    """A member added by a newer API does not break structuring and is not written back."""
    payload = {"status": "ACTIVE", "brandNewMember": {"x": 1}}
    state = converter.structure(payload, models.ComponentState)
    assert converter.unstructure(state) == {"status": "ACTIVE"}


def test_unknown_enum_values_survive_a_round_trip() -> None:
    """An enum value the SDK does not know is kept and written back unchanged."""
    state = converter.structure({"status": "HIBERNATING"}, models.ImageState)
    assert state.status is not None
    assert state.status.value == "HIBERNATING"
    assert not state.status.is_known
    assert converter.unstructure(state) == {"status": "HIBERNATING"}


def test_none_members_are_omitted() -> None:
    """Unset members do not appear in the API dict; required ones always do."""
    mapping = models.ComponentParameter(name="level", value=["high"])
    assert converter.unstructure(mapping) == {"name": "level", "value": ["high"]}
    assert converter.unstructure(models.Placement()) == {}


def test_unstructured_enums_are_plain_strings() -> None:
    """Enums go on the wire as plain `str`, so any JSON encoder accepts them."""
    wire = converter.unstructure(models.ComponentState(status=models.ComponentStatus.ACTIVE))
    assert type(wire["status"]) is str
    assert json.dumps(wire) == '{"status": "ACTIVE"}'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-27T10:15:30.123Z", datetime(2026, 11, 27, 10, 15, 30, 123000, timezone.utc)),
        ("2026-11-27T10:15:30Z", datetime(2026, 11, 27, 10, 15, 30, tzinfo=timezone.utc)),
        ("2026-11-27T11:15:30+01:00", datetime(2026, 11, 27, 10, 15, 30, tzinfo=timezone.utc)),
        ("2026-11-27T10:15:30", datetime(2026, 11, 27, 10, 15, 30, tzinfo=timezone.utc)),
    ],
)
def test_iso_dates_in_any_common_form_become_aware(text: str, expected: datetime) -> None:
    """ISO-8601 dates with or without offsets parse to aware UTC-equal datetimes."""
    parsed = parse_date(text)
    assert parsed.tzinfo is not None
    assert parsed == expected


def test_iso_dates_are_written_in_the_services_form() -> None:
    """Dates go back as UTC with milliseconds and a Z."""
    assert format_iso(datetime(2026, 1, 2, 3, 4, 5, 6000, timezone.utc)) == (
        "2026-01-02T03:04:05.006Z"
    )


def test_a_bad_date_names_the_value() -> None:
    """A date string that is not ISO-8601 is refused with the value in the message."""
    with pytest.raises(ValueError, match="yesterday"):
        parse_date("yesterday")
