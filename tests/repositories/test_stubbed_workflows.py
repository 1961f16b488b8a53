"""Exact requests of the workflow writes, pinned with botocore's Stubber.

CreateWorkflow, SendWorkflowStepAction, RetryImage and DistributeImage, each with the
members the API reference gives it
(https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_Operations.html).
"""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from botocore.stub import ANY, Stubber

from imagebuilder_sdk import ImageBuilder, RetryPolicy
from imagebuilder_sdk.documents import WorkflowDocument, WorkflowStep
from imagebuilder_sdk.models import WorkflowStepExecution
from imagebuilder_sdk.repositories._workflow_runs import WaitingStep
from tests.repositories.conftest import NO_RETRIES
from tests.repositories.test_stubbed import ACCOUNT, CREATED, Stubbed

WORKFLOW = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:workflow/build/gate"
IMAGE = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image/web/1.0.0/3"
DISTRIBUTION = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:distribution-configuration/spread"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/imagebuilder"
STEP = "step-0123abcd-0123-4567-89ab-0123456789ab"
DOC = WorkflowDocument(steps=[WorkflowStep("Gate", "WaitForAction")])


@pytest.fixture
def stubbed() -> Iterator[Stubbed]:
    """A facade on a stubbed client (one attempt per call); every stub must be used."""
    client = boto3.session.Session().client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=NO_RETRIES,
    )
    with Stubber(client) as stub:
        yield Stubbed(ImageBuilder(client, retry=RetryPolicy(max_attempts=1)), stub)
        stub.assert_no_pending_responses()


def test_create_workflow_sends_the_document_and_reads_it_back(stubbed: Stubbed) -> None:
    """CreateWorkflow carries name, version, type, the YAML and a token; then GetWorkflow."""
    arn = f"{WORKFLOW}/1.0.0/1"
    stubbed.stub.add_response(
        "create_workflow",
        {"workflowBuildVersionArn": arn},
        {
            "name": "gate",
            "semanticVersion": "1.0.0",
            "type": "BUILD",
            "data": DOC.to_yaml(),
            "clientToken": ANY,
        },
    )
    stubbed.stub.add_response(
        "get_workflow",
        {
            "workflow": {
                "arn": arn,
                "name": "gate",
                "version": "1.0.0",
                "type": "BUILD",
                "owner": ACCOUNT,
                "data": DOC.to_yaml(),
                "dateCreated": CREATED,
            }
        },
        {"workflowBuildVersionArn": arn},
    )
    workflow = stubbed.ib.workflows.create(
        name="gate", semantic_version="1.0.0", type="BUILD", data=DOC
    )
    assert workflow.arn == arn


def test_resume_sends_the_step_build_action_reason_and_a_given_token(stubbed: Stubbed) -> None:
    """SendWorkflowStepAction RESUME with the step's ids, the reason and the caller's token."""
    stubbed.stub.add_response(
        "send_workflow_step_action",
        {"stepExecutionId": STEP, "imageBuildVersionArn": IMAGE},
        {
            "stepExecutionId": STEP,
            "imageBuildVersionArn": IMAGE,
            "action": "RESUME",
            "reason": "approved by QA",
            "clientToken": "approve-1",
        },
    )
    step = WaitingStep(
        WorkflowStepExecution(
            step_execution_id=STEP,
            image_build_version_arn=IMAGE,
            workflow_execution_id="wf-0123abcd-0123-4567-89ab-0123456789ab",
            workflow_build_version_arn=f"{WORKFLOW}/1.0.0/1",
            name="Gate",
            action="WaitForAction",
        ),
        stubbed.ib._caller,
    )
    step.resume(reason="approved by QA", client_token="approve-1")


def test_stop_sends_stop_without_a_reason(stubbed: Stubbed) -> None:
    """STOP with no reason sends no reason member."""
    stubbed.stub.add_response(
        "send_workflow_step_action",
        {"stepExecutionId": STEP, "imageBuildVersionArn": IMAGE},
        {
            "stepExecutionId": STEP,
            "imageBuildVersionArn": IMAGE,
            "action": "STOP",
            "clientToken": ANY,
        },
    )
    step = WaitingStep(
        WorkflowStepExecution(
            step_execution_id=STEP,
            image_build_version_arn=IMAGE,
            workflow_execution_id="wf-0123abcd-0123-4567-89ab-0123456789ab",
            workflow_build_version_arn=f"{WORKFLOW}/1.0.0/1",
            name="Gate",
            action="WaitForAction",
        ),
        stubbed.ib._caller,
    )
    step.stop()


def test_retry_sends_the_build_and_a_token(stubbed: Stubbed) -> None:
    """RetryImage carries the build-version ARN and a token; returns the build's handle."""
    stubbed.stub.add_response(
        "retry_image",
        {"imageBuildVersionArn": IMAGE, "clientToken": "t"},
        {"imageBuildVersionArn": IMAGE, "clientToken": ANY},
    )
    assert stubbed.ib.images.build(IMAGE).retry().arn == IMAGE


def test_distribute_sends_source_configuration_role_and_a_token(stubbed: Stubbed) -> None:
    """DistributeImage carries sourceImage, the configuration, the role and a token."""
    new = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image/web/1.0.0/4"
    stubbed.stub.add_response(
        "distribute_image",
        {"imageBuildVersionArn": new, "clientToken": "t"},
        {
            "sourceImage": IMAGE,
            "distributionConfigurationArn": DISTRIBUTION,
            "executionRole": ROLE,
            "tags": {"team": "web"},
            "clientToken": ANY,
        },
    )
    build = stubbed.ib.images.distribute(
        IMAGE,
        distribution_configuration_arn=DISTRIBUTION,
        execution_role=ROLE,
        tags={"team": "web"},
    )
    assert build.arn == new
