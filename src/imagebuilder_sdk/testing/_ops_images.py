"""Images: create (start a build), get, list, build versions, packages, cancel, delete."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_builds import (
    TERMINAL,
    new_build,
    refresh,
    require_running,
    status_of,
    stop,
)
from imagebuilder_sdk.testing._state_names import (
    record_arn,
    record_version_key,
)
from imagebuilder_sdk.testing._state_packages import packages_for
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate, paginate_listing
from imagebuilder_sdk.testing._state_workflows import plan_workflows

__all__ = ["OPERATIONS", "start_image", "summaries"]

KIND = "image"

_DEFAULT_OS = {
    "Linux": "Amazon Linux 2023",
    "Windows": "Microsoft Windows Server 2022",
    "macOS": "macOS 14",
}
_FILTERS = {
    "name": lambda r: r.get("name"),
    "osVersion": lambda r: r.get("osVersion"),
    "platform": lambda r: r.get("platform"),
    "type": lambda r: r.get("type"),
    "version": lambda r: [r["version"], r["version"].split("/")[0]],
}
_PASSED_ON = ("imageScanningConfiguration", "executionRole", "workflows", "loggingConfiguration")


def _key(record: Record) -> tuple[Any, ...]:
    return record_version_key(record)


def start_image(
    state: State,
    params: dict[str, Any],
    *,
    pipeline: Record | None = None,
    tags: dict[str, str] | None = None,
) -> str:
    """Start a build of the recipe `params` names; returns the image build version ARN."""
    kind, member = state.recipe_member(params)
    recipe = state.reference(kind, params[member], member)
    infra = state.reference(
        "infrastructure-configuration",
        params["infrastructureConfigurationArn"],
        "infrastructureConfigurationArn",
    )
    distribution = None
    if params.get("distributionConfigurationArn"):
        distribution = state.reference(
            "distribution-configuration",
            params["distributionConfigurationArn"],
            "distributionConfigurationArn",
        )
    tests = {"imageTestsEnabled": True, "timeoutMinutes": 720}
    tests.update(params.get("imageTestsConfiguration") or {})
    version_arn = state.arn(KIND, recipe["name"], recipe["version"])
    build = state.build_numbers.get(version_arn, 0) + 1
    state.build_numbers[version_arn] = build
    container = kind == "container-recipe"
    recipe_copy = copy.deepcopy(project(recipe, "ContainerRecipe" if container else "ImageRecipe"))
    parent = recipe_copy.get("parentImage")
    if isinstance(parent, str) and parent.startswith("arn:"):
        # The image shows the parent it was built on, not the recipe's filter
        # (awscli/examples/imagebuilder/get-image.rst: ".../2019.12.17/1").
        # If the parent is gone since the recipe was made, show what the recipe names.
        with contextlib.suppress(ServiceError):
            recipe_copy["parentImage"] = state.resolve(KIND, parent)["arn"]
    record: Record = {
        "arn": f"{version_arn}/{build}",
        "type": "DOCKER" if container else "AMI",
        "name": recipe["name"],
        "version": f"{recipe['version']}/{build}",
        "platform": recipe["platform"],
        "enhancedImageMetadataEnabled": params.get("enhancedImageMetadataEnabled", True),
        "osVersion": recipe.get("_osVersion") or _DEFAULT_OS[recipe["platform"]],
        "state": {"status": "PENDING"},
        "containerRecipe" if container else "imageRecipe": recipe_copy,
        "infrastructureConfiguration": copy.deepcopy(project(infra, "InfrastructureConfiguration")),
        "imageTestsConfiguration": tests,
        "dateCreated": state.now(),
        "buildType": "USER_INITIATED",
        "imageSource": "CUSTOM",
        "owner": state.account_id,
        "_build": new_build(state, bool(tests["imageTestsEnabled"])),
        # Empty until the build is AVAILABLE, as in AWS CLI example get-image.rst.
        "outputResources": {"amis": []},
    }
    if distribution is not None:
        record["distributionConfiguration"] = copy.deepcopy(
            project(distribution, "DistributionConfiguration")
        )
    if pipeline is not None:
        record["sourcePipelineName"] = pipeline["name"]
        record["sourcePipelineArn"] = pipeline["arn"]
    for name in _PASSED_ON:
        if params.get(name) is not None:
            record[name] = copy.deepcopy(params[name])
    if tags:
        record["tags"] = dict(tags)
    plan_workflows(state, record)
    state.put(KIND, record)
    return str(record["arn"])


def create_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateImage: start a build from a recipe and an infrastructure configuration."""
    arn = start_image(state, params, tags=params.get("tags"))
    return {
        "imageBuildVersionArn": arn,
        "latestVersionReferences": state.latest_references(KIND, arn),
    }


def get_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetImage: a build (a version or wildcard ARN names the latest build)."""
    record = refresh(state, state.resolve(KIND, params["imageBuildVersionArn"]))
    return {
        "image": project(record, "Image"),
        "latestVersionReferences": state.latest_references(KIND, record["arn"]),
    }


def delete_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteImage: only a finished build; the AMIs it made are not touched."""
    arn = params["imageBuildVersionArn"]
    record = state.get(KIND, arn)
    state.require_owned(arn)
    status = status_of(state, record)
    if status not in TERMINAL:
        raise ServiceError(
            "ResourceDependencyException",
            f"The image {arn} is {status}; cancel the build or wait for it to finish.",
        )
    state.remove(KIND, arn)
    return {"imageBuildVersionArn": arn}


def list_images(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImages: the image versions (latest per name with byName), by owner."""

    def build() -> list[tuple[tuple[Any, ...], Record]]:
        owner = state.owner_segment(params)
        latest: dict[tuple[Any, ...], Record] = {}
        for record in state.table(KIND).values():
            parsed = record_arn(record)
            if parsed is None or parsed.owner != owner:
                continue
            refresh(state, record)
            if record["state"]["status"] == "DEPRECATED" and not params.get("includeDeprecated"):
                continue
            group = (parsed.name,) if params.get("byName") else (parsed.name, parsed.version)
            if group not in latest or _key(record) > _key(latest[group]):
                latest[group] = record
        items = []
        for record in apply_filters(params, _FILTERS, latest.values()):
            summary = project(record, "ImageVersion")
            summary["arn"] = record["arn"].rsplit("/", 1)[0]
            summary["version"] = record["version"].split("/")[0]
            items.append((_key(record)[:4], summary))
        return items

    page, token = paginate_listing(state, "ListImages", params, build)
    return {"imageVersionList": page, "nextToken": token}


def summaries(
    state: State, params: dict[str, Any], operation: str, records: list[Record]
) -> tuple[list[Record], str | None]:
    """A page of ``ImageSummary`` entries for image records, filtered."""
    for record in records:
        refresh(state, record)
    chosen = apply_filters(params, _FILTERS, records)
    items = [(_key(r), _summary(r)) for r in chosen]
    return paginate(state.secret, operation, params, items)


def _summary(record: Record) -> dict[str, Any]:
    """An ``ImageSummary``: like the service, it has ``outputResources`` even before there
    are outputs (``"amis": []`` for a build still running or failed; AWS CLI examples
    list-image-build-versions and list-image-pipeline-images)."""
    summary = project(record, "ImageSummary")
    summary.setdefault("outputResources", {"amis": []})
    return summary


def list_image_build_versions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImageBuildVersions: every build of one image version."""
    version_arn = params.get("imageVersionArn")
    if not version_arn:
        raise ServiceError(
            "InvalidRequestException", "The parameter 'imageVersionArn' is required."
        )
    builds = state.builds_of(KIND, version_arn)
    if not builds:
        raise ServiceError("ResourceNotFoundException", f"Resource {version_arn} does not exist.")
    page, token = summaries(state, params, "ListImageBuildVersions", builds)
    return {"imageSummaryList": page, "nextToken": token}


def list_image_packages(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImagePackages: the packages installed on an available image."""
    arn = params["imageBuildVersionArn"]
    record = refresh(state, state.get(KIND, arn))
    if record["state"]["status"] not in ("AVAILABLE", "DEPRECATED"):
        raise ServiceError(
            "InvalidRequestException",
            f"The image {arn} is {record['state']['status']}; "
            "its packages are listed once it is available.",
        )
    packages = packages_for(record) if record.get("enhancedImageMetadataEnabled", True) else []
    items = [((index,), package) for index, package in enumerate(packages)]
    page, token = paginate(state.secret, "ListImagePackages", params, items)
    return {"imagePackageList": page, "nextToken": token}


def cancel_image_creation(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CancelImageCreation: stop a running build; it ends CANCELLED."""
    arn = params["imageBuildVersionArn"]
    record = state.get(KIND, arn)
    state.require_owned(arn)
    require_running(state, record)
    stop(state, record, "CANCELLED", "Image creation was cancelled by the user.")
    refresh(state, record)
    return {"imageBuildVersionArn": arn}


OPERATIONS: dict[str, Handler] = {
    "CancelImageCreation": cancel_image_creation,
    "CreateImage": create_image,
    "DeleteImage": delete_image,
    "GetImage": get_image,
    "ListImageBuildVersions": list_image_build_versions,
    "ListImagePackages": list_image_packages,
    "ListImages": list_images,
}
