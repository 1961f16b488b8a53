"""Applying a plan: each step in dependency order, safe to repeat, conflicts refused.

Three things make an apply safe to run again, from this process or another one:

- each write's ``clientToken`` is derived from the step (the kind, the name, what the
  account held when planned, and the request), so a retry after a lost answer, or a
  second run of the same plan, gets the first answer back instead of a duplicate;
- before writing, a step reads the account again: if the resource already is as
  declared (an earlier run, or a parallel one, got there first) the step is done;
- if the account changed in another way since the plan was made, the step stops with
  `PlanConflictError` instead of overwriting someone else's change.

Old versions are never deleted here; see `prune`.
"""

from __future__ import annotations

import enum
import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from imagebuilder_sdk.errors import ImageBuilderError, ResourceAlreadyExistsError
from imagebuilder_sdk.plan._canonical import canonical, diff
from imagebuilder_sdk.plan._kinds import Declaration, Mutable, Observed, Versioned
from imagebuilder_sdk.plan._planning import Action, Plan, Step, state_of

__all__ = ["Applied", "Outcome", "PlanConflictError", "StepResult", "apply", "client_token"]


class PlanConflictError(ImageBuilderError):
    """The account changed between plan and apply in a way the plan did not expect.

    Nothing of the step was written. Plan again to see the account as it is now.
    """

    def __init__(self, step: Step, found: Observed | None, detail: str = "") -> None:
        self.step = step
        """The step that was not applied."""
        self.found = found
        """What the account holds now (None: nothing of that name)."""
        what = f"{step.kind} {step.name!r}"
        now = "is gone" if found is None else f"is now {found.arn}"
        message = f"{what} changed since the plan was made ({now}); plan again"
        super().__init__(f"{message}: {detail}" if detail else message)


class Outcome(enum.Enum):
    """What happened to one step."""

    UNCHANGED = "unchanged"
    """Nothing to do: the plan said no change."""
    CREATED = "created"
    """Created (a resource, or a version)."""
    UPDATED = "updated"
    """Updated in place."""
    ALREADY_DONE = "already done"
    """The account already was as declared when the step came to write (a repeated run)."""


@attrs.frozen
class StepResult:
    """One step, applied."""

    step: Step
    """The planned step."""
    outcome: Outcome
    """What happened."""
    arn: str
    """The resource's ARN now (the version ARN, for versioned kinds)."""


@attrs.frozen
class Applied:
    """The results of an apply, in order."""

    results: tuple[StepResult, ...]
    """One result per step."""

    def __iter__(self) -> Iterator[StepResult]:
        return iter(self.results)

    def arn(self, declaration: Declaration) -> str:
        """The ARN a declaration has after the apply."""
        for result in self.results:
            if result.step.declaration.key == declaration.key:
                return result.arn
        raise KeyError(declaration.key)

    @property
    def written(self) -> int:
        """How many steps wrote something."""
        return sum(r.outcome in (Outcome.CREATED, Outcome.UPDATED) for r in self.results)


def client_token(step: Step, request: Mapping[str, Any]) -> str:
    """The ``clientToken`` of a step's write: the same step always gets the same one.

    It depends on what the account held when planned, so undoing a change (A to B,
    then back to A) is a new write, not a replay of the first one.
    """
    blob = json.dumps(
        {
            "kind": step.kind,
            "name": step.name,
            "action": step.action.value,
            "version": str(step.version),
            "from": state_of(step.observed, step.declaration),
            "request": canonical(request),
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return str(uuid.UUID(bytes=hashlib.sha256(blob.encode()).digest()[:16]))


def apply(plan: Plan) -> Applied:
    """Carry out `plan` in dependency order through the facade it was read with."""
    known: dict[tuple[str, str], str] = dict(plan.references)
    results: list[StepResult] = []

    def resolve(declaration: Declaration) -> str:
        return known[declaration.key]

    for step in plan.steps:
        declaration = step.declaration
        if step.action is Action.NO_CHANGE:
            assert step.arn is not None
            result = StepResult(step, Outcome.UNCHANGED, step.arn)
        else:
            result = _write(plan, step, declaration.request(resolve))
        known[declaration.key] = result.arn
        results.append(result)
    return Applied(tuple(results))


def _write(plan: Plan, step: Step, request: dict[str, Any]) -> StepResult:
    declaration, ib = step.declaration, plan.ib
    wanted = declaration.content(request)
    current = declaration.read(ib)
    if state_of(current, declaration) != state_of(step.observed, declaration):
        return _converged(step, wanted, current)
    token = client_token(step, request)
    try:
        if isinstance(declaration, Versioned):
            assert step.version is not None
            arn = declaration.create(ib, {**request, "semantic_version": step.version}, token)
            return StepResult(step, Outcome.CREATED, arn)
        assert isinstance(declaration, Mutable)
        if step.action is Action.CREATE:
            return StepResult(step, Outcome.CREATED, declaration.create(ib, request, token))
        assert step.arn is not None
        return StepResult(step, Outcome.UPDATED, declaration.update(ib, step.arn, request, token))
    except ResourceAlreadyExistsError as exc:
        # Someone created it between our read and our write: done, if it is ours.
        try:
            return _converged(step, wanted, declaration.read(ib))
        except PlanConflictError as conflict:
            raise conflict from exc


def _converged(step: Step, wanted: dict[str, Any], current: Observed | None) -> StepResult:
    """The step is already done if the account is as declared; otherwise a conflict."""
    if current is None:
        raise PlanConflictError(step, None)
    changes = diff(wanted, current.content)
    if changes:
        raise PlanConflictError(step, current, "; ".join(str(c) for c in changes[:3]))
    if isinstance(step.declaration, Versioned) and current.version != step.version:
        raise PlanConflictError(step, current, f"expected version {step.version}")
    return StepResult(step, Outcome.ALREADY_DONE, current.arn)
