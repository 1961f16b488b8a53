"""Checking a plan with the service's ``dryRun``: would each create be accepted?

In the service model (botocore), ``dryRun`` exists on the create operations of
components, image and container recipes, infrastructure and distribution
configurations, pipelines, workflows and lifecycle policies; not on any update, and not
on ``CreateImage``. The service answers a dry run that passes its checks with
``DryRunOperationException`` and writes nothing.

So `check` sends a dry run of each create step and reports, per step, ``ok``, the
service's refusal, or why it was not checked: an update (no dry run), or a create
that refers to something the plan has yet to create (its ARN does not exist yet).

The repositories do not take ``dry_run`` yet, so the request goes through the boto3
client of the facade (``ib.client``), built with the SDK's converter; it is not retried.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
from botocore import xform_name
from botocore.exceptions import BotoCoreError, ClientError

from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.plan._kinds import Declaration
from imagebuilder_sdk.plan._planning import Action, Step
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter

if TYPE_CHECKING:
    from imagebuilder_sdk.plan._planning import Plan

__all__ = ["CheckResult", "Verdict", "check"]

#: The create operation of each repository.
_CREATE = {
    "components": "CreateComponent",
    "image_recipes": "CreateImageRecipe",
    "container_recipes": "CreateContainerRecipe",
    "infrastructure_configurations": "CreateInfrastructureConfiguration",
    "distribution_configurations": "CreateDistributionConfiguration",
    "image_pipelines": "CreateImagePipeline",
    "workflows": "CreateWorkflow",
    "lifecycle_policies": "CreateLifecyclePolicy",
}


class Verdict(enum.Enum):
    """The result of checking one step."""

    OK = "ok"
    """The service's dry run passed."""
    REFUSED = "refused"
    """The service refused the request; `CheckResult.message` says why."""
    NOT_CHECKED = "not checked"
    """No dry run possible for this step; `CheckResult.message` says why."""


@attrs.frozen
class CheckResult:
    """One step's dry run."""

    step: Step
    """The step checked."""
    verdict: Verdict
    """What came of it."""
    message: str = ""
    """The service's error code and message, or why the step was not checked."""

    def __str__(self) -> str:
        tail = f": {self.message}" if self.message else ""
        return f"{self.step.kind} {self.step.name!r}: {self.verdict.value}{tail}"


def check(plan: Plan) -> list[CheckResult]:
    """Dry-run each create step of `plan`; see the module docstring."""
    known = dict(plan.references)
    for step in plan.steps:
        if step.action is Action.NO_CHANGE and step.arn is not None:
            known[step.declaration.key] = step.arn
    return [_check_step(plan, step, known) for step in plan.changes]


def _check_step(plan: Plan, step: Step, known: Mapping[tuple[str, str], str]) -> CheckResult:
    declaration = step.declaration
    if step.action is Action.UPDATE:
        return CheckResult(step, Verdict.NOT_CHECKED, "updates have no dryRun")
    missing: list[Declaration] = []

    def resolve(reference: Declaration) -> str:
        if reference.key not in known:
            missing.append(reference)
            return ""
        return known[reference.key]

    request = declaration.request(resolve)
    if missing:
        names = ", ".join(f"{d.kind} {d.name!r}" for d in missing)
        return CheckResult(step, Verdict.NOT_CHECKED, f"needs {names}, created by this plan")
    if step.version is not None:
        request["semantic_version"] = step.version
    operation = _CREATE[declaration.repository]
    client = plan.ib.client
    try:
        getattr(client, xform_name(operation))(**_wire(client, operation, request), dryRun=True)
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        if code == "DryRunOperationException":
            return CheckResult(step, Verdict.OK)
        return CheckResult(step, Verdict.REFUSED, f"{code}: {error.get('Message', '')}")
    except BotoCoreError as exc:
        return CheckResult(step, Verdict.REFUSED, type(exc).__name__)
    return CheckResult(step, Verdict.REFUSED, "the service ignored dryRun and answered")


def _wire(client: Any, operation: str, request: Mapping[str, Any]) -> dict[str, Any]:
    """A request's keywords under their wire names, values as the API spells them."""
    shape = client.meta.service_model.operation_model(operation).input_shape
    names = {xform_name(member): member for member in shape.members}
    wire = {}
    for key, value in request.items():
        wire[names[key]] = _value(value)
    return wire


def _value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (SemanticVersion, BuildVersion, VersionFilter, Arn)):
        return str(value)
    if attrs.has(type(value)):
        return converter.unstructure(value)
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)
