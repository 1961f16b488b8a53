"""Infrastructure configurations: where and on what instances builds run."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    InfrastructureConfiguration,
    InfrastructureConfigurationSummary,
    InstanceMetadataOptions,
    Logging,
    ParentInstanceConfiguration,
    Placement,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository

__all__ = ["InfrastructureConfigurations"]

_RENAMES = {"arn": "infrastructure_configuration_arn"}


class InfrastructureConfigurations(Repository):
    """Create, read, update, list and delete; ``ib.infrastructure_configurations``."""

    __slots__ = ()
    resource_type = ResourceType.INFRASTRUCTURE_CONFIGURATION
    model_argument = "configuration"

    def create(
        self,
        configuration: InfrastructureConfiguration | None = None,
        /,
        *,
        name: str | None = None,
        instance_profile_name: str | None = None,
        instance_types: Sequence[str] | None = None,
        description: str | None = None,
        security_group_ids: Sequence[str] | None = None,
        subnet_id: str | None = None,
        logging: Logging | None = None,
        key_pair: str | None = None,
        terminate_instance_on_failure: bool | None = None,
        terminate_instance_on_completion: bool | None = None,
        sns_topic_arn: str | None = None,
        resource_tags: Mapping[str, str] | None = None,
        instance_metadata_options: InstanceMetadataOptions | None = None,
        placement: Placement | None = None,
        parent_instance: ParentInstanceConfiguration | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> InfrastructureConfiguration:
        """Create an infrastructure configuration; return it as stored."""
        params = self._request(
            "CreateInfrastructureConfiguration",
            configuration,
            {},
            {
                "name": name,
                "instance_profile_name": instance_profile_name,
                "instance_types": instance_types,
                "description": description,
                "security_group_ids": security_group_ids,
                "subnet_id": subnet_id,
                "logging": logging,
                "key_pair": key_pair,
                "terminate_instance_on_failure": terminate_instance_on_failure,
                "terminate_instance_on_completion": terminate_instance_on_completion,
                "sns_topic_arn": sns_topic_arn,
                "resource_tags": resource_tags,
                "instance_metadata_options": instance_metadata_options,
                "placement": placement,
                "parent_instance": parent_instance,
                "tags": tags,
                "client_token": client_token,
            },
        )
        response = self._caller.call("CreateInfrastructureConfiguration", **params)
        return self.get(response["infrastructure_configuration_arn"])

    def update(
        self,
        configuration: InfrastructureConfiguration | None = None,
        /,
        *,
        arn: str | Arn | None = None,
        instance_profile_name: str | None = None,
        instance_types: Sequence[str] | None = None,
        description: str | None = None,
        security_group_ids: Sequence[str] | None = None,
        subnet_id: str | None = None,
        logging: Logging | None = None,
        key_pair: str | None = None,
        terminate_instance_on_failure: bool | None = None,
        terminate_instance_on_completion: bool | None = None,
        sns_topic_arn: str | None = None,
        resource_tags: Mapping[str, str] | None = None,
        instance_metadata_options: InstanceMetadataOptions | None = None,
        placement: Placement | None = None,
        parent_instance: ParentInstanceConfiguration | None = None,
        client_token: str | None = None,
    ) -> InfrastructureConfiguration:
        """Replace a configuration's settings; return it as stored.

        The service replaces the whole configuration, so pass the full model (from
        `get`, changed with `attrs.evolve`) or every setting you want to keep.
        """
        params = self._request(
            "UpdateInfrastructureConfiguration",
            configuration,
            _RENAMES,
            {
                "infrastructure_configuration_arn": arn,
                "instance_profile_name": instance_profile_name,
                "instance_types": instance_types,
                "description": description,
                "security_group_ids": security_group_ids,
                "subnet_id": subnet_id,
                "logging": logging,
                "key_pair": key_pair,
                "terminate_instance_on_failure": terminate_instance_on_failure,
                "terminate_instance_on_completion": terminate_instance_on_completion,
                "sns_topic_arn": sns_topic_arn,
                "resource_tags": resource_tags,
                "instance_metadata_options": instance_metadata_options,
                "placement": placement,
                "parent_instance": parent_instance,
                "client_token": client_token,
            },
        )
        self._target(params, "infrastructure_configuration_arn")
        response = self._caller.call("UpdateInfrastructureConfiguration", **params)
        return self.get(response["infrastructure_configuration_arn"])

    def get(self, arn: str | Arn) -> InfrastructureConfiguration:
        """The infrastructure configuration an ARN names."""
        response = self._caller.call(
            "GetInfrastructureConfiguration", infrastructure_configuration_arn=self._arn(arn)
        )
        return converter.structure(
            response["infrastructure_configuration"], InfrastructureConfiguration
        )

    def delete(self, arn: str | Arn) -> None:
        """Delete an infrastructure configuration."""
        self._caller.call(
            "DeleteInfrastructureConfiguration", infrastructure_configuration_arn=self._arn(arn)
        )

    def list(
        self, *, name: str | None = None, page_size: int | None = None
    ) -> Paginated[InfrastructureConfigurationSummary]:
        """Infrastructure configurations, lazily."""
        return self._list(
            "ListInfrastructureConfigurations",
            "infrastructure_configuration_summary_list",
            InfrastructureConfigurationSummary,
            filters={"name": name},
            max_results=page_size,
        )
