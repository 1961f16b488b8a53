"""Workflow executions: the steps an image build runs, laid out on the build's timeline.

When a build starts, `plan_workflows` lays its workflows out: the BUILD workflows run
during the BUILDING stage, TEST workflows during TESTING and DISTRIBUTION workflows
during DISTRIBUTING, each stage's time shared evenly between its steps. The workflows
are the ones the image or pipeline names in ``workflows`` (for each type it names),
else Amazon's managed ``build-image``/``test-image`` (``build-container``/
``test-container`` for container recipes); no distribution workflow runs unless one is
named or the build is a `DistributeImage`. A ``WaitForAction`` step holds the whole
timeline (see `_state_pauses`) until `send_action` resumes or stops it. A step can be
made to fail (`fail_step`); it then aborts the build, or, when its ``onFailure`` is
``Continue``, fails alone. Every status is computed from the clock when it is read.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing._state import AMAZON, Record, ServiceError, State, iso
from imagebuilder_sdk.testing._state_builds import Build
from imagebuilder_sdk.testing._state_names import parse_arn
from imagebuilder_sdk.testing._state_workflow_docs import WorkflowStep, read_steps

__all__ = [
    "Attempt",
    "Run",
    "RunView",
    "STAGE_TYPES",
    "StepRun",
    "StepView",
    "attempt_of",
    "attempts",
    "fail_step",
    "find_run",
    "find_step",
    "moment",
    "plan_workflows",
    "run_views",
    "send_action",
    "step_outputs",
    "waiting_steps",
]

#: Which workflow type runs in which build stage.
STAGE_TYPES = {"BUILDING": "BUILD", "TESTING": "TEST", "DISTRIBUTING": "DISTRIBUTION"}
_DEFAULTS = {
    ("AMI", "BUILD"): "build-image",
    ("AMI", "TEST"): "test-image",
    ("DOCKER", "BUILD"): "build-container",
    ("DOCKER", "TEST"): "test-container",
}
#: Index tables: execution and step ids -> the image that ran them.
RUNS, STEPS = "workflow-execution", "workflow-step-execution"


@dataclass
class StepRun:
    """One step of one workflow execution, with its span on the effective timeline."""

    id: str
    step: WorkflowStep
    start: float
    end: float


@dataclass
class Run:
    """One workflow execution of one build attempt."""

    id: str
    workflow_arn: str
    type: str
    steps: list[StepRun]
    parameters: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Attempt:
    """One attempt at a build (a retry makes another): its timeline and its workflows."""

    build: Build
    runs: list[Run]
    retried: bool = False
    #: The step whose failure aborts the build, when one was made to fail.
    failed_step: str | None = None
    #: Steps that fail without stopping the build (``onFailure: Continue``), with reasons.
    continued: dict[str, str] = field(default_factory=dict)


@dataclass
class StepView:
    """The state of one step at the moment it is read."""

    run: Run
    step: StepRun
    status: str
    start: float | None
    end: float | None
    message: str | None = None


@dataclass
class RunView:
    """The state of one workflow execution at the moment it is read."""

    run: Run
    status: str
    steps: list[StepView]
    retried: bool
    start: float | None
    end: float | None


def attempts(record: Record) -> list[Attempt]:
    """The build attempts of an image record (none for images not built here)."""
    found: list[Attempt] = record.get("_attempts") or []
    return found


def _ident(prefix: str, *parts: object) -> str:
    return f"{prefix}-{uuid.uuid5(uuid.NAMESPACE_URL, '#'.join(map(str, parts)))}"


def _workflow(state: State, arn: str, member: str) -> Record:
    parsed = parse_arn(arn)
    kind = parsed.kind if parsed is not None else "workflow/build"
    if not kind.startswith("workflow/"):
        kind = "workflow/build"
    return state.reference(kind, arn, member)


def _chosen(state: State, record: Record) -> dict[str, list[tuple[Record, list[dict[str, Any]]]]]:
    """The workflows of each type this build runs, with the parameters given to each."""
    named: dict[str, list[tuple[Record, list[dict[str, Any]]]]] = {}
    for index, entry in enumerate(record.get("workflows") or []):
        workflow = _workflow(state, entry["workflowArn"], f"workflows[{index}].workflowArn")
        named.setdefault(workflow["type"], []).append((workflow, entry.get("parameters") or []))
    for kind in ("BUILD", "TEST", "DISTRIBUTION"):
        if kind in named:
            continue
        name = _DEFAULTS.get((record.get("type", "AMI"), kind))
        if kind == "DISTRIBUTION" and record.get("_distribute"):
            name = "distribute-image"
        if name is not None:
            arn = state.arn(f"workflow/{kind.lower()}", name, "1.0.0", 1, owner=AMAZON)
            named[kind] = [(state.get(f"workflow/{kind.lower()}", arn), [])]
    return named


def plan_workflows(state: State, record: Record, *, retried: bool = False) -> Attempt:
    """Lay out the workflows of the build that `record` just started; returns the attempt."""
    build: Build = record["_build"]
    chosen = _chosen(state, record)
    number = len(attempts(record))
    attempt = Attempt(build, [], retried=retried)
    offset = 0.0
    for stage, seconds in build.plan:
        workflows = chosen.get(STAGE_TYPES.get(stage, ""), [])
        documents = [(wf, params, read_steps(wf["data"])) for wf, params in workflows]
        total = sum(len(steps) for _, _, steps in documents)
        moment = offset
        for wf, params, steps in documents:
            run_id = _ident("wf", record["arn"], number, len(attempt.runs))
            run = Run(run_id, wf["arn"], wf["type"], [], params)
            for step in steps:
                span = seconds / total
                step_id = _ident("step", run_id, step.name)
                run.steps.append(StepRun(step_id, step, moment, moment + span))
                if step.action == "WaitForAction":
                    build.pauses.add(step_id, moment + span)
                state.table(STEPS)[step_id] = {"arn": step_id, "image": record["arn"]}
                moment += span
            attempt.runs.append(run)
            state.table(RUNS)[run_id] = {"arn": run_id, "image": record["arn"]}
        offset += seconds
    record.setdefault("_attempts", []).append(attempt)
    planned = state.next_step_failure
    if planned is not None:
        name, reason = planned
        target = next((s for r in attempt.runs for s in r.steps if s.step.name == name), None)
        if target is not None:
            _fail(attempt, target, reason)
            state.next_step_failure = None
    return attempt


def _fail(attempt: Attempt, target: StepRun, reason: str) -> None:
    if target.step.on_failure == "Continue":
        attempt.continued[target.id] = reason
        return
    if attempt.build.fail_at is None or target.end < attempt.build.fail_at[0]:
        attempt.build.fail_at = (target.end, reason)
        attempt.failed_step = target.id


# -- reading the state of steps ---------------------------------------------------------


def _ending(attempt: Attempt, now: float) -> tuple[float | None, str, str | None, str | None]:
    """When (real seconds) and how the attempt ended, its failing step, and the reason."""
    build = attempt.build
    status, reason, _ = build.at(build.started + now)
    if status not in ("FAILED", "CANCELLED"):
        return None, "", None, None
    if build.stopped is not None and build.stopped[0] <= build.started + now:
        return build.stopped[0] - build.started, build.stopped[1], None, reason
    candidates: list[tuple[float, str | None]] = []
    if build.fail_at is not None:
        candidates.append((build.fail_at[0], attempt.failed_step))
    if build.failure is not None:
        end = 0.0
        for stage, seconds in build.plan:
            end += seconds
            if stage == build.failure[0]:
                break
        last = [s for r in attempt.runs for s in r.steps if abs(s.end - end) < 1e-6]
        candidates.append((end, last[-1].id if last else None))
    offset, culprit = min(candidates, key=lambda item: item[0])
    real = build.pauses.real(offset, inclusive=True)
    return (offset if real is None else real), "FAILED", culprit, reason


def _step_view(attempt: Attempt, run: Run, step: StepRun, now: float) -> StepView:
    pauses = attempt.build.pauses
    begins = pauses.real(step.start, inclusive=True)
    ends = pauses.real(step.end, inclusive=True)
    t_end, kind, culprit, reason = _ending(attempt, now)
    if t_end is not None:
        if step.id == culprit:
            return StepView(run, step, kind, begins, t_end, reason)
        if begins is None or begins >= t_end:
            return StepView(
                run, step, "CANCELLED" if kind == "CANCELLED" else "SKIPPED", None, None
            )
        if ends is None or ends > t_end:
            return StepView(run, step, kind, begins, t_end, reason)
    if begins is None or now < begins:
        return StepView(run, step, "PENDING", None, None)
    if ends is None or now < ends:
        return StepView(run, step, "RUNNING", begins, None)
    if step.id in attempt.continued:
        return StepView(run, step, "FAILED", begins, ends, attempt.continued[step.id])
    pause = pauses.get(step.id)
    if pause is not None and pause.action == "STOP":
        return StepView(run, step, "FAILED", begins, ends, pause.reason or "Stopped by action.")
    return StepView(run, step, "COMPLETED", begins, ends)


def _now(state: State, attempt: Attempt) -> float:
    return state.clock.monotonic() - attempt.build.started


def run_views(state: State, record: Record) -> list[RunView]:
    """Every workflow execution of an image that has started, oldest first."""
    views: list[RunView] = []
    for attempt in attempts(record):
        now = _now(state, attempt)
        for run in attempt.runs:
            steps = [_step_view(attempt, run, step, now) for step in run.steps]
            if all(s.start is None for s in steps):
                continue
            statuses = {s.status for s in steps}
            if "FAILED" in statuses and not all(
                s.step.id in attempt.continued or s.status != "FAILED" for s in steps
            ):
                status = "FAILED"
            elif "CANCELLED" in statuses:
                status = "CANCELLED"
            elif statuses & {"PENDING", "RUNNING"}:
                status = "RUNNING"
            else:
                status = "COMPLETED"
            ends = [s.end for s in steps if s.end is not None]
            end = max(ends) if status != "RUNNING" and ends else None
            start = min(s.start for s in steps if s.start is not None)
            views.append(RunView(run, status, steps, attempt.retried, start, end))
    return views


def moment(state: State, record: Record, real: float, attempt_build: Build) -> str:
    """Wire time of `real` seconds after a build started."""
    absolute = attempt_build.started + real
    return iso(state.clock.now() - timedelta(seconds=state.clock.monotonic() - absolute))


def _owner(state: State, kind: str, ident: str) -> tuple[Record, RunView | None, StepView | None]:
    entry = state.table(kind).get(ident)
    image = None if entry is None else state.table("image").get(entry["image"])
    if entry is None or image is None:
        raise ServiceError("ResourceNotFoundException", f"Resource {ident} does not exist.")
    for view in run_views(state, image):
        if view.run.id == ident:
            return image, view, None
        for step in view.steps:
            if step.step.id == ident:
                return image, view, step
    raise ServiceError("ResourceNotFoundException", f"Resource {ident} has not started yet.")


def find_run(state: State, run_id: str) -> tuple[Record, RunView]:
    """The image and the view of a workflow execution, by id."""
    image, view, _ = _owner(state, RUNS, run_id)
    assert view is not None
    return image, view


def find_step(state: State, step_id: str) -> tuple[Record, RunView, StepView]:
    """The image, execution and view of a step execution, by id."""
    image, view, step = _owner(state, STEPS, step_id)
    if view is None or step is None:
        raise ServiceError("ResourceNotFoundException", f"Resource {step_id} does not exist.")
    return image, view, step


def attempt_of(record: Record, run: Run) -> Attempt:
    """The attempt a workflow execution belongs to."""
    return next(a for a in attempts(record) if run in a.runs)


def waiting_steps(state: State) -> list[tuple[Record, RunView, StepView]]:
    """Every step of this account's builds that waits for an action now."""
    found = []
    for image in state.table("image").values():
        found_attempts = attempts(image)
        if not found_attempts:
            continue
        current = found_attempts[-1]
        pause = current.build.pauses.waiting(_now(state, current))
        if pause is None or current.build.at(state.clock.monotonic())[0] in (
            "FAILED",
            "CANCELLED",
        ):
            continue
        for view in run_views(state, image):
            for step in view.steps:
                if step.step.id == pause.step_id:
                    found.append((image, view, step))
    return found


def send_action(
    state: State, step_id: str, image_arn: str, action: str, reason: str | None
) -> None:
    """Resume or stop a waiting step; STOP fails it (and the build unless it continues)."""
    for image, _, step in waiting_steps(state):
        if step.step.id != step_id:
            continue
        if image["arn"] != image_arn:
            raise ServiceError(
                "InvalidParameterValueException",
                f"The step {step_id} belongs to {image['arn']}, not to {image_arn}.",
            )
        attempt = attempts(image)[-1]
        now = _now(state, attempt)
        attempt.build.pauses.resolve(step_id, now, action, reason)
        if action == "STOP":
            _fail(attempt, step.step, reason or "The step was stopped by a STOP action.")
        return
    state.table(STEPS).get(step_id) or _missing(step_id)
    raise ServiceError(
        "InvalidRequestException",
        f"The step {step_id} is not waiting for an action (it finished or never waited).",
    )


def _missing(step_id: str) -> Record:
    raise ServiceError("ResourceNotFoundException", f"Resource {step_id} does not exist.")


def fail_step(state: State, step_name: str, arn: str | None, reason: str) -> None:
    """Make the step `step_name` fail: in the given running build, or in the next one."""
    if not step_name:
        raise ValidationError("step_name", "must name a workflow step", value=step_name)
    if arn is None:
        state.next_step_failure = (step_name, reason)
        return
    record = state.table("image").get(arn)
    found = [] if record is None else attempts(record)
    if record is None or not found:
        raise ValidationError(
            "image_build_version_arn", "must name an image build of this emulator", value=arn
        )
    attempt = found[-1]
    now = _now(state, attempt)
    for run in attempt.runs:
        for step in run.steps:
            if step.step.name != step_name:
                continue
            view = _step_view(attempt, run, step, now)
            if view.status not in ("PENDING", "RUNNING"):
                raise ValidationError(
                    "step_name",
                    f"must name a step that has not ended, not a {view.status} one",
                    value=step_name,
                )
            _fail(attempt, step, reason)
            return
    raise ValidationError(
        "step_name", "must name a step of this build's workflows", value=step_name
    )


def step_outputs(view: StepView, attempt: Attempt) -> str | None:
    """The JSON outputs of a finished step (the action and reason of a WaitForAction)."""
    if view.status != "COMPLETED" and view.status != "FAILED":
        return None
    pause = attempt.build.pauses.get(view.step.id)
    if pause is not None and pause.action is not None:
        return json.dumps({"action": pause.action, "reason": pause.reason or ""})
    return json.dumps({})
