"""Workflows: create, get, list, list build versions, delete; executions, steps, actions.

Workflows are versioned like components, with one rule of their own: creating a name
and version that exists makes a new build of it when the request changes the
workflow, and is refused when it is identical to the latest build.
"""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_names import (
    arn_name,
    parse_arn,
    parse_version,
    version_matches,
)
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate
from imagebuilder_sdk.testing._state_workflow_docs import describe_workflow
from imagebuilder_sdk.testing._state_workflows import (
    RunView,
    StepView,
    attempt_of,
    find_run,
    find_step,
    moment,
    run_views,
    send_action,
    step_outputs,
    waiting_steps,
)

__all__ = ["OPERATIONS", "WORKFLOW_KINDS"]

#: The ARN kinds of workflows, one per workflow type.
WORKFLOW_KINDS = ("workflow/build", "workflow/test", "workflow/distribution")

#: Members that make two builds of one version different.
_CONTENT = ("data", "description", "changeDescription", "kmsKeyId", "type")
_FILTERS = {
    "name": lambda r: r.get("name"),
    "type": lambda r: r.get("type"),
    "version": lambda r: r.get("version"),
}
#: What the emulator stores for a workflow given by S3 URI (it cannot read S3).
_FROM_URI = """\
name: from-s3
description: A workflow document the emulator could not read from S3.
schemaVersion: 1.0
steps:
  - name: RunFromS3
    action: ExecuteComponents
    onFailure: Abort
"""


def _all(state: State) -> list[Record]:
    return [r for kind in WORKFLOW_KINDS for r in state.table(kind).values()]


def _key(record: Record) -> tuple[Any, ...]:
    parsed = parse_arn(record["arn"])
    assert parsed is not None
    version = parse_version(parsed.version or "") or (0, 0, 0)
    return (parsed.kind, parsed.name, *version, parsed.build or 0)


def _kind_of(arn: str) -> str:
    parsed = parse_arn(arn)
    if parsed is None or parsed.kind not in WORKFLOW_KINDS:
        raise ServiceError("InvalidRequestException", f"{arn} is not a workflow ARN.")
    return parsed.kind


def create_workflow(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateWorkflow: a new version at build 1, or a new build when the content changed."""
    data, uri = params.get("data"), params.get("uri")
    if (data is None) == (uri is None):
        raise ServiceError(
            "InvalidParameterCombinationException", "Specify exactly one of 'data' and 'uri'."
        )
    if uri is not None and not str(uri).startswith("s3://"):
        raise ServiceError(
            "InvalidRequestException",
            f"The value supplied for parameter 'uri' is not valid: {uri!r}. Use an s3:// URI.",
        )
    document = data if data is not None else _FROM_URI
    parameters = describe_workflow(document)
    version = state.semantic_version(params)
    kind = f"workflow/{params['type'].lower()}"
    builds = [
        (build, record)
        for parsed_version, build, record in state.versions_of(
            kind, state.account_id, arn_name(params["name"])
        )
        if parsed_version == parse_version(version)
    ]
    candidate = {"data": document, **{m: params[m] for m in _CONTENT[1:] if m in params}}
    if builds:
        latest_build, latest = max(builds, key=lambda item: item[0])
        if all(latest.get(m) == candidate.get(m) for m in _CONTENT):
            raise ServiceError(
                "ResourceAlreadyExistsException",
                f"The workflow {latest['arn']} already has this configuration.",
            )
        build = latest_build + 1
    else:
        build = 1
    state.dry_run(params)
    arn = state.arn(kind, params["name"], version, build)
    record: Record = {
        **candidate,
        "arn": arn,
        "name": params["name"],
        "version": version,
        "owner": state.account_id,
        "dateCreated": state.now(),
    }
    if params.get("tags"):
        record["tags"] = params["tags"]
    if parameters:
        record["parameters"] = parameters
    state.put(kind, record)
    return {
        "workflowBuildVersionArn": arn,
        "latestVersionReferences": state.latest_references(kind, arn),
    }


def get_workflow(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetWorkflow: a build, or the latest build a version or wildcard ARN names."""
    arn = params["workflowBuildVersionArn"]
    record = state.resolve(_kind_of(arn), arn)
    return {
        "workflow": project(record, "Workflow"),
        "latestVersionReferences": state.latest_references(_kind_of(arn), record["arn"]),
    }


def _uses(state: State, workflow: Record) -> list[str]:
    users = []
    for pipeline in state.table("image-pipeline").values():
        for entry in pipeline.get("workflows") or []:
            try:
                named = state.resolve(_kind_of(entry["workflowArn"]), entry["workflowArn"])
            except ServiceError:
                continue
            if named is workflow:
                users.append(pipeline["arn"])
    return users


def delete_workflow(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteWorkflow: a build of your own that no pipeline uses."""
    arn = params["workflowBuildVersionArn"]
    kind = _kind_of(arn)
    record = state.get(kind, arn)
    state.require_owned(arn)
    users = _uses(state, record)
    if users:
        raise ServiceError(
            "ResourceDependencyException",
            f"The workflow {arn} is used by {', '.join(users)}.",
        )
    del state.table(kind)[arn]
    return {"workflowBuildVersionArn": arn}


def list_workflows(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListWorkflows: the latest build of each version (of each name with byName)."""
    owner = state.owner_segment(params)
    latest: dict[tuple[Any, ...], Record] = {}
    for record in _all(state):
        parsed = parse_arn(record["arn"])
        if parsed is None or parsed.owner != owner:
            continue
        group = (parsed.kind, parsed.name) + (() if params.get("byName") else (parsed.version,))
        if group not in latest or _key(record) > _key(latest[group]):
            latest[group] = record
    items = []
    for record in apply_filters(params, _FILTERS, latest.values()):
        summary = project(record, "WorkflowVersion")
        summary["arn"] = record["arn"].rsplit("/", 1)[0]
        items.append((_key(record)[:5], summary))
    page, token = paginate(state.secret, "ListWorkflows", params, items)
    return {"workflowVersionList": page, "nextToken": token}


def list_workflow_build_versions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListWorkflowBuildVersions: every build of the versions a (wildcard) version ARN names."""
    version_arn = params.get("workflowVersionArn")
    if not version_arn:
        raise ServiceError(
            "InvalidRequestException", "The parameter 'workflowVersionArn' is required."
        )
    parsed = parse_arn(version_arn)
    kind = _kind_of(version_arn)
    assert parsed is not None
    assert parsed.version is not None
    builds = [
        record
        for version, _, record in state.versions_of(kind, parsed.owner, parsed.name)
        if version_matches(version, parsed.version)
    ]
    if not builds:
        raise ServiceError("ResourceNotFoundException", f"Resource {version_arn} does not exist.")
    items = [(_key(r), project(r, "WorkflowSummary")) for r in builds]
    page, token = paginate(state.secret, "ListWorkflowBuildVersions", params, items)
    return {"workflowSummaryList": page, "nextToken": token}


def _run_answer(state: State, image: Record, view: RunView) -> dict[str, Any]:
    build = attempt_of(image, view.run).build
    steps = view.steps
    answer: dict[str, Any] = {
        "workflowBuildVersionArn": view.run.workflow_arn,
        "workflowExecutionId": view.run.id,
        "type": view.run.type,
        "status": view.status,
        "totalStepCount": len(steps),
        "totalStepsSucceeded": sum(s.status == "COMPLETED" for s in steps),
        "totalStepsFailed": sum(s.status == "FAILED" for s in steps),
        "totalStepsSkipped": sum(s.status == "SKIPPED" for s in steps),
    }
    if view.start is not None:
        answer["startTime"] = moment(state, image, view.start, build)
    if view.end is not None:
        answer["endTime"] = moment(state, image, view.end, build)
    failed = next((s for s in steps if s.status == "FAILED" and s.message), None)
    if failed is not None:
        answer["message"] = f"Step {failed.step.step.name} failed: {failed.message}"[:500]
    return answer


def get_workflow_execution(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetWorkflowExecution: one workflow run of a build, read from the clock."""
    image, view = find_run(state, params["workflowExecutionId"])
    return {"imageBuildVersionArn": image["arn"], **_run_answer(state, image, view)}


def list_workflow_executions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListWorkflowExecutions: the workflow runs of one build that have started."""
    arn = params["imageBuildVersionArn"]
    image = state.get("image", arn)
    items = []
    for index, view in enumerate(run_views(state, image)):
        entry = _run_answer(state, image, view)
        entry["retried"] = view.retried
        items.append(((index,), entry))
    page, token = paginate(state.secret, "ListWorkflowExecutions", params, items)
    return {"workflowExecutions": page, "imageBuildVersionArn": arn, "nextToken": token}


def _step_answer(state: State, image: Record, view: RunView, step: StepView) -> dict[str, Any]:
    build = attempt_of(image, view.run).build
    answer: dict[str, Any] = {
        "stepExecutionId": step.step.id,
        "name": step.step.step.name,
        "description": step.step.step.description,
        "action": step.step.step.action,
        "status": step.status,
        "inputs": step.step.step.inputs,
        "attemptNumber": 1,
        "maxAttempts": 1,
    }
    if step.message:
        answer["message"] = step.message[:500]
    outputs = step_outputs(step, attempt_of(image, view.run))
    if outputs is not None:
        answer["outputs"] = outputs
    if step.start is not None:
        answer["startTime"] = moment(state, image, step.start, build)
    if step.end is not None:
        answer["endTime"] = moment(state, image, step.end, build)
    return answer


def get_workflow_step_execution(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetWorkflowStepExecution: one step, with its failure setting and timeout."""
    image, view, step = find_step(state, params["stepExecutionId"])
    return {
        **_step_answer(state, image, view, step),
        "workflowBuildVersionArn": view.run.workflow_arn,
        "workflowExecutionId": view.run.id,
        "imageBuildVersionArn": image["arn"],
        "onFailure": step.step.step.on_failure,
        "timeoutSeconds": step.step.step.timeout_seconds,
    }


def list_workflow_step_executions(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListWorkflowStepExecutions: every step of one workflow run, in order."""
    image, view = find_run(state, params["workflowExecutionId"])
    items = [
        ((index,), _step_answer(state, image, view, step)) for index, step in enumerate(view.steps)
    ]
    page, token = paginate(state.secret, "ListWorkflowStepExecutions", params, items)
    return {
        "steps": page,
        "workflowBuildVersionArn": view.run.workflow_arn,
        "workflowExecutionId": view.run.id,
        "imageBuildVersionArn": image["arn"],
        "nextToken": token,
    }


def list_waiting_workflow_steps(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListWaitingWorkflowSteps: the steps of this account's builds waiting for an action."""
    items = []
    for image, view, step in waiting_steps(state):
        build = attempt_of(image, view.run).build
        entry = {
            "stepExecutionId": step.step.id,
            "imageBuildVersionArn": image["arn"],
            "workflowExecutionId": view.run.id,
            "workflowBuildVersionArn": view.run.workflow_arn,
            "name": step.step.step.name,
            "action": step.step.step.action,
        }
        if step.start is not None:
            entry["startTime"] = moment(state, image, step.start, build)
        items.append(((image["arn"], step.step.id), entry))
    page, token = paginate(state.secret, "ListWaitingWorkflowSteps", params, items)
    return {"steps": page, "nextToken": token}


def send_workflow_step_action(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """SendWorkflowStepAction: RESUME completes a waiting step; STOP fails it."""
    step_id, arn = params["stepExecutionId"], params["imageBuildVersionArn"]
    send_action(state, step_id, arn, params["action"], params.get("reason"))
    return {"stepExecutionId": step_id, "imageBuildVersionArn": arn}


OPERATIONS: dict[str, Handler] = {
    "CreateWorkflow": create_workflow,
    "DeleteWorkflow": delete_workflow,
    "GetWorkflow": get_workflow,
    "GetWorkflowExecution": get_workflow_execution,
    "GetWorkflowStepExecution": get_workflow_step_execution,
    "ListWaitingWorkflowSteps": list_waiting_workflow_steps,
    "ListWorkflowBuildVersions": list_workflow_build_versions,
    "ListWorkflowExecutions": list_workflow_executions,
    "ListWorkflowStepExecutions": list_workflow_step_executions,
    "ListWorkflows": list_workflows,
    "SendWorkflowStepAction": send_workflow_step_action,
}
