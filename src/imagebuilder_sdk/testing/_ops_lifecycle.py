"""Lifecycle policies and their executions, and StartResourceStateUpdate.

Policies are checked with the service's rules before they are stored (the rules are
in `_check`); their executions are in `_state_lifecycle`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_builds import refresh, status_of
from imagebuilder_sdk.testing._state_lifecycle import (
    DAY,
    EXECUTIONS,
    cancel,
    execution_view,
    resource_views,
    start_execution,
    status,
)
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate

__all__ = ["OPERATIONS", "check_policy"]

KIND = "lifecycle-policy"
_MEMBERS = (
    "description",
    "status",
    "executionRole",
    "resourceType",
    "policyDetails",
    "resourceSelection",
)
_FILTERS = {
    "name": lambda r: r.get("name"),
    "resourceType": lambda r: r.get("resourceType"),
    "status": lambda r: r.get("status"),
}
_TARGETS = {
    "DELETED": "DELETE",
    "DEPRECATED": "DEPRECATE",
    "DISABLED": "DISABLE",
    "AVAILABLE": "AVAILABLE",
}


def _bad(path: str, rule: str) -> ServiceError:
    return ServiceError(
        "InvalidRequestException", f"The value supplied for parameter '{path}' is not valid. {rule}"
    )


def check_policy(params: dict[str, Any]) -> None:
    """Refuse a policy the service refuses; each rule is said in its message.

    The rules: at most one rule per action type; an AGE filter needs a ``unit``, a COUNT
    filter takes neither ``unit`` nor ``retainAtLeast``; container policies only delete,
    include only containers and have no AMI exclusion rules; AMI policies do not include
    containers; resources are selected by recipes or by tags, one of the two.
    """
    container = params["resourceType"] == "CONTAINER_IMAGE"
    seen: set[str] = set()
    for index, detail in enumerate(params["policyDetails"]):
        where = f"policyDetails[{index}]"
        action = detail["action"]["type"]
        if action in seen:
            raise _bad(f"{where}.action.type", f"Only one rule may use the action {action}.")
        seen.add(action)
        rule = detail["filter"]
        if rule["type"] == "AGE" and "unit" not in rule:
            raise _bad(f"{where}.filter.unit", "An AGE filter needs a unit.")
        if rule["type"] == "COUNT" and ("unit" in rule or "retainAtLeast" in rule):
            raise _bad(f"{where}.filter", "A COUNT filter takes no unit and no retainAtLeast.")
        include = detail["action"].get("includeResources") or {}
        if container and action != "DELETE":
            raise _bad(f"{where}.action.type", "Container image policies can only DELETE.")
        if container and (include.get("amis") or include.get("snapshots")):
            raise _bad(f"{where}.action.includeResources", "Container images have no AMIs.")
        if not container and include.get("containers"):
            raise _bad(f"{where}.action.includeResources", "AMI images have no containers.")
        if container and (detail.get("exclusionRules") or {}).get("amis"):
            raise _bad(f"{where}.exclusionRules.amis", "Container images have no AMIs.")
    selection = params["resourceSelection"]
    if bool(selection.get("recipes")) == bool(selection.get("tagMap")):
        raise _bad("resourceSelection", "Select resources by recipes or by tagMap, one of the two.")


def _now(state: State) -> float:
    return state.clock.now().timestamp()


def create_lifecycle_policy(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateLifecyclePolicy: a named policy; its first daily run is a day later."""
    arn = state.arn(KIND, params["name"])
    if arn in state.table(KIND):
        raise ServiceError("ResourceAlreadyExistsException", f"The policy {arn} already exists.")
    check_policy(params)
    state.dry_run(params)
    record: Record = {
        "arn": arn,
        "name": params["name"],
        **{m: params[m] for m in _MEMBERS if m in params},
        "dateCreated": _now(state),
        "_next_run": state.clock.monotonic() + DAY,
    }
    record.setdefault("status", "ENABLED")
    if params.get("tags"):
        record["tags"] = params["tags"]
    state.put(KIND, record)
    return {"lifecyclePolicyArn": arn}


def get_lifecycle_policy(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetLifecyclePolicy."""
    return {
        "lifecyclePolicy": project(state.get(KIND, params["lifecyclePolicyArn"]), "LifecyclePolicy")
    }


def update_lifecycle_policy(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """UpdateLifecyclePolicy: replace every setting; name and tags stay."""
    arn = params["lifecyclePolicyArn"]
    record = state.get(KIND, arn)
    check_policy(params)
    for member in _MEMBERS:
        record.pop(member, None)
        if member in params:
            record[member] = params[member]
    record.setdefault("status", "ENABLED")
    record["dateUpdated"] = _now(state)
    return {"lifecyclePolicyArn": arn}


def delete_lifecycle_policy(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteLifecyclePolicy: refused while one of its executions runs."""
    arn = params["lifecyclePolicyArn"]
    state.get(KIND, arn)
    running = [
        e
        for e in state.table(EXECUTIONS).values()
        if e.get("lifecyclePolicyArn") == arn and status(state, e) in ("PENDING", "IN_PROGRESS")
    ]
    if running:
        raise ServiceError(
            "ResourceDependencyException",
            f"The policy {arn} has an execution in progress ({running[0]['arn']}).",
        )
    del state.table(KIND)[arn]
    return {"lifecyclePolicyArn": arn}


def list_lifecycle_policies(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListLifecyclePolicies: summaries, filtered."""
    chosen = apply_filters(params, _FILTERS, state.table(KIND).values())
    items = [((r["arn"],), project(r, "LifecyclePolicySummary")) for r in chosen]
    page, token = paginate(state.secret, "ListLifecyclePolicies", params, items)
    return {"lifecyclePolicySummaryList": page, "nextToken": token}


def _execution(state: State, ident: str) -> Record:
    record = state.table(EXECUTIONS).get(ident)
    if record is None:
        raise ServiceError("ResourceNotFoundException", f"Resource {ident} does not exist.")
    return record


def get_lifecycle_execution(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetLifecycleExecution: state and times, read from the clock."""
    return {
        "lifecycleExecution": execution_view(
            state, _execution(state, params["lifecycleExecutionId"])
        )
    }


def list_lifecycle_executions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListLifecycleExecutions: the runs of a policy, or the runs that acted on an image."""
    arn = params["resourceArn"]
    if arn not in state.table(KIND) and arn not in state.table("image"):
        raise ServiceError("ResourceNotFoundException", f"Resource {arn} does not exist.")
    chosen = [
        e
        for e in state.table(EXECUTIONS).values()
        if e.get("lifecyclePolicyArn") == arn
        or any(r["resourceId"] == arn for r in e["_resources"])
    ]
    items = [((e["_created"], e["arn"]), execution_view(state, e)) for e in chosen]
    page, token = paginate(state.secret, "ListLifecycleExecutions", params, items)
    return {"lifecycleExecutions": page, "nextToken": token}


def list_lifecycle_execution_resources(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListLifecycleExecutionResources: the images acted on, or one image's AMIs/containers."""
    execution = _execution(state, params["lifecycleExecutionId"])
    views = resource_views(state, execution, params.get("parentResourceId"))
    items = [((index,), view) for index, view in enumerate(views)]
    page, token = paginate(state.secret, "ListLifecycleExecutionResources", params, items)
    return {
        "lifecycleExecutionId": execution["arn"],
        "lifecycleExecutionState": execution_view(state, execution)["state"],
        "resources": page,
        "nextToken": token,
    }


def cancel_lifecycle_execution(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CancelLifecycleExecution: stop a run before it takes effect."""
    execution = _execution(state, params["lifecycleExecutionId"])
    cancel(state, execution)
    return {"lifecycleExecutionId": execution["arn"]}


def _due(state: State, value: Any) -> float | None:
    if value is None:
        return None
    moment = (
        float(value)
        if isinstance(value, (int, float))
        else datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    )
    return state.clock.monotonic() + (moment - _now(state))


def start_resource_state_update(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """StartResourceStateUpdate: deprecate, disable, delete or restore one image."""
    arn = params["resourceArn"]
    image = refresh(state, state.get("image", arn))
    state.require_owned(arn)
    current = status_of(state, image)
    if current not in ("AVAILABLE", "DEPRECATED", "DISABLED"):
        raise ServiceError(
            "InvalidRequestException", f"The image {arn} is {current}; its state cannot change yet."
        )
    busy = [
        e
        for e in state.table(EXECUTIONS).values()
        if any(r["resourceId"] == arn for r in e["_resources"])
        and status(state, e) in ("PENDING", "IN_PROGRESS")
    ]
    if busy:
        raise ServiceError(
            "ResourceInUseException", f"The image {arn} is being updated by {busy[0]['arn']}."
        )
    target = params["state"].get("status")
    if target not in _TARGETS:
        raise ServiceError("InvalidRequestException", "The parameter 'state.status' is required.")
    execution = start_execution(
        state,
        image=image,
        action=_TARGETS[target],
        include=params.get("includeResources") or {},
        excluded=(params.get("exclusionRules") or {}).get("amis") or {},
        due=_due(state, params.get("updateAt")),
    )
    return {"lifecycleExecutionId": execution["arn"], "resourceArn": arn}


OPERATIONS: dict[str, Handler] = {
    "CancelLifecycleExecution": cancel_lifecycle_execution,
    "CreateLifecyclePolicy": create_lifecycle_policy,
    "DeleteLifecyclePolicy": delete_lifecycle_policy,
    "GetLifecycleExecution": get_lifecycle_execution,
    "GetLifecyclePolicy": get_lifecycle_policy,
    "ListLifecycleExecutionResources": list_lifecycle_execution_resources,
    "ListLifecycleExecutions": list_lifecycle_executions,
    "ListLifecyclePolicies": list_lifecycle_policies,
    "StartResourceStateUpdate": start_resource_state_update,
    "UpdateLifecyclePolicy": update_lifecycle_policy,
}
