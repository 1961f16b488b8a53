"""Infrastructure configurations: where and on what instances builds run."""

from __future__ import annotations

from typing import Any, overload

from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateInfrastructureConfigurationArguments,
    CreateInfrastructureConfigurationOverrides,
    UpdateInfrastructureConfigurationArguments,
    UpdateInfrastructureConfigurationOverrides,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    InfrastructureConfiguration,
    InfrastructureConfigurationSummary,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, takes

__all__ = ["InfrastructureConfigurations"]

_RENAMES = {"arn": "infrastructure_configuration_arn"}


class InfrastructureConfigurations(Repository):
    """Create, read, update, list and delete; ``ib.infrastructure_configurations``."""

    __slots__ = ()
    resource_type = ResourceType.INFRASTRUCTURE_CONFIGURATION
    model_argument = "configuration"

    @overload
    def create(
        self,
        configuration: InfrastructureConfiguration,
        /,
        **overrides: Unpack[CreateInfrastructureConfigurationOverrides],
    ) -> InfrastructureConfiguration: ...
    @overload
    def create(
        self, /, **arguments: Unpack[CreateInfrastructureConfigurationArguments]
    ) -> InfrastructureConfiguration: ...
    @takes("CreateInfrastructureConfiguration")
    def create(
        self, configuration: InfrastructureConfiguration | None = None, /, **arguments: Any
    ) -> InfrastructureConfiguration:
        """Create an infrastructure configuration; return it as stored.

        Pass a model, keywords, or both (keywords win over the model's fields).
        """
        return self.get(self._create_arn(configuration, arguments))

    def _create_arn(
        self,
        configuration: InfrastructureConfiguration | None,
        arguments: dict[str, Any],
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateInfrastructureConfiguration", configuration, {}, arguments)
        response = self._caller.call("CreateInfrastructureConfiguration", **params)
        return str(response["infrastructure_configuration_arn"])

    @overload
    def update(
        self,
        configuration: InfrastructureConfiguration,
        /,
        **overrides: Unpack[UpdateInfrastructureConfigurationOverrides],
    ) -> InfrastructureConfiguration: ...
    @overload
    def update(
        self, /, **arguments: Unpack[UpdateInfrastructureConfigurationArguments]
    ) -> InfrastructureConfiguration: ...
    @takes("UpdateInfrastructureConfiguration")
    def update(
        self, configuration: InfrastructureConfiguration | None = None, /, **arguments: Any
    ) -> InfrastructureConfiguration:
        """Replace a configuration's settings; return it as stored.

        The service replaces the whole configuration, so pass the full model (from
        `get`, changed with `attrs.evolve`) or every setting you want to keep; `arn`
        names the configuration when no model does.
        """
        params = self._request(
            "UpdateInfrastructureConfiguration", configuration, _RENAMES, arguments
        )
        self._target(params, "infrastructure_configuration_arn")
        response = self._caller.call("UpdateInfrastructureConfiguration", **params)
        return self.get(response["infrastructure_configuration_arn"])

    def get(self, arn: str | Arn) -> InfrastructureConfiguration:
        """The infrastructure configuration an ARN names."""
        response = self._caller.call(
            "GetInfrastructureConfiguration", infrastructure_configuration_arn=self._arn(arn)
        )
        return self._fetched_tags.remember(
            converter.structure(
                response["infrastructure_configuration"], InfrastructureConfiguration
            )
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
