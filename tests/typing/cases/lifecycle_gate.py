"""A release script a user writes from the docs: gate a build, then keep two images."""

from __future__ import annotations

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.findings import FindingsGateError, Severity, scan_result_condition
from imagebuilder_sdk.lifecycle import ami_exclusions, keep_newest, older_than, select_recipes
from imagebuilder_sdk.models import (
    ImageScanningConfiguration,
    LifecycleExecutionStatus,
    LifecyclePolicy,
)

ib = ImageBuilder.local()
RECIPE = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0"
INFRA = "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/infra"

scanning = ImageScanningConfiguration(
    image_scanning_enabled=True, scan_result_condition=scan_result_condition("HIGH")
)
build = ib.images.create(
    image_recipe_arn=RECIPE,
    infrastructure_configuration_arn=INFRA,
    image_scanning_configuration=scanning,
)
try:
    image = build.gate(fail_at=Severity.HIGH)
    print(image.arn, image.state.status.value)
except FindingsGateError as failed:
    for finding in failed.findings:
        severity = Severity.of(finding)
        print(severity.value if severity else "?", finding.title or "")

worst = [f.severity for f in build.findings(at_least="CRITICAL")]
counts = [a.account_aggregation for a in ib.images.finding_aggregations()]

policy: LifecyclePolicy = ib.lifecycle_policies.create(
    name="keep-two",
    execution_role="lifecycle",
    resource_type="AMI_IMAGE",
    policy_details=[
        keep_newest(2, amis=True, snapshots=True, exclude_tags={"keep": "yes"}),
        older_than(
            90,
            "DAYS",
            action="DEPRECATE",
            exclude_amis=ami_exclusions(launched_within=(30, "DAYS")),
        ),
    ],
    resource_selection=select_recipes(("web", "1.0.x")),
)
print(policy.arn, policy.status.value, policy.policy_details[0].filter.value)
for execution in ib.lifecycle_policies.executions(policy.arn):
    run = ib.lifecycle_policies.execution(execution.lifecycle_execution_id)
    if run.refresh().state.status is LifecycleExecutionStatus.IN_PROGRESS:
        run.cancel()
    for resource in run.resources():
        print(resource.resource_id, resource.action.name if resource.action else None)

vm = ib.images.import_vm(
    name="imported", semantic_version="1.0.0", platform="Linux", vm_import_task_id="import-ami-1"
)
print(vm.wait().state.status)
build.deprecate(amis=True).wait()
found = ib.components.marketplace_resource(
    "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/cis/1.0.0/1"
)
print(found.data or found.url)
