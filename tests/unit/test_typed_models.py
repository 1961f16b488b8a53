"""Typed views of the `arn` and `version` members that models keep as wire strings."""

from __future__ import annotations

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.models import Component, ComponentVersion, Image, ImagePipeline
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion

COMPONENT_ARN = "arn:aws:imagebuilder:eu-west-1:111122223333:component/harden-ssh/2.10.0/3"


def test_component_exposes_its_parsed_arn_and_versions() -> None:
    """A component's ARN and version parse into typed values; the wire strings stay."""
    component = Component(arn=COMPONENT_ARN, version="2.10.0")
    assert component.parsed_arn == Arn.parse(COMPONENT_ARN)
    assert component.parsed_arn is not None
    assert component.parsed_arn.resource_type is ResourceType.COMPONENT
    assert component.build_version == BuildVersion(2, 10, 0, 3)
    assert component.semantic_version == SemanticVersion(2, 10, 0)
    assert component.version == "2.10.0"
    assert component.arn == COMPONENT_ARN


def test_versions_from_models_sort_by_number() -> None:
    """Typed versions let listings sort 2.10.0 after 2.9.0, unlike the strings."""
    listed = [ComponentVersion(version=v) for v in ("2.9.0", "2.10.0", "2.1.0")]
    ordered = sorted(listed, key=lambda c: c.semantic_version or SemanticVersion(0, 0, 0))
    assert [c.version for c in ordered] == ["2.1.0", "2.9.0", "2.10.0"]
    assert sorted(c.version or "" for c in listed)[-1] == "2.9.0"


def test_image_version_with_a_build_number_gives_its_semantic_version() -> None:
    """An image's `1.4.0/7` version reads as 1.4.0, and its ARN's build as 1.4.0/7."""
    image = Image(
        arn="arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.4.0/7", version="1.4.0/7"
    )
    assert image.semantic_version == SemanticVersion(1, 4, 0)
    assert image.build_version == BuildVersion(1, 4, 0, 7)


def test_unset_and_unversioned_values_read_as_none() -> None:
    """No ARN or version means None; a version ARN has no build version."""
    assert Component().parsed_arn is None
    assert Component().semantic_version is None
    pipeline = ImagePipeline(arn="arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/p")
    assert pipeline.build_version is None
    assert pipeline.parsed_arn is not None
    assert pipeline.parsed_arn.name == "p"
