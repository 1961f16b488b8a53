"""Workflows in the emulator: versioning, the workflows a build runs, and their steps."""

from __future__ import annotations

import pytest

from tests.emulator.newer_support import Account, workflow_document

CREATE_DOC = "https://docs.aws.amazon.com/cli/latest/reference/imagebuilder/create-workflow.html"
APPROVAL = workflow_document(
    ("LaunchBuildInstance", "LaunchInstance"),
    ("Approve", "WaitForAction"),
    ("ApplyBuildComponents", "ExecuteComponents"),
)


@pytest.fixture
def account() -> Account:
    """A fresh emulated account with a recipe and an infrastructure configuration."""
    return Account()


def _create(account: Account, data: str, version: str = "1.0.0", **extra: object) -> str:
    arn: str = account.client.create_workflow(
        name="custom", semanticVersion=version, type="BUILD", data=data, **extra
    )["workflowBuildVersionArn"]
    return arn


def test_changed_content_makes_a_new_build_version(account: Account) -> None:
    """Same name and version, other content: build 2 (create-workflow, CLI reference)."""
    first = _create(account, APPROVAL)
    second = _create(account, APPROVAL, description="now described")
    assert first.endswith(":workflow/build/custom/1.0.0/1")
    assert second.endswith(":workflow/build/custom/1.0.0/2")
    latest = account.client.get_workflow(workflowBuildVersionArn=first.rsplit("/", 2)[0] + "/1.x.x")
    assert latest["workflow"]["arn"] == second


def test_identical_content_is_refused(account: Account) -> None:
    """Creating the latest build's exact configuration again fails (create-workflow, CLI)."""
    _create(account, APPROVAL)
    code = account.code(
        account.client.create_workflow,
        name="custom",
        semanticVersion="1.0.0",
        type="BUILD",
        data=APPROVAL,
    )
    assert code == "ResourceAlreadyExistsException"


def test_broken_document_is_refused_naming_the_step(account: Account) -> None:
    """An unknown step action is refused (user guide: supported step actions)."""
    bad = workflow_document(("Launch", "LaunchInstance"), ("Fly", "TeleportInstance"))
    with pytest.raises(account.client.exceptions.InvalidParameterValueException) as caught:
        _create(account, bad)
    assert "'Fly'" in str(caught.value)


def test_parameters_are_read_from_the_document(account: Account) -> None:
    """The workflow's parameters come back as WorkflowParameterDetail entries."""
    data = APPROVAL.replace(
        "steps:", "parameters:\n  - name: note\n    type: string\n    default: hi\nsteps:"
    )
    arn = _create(account, data)
    workflow = account.client.get_workflow(workflowBuildVersionArn=arn)["workflow"]
    assert workflow["parameters"] == [{"name": "note", "type": "string", "defaultValue": ["hi"]}]


def test_list_and_build_versions(account: Account) -> None:
    """ListWorkflows shows one entry per version; build versions list every build."""
    first = _create(account, APPROVAL)
    _create(account, APPROVAL, changeDescription="second build")
    _create(account, APPROVAL, version="2.0.0")
    versions = account.client.list_workflows(owner="Self")["workflowVersionList"]
    assert [v["version"] for v in versions] == ["1.0.0", "2.0.0"]
    by_name = account.client.list_workflows(owner="Self", byName=True)["workflowVersionList"]
    assert [v["version"] for v in by_name] == ["2.0.0"]
    builds = account.client.list_workflow_build_versions(workflowVersionArn=first.rsplit("/", 1)[0])
    assert [b["arn"][-1] for b in builds["workflowSummaryList"]] == ["1", "2"]
    managed = account.client.list_workflows(owner="Amazon")["workflowVersionList"]
    assert {"build-image", "test-image", "distribute-image"} <= {w["name"] for w in managed}


def test_a_workflow_a_pipeline_uses_cannot_be_deleted(account: Account) -> None:
    """DeleteWorkflow answers ResourceDependencyException while a pipeline names it."""
    arn = _create(account, APPROVAL)
    account.client.create_image_pipeline(
        name="nightly",
        imageRecipeArn=account.recipe,
        infrastructureConfigurationArn=account.infra,
        workflows=[{"workflowArn": arn}],
        executionRole="arn:aws:iam::123456789012:role/ib",
    )
    code = account.code(account.client.delete_workflow, workflowBuildVersionArn=arn)
    assert code == "ResourceDependencyException"


def test_a_build_runs_the_default_build_and_test_workflows(account: Account) -> None:
    """Without workflows named, build-image then test-image run (user guide: image workflows)."""
    image = account.build()
    assert account.runs(image) == []
    account.emulator.advance(30)
    (build,) = account.runs(image)
    assert build["workflowBuildVersionArn"].endswith("workflow/build/build-image/1.0.0/1")
    assert build["status"] == "RUNNING"
    statuses = [s["status"] for s in account.steps(build["workflowExecutionId"])]
    assert statuses[0] == "COMPLETED"
    assert "RUNNING" in statuses
    assert statuses[-1] == "PENDING"
    account.emulator.advance(3600)
    runs = account.runs(image)
    assert [(r["type"], r["status"]) for r in runs] == [
        ("BUILD", "COMPLETED"),
        ("TEST", "COMPLETED"),
    ]
    assert runs[0]["totalStepsSucceeded"] == runs[0]["totalStepCount"] == 6
    assert runs[0]["endTime"] <= runs[1]["startTime"]


def test_a_wait_for_action_step_holds_the_build_until_resumed(account: Account) -> None:
    """WaitForAction pauses the build; RESUME completes the step (SendWorkflowStepAction)."""
    workflow = _create(account, APPROVAL)
    image = account.build(workflows=[{"workflowArn": workflow}], executionRole="ib-role")
    account.emulator.advance(24 * 3600)
    assert account.status(image) == "BUILDING"
    (waiting,) = account.client.list_waiting_workflow_steps()["steps"]
    assert (waiting["name"], waiting["imageBuildVersionArn"]) == ("Approve", image)
    account.client.send_workflow_step_action(
        stepExecutionId=waiting["stepExecutionId"],
        imageBuildVersionArn=image,
        action="RESUME",
        reason="looks good",
    )
    assert account.client.list_waiting_workflow_steps()["steps"] == []
    account.emulator.advance(3600)
    assert account.status(image) == "AVAILABLE"
    step = account.client.get_workflow_step_execution(stepExecutionId=waiting["stepExecutionId"])
    assert step["status"] == "COMPLETED"
    assert '"RESUME"' in step["outputs"]


def test_stop_fails_the_step_and_the_build(account: Account) -> None:
    """STOP fails the step; with onFailure Abort the build fails (SendWorkflowStepAction)."""
    workflow = _create(account, APPROVAL)
    image = account.build(workflows=[{"workflowArn": workflow}], executionRole="ib-role")
    account.emulator.advance(600)
    (waiting,) = account.client.list_waiting_workflow_steps()["steps"]
    account.client.send_workflow_step_action(
        stepExecutionId=waiting["stepExecutionId"],
        imageBuildVersionArn=image,
        action="STOP",
        reason="rejected",
    )
    account.emulator.advance(600)
    state = account.client.get_image(imageBuildVersionArn=image)["image"]["state"]
    assert (state["status"], state["reason"]) == ("FAILED", "rejected")
    (run,) = account.runs(image)
    assert [s["status"] for s in account.steps(run["workflowExecutionId"])] == [
        "COMPLETED",
        "FAILED",
        "SKIPPED",
    ]


def test_stop_on_a_continue_step_lets_the_build_go_on(account: Account) -> None:
    """STOP on a step whose onFailure is Continue fails only that step (API reference)."""
    data = workflow_document(
        ("LaunchBuildInstance", "LaunchInstance"),
        ("Approve", "WaitForAction"),
        on_failure="Continue",
    )
    image = account.build(workflows=[{"workflowArn": _create(account, data)}], executionRole="r")
    account.emulator.advance(600)
    (waiting,) = account.client.list_waiting_workflow_steps()["steps"]
    account.client.send_workflow_step_action(
        stepExecutionId=waiting["stepExecutionId"], imageBuildVersionArn=image, action="STOP"
    )
    account.emulator.advance(3600)
    assert account.status(image) == "AVAILABLE"
    build = account.runs(image)[0]
    assert build["totalStepsFailed"] == 1


def test_an_action_needs_the_waiting_step_and_its_image(account: Account) -> None:
    """The step must be waiting and the ARN must be its image's (API reference)."""
    image = account.build(
        workflows=[{"workflowArn": _create(account, APPROVAL)}], executionRole="r"
    )
    other = account.build()
    account.emulator.advance(600)
    (waiting,) = account.client.list_waiting_workflow_steps()["steps"]
    send = account.client.send_workflow_step_action
    wrong = account.code(
        send,
        stepExecutionId=waiting["stepExecutionId"],
        imageBuildVersionArn=other,
        action="RESUME",
    )
    assert wrong == "InvalidParameterValueException"
    send(stepExecutionId=waiting["stepExecutionId"], imageBuildVersionArn=image, action="RESUME")
    again = account.code(
        send,
        stepExecutionId=waiting["stepExecutionId"],
        imageBuildVersionArn=image,
        action="RESUME",
    )
    assert again == "InvalidRequestException"


def test_fail_step_fails_the_next_build_at_that_step(account: Account) -> None:
    """Emulator.fail_step makes the named step of the next build fail, and the build with it."""
    account.emulator.fail_step("RunTestSuite", reason="test broke")
    image = account.build()
    account.emulator.advance(3600)
    state = account.client.get_image(imageBuildVersionArn=image)["image"]["state"]
    assert (state["status"], state["reason"]) == ("FAILED", "test broke")
    assert state["failureContext"] == {"imageStatus": "TESTING"}
    build, test = account.runs(image)
    assert (build["status"], test["status"]) == ("COMPLETED", "FAILED")
    assert "RunTestSuite" in test["message"]
    assert [s["status"] for s in account.steps(test["workflowExecutionId"])] == [
        "COMPLETED",
        "FAILED",
        "SKIPPED",
    ]


def test_fail_step_on_a_running_build(account: Account) -> None:
    """fail_step with an ARN fails that build's step when it ends."""
    image = account.build()
    account.emulator.advance(10)
    account.emulator.fail_step("CreateOutputAMI", image, reason="no snapshot")
    account.emulator.advance(3600)
    assert account.status(image) == "FAILED"
    with pytest.raises(ValueError, match="step_name"):
        account.emulator.fail_step("NoSuchStep", image)


def test_fail_build_fails_the_last_step_of_the_stage(account: Account) -> None:
    """A stage failure (fail_build) shows as the stage's last step failing."""
    account.emulator.fail_build(stage="BUILDING", reason="broken")
    image = account.build()
    account.emulator.advance(3600)
    (build,) = account.runs(image)
    statuses = [s["status"] for s in account.steps(build["workflowExecutionId"])]
    assert statuses == ["COMPLETED"] * 5 + ["FAILED"]


def test_cancelling_a_build_cancels_its_running_step(account: Account) -> None:
    """CancelImageCreation: the running step and the steps after it end CANCELLED."""
    image = account.build()
    account.emulator.advance(30)
    account.client.cancel_image_creation(imageBuildVersionArn=image)
    account.emulator.advance(3600)
    (build,) = account.runs(image)
    assert build["status"] == "CANCELLED"
    statuses = [s["status"] for s in account.steps(build["workflowExecutionId"])]
    assert statuses[:2] == ["COMPLETED", "COMPLETED"]
    assert set(statuses[2:]) == {"CANCELLED"}
