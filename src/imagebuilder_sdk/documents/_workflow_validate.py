"""`validate_workflow` and `check_workflow`: the problems of a workflow document.

The rules come from the user guide's "Create a YAML workflow document"
(https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-workflow-create-document.html)
and "Supported step actions"
(https://docs.aws.amazon.com/imagebuilder/latest/userguide/wfdoc-step-actions.html): a
``schemaVersion`` of 1.0; one to fifteen steps, each with a unique name and a supported
action; ``onFailure`` ``Abort`` or ``Continue``; the inputs each action needs; references
``$.stepOutputs.<step>.<output>`` to earlier steps only, and ``$.parameters.<name>`` to
declared parameters. Problems have the same shape as a component document's.

>>> [str(p) for p in validate_workflow("schemaVersion: 1.0\\nsteps:\\n"
...                                    "  - {name: Go, action: Launch}\\n")]
["steps[0].action: 'Launch' is not a step action; did you mean 'LaunchInstance'?"]
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from typing import Any

from imagebuilder_sdk.documents._inputs import did_you_mean
from imagebuilder_sdk.documents._problems import Findings, Problem, describe, show
from imagebuilder_sdk.documents._workflow_actions import STEP_ACTIONS
from imagebuilder_sdk.documents._workflow_model import StepFailure, WorkflowDocument
from imagebuilder_sdk.documents._yaml import YamlSyntaxError, parse_yaml, render_yaml
from imagebuilder_sdk.errors import ValidationError

__all__ = ["MAX_STEPS", "check_workflow", "validate_workflow"]

logger = logging.getLogger("imagebuilder_sdk.documents")

#: The most steps a workflow document may have (user guide: "up to 15 step actions").
MAX_STEPS = 15
_DOC_KEYS = ("name", "description", "schemaVersion", "parameters", "steps", "outputs")
_STEP_KEYS = (
    "name",
    "action",
    "description",
    "onFailure",
    "timeoutSeconds",
    "rollbackEnabled",
    "inputs",
    "if",
    "loop",
)
_PARAMETER_TYPES = ("string", "integer", "boolean", "stringList")
_FAILURES = tuple(f.value for f in StepFailure)
_STEP_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,99}")
_STEP_REF = re.compile(r"\$\.stepOutputs\.([^.\s\[\]]+)(?:\.([^.\s\[\]]+))?")
_PARAM_REF = re.compile(r"\$\.parameters\.([^.\s\[\]]+)")


@functools.cache
def max_workflow_length() -> int:
    """The most characters CreateWorkflow accepts in ``data`` (from the service model)."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("imagebuilder")
    request = model.operation_model("CreateWorkflow").input_shape
    assert request is not None
    return int(request.members["data"].metadata["max"])


class _Context:
    def __init__(self, f: Findings, parameters: set[str]) -> None:
        self.f = f
        self.parameters = parameters
        self.actions: dict[str, str] = {}  # earlier steps: name -> action
        self.all_steps: set[str] = set()


def _strings(value: object, path: str) -> list[tuple[str, str]]:
    """Every string inside `value`, with its path."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, Mapping):
        found = []
        for key, item in value.items():
            found += _strings(item, f"{path}.{key}")
        return found
    if isinstance(value, list):
        found = []
        for index, item in enumerate(value):
            found += _strings(item, f"{path}[{index}]")
        return found
    return []


def _check_references(ctx: _Context, path: str, value: object, own: str | None) -> None:
    for where, text in _strings(value, path):
        for match in _STEP_REF.finditer(text):
            step, output = match.group(1), match.group(2)
            if step == own:
                ctx.f.error(where, f"step {show(step)} cannot read its own outputs")
            elif step not in ctx.actions:
                later = step in ctx.all_steps
                ctx.f.error(
                    where,
                    f"step {show(step)} runs after this one; a step reads earlier steps only"
                    if later
                    else f"no step {show(step)} comes before this{did_you_mean(step, ctx.actions)}",
                )
            elif output is None:
                ctx.f.error(where, f"name the output: $.stepOutputs.{step}.<output>")
            else:
                spec = STEP_ACTIONS.get(ctx.actions[step])
                if spec is not None and spec.outputs is not None and output not in spec.outputs:
                    ctx.f.warning(
                        where,
                        f"{spec.name} has no output {show(output)}"
                        f"{did_you_mean(output, spec.outputs)}; it gives "
                        f"{', '.join(spec.outputs)}",
                    )
        for match in _PARAM_REF.finditer(text):
            name = match.group(1)
            if name not in ctx.parameters:
                ctx.f.error(
                    where,
                    f"no parameter {show(name)} is declared"
                    f"{did_you_mean(name, ctx.parameters)}; add it under parameters",
                )


def _check_inputs(ctx: _Context, path: str, action: str, inputs: object) -> None:
    spec = STEP_ACTIONS.get(action)
    if inputs is not None and not isinstance(inputs, Mapping):
        ctx.f.error(path, f"must be a mapping of input names to values, not {describe(inputs)}")
        return
    given = {str(key).removesuffix(".$") for key in (inputs or {})}
    for key, value in (inputs or {}).items():
        if str(key).endswith(".$") and not (isinstance(value, str) and value.startswith("$.")):
            ctx.f.error(
                f"{path}.{key}",
                "an input whose name ends in '.$' takes a reference such as "
                "$.stepOutputs.<step>.<output>",
            )
    if spec is None:
        return
    for name in spec.required:
        if name not in given:
            ctx.f.error(path, f"{action} needs the input {show(name)}")
    if spec.inputs is not None:
        for name in sorted(given - set(spec.inputs)):
            ctx.f.warning(
                f"{path}.{name}",
                f"{action} reads no input {show(name)}{did_you_mean(name, spec.inputs)}",
            )


def _check_step(ctx: _Context, index: int, step: object) -> None:
    path = f"steps[{index}]"
    f = ctx.f
    if not isinstance(step, Mapping):
        f.error(path, f"a step is a mapping with name and action, not {describe(step)}")
        return
    name = step.get("name")
    if not isinstance(name, str) or not name:
        f.error(f"{path}.name", "missing; give the step a name")
        name = None
    elif not _STEP_NAME.fullmatch(name):
        f.error(
            f"{path}.name",
            f"{show(name)}: start with a letter, then letters, digits, '-' or '_'",
        )
    elif name in ctx.actions:
        f.error(f"{path}.name", f"another step is already named {show(name)}")
    action = step.get("action")
    if action is None:
        f.error(f"{path}.action", "missing; name the step action it runs")
    elif not isinstance(action, str) or action not in STEP_ACTIONS:
        f.error(
            f"{path}.action",
            f"{show(action)} is not a step action{did_you_mean(str(action), STEP_ACTIONS)}",
        )
    failure = step.get("onFailure")
    if failure is not None and failure not in _FAILURES:
        f.error(
            f"{path}.onFailure",
            f"{show(failure)} is not allowed; use Abort or Continue"
            f"{did_you_mean(str(failure), _FAILURES)}",
        )
    timeout = step.get("timeoutSeconds")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1
    ):
        f.error(f"{path}.timeoutSeconds", "must be a whole number of seconds, 1 or more")
    rollback = step.get("rollbackEnabled")
    if rollback is not None and not isinstance(rollback, bool):
        f.error(f"{path}.rollbackEnabled", f"must be true or false, not {describe(rollback)}")
    for key in [k for k in step if k not in _STEP_KEYS]:
        f.warning(f"{path}.{key}", f"a step has no key {show(key)}{did_you_mean(key, _STEP_KEYS)}")
    if isinstance(action, str):
        _check_inputs(ctx, f"{path}.inputs", action, step.get("inputs"))
        if action == "WaitForAction" and failure == StepFailure.CONTINUE.value:
            f.warning(
                f"{path}.onFailure",
                "with Continue, stopping this WaitForAction step (SendWorkflowStepAction STOP) "
                "does not stop the build: the next step runs anyway",
            )
    for key in ("inputs", "if", "loop"):
        if step.get(key) is not None:
            _check_references(ctx, f"{path}.{key}", step[key], name)
    if name is not None and isinstance(action, str):
        ctx.actions.setdefault(name, action)


def _check_parameters(f: Findings, parameters: object) -> set[str]:
    names: set[str] = set()
    if parameters is None:
        return names
    if not isinstance(parameters, list):
        f.error("parameters", f"must be a list of parameters, not {describe(parameters)}")
        return names
    for index, entry in enumerate(parameters):
        path = f"parameters[{index}]"
        if not isinstance(entry, Mapping):
            f.error(path, f"a parameter is a mapping with name and type, not {describe(entry)}")
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            f.error(f"{path}.name", "missing; name the parameter")
        elif name in names:
            f.error(f"{path}.name", f"parameter {show(name)} is declared twice")
        else:
            names.add(name)
        kind = entry.get("type")
        if kind is None:
            f.error(f"{path}.type", f"missing; use one of {', '.join(_PARAMETER_TYPES)}")
        elif kind not in _PARAMETER_TYPES:
            f.error(
                f"{path}.type",
                f"{show(kind)} is not a parameter type; use one of {', '.join(_PARAMETER_TYPES)}",
            )
    return names


def validate_workflow_tree(data: object) -> list[Problem]:
    """Every problem of a parsed workflow document; no size check."""
    f = Findings()
    if not isinstance(data, Mapping):
        f.error(
            "",
            f"a workflow document is a mapping with schemaVersion and steps, not {describe(data)}",
        )
        return f.problems
    version = data.get("schemaVersion")
    if version is None:
        f.error("schemaVersion", "missing; add 'schemaVersion: 1.0'")
    elif isinstance(version, bool) or str(version) not in ("1.0", "1"):
        f.error("schemaVersion", f"{show(version)} is not a schema version; use 1.0")
    for key in [k for k in data if k not in _DOC_KEYS]:
        f.warning(
            str(key),
            f"a workflow document has no key {show(key)}{did_you_mean(str(key), _DOC_KEYS)}",
        )
    ctx = _Context(f, _check_parameters(f, data.get("parameters")))
    steps = data.get("steps")
    if steps is None:
        f.error("steps", "missing; add the steps the workflow runs")
    elif not isinstance(steps, list):
        f.error("steps", f"must be a list of steps, not {describe(steps)}")
    elif not steps:
        f.error("steps", "is empty; a workflow runs at least one step")
    else:
        if len(steps) > MAX_STEPS:
            f.error("steps", f"has {len(steps)} steps; a workflow may have at most {MAX_STEPS}")
        ctx.all_steps = {
            s["name"] for s in steps if isinstance(s, Mapping) and isinstance(s.get("name"), str)
        }
        for index, step in enumerate(steps):
            _check_step(ctx, index, step)
    outputs = data.get("outputs")
    if outputs is not None:
        if not isinstance(outputs, list):
            f.error("outputs", f"must be a list of name and value, not {describe(outputs)}")
        else:
            for index, entry in enumerate(outputs):
                path = f"outputs[{index}]"
                if not isinstance(entry, Mapping) or not entry.get("name") or "value" not in entry:
                    f.error(path, "an output is a mapping with a name and a value")
                    continue
                _check_references(ctx, f"{path}.value", entry["value"], None)
    return f.problems


def validate_workflow(
    document_or_text: WorkflowDocument | str | Mapping[str, Any],
) -> list[Problem]:
    """Every problem of a workflow document, errors and warnings, in document order.

    `document_or_text` is a `WorkflowDocument`, its YAML text (CreateWorkflow's
    ``data``) or its parsed tree. An empty list means the document is fine.
    """
    f = Findings()
    if isinstance(document_or_text, str):
        text = document_or_text
        if not text.strip():
            f.error("", "the document is empty; write at least schemaVersion and steps")
            return f.problems
        try:
            data, duplicates = parse_yaml(text)
        except YamlSyntaxError as exc:
            f.error("", f"YAML does not parse: {exc}")
            return f.problems
        for dup in duplicates:
            f.error("", f"key {show(dup.key)} appears twice in one mapping (line {dup.line})")
    elif isinstance(document_or_text, (WorkflowDocument, Mapping)):
        data = (
            document_or_text.to_dict()
            if isinstance(document_or_text, WorkflowDocument)
            else dict(document_or_text)
        )
        text = render_yaml(data)
    else:
        raise ValidationError(
            "document_or_text",
            "must be a WorkflowDocument, YAML text or a document tree",
            value=type(document_or_text).__name__,
        )
    limit = max_workflow_length()
    if len(text) > limit:
        f.error(
            "",
            f"the document is {len(text)} characters; CreateWorkflow accepts at most {limit} "
            "in 'data': upload it to S3 and pass 'uri' instead",
        )
    return f.problems + validate_workflow_tree(data)


def check_workflow(document_or_text: WorkflowDocument | str | Mapping[str, Any]) -> None:
    """Raise `ValidationError` (field ``data``) if the workflow document has errors.

    As with `check` for component documents, ``problems`` lists every error and warnings
    go to the ``imagebuilder_sdk.documents`` logger.
    """
    problems = validate_workflow(document_or_text)
    for problem in problems:
        if not problem.is_error:
            logger.warning("workflow document: %s", problem)
    errors = [str(problem) for problem in problems if problem.is_error]
    if errors:
        raise ValidationError(
            "data", f"workflow document has {len(errors)} problem(s)", problems=errors
        )
