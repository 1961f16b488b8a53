"""Workflow documents (YAML): the checks the emulator makes and the steps it reads.

A workflow document is a YAML mapping with a ``schemaVersion``, optional
``parameters`` and a non-empty ``steps`` list; each step has a ``name`` (a letter, then
letters, digits, ``-`` or ``_``), an ``action`` from the step actions Image Builder
supports, and optionally ``onFailure`` (``Abort`` or ``Continue``), ``timeoutSeconds``
and ``inputs``. Without PyYAML (the ``yaml`` extra) a rough line-by-line reading finds
the steps' names and actions instead. The managed workflows every region starts with
are defined here too.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from typing import Any

from imagebuilder_sdk.testing._state import ServiceError

__all__ = ["MANAGED", "STEP_ACTIONS", "WorkflowStep", "describe_workflow", "read_steps"]

#: The step actions of the user guide's "Supported step actions" page.
STEP_ACTIONS = frozenset(
    {
        "ApplyImageConfigurations",
        "BootstrapInstanceForContainer",
        "CollectImageMetadata",
        "CollectImageScanFindings",
        "CreateImage",
        "DistributeImage",
        "ExecuteComponents",
        "ExecuteStateMachine",
        "LaunchInstance",
        "ModifyImageAttributes",
        "RegisterImage",
        "RunCommand",
        "RunSysPrep",
        "SanitizeInstance",
        "TerminateInstance",
        "WaitForAction",
        "WaitForSSMAgent",
    }
)

_STEP_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-_]{1,99}$")
_PARAMETER_TYPES = ("string", "integer", "boolean", "stringList")


@dataclass(frozen=True)
class WorkflowStep:
    """One step of a workflow document, as a build runs it."""

    name: str
    action: str
    description: str
    on_failure: str
    timeout_seconds: int
    inputs: str


def _bad(reason: str) -> ServiceError:
    return ServiceError(
        "InvalidParameterValueException",
        f"The value supplied for parameter 'data' is not valid. {reason}",
    )


_LINE = re.compile(r"^\s*(-\s+)?(\w+):\s*(.*?)\s*$")


def _without_yaml(data: str) -> Any:
    """A rough reading of a document's top-level keys and steps when PyYAML is missing."""
    document: dict[str, Any] = {}
    steps: list[dict[str, Any]] = []
    in_steps = False
    for line in data.splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        dash, key, value = match.groups()
        if not line.startswith((" ", "-")):
            in_steps = key == "steps"
            document[key] = steps if in_steps else value
        elif in_steps and dash and key == "name":
            steps.append({"name": value})
        elif in_steps and steps and key in ("action", "onFailure", "description"):
            steps[-1].setdefault(key, value)
    return document


def _load(data: str) -> dict[str, Any]:
    try:
        yaml = importlib.import_module("yaml")
    except ImportError:
        document = _without_yaml(data)
    else:
        try:
            document = yaml.safe_load(data)
        except yaml.YAMLError as exc:
            raise _bad(f"The document is not valid YAML: {exc.__class__.__name__}.") from exc
    if not isinstance(document, dict):
        raise _bad("A workflow document is a YAML mapping.")
    if "schemaVersion" not in document:
        raise _bad("A workflow document needs a 'schemaVersion'.")
    steps = document.get("steps")
    if not isinstance(steps, list) or not steps:
        raise _bad("A workflow document needs a non-empty 'steps' list.")
    return document


def read_steps(data: str) -> list[WorkflowStep]:
    """The steps of a document, in order; raises the service's error for a broken one."""
    document = _load(data)
    steps: list[WorkflowStep] = []
    for index, step in enumerate(document["steps"]):
        if not isinstance(step, dict):
            raise _bad(f"steps[{index}] is not a mapping.")
        name, action = step.get("name"), step.get("action")
        if not isinstance(name, str) or _STEP_NAME.match(name) is None:
            raise _bad(f"steps[{index}].name must match {_STEP_NAME.pattern}.")
        if any(s.name == name for s in steps):
            raise _bad(f"The step name {name!r} is used twice.")
        if action not in STEP_ACTIONS:
            raise _bad(f"Step {name!r} has an unsupported action {action!r}.")
        on_failure = step.get("onFailure", "Abort")
        if on_failure not in ("Abort", "Continue"):
            raise _bad(f"Step {name!r}: onFailure is Abort or Continue.")
        timeout = step.get("timeoutSeconds", 7200)
        if isinstance(timeout, bool) or not isinstance(timeout, int) or not 0 <= timeout <= 43200:
            raise _bad(f"Step {name!r}: timeoutSeconds is a whole number from 0 to 43200.")
        steps.append(
            WorkflowStep(
                name=name,
                action=str(action),
                description=str(step.get("description", ""))[:500],
                on_failure=str(on_failure),
                timeout_seconds=timeout,
                inputs=json.dumps(step.get("inputs") or {}, sort_keys=True, default=str),
            )
        )
    return steps


def describe_workflow(data: str) -> list[dict[str, Any]]:
    """The ``WorkflowParameterDetail`` entries of a document (checking its steps too)."""
    read_steps(data)
    found: list[dict[str, Any]] = []
    for index, entry in enumerate(_load(data).get("parameters") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise _bad(f"parameters[{index}] needs a 'name'.")
        kind = entry.get("type", "string")
        if kind not in _PARAMETER_TYPES:
            raise _bad(f"Parameter {entry['name']!r} has a type other than {_PARAMETER_TYPES}.")
        detail: dict[str, Any] = {"name": entry["name"], "type": kind}
        if "default" in entry:
            default = entry["default"]
            values = default if isinstance(default, list) else [default]
            detail["defaultValue"] = [
                json.dumps(v) if isinstance(v, bool) else str(v) for v in values
            ]
        if entry.get("description"):
            detail["description"] = str(entry["description"])
        found.append(detail)
    return found


def _document(name: str, description: str, steps: list[tuple[str, str, str]]) -> str:
    lines = [f"name: {name}", f"description: {description}", "schemaVersion: 1.0", "steps:"]
    for step, action, text in steps:
        lines += [f"  - name: {step}", f"    action: {action}", f"    description: {text}"]
        lines.append("    onFailure: Abort")
    return "\n".join(lines) + "\n"


_BUILD_IMAGE = [
    ("LaunchBuildInstance", "LaunchInstance", "Launches the build instance."),
    ("ApplyBuildComponents", "ExecuteComponents", "Runs the recipe's build components."),
    ("InventoryCollection", "CollectImageMetadata", "Collects the installed packages."),
    ("RunSanitizeScript", "SanitizeInstance", "Cleans the instance before the snapshot."),
    ("CreateOutputAMI", "CreateImage", "Creates the output image."),
    ("TerminateBuildInstance", "TerminateInstance", "Terminates the build instance."),
]
_TEST_IMAGE = [
    ("LaunchTestInstance", "LaunchInstance", "Launches an instance of the new image."),
    ("RunTestSuite", "ExecuteComponents", "Runs the recipe's test components."),
    ("TerminateTestInstance", "TerminateInstance", "Terminates the test instance."),
]
_BUILD_CONTAINER = [
    ("LaunchBuildInstance", "LaunchInstance", "Launches the build instance."),
    ("BootstrapBuildInstance", "BootstrapInstanceForContainer", "Prepares the Docker host."),
    ("ApplyBuildComponents", "ExecuteComponents", "Builds the container image."),
    ("TerminateBuildInstance", "TerminateInstance", "Terminates the build instance."),
]
_TEST_CONTAINER = [
    ("LaunchTestInstance", "LaunchInstance", "Launches the test instance."),
    ("BootstrapTestInstance", "BootstrapInstanceForContainer", "Prepares the Docker host."),
    ("RunTestSuite", "ExecuteComponents", "Runs the recipe's test components."),
    ("TerminateTestInstance", "TerminateInstance", "Terminates the test instance."),
]
_DISTRIBUTE = [
    ("DistributeImageToRegions", "DistributeImage", "Copies the image to its regions."),
]

#: Managed workflows: (type, name, document), published by Amazon in version 1.0.0/1.
MANAGED = [
    ("BUILD", "build-image", _document("build-image", "Builds an AMI.", _BUILD_IMAGE)),
    ("TEST", "test-image", _document("test-image", "Tests an AMI.", _TEST_IMAGE)),
    (
        "BUILD",
        "build-container",
        _document("build-container", "Builds a container image.", _BUILD_CONTAINER),
    ),
    (
        "TEST",
        "test-container",
        _document("test-container", "Tests a container image.", _TEST_CONTAINER),
    ),
    (
        "DISTRIBUTION",
        "distribute-image",
        _document("distribute-image", "Distributes an image.", _DISTRIBUTE),
    ),
]
