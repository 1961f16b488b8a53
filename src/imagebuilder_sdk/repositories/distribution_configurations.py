"""Distribution configurations: which regions and accounts receive finished images."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    Distribution,
    DistributionConfiguration,
    DistributionConfigurationSummary,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository

__all__ = ["DistributionConfigurations"]

_RENAMES = {"arn": "distribution_configuration_arn"}


class DistributionConfigurations(Repository):
    """Create, read, update, list and delete; ``ib.distribution_configurations``."""

    __slots__ = ()
    resource_type = ResourceType.DISTRIBUTION_CONFIGURATION
    model_argument = "configuration"

    def create(
        self,
        configuration: DistributionConfiguration | None = None,
        /,
        *,
        name: str | None = None,
        distributions: Sequence[Distribution] | None = None,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> DistributionConfiguration:
        """Create a distribution configuration; return it as stored."""
        params = self._request(
            "CreateDistributionConfiguration",
            configuration,
            {},
            {
                "name": name,
                "distributions": distributions,
                "description": description,
                "tags": tags,
                "client_token": client_token,
            },
        )
        _check_distributions(params)
        response = self._caller.call("CreateDistributionConfiguration", **params)
        return self.get(response["distribution_configuration_arn"])

    def update(
        self,
        configuration: DistributionConfiguration | None = None,
        /,
        *,
        arn: str | Arn | None = None,
        distributions: Sequence[Distribution] | None = None,
        description: str | None = None,
        client_token: str | None = None,
    ) -> DistributionConfiguration:
        """Replace a configuration's distributions (and description); return it."""
        params = self._request(
            "UpdateDistributionConfiguration",
            configuration,
            _RENAMES,
            {
                "distribution_configuration_arn": arn,
                "distributions": distributions,
                "description": description,
                "client_token": client_token,
            },
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
        return converter.structure(
            response["distribution_configuration"], DistributionConfiguration
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
