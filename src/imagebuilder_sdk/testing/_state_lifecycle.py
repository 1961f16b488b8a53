"""Lifecycle executions: which images a policy selects, and what it does to them.

An execution starts (a policy's daily run on the emulator clock, a test calling
`Backend.run_lifecycle_policy`, or `StartResourceStateUpdate`), is IN_PROGRESS for
``State.lifecycle_seconds`` and then takes effect: images are deprecated, disabled or
deleted, with their AMIs, snapshots or containers where the rule includes them. The
resources it selected are fixed when it starts; cancelling it before it takes effect
changes nothing and marks them SKIPPED. Selection follows the policy's rules:

* resources: images of the policy's type (AMI or container) that this account owns
  and that are AVAILABLE, DEPRECATED or DISABLED, chosen by recipe (name, and a
  semantic version that may use ``x`` wildcards) or by any one of the tags given;
* per rule, images with one of the rule's exclusion tags are left alone; the rest are
  ranked newest first per image name; a COUNT rule acts on all but the ``value``
  newest, an AGE rule on those older than ``value`` ``unit`` (keeping the
  ``retainAtLeast`` newest); an image a rule deletes is not acted on again;
* AMI exclusion rules keep AMIs in the listed regions or accounts (the emulator's AMIs
  are never public nor launched, so ``isPublic`` and ``lastLaunched`` exclude nothing).
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from imagebuilder_sdk.testing._state import Record, ServiceError, State
from imagebuilder_sdk.testing._state_builds import refresh
from imagebuilder_sdk.testing._state_names import arn_name, parse_version, version_matches

__all__ = [
    "DAY",
    "EXECUTIONS",
    "UNIT_SECONDS",
    "cancel",
    "execution_view",
    "refresh_execution",
    "resource_views",
    "run_due",
    "start_execution",
    "status",
]

EXECUTIONS = "lifecycle-execution"
DAY = 86400.0
#: Seconds per lifecycle time unit (a month is 30 days, a year 365).
UNIT_SECONDS = {"DAYS": DAY, "WEEKS": 7 * DAY, "MONTHS": 30 * DAY, "YEARS": 365 * DAY}
_ORDER = {"DELETE": 0, "DISABLE": 1, "DEPRECATE": 2}
_KEPT = ("AVAILABLE", "DEPRECATED", "DISABLED")


def _epoch(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()


def _recipe(image: Record) -> Record:
    return image.get("imageRecipe") or image.get("containerRecipe") or {}


def _selected(state: State, policy: Record) -> list[Record]:
    wanted_type = "AMI" if policy["resourceType"] == "AMI_IMAGE" else "DOCKER"
    selection = policy["resourceSelection"]
    found = []
    for image in state.table("image").values():
        refresh(state, image)
        if image.get("type") != wanted_type or not state.owned(image["arn"]):
            continue
        if image["state"]["status"] not in _KEPT:
            continue
        recipe = _recipe(image)
        by_recipe = any(
            arn_name(entry["name"]) == arn_name(str(recipe.get("name", "")))
            and (parse_version(str(recipe.get("version", ""))) is not None)
            and version_matches(parse_version(str(recipe["version"])), entry["semanticVersion"])  # type: ignore[arg-type]
            for entry in selection.get("recipes") or []
        )
        tags = image.get("tags") or {}
        by_tag = any(tags.get(k) == v for k, v in (selection.get("tagMap") or {}).items())
        if by_recipe or by_tag:
            found.append(image)
    return found


def _newest_first(images: list[Record]) -> list[Record]:
    return sorted(images, key=lambda r: (r["dateCreated"], r["arn"]), reverse=True)


def _rule_targets(state: State, detail: Record, images: list[Record]) -> list[Record]:
    excluded_tags = ((detail.get("exclusionRules") or {}).get("tagMap")) or {}
    kept = [
        image
        for image in images
        if not any((image.get("tags") or {}).get(k) == v for k, v in excluded_tags.items())
    ]
    groups: dict[str, list[Record]] = {}
    for image in kept:
        groups.setdefault(image["name"], []).append(image)
    rule = detail["filter"]
    now = state.clock.now().timestamp()
    targets = []
    for group in groups.values():
        ranked = _newest_first(group)
        if rule["type"] == "COUNT":
            targets += ranked[rule["value"] :]
            continue
        limit = rule["value"] * UNIT_SECONDS[rule.get("unit", "DAYS")]
        keep = rule.get("retainAtLeast", 0)
        targets += [img for img in ranked[keep:] if now - _epoch(img["dateCreated"]) > limit]
    action = detail["action"]["type"]
    if action == "DEPRECATE":
        targets = [t for t in targets if t["state"]["status"] == "AVAILABLE"]
    if action == "DISABLE":
        targets = [t for t in targets if t["state"]["status"] != "DISABLED"]
    return targets


def _snapshot(ami: str) -> str:
    return "snap-" + hashlib.sha256(ami.encode()).hexdigest()[:17]


def _children(
    image: Record, action: str, include: Record, excluded: Record, reason: str
) -> list[Record]:
    outputs = image.get("outputResources") or {}
    children: list[Record] = []
    for ami in outputs.get("amis") or []:
        skip = ami.get("region") in (excluded.get("regions") or []) or ami.get("accountId") in (
            excluded.get("sharedAccounts") or []
        )
        entry: Record = {
            "accountId": ami.get("accountId"),
            "resourceId": ami["image"],
            "region": ami["region"],
            "action": {"name": action, "reason": reason},
            "_skip": skip or not include.get("amis", action != "DELETE"),
        }
        if include.get("snapshots") and not entry["_skip"]:
            entry["snapshots"] = [{"snapshotId": _snapshot(ami["image"])}]
        children.append(entry)
    for container in outputs.get("containers") or []:
        children.append(
            {
                "resourceId": container["imageUris"][0],
                "imageUris": list(container["imageUris"]),
                "region": container["region"],
                "action": {"name": action, "reason": reason},
                "_skip": not include.get("containers"),
            }
        )
    return children


def _entry(
    state: State, image: Record, action: str, include: Record, excluded: Record, reason: str
) -> Record:
    return {
        "accountId": state.account_id,
        "resourceId": image["arn"],
        "region": state.region,
        "action": {"name": action, "reason": reason},
        "_children": _children(image, action, include, excluded, reason),
    }


def start_execution(
    state: State,
    *,
    policy: Record | None = None,
    image: Record | None = None,
    action: str | None = None,
    include: Record | None = None,
    excluded: Record | None = None,
    due: float | None = None,
    at: float | None = None,
) -> Record:
    """Start an execution of `policy`, or a state update of `image` to `action`.

    `due` delays a state update (never before now); `at` dates a scheduled run that
    was due at that moment (the clock may have moved past it).
    """
    number = len(state.table(EXECUTIONS))
    ident = f"lce-{uuid.uuid5(uuid.NAMESPACE_URL, f'{state.account_id}#{number}')}"
    resources: list[Record] = []
    if policy is not None:
        candidates = _selected(state, policy)
        taken: set[str] = set()
        details = sorted(policy["policyDetails"], key=lambda d: _ORDER[d["action"]["type"]])
        for detail in details:
            kind = detail["action"]["type"]
            rule = detail["filter"]
            unit = f" {rule['unit']}" if "unit" in rule else ""
            reason = f"{rule['type']} rule ({rule['value']}{unit})"
            for target in _rule_targets(
                state, detail, [c for c in candidates if c["arn"] not in taken]
            ):
                taken.add(target["arn"])
                amis = (detail.get("exclusionRules") or {}).get("amis") or {}
                resources.append(
                    _entry(
                        state,
                        target,
                        kind,
                        detail["action"].get("includeResources") or {},
                        amis,
                        reason,
                    )
                )
        policy["dateLastRun"] = state.clock.now().timestamp()
    elif image is not None and action is not None:
        resources.append(
            _entry(
                state,
                image,
                action,
                include or {},
                excluded or {},
                "Requested by StartResourceStateUpdate",
            )
        )
    begins = state.clock.monotonic() if due is None else max(due, state.clock.monotonic())
    if at is not None:
        begins = at
    record: Record = {
        "arn": ident,
        "lifecyclePolicyArn": None if policy is None else policy["arn"],
        "_created": state.clock.monotonic(),
        "_begins": begins,
        "_ends": begins + state.lifecycle_seconds,
        "_resources": resources,
        "_status": None,
        "_applied": False,
    }
    state.put(EXECUTIONS, record)
    return record


def _wall(state: State, monotonic: float) -> float:
    return state.clock.now().timestamp() - (state.clock.monotonic() - monotonic)


def _apply(state: State, execution: Record) -> None:
    state.generation += 1  # images change: kept listings are out of date
    for entry in execution["_resources"]:
        image = state.table("image").get(entry["resourceId"])
        action = entry["action"]["name"]
        entry["_outcome"] = "SUCCESS" if image is not None else "SKIPPED"
        if image is None:
            continue
        if action == "DELETE":
            del state.table("image")[image["arn"]]
            state.policies.pop(image["arn"], None)
            continue
        refresh(state, image)
        if "_build" in image:
            image["_finished_build"] = image.pop("_build")
        status = {"DEPRECATE": "DEPRECATED", "DISABLE": "DISABLED", "AVAILABLE": "AVAILABLE"}[
            action
        ]
        image["state"] = {"status": status}
        image["lifecycleExecutionId"] = execution["arn"]
        if status == "DEPRECATED":
            image["deprecationTime"] = _wall(state, execution["_ends"])
        elif status == "AVAILABLE":
            image.pop("deprecationTime", None)
        acted = {c["resourceId"] for c in entry["_children"] if not c["_skip"]}
        for ami in (image.get("outputResources") or {}).get("amis") or []:
            if ami["image"] in acted and status != "DEPRECATED":
                ami["state"] = {"status": status}


def refresh_execution(state: State, execution: Record) -> Record:
    """Bring an execution up to the clock: apply its actions once it has run its time."""
    if execution["_status"] is None and state.clock.monotonic() >= execution["_ends"]:
        _apply(state, execution)
        execution["_applied"] = True
        execution["_status"] = "SUCCESS"
    return execution


def status(state: State, execution: Record) -> str:
    """PENDING, IN_PROGRESS, SUCCESS or CANCELLED, read from the clock."""
    refresh_execution(state, execution)
    if execution["_status"] is not None:
        return str(execution["_status"])
    return "PENDING" if state.clock.monotonic() < execution["_begins"] else "IN_PROGRESS"


def _finished(execution: Record) -> float:
    """When an execution ended: cancelled, or run to its end."""
    ended: float = execution["_cancelled_at" if "_cancelled_at" in execution else "_ends"]
    return ended


def execution_view(state: State, execution: Record) -> Record:
    """The ``LifecycleExecution`` answer for an execution."""
    current = status(state, execution)
    view: Record = {
        "lifecycleExecutionId": execution["arn"],
        "resourcesImpactedSummary": {"hasImpactedResources": bool(execution["_resources"])},
        "state": {"status": current},
        "startTime": _wall(state, execution["_begins"]),
    }
    if execution.get("lifecyclePolicyArn"):
        view["lifecyclePolicyArn"] = execution["lifecyclePolicyArn"]
    if current == "CANCELLED":
        view["state"]["reason"] = "Cancelled by the user."
    if current in ("SUCCESS", "CANCELLED"):
        view["endTime"] = _wall(state, _finished(execution))
    return view


def resource_views(state: State, execution: Record, parent: str | None) -> list[Record]:
    """The resources an execution acted on: images, or the AMIs/containers of one."""
    current = status(state, execution)
    entries = execution["_resources"]
    if parent is not None:
        owner = next((e for e in entries if e["resourceId"] == parent), None)
        entries = [] if owner is None else owner["_children"]
    views = []
    for entry in entries:
        view = {k: v for k, v in entry.items() if not k.startswith("_")}
        if current == "CANCELLED" or entry.get("_skip"):
            outcome, reason = "SKIPPED", "Not acted on (excluded or cancelled)."
        elif current == "SUCCESS":
            outcome, reason = entry.get("_outcome", "SUCCESS"), None
        else:
            outcome, reason = "IN_PROGRESS", None
        view["state"] = {"status": outcome, **({"reason": reason} if reason else {})}
        for snapshot in view.get("snapshots") or []:
            snapshot["state"] = {"status": outcome}
        view["startTime"] = _wall(state, execution["_begins"])
        if current in ("SUCCESS", "CANCELLED"):
            view["endTime"] = _wall(state, _finished(execution))
        views.append(view)
    return views


def cancel(state: State, execution: Record) -> None:
    """Cancel an execution that has not taken effect; refused once it has."""
    current = status(state, execution)
    if current not in ("PENDING", "IN_PROGRESS"):
        raise ServiceError(
            "InvalidRequestException",
            f"The lifecycle execution {execution['arn']} is {current} and cannot be cancelled.",
        )
    execution["_status"] = "CANCELLED"
    execution["_cancelled_at"] = state.clock.monotonic()


def run_due(state: State) -> None:
    """Start the daily run of every enabled policy whose day has come; apply finished runs."""
    now = state.clock.monotonic()
    for policy in state.table("lifecycle-policy").values():
        if policy.get("status", "ENABLED") == "ENABLED" and now >= policy["_next_run"]:
            scheduled = policy["_next_run"]
            while policy["_next_run"] <= now:
                policy["_next_run"] += DAY
            start_execution(state, policy=policy, at=scheduled)
    for execution in state.table(EXECUTIONS).values():
        refresh_execution(state, execution)
