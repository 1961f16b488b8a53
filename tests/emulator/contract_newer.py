"""The contract chain for the 28 newer operations (workflows, lifecycle, findings, imports).

`run_newer_operations` drives each of them once, through the checking driver of
`test_contract`, on the resources its older chain made; it makes no failing call.
"""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing import Emulator

#: A build workflow with an approval step between launching and building.
APPROVAL_WORKFLOW = """\
name: approved-build
description: Builds once someone approves.
schemaVersion: 1.0
parameters:
  - name: note
    type: string
    default: none
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
  - name: Approve
    action: WaitForAction
    timeoutSeconds: 3600
  - name: ApplyBuildComponents
    action: ExecuteComponents
  - name: CreateOutputAMI
    action: CreateImage
"""

ROLE = "arn:aws:iam::123456789012:role/imagebuilder-lifecycle"


def _workflows(ib: Any, emulator: Emulator, arns: dict[str, str]) -> str:
    """Workflows, an approval, executions and steps; returns the approved image's ARN."""
    workflow = ib(
        "CreateWorkflow",
        name="approved-build",
        semanticVersion="1.0.0",
        type="BUILD",
        data=APPROVAL_WORKFLOW,
        description="approval first",
        tags={"team": "platform"},
    )["workflowBuildVersionArn"]
    arns["workflow"] = workflow
    version_arn = workflow.rsplit("/", 1)[0]
    ib("GetWorkflow", workflowBuildVersionArn=version_arn.rsplit("/", 1)[0] + "/1.x.x")
    ib("ListWorkflows", owner="Self")
    ib("ListWorkflowBuildVersions", workflowVersionArn=version_arn)
    image = ib(
        "CreateImage",
        imageRecipeArn=arns["recipe"],
        infrastructureConfigurationArn=arns["infra"],
        workflows=[{"workflowArn": workflow, "parameters": [{"name": "note", "value": ["x"]}]}],
        executionRole=ROLE,
        imageScanningConfiguration={"imageScanningEnabled": True},
        tags={"keep": "yes"},
    )["imageBuildVersionArn"]
    emulator.advance(600)
    (waiting,) = ib("ListWaitingWorkflowSteps")["steps"]
    ib(
        "SendWorkflowStepAction",
        stepExecutionId=waiting["stepExecutionId"],
        imageBuildVersionArn=image,
        action="RESUME",
        reason="approved",
    )
    emulator.advance(6 * 3600)
    runs = ib("ListWorkflowExecutions", imageBuildVersionArn=image)["workflowExecutions"]
    ib("GetWorkflowExecution", workflowExecutionId=runs[0]["workflowExecutionId"])
    steps = ib("ListWorkflowStepExecutions", workflowExecutionId=runs[0]["workflowExecutionId"])
    ib("GetWorkflowStepExecution", stepExecutionId=steps["steps"][1]["stepExecutionId"])
    return str(image)


def _retry_and_distribute(ib: Any, emulator: Emulator, arns: dict[str, str]) -> None:
    emulator.fail_step("CreateOutputAMI", reason="snapshot quota")
    failed = ib(
        "CreateImage",
        imageRecipeArn=arns["recipe"],
        infrastructureConfigurationArn=arns["infra"],
        tags={"lifecycle": "managed"},
    )["imageBuildVersionArn"]
    emulator.advance(3600)
    ib("RetryImage", imageBuildVersionArn=failed)
    emulator.advance(3600)
    ib(
        "DistributeImage",
        sourceImage=arns["image"],
        distributionConfigurationArn=arns["dist"],
        executionRole=ROLE,
        tags={"lifecycle": "managed"},
    )
    emulator.advance(3600)


def _lifecycle(ib: Any, emulator: Emulator, image: str) -> None:
    details = [
        {
            "action": {"type": "DEPRECATE", "includeResources": {"amis": True}},
            "filter": {"type": "COUNT", "value": 1},
            "exclusionRules": {"tagMap": {"keep": "yes"}},
        }
    ]
    policy = ib(
        "CreateLifecyclePolicy",
        name="keep-newest",
        executionRole=ROLE,
        resourceType="AMI_IMAGE",
        policyDetails=details,
        resourceSelection={"tagMap": {"lifecycle": "managed"}},
        tags={"team": "platform"},
    )["lifecyclePolicyArn"]
    ib("GetLifecyclePolicy", lifecyclePolicyArn=policy)
    ib(
        "CreateLifecyclePolicy",
        name="by-recipe",
        executionRole=ROLE,
        resourceType="AMI_IMAGE",
        status="DISABLED",
        policyDetails=[
            {
                "action": {"type": "DISABLE"},
                "filter": {"type": "AGE", "value": 6, "unit": "MONTHS", "retainAtLeast": 2},
            }
        ],
        resourceSelection={"recipes": [{"name": "web", "semanticVersion": "1.x.x"}]},
    )
    ib("ListLifecyclePolicies")
    details[0]["action"] = {"type": "DELETE", "includeResources": {"amis": True, "snapshots": True}}
    ib(
        "UpdateLifecyclePolicy",
        lifecyclePolicyArn=policy,
        executionRole=ROLE,
        resourceType="AMI_IMAGE",
        policyDetails=details,
        resourceSelection={"tagMap": {"lifecycle": "managed"}},
        description="now deletes",
    )
    execution = emulator.run_lifecycle_policy(policy)
    ib("GetLifecycleExecution", lifecycleExecutionId=execution)
    emulator.advance(120)
    ib("ListLifecycleExecutions", resourceArn=policy)
    resources = ib("ListLifecycleExecutionResources", lifecycleExecutionId=execution)
    ib(
        "ListLifecycleExecutionResources",
        lifecycleExecutionId=execution,
        parentResourceId=resources["resources"][0]["resourceId"],
    )
    update = ib(
        "StartResourceStateUpdate",
        resourceArn=image,
        state={"status": "DISABLED"},
        executionRole=ROLE,
        includeResources={"amis": True},
    )["lifecycleExecutionId"]
    ib("CancelLifecycleExecution", lifecycleExecutionId=update)
    ib("DeleteLifecyclePolicy", lifecyclePolicyArn=policy)


def run_newer_operations(ib: Any, emulator: Emulator, arns: dict[str, str]) -> None:
    """Drive the 28 newer operations in a realistic order (no call fails)."""
    image = _workflows(ib, emulator, arns)
    ib("ListImageScanFindings", filters=[{"name": "imageBuildVersionArn", "values": [image]}])
    ib("ListImageScanFindingAggregations")
    ib(
        "ListImageScanFindingAggregations",
        filter={"name": "imageBuildVersionArn", "values": [image]},
    )
    _retry_and_distribute(ib, emulator, arns)
    _lifecycle(ib, emulator, image)
    ib(
        "ImportVmImage",
        name="imported-vm",
        semanticVersion="1.0.0",
        platform="Linux",
        osVersion="Ubuntu 22",
        vmImportTaskId="import-ami-0123456789abcdef0",
    )
    ib(
        "ImportDiskImage",
        name="imported-iso",
        semanticVersion="1.0.0",
        platform="Windows",
        osVersion="Microsoft Windows Server 2022",
        infrastructureConfigurationArn=arns["infra"],
        uri="s3://my-isos/windows.iso",
        windowsConfiguration={"imageIndex": 1},
    )
    emulator.advance(3600)
    ib(
        "GetMarketplaceResource",
        resourceType="COMPONENT_DATA",
        resourceArn="arn:aws:imagebuilder:us-east-1:aws-marketplace:component/cis-hardening-linux/1.0.0/1",
    )
    ib("DeleteWorkflow", workflowBuildVersionArn=arns["workflow"])
