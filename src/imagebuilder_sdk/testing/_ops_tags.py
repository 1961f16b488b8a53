"""Tags on any taggable resource, by ARN: list, tag, untag."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State

__all__ = ["OPERATIONS"]

_TAGGABLE = frozenset(
    {
        "component",
        "container-recipe",
        "distribution-configuration",
        "image",
        "image-pipeline",
        "image-recipe",
        "infrastructure-configuration",
        "lifecycle-policy",  # TagResource lists lifecycle policies and workflows as taggable
        "workflow",
    }
)
_MAX_TAGS = 50


def _resource(state: State, arn: str) -> Record:
    found = state.find(arn)
    if found is None or found[0] not in _TAGGABLE:
        raise ServiceError("ResourceNotFoundException", f"Resource {arn} does not exist.")
    return found[1]


def list_tags_for_resource(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListTagsForResource: the resource's tags (an empty map when it has none)."""
    return {"tags": dict(_resource(state, params["resourceArn"]).get("tags") or {})}


def tag_resource(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """TagResource: add or overwrite tags, up to 50 on a resource."""
    arn = params["resourceArn"]
    record = _resource(state, arn)
    if not state.owned(arn):
        raise ServiceError("InvalidParameterException", f"You cannot tag {arn}.")
    tags = {**(record.get("tags") or {}), **params["tags"]}
    if len(tags) > _MAX_TAGS:
        raise ServiceError(
            "InvalidParameterException",
            f"The value supplied for parameter 'tags' is not valid. "
            f"A resource can have at most {_MAX_TAGS} tags.",
        )
    record["tags"] = tags
    return {}


def untag_resource(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """UntagResource: remove tags by key; unknown keys are ignored."""
    arn = params["resourceArn"]
    record = _resource(state, arn)
    if not state.owned(arn):
        raise ServiceError("InvalidParameterException", f"You cannot untag {arn}.")
    tags = {k: v for k, v in (record.get("tags") or {}).items() if k not in params["tagKeys"]}
    if tags:
        record["tags"] = tags
    else:
        record.pop("tags", None)
    return {}


OPERATIONS: dict[str, Handler] = {
    "ListTagsForResource": list_tags_for_resource,
    "TagResource": tag_resource,
    "UntagResource": untag_resource,
}
