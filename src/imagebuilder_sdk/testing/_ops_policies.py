"""Resource policies of components, images, image recipes and container recipes."""

from __future__ import annotations

import json
from typing import Any

from imagebuilder_sdk.testing._state import Handler, ServiceError, State

__all__ = ["OPERATIONS"]

# operation suffix, resource kind, ARN member
_RESOURCES = (
    ("ComponentPolicy", "component", "componentArn"),
    ("ImagePolicy", "image", "imageArn"),
    ("ImageRecipePolicy", "image-recipe", "imageRecipeArn"),
    ("ContainerRecipePolicy", "container-recipe", "containerRecipeArn"),
)


def _check_policy(policy: str) -> None:
    try:
        document = json.loads(policy)
    except ValueError as exc:
        raise ServiceError(
            "InvalidParameterValueException",
            "The value supplied for parameter 'policy' is not valid. It must be a JSON document.",
        ) from exc
    if not isinstance(document, dict) or "Statement" not in document:
        raise ServiceError(
            "InvalidParameterValueException",
            "The value supplied for parameter 'policy' is not valid. "
            "A policy is a JSON object with a Statement.",
        )


def _put(kind: str, member: str) -> Handler:
    def put_policy(state: State, params: dict[str, Any]) -> dict[str, Any]:
        arn = params[member]
        stored = state.get(kind, arn)["arn"]
        state.require_owned(arn)
        _check_policy(params["policy"])
        state.policies[stored] = params["policy"]
        return {member: arn}

    put_policy.__doc__ = f"Store a JSON policy on a {kind}; refuse one that is not valid."
    return put_policy


def _get(kind: str, member: str) -> Handler:
    def get_policy(state: State, params: dict[str, Any]) -> dict[str, Any]:
        arn = params[member]
        policy = state.policies.get(state.get(kind, arn)["arn"])
        if policy is None:
            raise ServiceError("ResourceNotFoundException", f"The resource {arn} has no policy.")
        return {"policy": policy}

    get_policy.__doc__ = f"Get the policy of a {kind}; ResourceNotFoundException when none is set."
    return get_policy


OPERATIONS: dict[str, Handler] = {}
for _suffix, _kind, _member in _RESOURCES:
    OPERATIONS[f"Get{_suffix}"] = _get(_kind, _member)
    OPERATIONS[f"Put{_suffix}"] = _put(_kind, _member)
