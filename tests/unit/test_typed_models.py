"""Typed views of the `arn` and `version` members that models keep as wire strings."""

from __future__ import annotations

import pytest

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.errors import StructureError
from imagebuilder_sdk.models import Component, ComponentVersion, Image, ImagePipeline
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion
from tests.factories import complete

COMPONENT_ARN = "arn:aws:imagebuilder:eu-west-1:111122223333:component/harden-ssh/2.10.0/3"


def test_component_exposes_its_parsed_arn_and_versions() -> None:
    """A component's ARN and version parse into typed values; the wire strings stay."""
    component = complete(Component, arn=COMPONENT_ARN, version="2.10.0")
    assert component.parsed_arn == Arn.parse(COMPONENT_ARN)
    assert component.parsed_arn is not None
    assert component.parsed_arn.resource_type is ResourceType.COMPONENT
    assert component.build_version == BuildVersion(2, 10, 0, 3)
    assert component.semantic_version == SemanticVersion(2, 10, 0)
    assert component.version == "2.10.0"
    assert component.arn == COMPONENT_ARN


def test_versions_from_models_sort_by_number() -> None:
    """Typed versions let listings sort 2.10.0 after 2.9.0, unlike the strings."""
    listed = [complete(ComponentVersion, version=v) for v in ("2.9.0", "2.10.0", "2.1.0")]
    ordered = sorted(listed, key=lambda c: c.semantic_version or SemanticVersion(0, 0, 0))
    assert [c.version for c in ordered] == ["2.1.0", "2.9.0", "2.10.0"]
    assert sorted(c.version or "" for c in listed)[-1] == "2.9.0"


def test_image_version_with_a_build_number_gives_its_semantic_version() -> None:
    """An image's `1.4.0/7` version reads as 1.4.0, and its ARN's build as 1.4.0/7."""
    image = complete(
        Image,
        arn="arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.4.0/7",
        version="1.4.0/7",
    )
    assert image.semantic_version == SemanticVersion(1, 4, 0)
    assert image.build_version == BuildVersion(1, 4, 0, 7)


def test_filter_versions_raise_and_unversioned_arns_have_no_build() -> None:
    """A version filter is no semantic version; an unversioned ARN has no build version.

    Every component answer carries an ARN and a version (tools/guaranteed_members.py),
    so there is no unset case left: a filter such as ``1.x.x`` where a version is read
    is a malformed answer and raises `StructureError` naming the attribute.
    """
    with pytest.raises(StructureError, match="version"):
        _ = complete(Component, version="1.x.x").semantic_version
    pipeline = complete(
        ImagePipeline, arn="arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/p"
    )
    assert pipeline.build_version is None
    assert pipeline.parsed_arn is not None
    assert pipeline.parsed_arn.name == "p"
