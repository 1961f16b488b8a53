"""The workflow document validator: one broken document per rule, and documents that pass.

Rules from the user guide's "Create a YAML workflow document"
(https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-workflow-create-document.html)
and "Supported step actions for your workflow document"
(https://docs.aws.amazon.com/imagebuilder/latest/userguide/wfdoc-step-actions.html).
"""

from __future__ import annotations

import logging

import pytest

from imagebuilder_sdk.documents import (
    MAX_STEPS,
    STEP_ACTIONS,
    WorkflowDocument,
    WorkflowOutput,
    WorkflowParameter,
    WorkflowStep,
    check_workflow,
    parameter_ref,
    step_output,
    validate_workflow,
)
from imagebuilder_sdk.errors import ValidationError

HEAD = "schemaVersion: 1.0\nsteps:\n"
LAUNCH = "  - name: Launch\n    action: LaunchInstance\n"
ID = "$.stepOutputs.Launch.instanceId"


def _errors(text: str) -> list[str]:
    return [str(p) for p in validate_workflow(text) if p.is_error]


def _warnings(text: str) -> list[str]:
    return [str(p) for p in validate_workflow(text) if not p.is_error]


GOOD = WorkflowDocument(
    name="good",
    parameters=[WorkflowParameter("waitAtEnd", "boolean", default=True)],
    steps=[
        WorkflowStep("Launch", "LaunchInstance", inputs={"waitFor": "ssmAgent"}),
        WorkflowStep("Build", "ExecuteComponents", inputs={"instanceId.$": ID}),
        WorkflowStep(
            "Approve",
            "WaitForAction",
            if_={"booleanEquals": True, "value": parameter_ref("waitAtEnd")},
        ),
        WorkflowStep("Snapshot", "CreateImage", inputs={"instanceId.$": ID}),
        WorkflowStep(
            "Terminate", "TerminateInstance", inputs={"instanceId.$": ID}, on_failure="Continue"
        ),
    ],
    outputs=[WorkflowOutput("ImageId", step_output("Snapshot", "imageId"))],
)


def test_a_good_document_has_no_problem_as_model_text_or_tree() -> None:
    """The builder's document passes, and so do its YAML and its tree."""
    assert validate_workflow(GOOD) == []
    assert validate_workflow(GOOD.to_yaml()) == []
    assert validate_workflow(GOOD.to_dict()) == []


def test_steps_without_inputs_pass_where_the_action_needs_none() -> None:
    """LaunchInstance and WaitForAction need no inputs."""
    text = HEAD + LAUNCH + "  - name: Wait\n    action: WaitForAction\n"
    assert _errors(text) == []


def test_seventeen_step_actions_are_known() -> None:
    """The user guide lists seventeen step actions."""
    assert len(STEP_ACTIONS) == 17


def test_schema_version_is_required() -> None:
    """A document without schemaVersion is refused."""
    assert _errors("steps:\n" + LAUNCH) == ["schemaVersion: missing; add 'schemaVersion: 1.0'"]


def test_schema_version_must_be_one() -> None:
    """schemaVersion 2.0 does not exist."""
    assert _errors("schemaVersion: 2.0\nsteps:\n" + LAUNCH) == [
        "schemaVersion: '2.0' is not a schema version; use 1.0"
    ]


def test_steps_are_required() -> None:
    """A document without steps is refused."""
    assert _errors("schemaVersion: 1.0\n") == ["steps: missing; add the steps the workflow runs"]


def test_steps_must_not_be_empty() -> None:
    """An empty steps list is refused."""
    assert _errors("schemaVersion: 1.0\nsteps: []\n") == [
        "steps: is empty; a workflow runs at least one step"
    ]


def test_at_most_fifteen_steps() -> None:
    """Sixteen steps is one too many."""
    steps = "".join(f"  - name: Wait{i}\n    action: WaitForAction\n" for i in range(MAX_STEPS + 1))
    assert _errors(HEAD + steps) == ["steps: has 16 steps; a workflow may have at most 15"]


def test_a_step_needs_a_name() -> None:
    """A step without a name is refused."""
    assert _errors(HEAD + "  - action: LaunchInstance\n") == [
        "steps[0].name: missing; give the step a name"
    ]


def test_step_names_are_unique() -> None:
    """Two steps of one name are refused."""
    assert _errors(HEAD + LAUNCH + LAUNCH) == [
        "steps[1].name: another step is already named 'Launch'"
    ]


def test_step_names_start_with_a_letter() -> None:
    """A name that starts with a digit is refused."""
    assert _errors(HEAD + "  - name: 1st\n    action: LaunchInstance\n") == [
        "steps[0].name: '1st': start with a letter, then letters, digits, '-' or '_'"
    ]


def test_a_step_needs_an_action() -> None:
    """A step without an action is refused."""
    assert _errors(HEAD + "  - name: Go\n") == [
        "steps[0].action: missing; name the step action it runs"
    ]


def test_the_action_must_be_a_known_one() -> None:
    """A misspelt action is refused, with the nearest one suggested."""
    assert _errors(HEAD + "  - name: Go\n    action: WaitForActon\n") == [
        "steps[0].action: 'WaitForActon' is not a step action; did you mean 'WaitForAction'?"
    ]


def test_on_failure_is_abort_or_continue() -> None:
    """onFailure in capitals (the pipeline's enum spelling) is refused in a document."""
    assert _errors(HEAD + "  - name: Go\n    action: LaunchInstance\n    onFailure: ABORT\n") == [
        "steps[0].onFailure: 'ABORT' is not allowed; use Abort or Continue; did you mean 'Abort'?"
    ]


def test_timeout_is_a_positive_whole_number() -> None:
    """timeoutSeconds of zero is refused."""
    assert _errors(HEAD + "  - name: Go\n    action: LaunchInstance\n    timeoutSeconds: 0\n") == [
        "steps[0].timeoutSeconds: must be a whole number of seconds, 1 or more"
    ]


def test_rollback_enabled_is_a_boolean() -> None:
    """rollbackEnabled must be true or false."""
    text = HEAD + "  - name: Go\n    action: LaunchInstance\n    rollbackEnabled: yes-please\n"
    assert _errors(text) == ["steps[0].rollbackEnabled: must be true or false, not a string"]


def test_a_required_input_is_missing() -> None:
    """ExecuteComponents needs instanceId."""
    assert _errors(HEAD + LAUNCH + "  - name: Build\n    action: ExecuteComponents\n") == [
        "steps[1].inputs: ExecuteComponents needs the input 'instanceId'"
    ]


def test_inputs_are_a_mapping() -> None:
    """A list of inputs is refused."""
    text = HEAD + "  - name: Go\n    action: LaunchInstance\n    inputs: [a, b]\n"
    assert _errors(text) == [
        "steps[0].inputs: must be a mapping of input names to values, not a list"
    ]


def test_a_reference_input_takes_a_reference() -> None:
    """A key ending in '.$' with a plain value is refused."""
    text = HEAD + LAUNCH + "  - name: Stop\n    action: TerminateInstance\n"
    text += "    inputs:\n      instanceId.$: i-0123\n"
    assert _errors(text) == [
        "steps[1].inputs.instanceId.$: an input whose name ends in '.$' takes a reference "
        "such as $.stepOutputs.<step>.<output>"
    ]


def test_a_reference_to_a_step_that_does_not_exist() -> None:
    """$.stepOutputs of an unknown step is refused, with the nearest name suggested."""
    text = HEAD + LAUNCH + "  - name: Stop\n    action: TerminateInstance\n"
    text += "    inputs:\n      instanceId.$: $.stepOutputs.Lunch.instanceId\n"
    assert _errors(text) == [
        "steps[1].inputs.instanceId.$: no step 'Lunch' comes before this; did you mean 'Launch'?"
    ]


def test_a_reference_to_a_later_step() -> None:
    """A step cannot read the outputs of a step that runs after it."""
    text = HEAD + "  - name: Stop\n    action: TerminateInstance\n"
    text += f"    inputs:\n      instanceId.$: {ID}\n" + LAUNCH
    assert _errors(text) == [
        "steps[0].inputs.instanceId.$: step 'Launch' runs after this one; "
        "a step reads earlier steps only"
    ]


def test_a_reference_to_the_step_itself() -> None:
    """A step cannot read its own outputs."""
    text = HEAD + "  - name: Launch\n    action: LaunchInstance\n"
    text += f"    inputs:\n      imageIdOverride.$: {ID}\n"
    assert _errors(text) == [
        "steps[0].inputs.imageIdOverride.$: step 'Launch' cannot read its own outputs"
    ]


def test_a_reference_without_an_output_name() -> None:
    """$.stepOutputs.<step> alone names no output."""
    text = HEAD + LAUNCH + "  - name: Stop\n    action: TerminateInstance\n"
    text += "    inputs:\n      instanceId.$: $.stepOutputs.Launch\n"
    assert _errors(text) == [
        "steps[1].inputs.instanceId.$: name the output: $.stepOutputs.Launch.<output>"
    ]


def test_an_output_the_action_does_not_give_is_a_warning() -> None:
    """LaunchInstance gives instanceId, not instanceID: a warning with the right name."""
    text = HEAD + LAUNCH + "  - name: Stop\n    action: TerminateInstance\n"
    text += "    inputs:\n      instanceId.$: $.stepOutputs.Launch.instanceID\n"
    assert _errors(text) == []
    assert _warnings(text) == [
        "steps[1].inputs.instanceId.$: LaunchInstance has no output 'instanceID'; "
        "did you mean 'instanceId'?; it gives instanceId"
    ]


def test_a_parameter_must_be_declared() -> None:
    """$.parameters of an undeclared parameter is refused."""
    text = HEAD + "  - name: Go\n    action: LaunchInstance\n"
    text += "    inputs:\n      imageIdOverride.$: $.parameters.baseImage\n"
    assert _errors(text) == [
        "steps[0].inputs.imageIdOverride.$: no parameter 'baseImage' is declared; "
        "add it under parameters"
    ]


def test_parameter_types_are_the_four_documented() -> None:
    """A parameter of type 'number' is refused."""
    text = "schemaVersion: 1.0\nparameters:\n  - name: count\n    type: number\nsteps:\n" + LAUNCH
    assert _errors(text) == [
        "parameters[0].type: 'number' is not a parameter type; use one of string, integer, "
        "boolean, stringList"
    ]


def test_outputs_read_earlier_steps() -> None:
    """A document output naming an unknown step is refused."""
    text = HEAD + LAUNCH + "outputs:\n  - name: Image\n    value: $.stepOutputs.Snap.imageId\n"
    assert _errors(text) == ["outputs[0].value: no step 'Snap' comes before this"]


def test_wait_for_action_reads_only_a_topic() -> None:
    """WaitForAction with an input it does not read is a warning."""
    text = HEAD + "  - name: Approve\n    action: WaitForAction\n    inputs:\n      approver: me\n"
    assert _errors(text) == []
    assert _warnings(text) == ["steps[0].inputs.approver: WaitForAction reads no input 'approver'"]


def test_wait_for_action_with_continue_is_a_warning() -> None:
    """onFailure Continue on WaitForAction makes STOP powerless: a warning says so."""
    text = HEAD + "  - name: Approve\n    action: WaitForAction\n    onFailure: Continue\n"
    (warning,) = _warnings(text)
    assert warning.startswith("steps[0].onFailure: with Continue, stopping this WaitForAction")


def test_yaml_that_does_not_parse() -> None:
    """Broken YAML is one problem at the document level."""
    (problem,) = _errors("schemaVersion: 1.0\nsteps: [\n")
    assert problem.startswith("document: YAML does not parse")


def test_a_document_that_is_not_a_mapping() -> None:
    """A YAML list is no workflow document."""
    assert _errors("- a\n- b\n") == [
        "document: a workflow document is a mapping with schemaVersion and steps, not a list"
    ]


def test_too_long_for_create_workflow() -> None:
    """Text longer than CreateWorkflow's data limit is refused before sending."""
    from imagebuilder_sdk.documents._workflow_validate import max_workflow_length

    filler = "# " + "x" * max_workflow_length() + "\n"
    (problem,) = _errors(filler + HEAD + LAUNCH)
    assert "CreateWorkflow accepts at most" in problem


def test_every_problem_is_reported_at_once() -> None:
    """Three broken steps give three errors, in document order."""
    text = "schemaVersion: 1.0\nsteps:\n  - name: A\n    action: Nope\n"
    text += "  - action: LaunchInstance\n  - name: C\n    action: ExecuteComponents\n"
    assert [e.split(":")[0] for e in _errors(text)] == [
        "steps[0].action",
        "steps[1].name",
        "steps[2].inputs",
    ]


def test_check_raises_the_component_error_shape(caplog: pytest.LogCaptureFixture) -> None:
    """check_workflow raises ValidationError on field data with every problem; warnings log."""
    with pytest.raises(ValidationError) as caught:
        check_workflow(HEAD + "  - name: Go\n    action: Nope\n  - action: WaitForAction\n")
    assert caught.value.field == "data"
    assert caught.value.rule == "workflow document has 2 problem(s)"
    assert len(caught.value.problems) == 2
    with caplog.at_level(logging.WARNING, logger="imagebuilder_sdk.documents"):
        check_workflow(HEAD + "  - name: A\n    action: WaitForAction\n    extra: 1\n")
    assert "a step has no key 'extra'" in caplog.text


def test_the_builder_keeps_an_unknown_on_failure_for_the_validator() -> None:
    """A bad onFailure given to the builder is kept as given and reported, not coerced."""
    doc = WorkflowDocument(steps=[WorkflowStep("Go", "LaunchInstance", on_failure="abort")])
    assert doc.steps[0].on_failure == "abort"
    assert [p.path for p in validate_workflow(doc)] == ["steps[0].onFailure"]
