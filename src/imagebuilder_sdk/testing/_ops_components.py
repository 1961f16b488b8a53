"""Components: create, import, get, list, list build versions, delete."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_documents import describe_document, shell_document
from imagebuilder_sdk.testing._state_links import recipes_using, refuse_if_used
from imagebuilder_sdk.testing._state_names import parse_arn, parse_version
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate

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
    parsed = parse_arn(record["arn"])
    assert parsed is not None
    return (parsed.name, *(parse_version(parsed.version or "") or (0, 0, 0)), parsed.build or 0)


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
            f"The value supplied for parameter 'uri' is not valid: {uri!r}. Use an s3:// URI.",
        )
    return data, uri


def _store(state: State, params: dict[str, Any], kind: str, data: str | None) -> dict[str, Any]:
    version = state.semantic_version(params)
    arn = state.arn(KIND, params["name"], version, 1)
    version_arn = arn.rsplit("/", 1)[0]
    if any(r["arn"].rsplit("/", 1)[0] == version_arn for r in state.table(KIND).values()):
        raise ServiceError(
            "ResourceAlreadyExistsException",
            f"The component {version_arn} already exists. Use a new semantic version.",
        )
    parameters: list[dict[str, Any]] = []
    if data is not None:
        kind, parameters = describe_document(data)
    state.dry_run(params)
    record: Record = {
        "arn": arn,
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
    state.put(KIND, record)
    return {
        "componentBuildVersionArn": arn,
        "latestVersionReferences": state.latest_references(KIND, arn),
    }


def create_component(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateComponent: a new component version, build 1, from a document."""
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
    arn = params["componentBuildVersionArn"]
    state.get(KIND, arn)
    state.require_owned(arn)
    refuse_if_used(arn, recipes_using(state, arn))
    del state.table(KIND)[arn]
    state.policies.pop(arn, None)
    return {"componentBuildVersionArn": arn}


def list_components(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListComponents: the latest build of each version (of each name with byName)."""
    owner = state.owner_segment(params)
    latest: dict[tuple[str, ...], Record] = {}
    for record in state.table(KIND).values():
        parsed = parse_arn(record["arn"])
        if parsed is None or parsed.owner != owner:
            continue
        group = (parsed.name,) if params.get("byName") else (parsed.name, parsed.version or "")
        if group not in latest or _version_key(record) > _version_key(latest[group]):
            latest[group] = record
    chosen = apply_filters(params, _FILTERS, latest.values())
    items = []
    for record in chosen:
        summary = project(record, "ComponentVersion")
        summary["arn"] = record["arn"].rsplit("/", 1)[0]
        summary["status"] = record["state"]["status"]
        items.append((_version_key(record)[:4], summary))
    page, token = paginate(state.secret, "ListComponents", params, items)
    return {"componentVersionList": page, "nextToken": token}


def list_component_build_versions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListComponentBuildVersions: every build of one component version."""
    version_arn = params.get("componentVersionArn")
    if not version_arn:
        raise ServiceError(
            "InvalidRequestException", "The parameter 'componentVersionArn' is required."
        )
    builds = [r for r in state.table(KIND).values() if r["arn"].rsplit("/", 1)[0] == version_arn]
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
