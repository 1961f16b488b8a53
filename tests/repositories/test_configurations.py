"""Infrastructure and distribution configurations against the emulator, update included."""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.errors import ResourceNotFoundError
from imagebuilder_sdk.models import (
    Distribution,
    DistributionConfiguration,
    DistributionConfigurationSummary,
    InfrastructureConfiguration,
    InfrastructureConfigurationSummary,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent


def test_infrastructure_create_returns_the_stored_configuration(
    infrastructure: InfrastructureConfiguration,
) -> None:
    """create() returns the configuration with its ARN and settings."""
    assert infrastructure.arn == (
        "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-infra"
    )
    assert infrastructure.instance_types == ("t3.micro",)
    assert infrastructure.instance_profile_name == "builder"


def test_infrastructure_update_from_an_evolved_model(
    ib: ImageBuilder, emulator: Emulator, infrastructure: InfrastructureConfiguration
) -> None:
    """update(attrs.evolve(get(...), ...)) changes that setting and keeps the others."""
    fetched = ib.infrastructure_configurations.get(str(infrastructure.arn))
    updated = ib.infrastructure_configurations.update(
        attrs.evolve(fetched, description="bigger", instance_types=["m5.large"])
    )
    assert (updated.description, updated.instance_types) == ("bigger", ("m5.large",))
    assert updated.instance_profile_name == "builder"
    (request,) = sent(emulator, "UpdateInfrastructureConfiguration")
    assert request.params["infrastructureConfigurationArn"] == infrastructure.arn
    assert "name" not in request.params


def test_infrastructure_update_by_keywords(
    ib: ImageBuilder, infrastructure: InfrastructureConfiguration
) -> None:
    """update(arn=..., ...) works without a model."""
    updated = ib.infrastructure_configurations.update(
        arn=str(infrastructure.arn), instance_profile_name="other", instance_types=["t3.small"]
    )
    assert updated.instance_profile_name == "other"


def test_infrastructure_update_needs_an_arn(ib: ImageBuilder, emulator: Emulator) -> None:
    """update() with neither a model nor arn= raises ValidationError on `arn`."""
    with pytest.raises(ValidationError) as caught:
        ib.infrastructure_configurations.update(instance_profile_name="p")  # type: ignore[call-overload]
    assert caught.value.field == "arn"
    assert emulator.requests == []


def test_infrastructure_list_and_delete(
    ib: ImageBuilder, infrastructure: InfrastructureConfiguration
) -> None:
    """list() yields summaries; after delete() the list is empty and get() fails."""
    listed = list(ib.infrastructure_configurations.list(name="build-infra"))
    assert [(type(i), i.arn) for i in listed] == [
        (InfrastructureConfigurationSummary, infrastructure.arn)
    ]
    ib.infrastructure_configurations.delete(str(infrastructure.arn))
    assert list(ib.infrastructure_configurations.list()) == []
    with pytest.raises(ResourceNotFoundError):
        ib.infrastructure_configurations.get(str(infrastructure.arn))


def test_distribution_create_returns_the_stored_configuration(
    distribution: DistributionConfiguration,
) -> None:
    """create() returns the configuration with its ARN and distributions."""
    assert distribution.arn == (
        "arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/to-us-east-1"
    )
    assert distribution.distributions is not None
    assert [d.region for d in distribution.distributions] == ["us-east-1"]


def test_distribution_update_from_an_evolved_model(
    ib: ImageBuilder, distribution: DistributionConfiguration
) -> None:
    """update(attrs.evolve(get(...), ...)) replaces the distributions."""
    fetched = ib.distribution_configurations.get(str(distribution.arn))
    regions = [Distribution(region="us-east-1"), Distribution(region="eu-west-1")]
    updated = ib.distribution_configurations.update(
        attrs.evolve(fetched, distributions=regions, description="two regions")
    )
    assert updated.distributions is not None
    assert [d.region for d in updated.distributions] == ["us-east-1", "eu-west-1"]
    assert updated.description == "two regions"


def test_distribution_update_needs_an_arn(ib: ImageBuilder, emulator: Emulator) -> None:
    """update() without a model or arn= raises ValidationError on `arn`."""
    with pytest.raises(ValidationError) as caught:
        ib.distribution_configurations.update(  # type: ignore[call-overload]
            distributions=[Distribution(region="us-east-1")]
        )
    assert caught.value.field == "arn"
    assert emulator.requests == []


def test_distribution_list_and_delete(
    ib: ImageBuilder, distribution: DistributionConfiguration
) -> None:
    """list() yields summaries; after delete() get() raises ResourceNotFoundError."""
    listed = list(ib.distribution_configurations.list())
    assert [(type(d), d.arn) for d in listed] == [
        (DistributionConfigurationSummary, distribution.arn)
    ]
    ib.distribution_configurations.delete(str(distribution.arn))
    with pytest.raises(ResourceNotFoundError):
        ib.distribution_configurations.get(str(distribution.arn))
