"""The newer writes' exact requests, pinned with botocore's Stubber: nothing leaves the process.

Lifecycle policies, lifecycle runs, StartResourceStateUpdate, imports, scan findings and
the marketplace lookup: each test queues the one answer the service would give and
asserts, through Stubber's expected parameters, every member the SDK sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import boto3
import pytest
from botocore.stub import ANY, Stubber

from imagebuilder_sdk import ImageBuilder, RetryPolicy
from imagebuilder_sdk.lifecycle import ami_exclusions, keep_newest, older_than, select_recipes
from imagebuilder_sdk.models import WindowsConfiguration
from imagebuilder_sdk.repositories import LifecycleRun
from tests.repositories.conftest import NO_RETRIES

ACCOUNT = "123456789012"
POLICY = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:lifecycle-policy/keep-two"
IMAGE = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image/web/1.0.0/3"
INFRA = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:infrastructure-configuration/infra"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/lifecycle"
RUN = "lce-01234567-89ab-cdef-0123-456789abcdef"
CREATED = "2026-11-27T10:00:00.000Z"
RULE = {
    "action": {"type": "DELETE", "includeResources": {"amis": True, "snapshots": True}},
    "filter": {"type": "COUNT", "value": 2},
}
SELECTION = {"recipes": [{"name": "web", "semanticVersion": "1.0.x"}]}


@pytest.fixture
def stub() -> Iterator[tuple[ImageBuilder, Stubber]]:
    """A facade on a stubbed client; every queued answer must be used."""
    client = boto3.session.Session().client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=NO_RETRIES,
    )
    with Stubber(client) as stubber:
        yield ImageBuilder(client, retry=RetryPolicy(max_attempts=1)), stubber
        stubber.assert_no_pending_responses()


def _policy(**changes: object) -> dict[str, object]:
    return {
        "arn": POLICY,
        "name": "keep-two",
        "status": "ENABLED",
        "executionRole": ROLE,
        "resourceType": "AMI_IMAGE",
        "policyDetails": [RULE],
        "resourceSelection": SELECTION,
        "dateCreated": CREATED,
        **changes,
    }


def test_create_lifecycle_policy(stub: tuple[ImageBuilder, Stubber]) -> None:
    """create sends the rules and selection in wire form plus a minted token, then reads back."""
    ib, stubber = stub
    stubber.add_response(
        "create_lifecycle_policy",
        {"lifecyclePolicyArn": POLICY, "clientToken": "t"},
        {
            "name": "keep-two",
            "executionRole": ROLE,
            "resourceType": "AMI_IMAGE",
            "policyDetails": [RULE],
            "resourceSelection": SELECTION,
            "tags": {"team": "web"},
            "clientToken": ANY,
        },
    )
    stubber.add_response(
        "get_lifecycle_policy", {"lifecyclePolicy": _policy()}, {"lifecyclePolicyArn": POLICY}
    )
    policy = ib.lifecycle_policies.create(
        name="keep-two",
        execution_role=ROLE,
        resource_type="AMI_IMAGE",
        policy_details=[keep_newest(2, amis=True, snapshots=True)],
        resource_selection=select_recipes(("web", "1.0.x")),
        tags={"team": "web"},
    )
    assert policy.arn == POLICY


def test_update_lifecycle_policy_by_arn(stub: tuple[ImageBuilder, Stubber]) -> None:
    """update(arn=...) sends lifecyclePolicyArn and the full new settings."""
    ib, stubber = stub
    age = {
        "action": {"type": "DEPRECATE"},
        "filter": {"type": "AGE", "value": 90, "unit": "DAYS", "retainAtLeast": 2},
        "exclusionRules": {"amis": {"sharedAccounts": ["111122223333"]}},
    }
    stubber.add_response(
        "update_lifecycle_policy",
        {"lifecyclePolicyArn": POLICY},
        {
            "lifecyclePolicyArn": POLICY,
            "status": "DISABLED",
            "executionRole": ROLE,
            "resourceType": "AMI_IMAGE",
            "policyDetails": [age],
            "resourceSelection": SELECTION,
            "clientToken": ANY,
        },
    )
    stubber.add_response(
        "get_lifecycle_policy",
        {"lifecyclePolicy": _policy(policyDetails=[age], status="DISABLED")},
        {"lifecyclePolicyArn": POLICY},
    )
    ib.lifecycle_policies.update(
        arn=POLICY,
        status="DISABLED",
        execution_role=ROLE,
        resource_type="AMI_IMAGE",
        policy_details=[
            older_than(
                90,
                "DAYS",
                action="DEPRECATE",
                retain_at_least=2,
                exclude_amis=ami_exclusions(shared_accounts=["111122223333"]),
            )
        ],
        resource_selection=select_recipes(("web", "1.0.x")),
    )


def test_delete_and_cancel(stub: tuple[ImageBuilder, Stubber]) -> None:
    """delete sends the ARN; cancel sends the run id and a token."""
    ib, stubber = stub
    stubber.add_response(
        "delete_lifecycle_policy", {"lifecyclePolicyArn": POLICY}, {"lifecyclePolicyArn": POLICY}
    )
    stubber.add_response(
        "cancel_lifecycle_execution",
        {"lifecycleExecutionId": RUN},
        {"lifecycleExecutionId": RUN, "clientToken": "my-token"},
    )
    ib.lifecycle_policies.delete(POLICY)
    ib.lifecycle_policies.execution(RUN).cancel(client_token="my-token")


def test_start_resource_state_update(stub: tuple[ImageBuilder, Stubber]) -> None:
    """delete_resources sends state DELETED, the included resources, exclusions, role, time."""
    ib, stubber = stub
    when = datetime(2026, 12, 24, 8, 0, tzinfo=timezone.utc)
    stubber.add_response(
        "start_resource_state_update",
        {"lifecycleExecutionId": RUN, "resourceArn": IMAGE},
        {
            "resourceArn": IMAGE,
            "state": {"status": "DELETED"},
            "includeResources": {"amis": True, "snapshots": True},
            "exclusionRules": {"amis": {"regions": ["eu-west-1"]}},
            "executionRole": ROLE,
            "updateAt": when,
            "clientToken": ANY,
        },
    )
    run = ib.images.build(IMAGE).delete_resources(
        amis=True,
        snapshots=True,
        exclude_amis=ami_exclusions(regions=["eu-west-1"]),
        execution_role=ROLE,
        update_at=when,
    )
    assert isinstance(run, LifecycleRun)
    assert run.id == RUN


def test_import_vm_and_disk(stub: tuple[ImageBuilder, Stubber]) -> None:
    """The imports send their members as given and return handles on the answered ARNs."""
    ib, stubber = stub
    stubber.add_response(
        "import_vm_image",
        {"imageArn": IMAGE, "clientToken": "t"},
        {
            "name": "web",
            "semanticVersion": "2019.12.02",
            "platform": "Linux",
            "vmImportTaskId": "import-ami-0abc",
            "clientToken": ANY,
        },
    )
    stubber.add_response(
        "import_disk_image",
        {"imageBuildVersionArn": IMAGE, "clientToken": "t"},
        {
            "name": "web",
            "semanticVersion": "1.0.0",
            "platform": "Windows",
            "osVersion": "Microsoft Windows Server 2022",
            "infrastructureConfigurationArn": INFRA,
            "uri": "s3://isos/windows.iso",
            "windowsConfiguration": {"imageIndex": 2},
            "clientToken": ANY,
        },
    )
    vm = ib.images.import_vm(
        name="web",
        semantic_version="2019.12.02",
        platform="Linux",
        vm_import_task_id="import-ami-0abc",
    )
    disk = ib.images.import_disk(
        name="web",
        semantic_version="1.0.0",
        platform="Windows",
        os_version="Microsoft Windows Server 2022",
        infrastructure_configuration_arn=INFRA,
        uri="s3://isos/windows.iso",
        windows_configuration=WindowsConfiguration(image_index=2),
    )
    assert (vm.arn, disk.arn) == (IMAGE, IMAGE)


def test_findings_and_marketplace_requests(stub: tuple[ImageBuilder, Stubber]) -> None:
    """findings(severity=) sends one filter with one value; the marketplace lookup its type."""
    ib, stubber = stub
    component = "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/cis/1.0.0/1"
    stubber.add_response(
        "list_image_scan_findings",
        {"findings": []},
        {"filters": [{"name": "severity", "values": ["CRITICAL"]}], "maxResults": 25},
    )
    stubber.add_response(
        "get_marketplace_resource",
        {"resourceArn": component, "url": "https://example.invalid/x?sig=1"},
        {
            "resourceType": "COMPONENT_ARTIFACT",
            "resourceArn": component,
            "resourceLocation": "s3://vendor/agent.zip",
        },
    )
    assert list(ib.images.findings(severity="CRITICAL", page_size=25)) == []
    found = ib.components.marketplace_resource(
        component, "COMPONENT_ARTIFACT", location="s3://vendor/agent.zip"
    )
    assert found.url == "https://example.invalid/x?sig=1"
