"""Infrastructure and distribution configurations: create, get, update, list, delete."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_links import pipelines_using, refuse_if_used
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate
from imagebuilder_sdk.testing._state_schedule import check_region

__all__ = ["OPERATIONS"]

INFRA = "infrastructure-configuration"
DISTRIBUTION = "distribution-configuration"

#: Members an update replaces as a whole (absent ones are cleared, as the service does).
_INFRA_MEMBERS = (
    "description",
    "instanceTypes",
    "instanceProfileName",
    "securityGroupIds",
    "subnetId",
    "logging",
    "keyPair",
    "terminateInstanceOnFailure",
    "terminateInstanceOnCompletion",
    "snsTopicArn",
    "resourceTags",
    "instanceMetadataOptions",
    "placement",
    "parentInstance",
)
_DISTRIBUTION_MEMBERS = ("description", "distributions")
_NAME_FILTER = {"name": lambda r: r.get("name")}


def _new(state: State, kind: str, params: dict[str, Any]) -> Record:
    arn = state.arn(kind, params["name"])
    if arn in state.table(kind):
        raise ServiceError("ResourceAlreadyExistsException", f"The resource {arn} already exists.")
    return {"arn": arn, "name": params["name"], "dateCreated": state.now()}


def _apply(record: Record, params: dict[str, Any], members: tuple[str, ...]) -> None:
    for member in members:
        record.pop(member, None)
        if params.get(member) is not None:
            record[member] = params[member]


def _infra_defaults(record: Record) -> None:
    record.setdefault("terminateInstanceOnFailure", True)


def _check_distributions(params: dict[str, Any]) -> None:
    distributions = params["distributions"]
    if not distributions:
        raise ServiceError(
            "InvalidParameterValueException",
            "The value supplied for parameter 'distributions' is not valid. "
            "At least one distribution is required.",
        )
    seen: set[str] = set()
    for index, entry in enumerate(distributions):
        check_region(entry["region"], f"distributions[{index}].region")
        if entry["region"] in seen:
            raise ServiceError(
                "InvalidParameterValueException",
                f"The value supplied for parameter 'distributions[{index}].region' is not "
                f"valid. The region {entry['region']} appears more than once.",
            )
        seen.add(entry["region"])


def create_infrastructure_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateInfrastructureConfiguration: instance settings for builds."""
    record = _new(state, INFRA, params)
    _apply(record, params, _INFRA_MEMBERS)
    _infra_defaults(record)
    if params.get("tags"):
        record["tags"] = params["tags"]
    state.dry_run(params)
    state.put(INFRA, record)
    return {"infrastructureConfigurationArn": record["arn"]}


def update_infrastructure_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """UpdateInfrastructureConfiguration: replace every setting; name and tags stay."""
    arn = params["infrastructureConfigurationArn"]
    record = state.get(INFRA, arn)
    state.require_owned(arn)
    _apply(record, params, _INFRA_MEMBERS)
    _infra_defaults(record)
    record["dateUpdated"] = state.now()
    return {"infrastructureConfigurationArn": arn}


def get_infrastructure_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetInfrastructureConfiguration."""
    record = state.get(INFRA, params["infrastructureConfigurationArn"])
    return {"infrastructureConfiguration": project(record, "InfrastructureConfiguration")}


def create_distribution_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateDistributionConfiguration: where and how finished images are shared."""
    record = _new(state, DISTRIBUTION, params)
    _check_distributions(params)
    _apply(record, params, _DISTRIBUTION_MEMBERS)
    record["timeoutMinutes"] = 720
    if params.get("tags"):
        record["tags"] = params["tags"]
    state.dry_run(params)
    state.put(DISTRIBUTION, record)
    return {"distributionConfigurationArn": record["arn"]}


def update_distribution_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """UpdateDistributionConfiguration: replace the description and distributions."""
    arn = params["distributionConfigurationArn"]
    record = state.get(DISTRIBUTION, arn)
    state.require_owned(arn)
    _check_distributions(params)
    _apply(record, params, _DISTRIBUTION_MEMBERS)
    record["dateUpdated"] = state.now()
    return {"distributionConfigurationArn": arn}


def get_distribution_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetDistributionConfiguration."""
    record = state.get(DISTRIBUTION, params["distributionConfigurationArn"])
    return {"distributionConfiguration": project(record, "DistributionConfiguration")}


def _delete(state: State, kind: str, arn: str) -> None:
    arn = state.get(kind, arn)["arn"]
    state.require_owned(arn)
    refuse_if_used(arn, pipelines_using(state, kind, arn))
    state.remove(kind, arn)


def delete_infrastructure_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteInfrastructureConfiguration: only when no pipeline uses it."""
    _delete(state, INFRA, params["infrastructureConfigurationArn"])
    return {"infrastructureConfigurationArn": params["infrastructureConfigurationArn"]}


def delete_distribution_configuration(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteDistributionConfiguration: only when no pipeline uses it."""
    _delete(state, DISTRIBUTION, params["distributionConfigurationArn"])
    return {"distributionConfigurationArn": params["distributionConfigurationArn"]}


def _list(state: State, params: dict[str, Any], kind: str, operation: str, shape: str) -> Any:
    items = []
    for record in apply_filters(params, _NAME_FILTER, state.table(kind).values()):
        summary = project(record, shape)
        if kind == DISTRIBUTION:
            summary["regions"] = [entry["region"] for entry in record["distributions"]]
        items.append(((record["arn"],), summary))
    return paginate(state.secret, operation, params, items)


def list_infrastructure_configurations(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListInfrastructureConfigurations."""
    page, token = _list(
        state,
        params,
        INFRA,
        "ListInfrastructureConfigurations",
        "InfrastructureConfigurationSummary",
    )
    return {"infrastructureConfigurationSummaryList": page, "nextToken": token}


def list_distribution_configurations(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListDistributionConfigurations."""
    page, token = _list(
        state,
        params,
        DISTRIBUTION,
        "ListDistributionConfigurations",
        "DistributionConfigurationSummary",
    )
    return {"distributionConfigurationSummaryList": page, "nextToken": token}


OPERATIONS: dict[str, Handler] = {
    "CreateDistributionConfiguration": create_distribution_configuration,
    "CreateInfrastructureConfiguration": create_infrastructure_configuration,
    "DeleteDistributionConfiguration": delete_distribution_configuration,
    "DeleteInfrastructureConfiguration": delete_infrastructure_configuration,
    "GetDistributionConfiguration": get_distribution_configuration,
    "GetInfrastructureConfiguration": get_infrastructure_configuration,
    "ListDistributionConfigurations": list_distribution_configurations,
    "ListInfrastructureConfigurations": list_infrastructure_configurations,
    "UpdateDistributionConfiguration": update_distribution_configuration,
    "UpdateInfrastructureConfiguration": update_infrastructure_configuration,
}
