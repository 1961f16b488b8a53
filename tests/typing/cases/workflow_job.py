"""A user script: create a gated workflow, build with it, approve, and read the steps."""

from __future__ import annotations

from imagebuilder_sdk import ApprovalRequiredError, ImageBuilder
from imagebuilder_sdk.build_errors import ImageBuildFailedError
from imagebuilder_sdk.documents import WorkflowDocument, WorkflowStep, step_output
from imagebuilder_sdk.models import WorkflowConfiguration, WorkflowStepExecutionStatus
from imagebuilder_sdk.repositories._workflow_runs import WaitingStep

ib = ImageBuilder.local()
launch = step_output("Launch", "instanceId")
workflow = ib.workflows.create(
    name="gated",
    semantic_version="1.0.0",
    type="BUILD",
    data=WorkflowDocument(
        steps=[
            WorkflowStep("Launch", "LaunchInstance"),
            WorkflowStep("Approve", "WaitForAction"),
            WorkflowStep("Build", "ExecuteComponents", inputs={"instanceId.$": launch}),
        ]
    ),
)
build = ib.images.create(
    image_recipe_arn="arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0",
    infrastructure_configuration_arn=(
        "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/infra"
    ),
    workflows=[WorkflowConfiguration(workflow_arn=workflow.arn)],
)


def approve(step: WaitingStep) -> None:
    step.resume(reason=f"{step.name} approved")


try:
    build.wait(on_waiting_step=approve, on_step=lambda s: print(s.name, s.status.value))
except ApprovalRequiredError as waiting:
    waiting.step.stop(reason="no")
except ImageBuildFailedError as failed:
    if failed.step is not None and failed.workflow is not None:
        print(failed.workflow.name, failed.step.name, failed.region)
    build = build.retry()
failed_steps = [s for s in build.steps() if s.status is WorkflowStepExecutionStatus.FAILED]
print(len(failed_steps), [run.status.value for run in build.workflow_executions()])
