"""A golden-image pipeline declared as code: the stack file of the plan/apply demo.

Plan it against a fresh emulator, or your account::

    python -m imagebuilder_sdk plan examples/golden_stack.py --local
    python -m imagebuilder_sdk plan examples/golden_stack.py --region eu-west-1

`declare` builds the same stack with another document, so the demo and the tests can
make a one-line edit.
"""

from __future__ import annotations

from imagebuilder_sdk.models import AmiDistributionConfiguration, Distribution, Schedule
from imagebuilder_sdk.plan import (
    ComponentSpec,
    DistributionSpec,
    ExistingComponent,
    ExistingImage,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    Stack,
)

#: The hardening component's document.
BASELINE = """\
name: golden-baseline
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: InstallPackages
        action: ExecuteBash
        inputs:
          commands:
            - dnf install -y htop jq
  - name: test
    steps:
      - name: PackagesPresent
        action: ExecuteBash
        inputs:
          commands:
            - rpm -q htop jq
"""


def declare(document: str = BASELINE, *, regions: tuple[str, ...] = ("us-east-1",)) -> Stack:
    """The golden-image stack: one component, one recipe, two configurations, a pipeline."""
    baseline = ComponentSpec(
        name="golden-baseline",
        platform="Linux",
        data=document,
        description="Baseline packages",
    )
    recipe = ImageRecipeSpec(
        name="golden-web",
        parent_image=ExistingImage("amazon-linux-2023-x86"),
        components=[ExistingComponent("update-linux", "1.0.x"), baseline],
        description="Amazon Linux 2023, updated, with the baseline",
    )
    infrastructure = InfrastructureSpec(
        name="golden-builders",
        instance_profile_name="EC2InstanceProfileForImageBuilder",
        instance_types=["t3.medium"],
        terminate_instance_on_failure=True,
    )
    distribution = DistributionSpec(
        name="golden-regions",
        distributions=[
            Distribution(
                region=region,
                ami_distribution_configuration=AmiDistributionConfiguration(
                    name="golden-web-{{ imagebuilder:buildDate }}"
                ),
            )
            for region in regions
        ],
    )
    pipeline = ImagePipelineSpec(
        name="golden-web",
        recipe=recipe,
        infrastructure=infrastructure,
        distribution=distribution,
        schedule=Schedule(schedule_expression="cron(0 4 ? * MON *)"),
        status="ENABLED",
    )
    return Stack(pipeline)


stack = declare()
