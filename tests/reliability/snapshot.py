"""A normalised picture of everything an emulated account owns, read past the faults.

`snapshot` reads the emulator's backend directly (no fault injection, nothing recorded)
and returns, per resource ARN, its description as the service returns it, its tags and
its policy. Values that differ between two runs of the same workload for reasons that do
not matter (timestamps, request ids, AMI ids) are blanked, so two snapshots compare equal
exactly when the two accounts hold the same resources with the same contents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from imagebuilder_sdk.testing import Emulator, ServiceError

__all__ = ["count_owned", "normalise", "snapshot"]

_VOLATILE_KEYS = frozenset({"requestId", "clientToken", "lifecycleExecutionId"})
_AMI = re.compile(r"ami-[0-9a-f]{8,17}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}[:-]\d{2}[:-]\d{2}(\.\d+)?Z?")

# kind -> (list operation, list member, get operation, get ARN member, get answer member)
_KINDS = {
    "component": ("ListComponents", "componentVersionList", "GetComponent",
                  "componentBuildVersionArn", "component"),
    "image-recipe": ("ListImageRecipes", "imageRecipeSummaryList", "GetImageRecipe",
                     "imageRecipeArn", "imageRecipe"),
    "container-recipe": ("ListContainerRecipes", "containerRecipeSummaryList",
                         "GetContainerRecipe", "containerRecipeArn", "containerRecipe"),
    "infrastructure-configuration": ("ListInfrastructureConfigurations",
                                     "infrastructureConfigurationSummaryList",
                                     "GetInfrastructureConfiguration",
                                     "infrastructureConfigurationArn",
                                     "infrastructureConfiguration"),
    "distribution-configuration": ("ListDistributionConfigurations",
                                   "distributionConfigurationSummaryList",
                                   "GetDistributionConfiguration",
                                   "distributionConfigurationArn",
                                   "distributionConfiguration"),
    "image-pipeline": ("ListImagePipelines", "imagePipelineList", "GetImagePipeline",
                       "imagePipelineArn", "imagePipeline"),
    "image": ("ListImages", "imageVersionList", "GetImage", "imageBuildVersionArn", "image"),
}  # fmt: skip

_POLICIES = {
    "component": ("GetComponentPolicy", "componentArn"),
    "image-recipe": ("GetImageRecipePolicy", "imageRecipeArn"),
    "container-recipe": ("GetContainerRecipePolicy", "containerRecipeArn"),
    "image": ("GetImagePolicy", "imageArn"),
}

#: List operations that take an ``owner`` (the others list only the caller's own).
_OWNED = frozenset({"ListComponents", "ListImageRecipes", "ListContainerRecipes", "ListImages"})


def normalise(value: Any) -> Any:
    """`value` with timestamps, request ids and AMI ids blanked out, recursively."""
    if isinstance(value, dict):
        return {
            key: normalise(item)
            for key, item in value.items()
            if key not in _VOLATILE_KEYS and not key.startswith("date")
        }
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, str):
        return _STAMP.sub("<time>", _AMI.sub("ami-<id>", value))
    return value


def _pages(emulator: Emulator, operation: str, member: str, **params: Any) -> Iterator[Any]:
    token = None
    while True:
        request = dict(params, maxResults=25)
        if token is not None:
            request["nextToken"] = token
        answer = emulator.backend.dispatch(operation, request)
        yield from answer.get(member) or ()
        token = answer.get("nextToken")
        if token is None:
            return


def _listed_arns(emulator: Emulator, kind: str) -> list[str]:
    """The ARNs of every `kind` the account owns (build versions where there are builds)."""
    list_op, member = _KINDS[kind][:2]
    params = {"owner": "Self"} if list_op in _OWNED else {}
    arns = [item["arn"] for item in _pages(emulator, list_op, member, **params)]
    if kind == "component":
        return [
            build["arn"]
            for arn in arns
            for build in _pages(
                emulator,
                "ListComponentBuildVersions",
                "componentSummaryList",
                componentVersionArn=arn,
            )
        ]
    if kind == "image":
        return [
            build["arn"]
            for arn in arns
            for build in _pages(
                emulator, "ListImageBuildVersions", "imageSummaryList", imageVersionArn=arn
            )
        ]
    return arns


def _policy(emulator: Emulator, kind: str, arn: str) -> str | None:
    if kind not in _POLICIES:
        return None
    operation, member = _POLICIES[kind]
    try:
        answer = emulator.backend.dispatch(operation, {member: arn})
    except ServiceError as error:
        if error.code == "ResourceNotFoundException":
            return None
        raise
    return str(answer["policy"])


def snapshot(emulator: Emulator) -> dict[str, dict[str, Any]]:
    """Every resource the account owns: ARN -> description, tags and policy (normalised)."""
    state: dict[str, dict[str, Any]] = {}
    for kind, (_, _, get_op, get_member, answer_member) in _KINDS.items():
        for arn in sorted(_listed_arns(emulator, kind)):
            described = emulator.backend.dispatch(get_op, {get_member: arn})[answer_member]
            tags = emulator.backend.dispatch("ListTagsForResource", {"resourceArn": arn})
            state[arn] = {
                "kind": kind,
                "description": normalise(described),
                "tags": tags.get("tags") or {},
                "policy": _policy(emulator, kind, arn),
            }
    return state


def count_owned(emulator: Emulator) -> dict[str, int]:
    """How many of each kind of resource the account owns (image and component builds)."""
    return {kind: len(_listed_arns(emulator, kind)) for kind in _KINDS}
