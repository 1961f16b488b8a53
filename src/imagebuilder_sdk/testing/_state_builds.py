"""Image builds: a timeline of stages that the clock walks through, read lazily.

A build spends a set time in each stage, PENDING -> BUILDING -> TESTING (unless tests
are off) -> DISTRIBUTING -> INTEGRATING, then is AVAILABLE. Nothing runs in the
background: every read of an image compares the clock with the build's start and
writes the current state (and, once available, the output AMIs or containers) into
the image record. `fail_build` plans a failure; cancelling stops a build at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing._state import Record, ServiceError, State
from imagebuilder_sdk.testing._state_pauses import Pauses
from imagebuilder_sdk.testing._state_seed import ami_id

__all__ = [
    "Build",
    "DEFAULT_STAGE_DURATIONS",
    "STAGES",
    "TERMINAL",
    "fail_build",
    "new_build",
    "plan_for",
    "refresh",
    "require_running",
    "status_of",
    "stop",
]

#: The stages of a build, in order.
STAGES = ("PENDING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING")

#: Seconds spent in each stage unless the backend is told otherwise.
DEFAULT_STAGE_DURATIONS = {
    "PENDING": 5.0,
    "BUILDING": 60.0,
    "TESTING": 30.0,
    "DISTRIBUTING": 20.0,
    "INTEGRATING": 5.0,
}

#: States a build never leaves.
TERMINAL = frozenset({"AVAILABLE", "FAILED", "CANCELLED"})


@dataclass
class Build:
    """When a build started, how long each of its stages lasts, and how it ends."""

    started: float
    plan: list[tuple[str, float]]
    #: Fail at the end of this stage, with this reason.
    failure: tuple[str, str] | None = None
    #: Stopped at this moment: (moment, status, reason, stage it was in).
    stopped: tuple[float, str, str, str] | None = None
    #: Steps waiting for an action hold the timeline (set by the workflow layer).
    pauses: Pauses = field(default_factory=Pauses)
    #: Fail when the timeline reaches this many seconds, with this reason (a failed step).
    fail_at: tuple[float, str] | None = None

    def elapsed(self, moment: float) -> float:
        """Seconds of the timeline reached at `moment` (time spent waiting does not count)."""
        return self.pauses.effective(moment - self.started)

    def at(self, moment: float) -> tuple[str, str | None, str | None]:
        """The status at `moment`, with the reason and the stage of a failure."""
        if self.stopped is not None and moment >= self.stopped[0]:
            return self.stopped[1], self.stopped[2], self.stopped[3]
        elapsed = self.elapsed(moment)
        end = 0.0
        for stage, seconds in self.plan:
            end += seconds
            if self.fail_at is not None and self.fail_at[0] <= end and elapsed >= self.fail_at[0]:
                return "FAILED", self.fail_at[1], stage
            if elapsed < end:
                return stage, None, None
            if self.failure is not None and self.failure[0] == stage:
                return "FAILED", self.failure[1], stage
        return "AVAILABLE", None, None


def plan_for(state: State, tests_enabled: bool) -> list[tuple[str, float]]:
    """The stages of a new build and their durations."""
    durations = {**DEFAULT_STAGE_DURATIONS, **state.stage_durations}
    return [
        (stage, float(durations[stage])) for stage in STAGES if tests_enabled or stage != "TESTING"
    ]


def _stage_in_plan(build: Build, stage: str) -> str:
    """The stage of the plan where a failure planned for `stage` happens."""
    planned = [name for name, _ in build.plan]
    if stage in planned:
        return stage
    later = [name for name in planned if STAGES.index(name) > STAGES.index(stage)]
    return later[0] if later else planned[-1]


def new_build(state: State, tests_enabled: bool) -> Build:
    """A build starting now, taking over a failure planned for the next build."""
    build = Build(started=state.clock.monotonic(), plan=plan_for(state, tests_enabled))
    if state.next_failure is not None:
        stage, reason = state.next_failure
        build.failure = (_stage_in_plan(build, stage), reason)
        state.next_failure = None
    return build


def status_of(state: State, record: Record) -> str:
    """The current status of an image record (built here or seeded)."""
    build: Build | None = record.get("_build")
    if build is None:
        return str(record["state"]["status"])
    return build.at(state.clock.monotonic())[0]


def stop(state: State, record: Record, status: str, reason: str) -> None:
    """End a running build now with `status` (CANCELLED or FAILED)."""
    build: Build = record["_build"]
    current = build.at(state.clock.monotonic())[0]
    build.stopped = (state.clock.monotonic(), status, reason, current)


def fail_build(state: State, arn: str | None, stage: str, reason: str) -> None:
    """Make a build (or, with no ARN, the next build that starts) end in FAILED."""
    if stage not in STAGES:
        raise ValidationError("stage", f"must be one of {', '.join(STAGES)}", value=stage)
    if arn is None:
        state.next_failure = (stage, reason)
        return
    field = "image_build_version_arn"
    record = state.table("image").get(arn)
    build: Build | None = None if record is None else record.get("_build")
    if record is None or build is None:
        raise ValidationError(field, "must name an image build of this emulator", value=arn)
    current = build.at(state.clock.monotonic())[0]
    if current in TERMINAL:
        raise ValidationError(field, f"must name a running build, not a {current} one", value=arn)
    target = _stage_in_plan(build, stage)
    if STAGES.index(target) < STAGES.index(current):
        stop(state, record, "FAILED", reason)
    else:
        build.failure = (target, reason)


def _ami_name(record: Record, template: str | None) -> str:
    stamp = record["dateCreated"].replace(":", "-")
    if not template:
        return f"{record['name']} {stamp}"
    return (
        template.replace("{{ imagebuilder:buildDate }}", stamp)
        .replace("{{imagebuilder:buildDate}}", stamp)
        .replace("{{ imagebuilder:buildVersion }}", record["version"].rsplit("/", 1)[1])
    )


def _outputs(state: State, record: Record) -> dict[str, Any]:
    distributions = (record.get("distributionConfiguration") or {}).get("distributions") or [
        {"region": state.region}
    ]
    version, build = record["version"].split("/")
    if record["type"] == "DOCKER":
        recipe = record["containerRecipe"]
        containers = []
        for entry in distributions:
            target = entry.get("containerDistributionConfiguration") or {}
            repo = (target.get("targetRepository") or recipe["targetRepository"])["repositoryName"]
            tags = target.get("containerTags") or [f"{version}-{build}"]
            host = f"{state.account_id}.dkr.ecr.{entry['region']}.amazonaws.com"
            containers.append(
                {"region": entry["region"], "imageUris": [f"{host}/{repo}:{tag}" for tag in tags]}
            )
        return {"containers": containers}
    amis = []
    for entry in distributions:
        settings = entry.get("amiDistributionConfiguration") or {}
        accounts = [state.account_id, *settings.get("targetAccountIds", [])]
        for account in dict.fromkeys(accounts):
            amis.append(
                {
                    "region": entry["region"],
                    "image": ami_id(record["arn"], entry["region"], account),
                    "name": _ami_name(record, settings.get("name")),
                    "description": settings.get("description")
                    or f"Image Builder image {record['name']} {record['version']}",
                    "state": {"status": "AVAILABLE"},
                    "accountId": account,
                }
            )
    return {"amis": amis}


def refresh(state: State, record: Record) -> Record:
    """Bring an image record's state (and outputs) up to the clock; returns it."""
    build: Build | None = record.get("_build")
    if build is None:
        return record
    status, reason, stage = build.at(state.clock.monotonic())
    image_state: dict[str, Any] = {"status": status}
    if reason:
        image_state["reason"] = reason
    if status == "FAILED" and stage:
        image_state["failureContext"] = {"imageStatus": stage}
    record["state"] = image_state
    if status == "AVAILABLE" and not record.get("_outputsMade"):
        record["outputResources"] = _outputs(state, record)
        record["_outputsMade"] = True
    return record


def require_running(state: State, record: Record) -> None:
    """Refuse to stop a build that has finished (or an image not built here)."""
    status = status_of(state, record)
    if record.get("_build") is None or status in TERMINAL:
        raise ServiceError(
            "InvalidRequestException",
            f"The image {record['arn']} is {status} and cannot be cancelled.",
        )
