"""Components: create, import, get, list, list build versions, delete."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._echo import echo
from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_documents import describe_document, shell_document
from imagebuilder_sdk.testing._state_links import recipes_using, refuse_if_used
from imagebuilder_sdk.testing._state_names import (
    record_arn,
    record_version_key,
)
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate, paginate_listing

__all__ = ["OPERATIONS"]

KIND = "component"

_FILTERS = {
    "description": lambda r: r.get("description"),
    "name": lambda r: r.get("name"),
    "platform": lambda r: r.get("platform"),
    "supportedOsVersion": lambda r: r.get("supportedOsVersions"),
    "type": lambda r: r.get("type"),
    "version": lambda r: r.get("version"),
}


def _version_key(record: Record) -> tuple[Any, ...]:
    return record_version_key(record)


def _source(params: dict[str, Any]) -> tuple[str | None, str | None]:
    data, uri = params.get("data"), params.get("uri")
    if data is not None and uri is not None:
        raise ServiceError(
            "InvalidParameterCombinationException", "Specify either 'data' or 'uri', not both."
        )
    if data is None and uri is None:
        raise ServiceError("InvalidRequestException", "Either 'data' or 'uri' is required.")
    if uri is not None and not str(uri).startswith("s3://"):
        raise ServiceError(
            "InvalidParameterValueException",
            f"The value supplied for parameter 'uri' is not valid: {echo(uri)}. Use an s3:// URI.",
        )
    return data, uri


#: What makes two builds of one component version the same content.
_CONTENT = (
    "data",
    "_uri",
    "type",
    "platform",
    "description",
    "changeDescription",
    "supportedOsVersions",
)


def _next_build(state: State, version_arn: str, record: Record) -> tuple[str, int]:
    """The version text and build number a new build of `version_arn` gets.

    The service model (``CreateComponentRequest.name``, botocore 1.44) says: a request
    for a name and version that exist creates a new build version, unless its content
    is identical to the latest build, which fails because the component exists. The
    model lists no ResourceAlreadyExistsException for CreateComponent, so the refusal
    uses ResourceInUseException, which it does list.
    """
    builds = state.builds_of(KIND, version_arn)
    if not builds:
        return str(record["version"]), 1
    newest = max(builds, key=_version_key)
    if all(newest.get(member) == record.get(member) for member in _CONTENT):
        raise ServiceError(
            "ResourceInUseException",
            f"The component {newest['arn']} already exists with the same content. "
            "Change the content or use a new semantic version.",
        )
    return str(newest["version"]), _version_key(newest)[4] + 1


def _store(state: State, params: dict[str, Any], kind: str, data: str | None) -> dict[str, Any]:
    version = state.semantic_version(params)
    version_arn = state.arn(KIND, params["name"], version)
    parameters: list[dict[str, Any]] = []
    if data is not None:
        kind, parameters = describe_document(data)
    record: Record = {
        "name": params["name"],
        "version": version,
        "type": params.get("type", kind),
        "platform": params["platform"],
        "state": {"status": "ACTIVE"},
        "owner": state.account_id,
        "encrypted": True,
        "dateCreated": state.now(),
        "obfuscate": False,
    }
    for member in ("description", "changeDescription", "supportedOsVersions", "kmsKeyId", "tags"):
        if params.get(member) is not None:
            record[member] = params[member]
    if parameters:
        record["parameters"] = parameters
    if data is not None:
        record["data"] = data
    elif params.get("uri") is not None:
        record["_uri"] = params["uri"]
    version, build = _next_build(state, version_arn, record)
    state.dry_run(params)
    record["version"] = version
    arn = record["arn"] = state.arn(KIND, params["name"], version, build)
    state.put(KIND, record)
    return {
        "componentBuildVersionArn": arn,
        "latestVersionReferences": state.latest_references(KIND, arn),
    }


def create_component(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateComponent: a new version (build 1), or a new build when the content changed."""
    data, _ = _source(params)
    return _store(state, params, "BUILD", data)


def import_component(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ImportComponent: a component made from a shell script."""
    script, _ = _source(params)
    data = None
    if script is not None:
        data = shell_document(params["name"], script, params["platform"], params["type"])
    answer = _store(state, params, params["type"], data)
    return {"componentBuildVersionArn": answer["componentBuildVersionArn"]}


def get_component(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetComponent: a build, or the latest build a version or wildcard ARN names."""
    record = state.resolve(KIND, params["componentBuildVersionArn"])
    return {
        "component": project(record, "Component"),
        "latestVersionReferences": state.latest_references(KIND, record["arn"]),
    }


def delete_component(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteComponent: only when no recipe uses the build any more."""
    arn = state.get(KIND, params["componentBuildVersionArn"])["arn"]
    state.require_owned(arn)
    refuse_if_used(arn, recipes_using(state, arn))
    state.remove(KIND, arn)
    return {"componentBuildVersionArn": arn}


def list_components(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListComponents: the latest build of each version (of each name with byName)."""

    def build() -> list[tuple[tuple[Any, ...], Record]]:
        owner = state.owner_segment(params)
        latest: dict[tuple[str, ...], Record] = {}
        for record in state.table(KIND).values():
            parsed = record_arn(record)
            if parsed is None or parsed.owner != owner:
                continue
            group = (parsed.name,) if params.get("byName") else (parsed.name, parsed.version or "")
            if group not in latest or _version_key(record) > _version_key(latest[group]):
                latest[group] = record
        items = []
        for record in apply_filters(params, _FILTERS, latest.values()):
            summary = project(record, "ComponentVersion")
            summary["arn"] = record["arn"].rsplit("/", 1)[0]
            summary["status"] = record["state"]["status"]
            items.append((_version_key(record)[:4], summary))
        return items

    page, token = paginate_listing(state, "ListComponents", params, build)
    return {"componentVersionList": page, "nextToken": token}


def list_component_build_versions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListComponentBuildVersions: every build of one component version."""
    version_arn = params.get("componentVersionArn")
    if not version_arn:
        raise ServiceError(
            "InvalidRequestException", "The parameter 'componentVersionArn' is required."
        )
    builds = state.builds_of(KIND, version_arn)
    if not builds:
        raise ServiceError("ResourceNotFoundException", f"Resource {version_arn} does not exist.")
    items = [(_version_key(r), project(r, "ComponentSummary")) for r in builds]
    page, token = paginate(state.secret, "ListComponentBuildVersions", params, items)
    return {"componentSummaryList": page, "nextToken": token}


OPERATIONS: dict[str, Handler] = {
    "CreateComponent": create_component,
    "DeleteComponent": delete_component,
    "GetComponent": get_component,
    "ImportComponent": import_component,
    "ListComponentBuildVersions": list_component_build_versions,
    "ListComponents": list_components,
}
