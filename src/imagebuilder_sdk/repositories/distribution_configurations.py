"""Distribution configurations: which regions and accounts receive finished images."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, overload

from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateDistributionConfigurationArguments,
    CreateDistributionConfigurationOverrides,
    UpdateDistributionConfigurationArguments,
    UpdateDistributionConfigurationOverrides,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    DistributionConfiguration,
    DistributionConfigurationSummary,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, takes

__all__ = ["DistributionConfigurations"]

_RENAMES = {"arn": "distribution_configuration_arn"}


class DistributionConfigurations(Repository):
    """Create, read, update, list and delete; ``ib.distribution_configurations``."""

    __slots__ = ()
    resource_type = ResourceType.DISTRIBUTION_CONFIGURATION
    model_argument = "configuration"

    @overload
    def create(
        self,
        configuration: DistributionConfiguration,
        /,
        **overrides: Unpack[CreateDistributionConfigurationOverrides],
    ) -> DistributionConfiguration: ...
    @overload
    def create(
        self, /, **arguments: Unpack[CreateDistributionConfigurationArguments]
    ) -> DistributionConfiguration: ...
    @takes("CreateDistributionConfiguration")
    def create(
        self, configuration: DistributionConfiguration | None = None, /, **arguments: Any
    ) -> DistributionConfiguration:
        """Create a distribution configuration; return it as stored.

        Pass a model, keywords, or both (keywords win over the model's fields).
        """
        return self.get(self._create_arn(configuration, arguments))

    def _create_arn(
        self,
        configuration: DistributionConfiguration | None,
        arguments: dict[str, Any],
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateDistributionConfiguration", configuration, {}, arguments)
        _check_distributions(params)
        response = self._caller.call("CreateDistributionConfiguration", **params)
        return str(response["distribution_configuration_arn"])

    @overload
    def update(
        self,
        configuration: DistributionConfiguration,
        /,
        **overrides: Unpack[UpdateDistributionConfigurationOverrides],
    ) -> DistributionConfiguration: ...
    @overload
    def update(
        self, /, **arguments: Unpack[UpdateDistributionConfigurationArguments]
    ) -> DistributionConfiguration: ...
    @takes("UpdateDistributionConfiguration")
    def update(
        self, configuration: DistributionConfiguration | None = None, /, **arguments: Any
    ) -> DistributionConfiguration:
        """Replace a configuration's distributions (and description); return it.

        `arn` names the configuration when no model does.
        """
        params = self._request(
            "UpdateDistributionConfiguration", configuration, _RENAMES, arguments
        )
        self._target(params, "distribution_configuration_arn")
        _check_distributions(params)
        response = self._caller.call("UpdateDistributionConfiguration", **params)
        return self.get(response["distribution_configuration_arn"])

    def get(self, arn: str | Arn) -> DistributionConfiguration:
        """The distribution configuration an ARN names."""
        response = self._caller.call(
            "GetDistributionConfiguration", distribution_configuration_arn=self._arn(arn)
        )
        return self._fetched_tags.remember(
            converter.structure(response["distribution_configuration"], DistributionConfiguration)
        )

    def delete(self, arn: str | Arn) -> None:
        """Delete a distribution configuration."""
        self._caller.call(
            "DeleteDistributionConfiguration", distribution_configuration_arn=self._arn(arn)
        )

    def list(
        self, *, name: str | None = None, page_size: int | None = None
    ) -> Paginated[DistributionConfigurationSummary]:
        """Distribution configurations, lazily."""
        return self._list(
            "ListDistributionConfigurations",
            "distribution_configuration_summary_list",
            DistributionConfigurationSummary,
            filters={"name": name},
            max_results=page_size,
        )


def _check_distributions(params: Mapping[str, object]) -> None:
    """At least one region: the model sets no minimum, but an empty list distributes nothing."""
    distributions = params.get("distributions")
    if isinstance(distributions, Sequence) and len(distributions) == 0:
        raise ValidationError("distributions", "must name at least one region")
