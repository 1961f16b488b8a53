"""Backend tests for infrastructure and distribution configurations."""

from __future__ import annotations

from tests.emulator.test_backend_support import Api

ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"


def test_create_and_get_infrastructure_configuration() -> None:
    """An infrastructure configuration keeps its settings and defaults to terminate on failure."""
    api = Api()
    arn = api.infra("Build Hosts", instanceTypes=["m7i.large"], tags={"team": "web"})
    assert arn == f"{ACCOUNT}:infrastructure-configuration/build-hosts"
    infra = api("GetInfrastructureConfiguration", infrastructureConfigurationArn=arn)
    config = infra["infrastructureConfiguration"]
    assert config["instanceTypes"] == ["m7i.large"]
    assert config["instanceProfileName"] == "builder"
    assert config["terminateInstanceOnFailure"] is True
    assert config["tags"] == {"team": "web"}


def test_duplicate_infrastructure_configuration_is_refused() -> None:
    """The same name raises ResourceAlreadyExistsException."""
    api = Api()
    api.infra()
    error = api.error("CreateInfrastructureConfiguration", name="infra", instanceProfileName="p")
    assert error.code == "ResourceAlreadyExistsException"


def test_update_infrastructure_configuration_replaces_settings() -> None:
    """An update replaces the settings, sets dateUpdated and keeps the tags."""
    api = Api()
    arn = api.infra(instanceTypes=["m7i.large"], subnetId="subnet-1", tags={"a": "b"})
    api.clock.advance(60)
    api(
        "UpdateInfrastructureConfiguration",
        infrastructureConfigurationArn=arn,
        instanceProfileName="other",
        description="bigger",
    )
    config = api("GetInfrastructureConfiguration", infrastructureConfigurationArn=arn)[
        "infrastructureConfiguration"
    ]
    assert config["instanceProfileName"] == "other"
    assert "subnetId" not in config
    assert config["tags"] == {"a": "b"}
    assert config["dateUpdated"] > config["dateCreated"]


def test_update_unknown_infrastructure_configuration_is_not_found() -> None:
    """Updating an unknown configuration raises ResourceNotFoundException."""
    error = Api().error(
        "UpdateInfrastructureConfiguration",
        infrastructureConfigurationArn=f"{ACCOUNT}:infrastructure-configuration/nope",
        instanceProfileName="p",
    )
    assert error.code == "ResourceNotFoundException"


def test_list_infrastructure_configurations_filters_by_name() -> None:
    """ListInfrastructureConfigurations filters on name."""
    api = Api()
    api.infra("small")
    api.infra("large")
    listed = api(
        "ListInfrastructureConfigurations", filters=[{"name": "name", "values": ["large"]}]
    )["infrastructureConfigurationSummaryList"]
    assert [s["name"] for s in listed] == ["large"]


def test_delete_infrastructure_configuration_in_use_is_refused() -> None:
    """A configuration a pipeline uses raises ResourceDependencyException; after, it deletes."""
    api = Api()
    infra = api.infra()
    pipeline = api.pipeline(infrastructureConfigurationArn=infra)
    error = api.error("DeleteInfrastructureConfiguration", infrastructureConfigurationArn=infra)
    assert error.code == "ResourceDependencyException"
    api("DeleteImagePipeline", imagePipelineArn=pipeline)
    api("DeleteInfrastructureConfiguration", infrastructureConfigurationArn=infra)
    assert api("ListInfrastructureConfigurations")["infrastructureConfigurationSummaryList"] == []


def test_create_and_get_distribution_configuration() -> None:
    """A distribution configuration keeps its distributions and a timeout."""
    api = Api()
    arn = api.distribution(regions=("us-east-1", "eu-west-1"))
    config = api("GetDistributionConfiguration", distributionConfigurationArn=arn)[
        "distributionConfiguration"
    ]
    assert [d["region"] for d in config["distributions"]] == ["us-east-1", "eu-west-1"]
    assert config["timeoutMinutes"] == 720


def test_distribution_with_a_repeated_region_is_refused() -> None:
    """The same region twice raises InvalidParameterValueException naming the entry."""
    error = Api().error(
        "CreateDistributionConfiguration",
        name="dist",
        distributions=[{"region": "us-east-1"}, {"region": "us-east-1"}],
    )
    assert error.code == "InvalidParameterValueException"
    assert "distributions[1].region" in error.message


def test_update_distribution_configuration() -> None:
    """UpdateDistributionConfiguration replaces the distributions."""
    api = Api()
    arn = api.distribution()
    api(
        "UpdateDistributionConfiguration",
        distributionConfigurationArn=arn,
        distributions=[{"region": "ap-south-1"}],
    )
    listed = api("ListDistributionConfigurations")["distributionConfigurationSummaryList"]
    assert listed[0]["regions"] == ["ap-south-1"]
    assert "dateUpdated" in listed[0]


def test_delete_distribution_configuration_in_use_is_refused() -> None:
    """A distribution configuration a pipeline uses raises ResourceDependencyException."""
    api = Api()
    dist = api.distribution()
    api.pipeline(distributionConfigurationArn=dist)
    error = api.error("DeleteDistributionConfiguration", distributionConfigurationArn=dist)
    assert error.code == "ResourceDependencyException"


def test_delete_unknown_distribution_configuration_is_not_found() -> None:
    """Deleting an unknown distribution configuration raises ResourceNotFoundException."""
    error = Api().error(
        "DeleteDistributionConfiguration",
        distributionConfigurationArn=f"{ACCOUNT}:distribution-configuration/nope",
    )
    assert error.code == "ResourceNotFoundException"
