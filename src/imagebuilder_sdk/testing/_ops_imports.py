"""VM and disk imports (ImportVmImage, ImportDiskImage) and GetMarketplaceResource.

An import makes an image record that moves through states on the clock like a build:
a VM import (from a VM Import task) is PENDING, then BUILDING, then AVAILABLE with its
AMI; a disk import (an ISO in S3, on the infrastructure configuration given) is
PENDING, BUILDING, INTEGRATING, then AVAILABLE. Their ``buildType`` is ``IMPORT`` and
``IMPORT_ISO``, their ``imageSource`` ``IMPORTED``. Failures planned with
`Backend.fail_build` apply to them too.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_builds import Build, plan_for
from imagebuilder_sdk.testing._state_names import parse_arn
from imagebuilder_sdk.testing._state_seed_extra import MARKETPLACE

__all__ = ["OPERATIONS"]

_NAME = re.compile(r"^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$")


def _start(state: State, params: dict[str, Any], stages: tuple[str, ...], code: str) -> Record:
    if _NAME.match(params["name"]) is None:
        raise ServiceError(
            code, f"The value supplied for parameter 'name' is not valid: {params['name']!r}."
        )
    version = state.semantic_version(params)
    version_arn = state.arn("image", params["name"], version)
    build = state.build_numbers.get(version_arn, 0) + 1
    state.build_numbers[version_arn] = build
    durations = dict(plan_for(state, True))
    timeline = Build(started=state.clock.monotonic(), plan=[(s, durations[s]) for s in stages])
    if state.next_failure is not None:
        stage, reason = state.next_failure
        timeline.failure = (stage if stage in stages else stages[-1], reason)
        state.next_failure = None
    record: Record = {
        "arn": f"{version_arn}/{build}",
        "type": "AMI",
        "name": params["name"],
        "version": f"{version}/{build}",
        "platform": params["platform"],
        "state": {"status": "PENDING"},
        "dateCreated": state.now(),
        "imageSource": "IMPORTED",
        "owner": state.account_id,
        "enhancedImageMetadataEnabled": True,
        "_build": timeline,
    }
    for member in ("osVersion", "executionRole", "loggingConfiguration", "tags"):
        if params.get(member) is not None:
            record[member] = copy.deepcopy(params[member])
    return record


def import_vm_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ImportVmImage: an image from a VM Import task; answers its build version ARN."""
    if not str(params["vmImportTaskId"]).startswith("import-"):
        raise ServiceError(
            "ClientException",
            f"The value supplied for parameter 'vmImportTaskId' is not valid: "
            f"{params['vmImportTaskId']!r}. VM Import task ids start with 'import-'.",
        )
    record = _start(state, params, ("PENDING", "BUILDING"), "ClientException")
    record["buildType"] = "IMPORT"
    state.put("image", record)
    return {"imageArn": record["arn"]}


def import_disk_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ImportDiskImage: an image from an ISO disk image in S3."""
    if not str(params["uri"]).startswith("s3://"):
        raise ServiceError(
            "ClientException",
            f"The value supplied for parameter 'uri' is not valid: {params['uri']!r}. "
            "Use an s3:// URI.",
        )
    if params["platform"] not in ("Windows", "Linux"):
        raise ServiceError("ClientException", "The parameter 'platform' is Windows or Linux.")
    infra = state.get("infrastructure-configuration", params["infrastructureConfigurationArn"])
    record = _start(state, params, ("PENDING", "BUILDING", "INTEGRATING"), "ClientException")
    record["buildType"] = "IMPORT_ISO"
    record["infrastructureConfiguration"] = copy.deepcopy(
        project(infra, "InfrastructureConfiguration")
    )
    state.put("image", record)
    return {"imageBuildVersionArn": record["arn"]}


def get_marketplace_resource(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetMarketplaceResource: the document, or a download URL, of a marketplace component."""
    arn = params["resourceArn"]
    parsed = parse_arn(arn)
    if parsed is None or parsed.owner != MARKETPLACE or parsed.kind != "component":
        raise ServiceError("InvalidRequestException", f"{arn} is not an AWS Marketplace component.")
    component = state.resolve("component", arn, code="InvalidRequestException")
    answer: dict[str, Any] = {"resourceArn": component["arn"]}
    if params["resourceType"] == "COMPONENT_DATA" and len(component["data"]) <= 1024:
        answer["data"] = component["data"]
        return answer
    location = params.get("resourceLocation")
    if params["resourceType"] == "COMPONENT_ARTIFACT" and not location:
        raise ServiceError(
            "InvalidRequestException", "The parameter 'resourceLocation' is required for artifacts."
        )
    bucket, _, key = str(location or f"s3://marketplace-{state.region}/{parsed.name}.yaml")[
        5:
    ].partition("/")
    answer["url"] = (
        f"https://{bucket}.s3.{state.region}.amazonaws.com/{key}"
        "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600"
    )
    return answer


OPERATIONS: dict[str, Handler] = {
    "GetMarketplaceResource": get_marketplace_resource,
    "ImportDiskImage": import_disk_image,
    "ImportVmImage": import_vm_image,
}
