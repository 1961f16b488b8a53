"""Retry and distribute: RetryImage and DistributeImage, without rebuilding.

`RetryImage` takes a FAILED build and runs it again from the stage where it failed,
under the same ARN; the stages before it are not repeated, and the workflow executions
of the new attempt are flagged ``retried``. `DistributeImage` takes an AVAILABLE image
(by ARN, or by one of its AMI ids) and makes a new build version of it that runs only
the distribution stages, with the distribution configuration given.
"""

from __future__ import annotations

import copy
from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_builds import TERMINAL, Build, plan_for, refresh, status_of
from imagebuilder_sdk.testing._state_workflows import attempts, plan_workflows

__all__ = ["OPERATIONS"]

_KEEP = (
    "type",
    "name",
    "platform",
    "enhancedImageMetadataEnabled",
    "osVersion",
    "imageRecipe",
    "containerRecipe",
    "infrastructureConfiguration",
    "imageTestsConfiguration",
    "imageScanningConfiguration",
)


def retry_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """RetryImage: run a failed build again from its failed stage."""
    arn = params["imageBuildVersionArn"]
    record = refresh(state, state.get("image", arn))
    state.require_owned(arn)
    status = status_of(state, record)
    if status not in TERMINAL:
        raise ServiceError("ResourceInUseException", f"The image {arn} is still {status}.")
    found = attempts(record)
    if status != "FAILED" or not found:
        raise ServiceError(
            "InvalidRequestException",
            f"The image {arn} is {status}; only a FAILED build is retried.",
        )
    previous = found[-1].build
    failed = (record["state"].get("failureContext") or {}).get("imageStatus")
    stages = [stage for stage, _ in previous.plan]
    start = stages.index(failed) if failed in stages else 0
    record["_build"] = Build(started=state.clock.monotonic(), plan=previous.plan[start:])
    plan_workflows(state, record, retried=True)
    refresh(state, record)
    return {"imageBuildVersionArn": arn}


def _source(state: State, source: str) -> Record:
    if source.startswith("arn:"):
        return state.resolve("image", source)
    if source.startswith("ami-"):
        for record in state.table("image").values():
            refresh(state, record)
            amis = (record.get("outputResources") or {}).get("amis") or []
            if any(ami.get("image") == source for ami in amis):
                return record
        raise ServiceError("ResourceNotFoundException", f"No image made the AMI {source}.")
    raise ServiceError(
        "InvalidRequestException",
        f"The value supplied for parameter 'sourceImage' is not valid: {source!r}. "
        "Give an image build version ARN or an AMI id.",
    )


def distribute_image(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DistributeImage: a new build of an available image that only distributes it."""
    source = refresh(state, _source(state, params["sourceImage"]))
    if status_of(state, source) != "AVAILABLE":
        raise ServiceError(
            "InvalidRequestException",
            f"The image {source['arn']} is {status_of(state, source)}; it must be AVAILABLE.",
        )
    distribution = state.reference(
        "distribution-configuration",
        params["distributionConfigurationArn"],
        "distributionConfigurationArn",
    )
    semantic = source["version"].split("/")[0]
    version_arn = state.arn("image", source["name"], semantic)
    build = state.build_numbers.get(version_arn, 0) + 1
    for existing in state.table("image").values():
        if existing["arn"].rsplit("/", 1)[0] == version_arn:
            build = max(build, int(existing["arn"].rsplit("/", 1)[1]) + 1)
    state.build_numbers[version_arn] = build
    durations = dict(plan_for(state, False))
    record: Record = {
        **{m: copy.deepcopy(source[m]) for m in _KEEP if m in source},
        "arn": f"{version_arn}/{build}",
        "version": f"{semantic}/{build}",
        "state": {"status": "PENDING"},
        "distributionConfiguration": copy.deepcopy(
            project(distribution, "DistributionConfiguration")
        ),
        "executionRole": params["executionRole"],
        "dateCreated": state.now(),
        "buildType": "USER_INITIATED",
        "imageSource": "CUSTOM",
        "owner": state.account_id,
        "_distribute": True,
        "_build": Build(
            started=state.clock.monotonic(),
            plan=[(stage, durations[stage]) for stage in ("DISTRIBUTING", "INTEGRATING")],
        ),
    }
    for member in ("loggingConfiguration", "tags"):
        if params.get(member) is not None:
            record[member] = copy.deepcopy(params[member])
    plan_workflows(state, record)
    state.put("image", record)
    return {"imageBuildVersionArn": record["arn"]}


OPERATIONS: dict[str, Handler] = {
    "DistributeImage": distribute_image,
    "RetryImage": retry_image,
}
