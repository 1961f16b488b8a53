"""Workflow documents in Python: steps, parameters and outputs, written out as YAML.

A workflow document (the ``data`` of CreateWorkflow) lists the steps a build, test or
distribution stage runs, in order; a step's inputs can read workflow parameters
(``$.parameters.<name>``) and what earlier steps produced
(``$.stepOutputs.<step>.<output>``). See the user guide's "Create a YAML workflow
document" (https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-workflow-create-document.html).

>>> doc = WorkflowDocument(
...     steps=[
...         WorkflowStep("Launch", "LaunchInstance"),
...         WorkflowStep("Approve", "WaitForAction"),
...         WorkflowStep("Build", "ExecuteComponents",
...                      inputs={"instanceId.$": step_output("Launch", "instanceId")}),
...     ],
... )
>>> print(doc.to_yaml())
schemaVersion: 1.0
steps:
  - name: Launch
    action: LaunchInstance
    onFailure: Abort
  - name: Approve
    action: WaitForAction
    onFailure: Abort
  - name: Build
    action: ExecuteComponents
    onFailure: Abort
    inputs:
      instanceId.$: $.stepOutputs.Launch.instanceId
<BLANKLINE>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from imagebuilder_sdk.documents._model import JsonValue, _to_json_map
from imagebuilder_sdk.documents._tree import _version_to_tree

__all__ = [
    "StepFailure",
    "WorkflowDocument",
    "WorkflowOutput",
    "WorkflowParameter",
    "WorkflowStep",
    "parameter_ref",
    "step_output",
]


class StepFailure(str, enum.Enum):
    """What a workflow does when a step fails (the step's ``onFailure``)."""

    ABORT = "Abort"
    """Stop the workflow (and roll back the steps that can be)."""
    CONTINUE = "Continue"
    """Go on with the next step."""


def step_output(step: str, output: str) -> str:
    """The reference to an earlier step's output: ``$.stepOutputs.<step>.<output>``."""
    return f"$.stepOutputs.{step}.{output}"


def parameter_ref(name: str) -> str:
    """The reference to a workflow parameter: ``$.parameters.<name>``."""
    return f"$.parameters.{name}"


def _failure(value: StepFailure | str) -> StepFailure | str:
    try:
        return StepFailure(value)
    except ValueError:
        return value  # kept as given: the validator says what is wrong with it


@attrs.frozen
class WorkflowStep:
    """One step: a name, the action it runs, and how it runs it."""

    name: str
    """Unique within the document; later steps refer to it by this name."""
    action: str
    """A step action (see `STEP_ACTIONS`): ``LaunchInstance``, ``WaitForAction``..."""
    inputs: Mapping[str, JsonValue] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_to_json_map)
    )
    """The action's inputs; a key ending in ``.$`` takes a reference as its value."""
    on_failure: StepFailure | str = attrs.field(default=StepFailure.ABORT, converter=_failure)
    """``Abort`` (the default) or ``Continue``."""
    description: str | None = None
    """Free text."""
    timeout_seconds: int | None = None
    """How long the step may run before it fails."""
    rollback_enabled: bool | None = None
    """Whether the step is rolled back when a later step fails."""
    if_: Mapping[str, JsonValue] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_to_json_map)
    )
    """A condition (the document's ``if``): the step runs only when it holds."""

    def to_dict(self) -> dict[str, Any]:
        """The step as a document tree."""
        failure = self.on_failure
        tree: dict[str, Any] = {
            "name": self.name,
            "action": self.action,
            "onFailure": failure.value if isinstance(failure, StepFailure) else failure,
        }
        for key, value in (
            ("description", self.description),
            ("timeoutSeconds", self.timeout_seconds),
            ("rollbackEnabled", self.rollback_enabled),
            ("if", self.if_),
            ("inputs", self.inputs),
        ):
            if value is not None:
                tree[key] = dict(value) if isinstance(value, Mapping) else value
        return tree


@attrs.frozen
class WorkflowParameter:
    """An input of the workflow, given by the image or pipeline that runs it."""

    name: str
    """What steps call it: ``$.parameters.<name>``."""
    type: str = "string"
    """``string``, ``integer``, ``boolean`` or ``stringList``."""
    default: JsonValue = None
    """The value when none is given; without one, a value must be given."""
    description: str | None = None
    """Free text."""

    def to_dict(self) -> dict[str, Any]:
        tree: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.default is not None:
            tree["default"] = self.default
        if self.description is not None:
            tree["description"] = self.description
        return tree


@attrs.frozen
class WorkflowOutput:
    """A value the workflow hands on, usually an earlier step's output."""

    name: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value}


def _steps(values: Iterable[WorkflowStep]) -> tuple[WorkflowStep, ...]:
    return tuple(values)


def _parameters(values: Iterable[WorkflowParameter]) -> tuple[WorkflowParameter, ...]:
    return tuple(values)


def _outputs(values: Iterable[WorkflowOutput]) -> tuple[WorkflowOutput, ...]:
    return tuple(values)


@attrs.frozen
class WorkflowDocument:
    """A whole workflow document; `to_yaml()` gives the text CreateWorkflow takes."""

    steps: tuple[WorkflowStep, ...] = attrs.field(converter=_steps)
    """The steps, in the order they run."""
    name: str | None = None
    description: str | None = None
    schema_version: str = "1.0"
    parameters: tuple[WorkflowParameter, ...] = attrs.field(default=(), converter=_parameters)
    outputs: tuple[WorkflowOutput, ...] = attrs.field(default=(), converter=_outputs)

    def to_dict(self) -> dict[str, Any]:
        """The document as a tree (what `to_yaml` writes)."""
        tree: dict[str, Any] = {}
        if self.name is not None:
            tree["name"] = self.name
        if self.description is not None:
            tree["description"] = self.description
        tree["schemaVersion"] = _version_to_tree(self.schema_version)
        if self.parameters:
            tree["parameters"] = [p.to_dict() for p in self.parameters]
        tree["steps"] = [s.to_dict() for s in self.steps]
        if self.outputs:
            tree["outputs"] = [o.to_dict() for o in self.outputs]
        return tree

    def to_yaml(self) -> str:
        """The document as YAML text (needs the ``yaml`` extra)."""
        from imagebuilder_sdk.documents._yaml import render_yaml

        return render_yaml(self.to_dict())
