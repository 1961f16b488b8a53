"""Build a golden AMI end to end, then clean up: the imagebuilder-sdk demo.

Runs against an in-process emulator by default, so it needs no AWS account:

    python examples/golden_image.py            # emulator, sped-up clock, live progress
    python examples/golden_image.py --aws      # your AWS account (profile and region
                                               # from the usual AWS settings)
    python examples/golden_image.py --aws --keep   # ... and keep the AMIs it built

It creates a component, an image recipe on the latest Amazon Linux 2023 parent image,
an infrastructure configuration, a distribution configuration for two regions and a
scheduled pipeline; starts the pipeline and waits for the image; prints the workflow
steps the build ran, the AMI of each region and the account's images; and deletes
everything it created, also when a step fails or you press Ctrl-C. On AWS that includes
the AMIs and their EBS snapshots in every region of the distribution (Image Builder's
DeleteImage leaves them in EC2), unless you pass ``--keep``.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

import attrs

from examples.ami_cleanup import Ec2ClientFactory, remove_amis
from imagebuilder_sdk import ImageBuilder, ImageBuilderError, ResourceType
from imagebuilder_sdk.arns import wildcard_arn
from imagebuilder_sdk.errors import ConfigurationError
from imagebuilder_sdk.models import (
    AmiDistributionConfiguration,
    ComponentConfiguration,
    Distribution,
    EbsInstanceBlockDeviceSpecification,
    EbsVolumeType,
    ImageTestsConfiguration,
    InstanceBlockDeviceMapping,
    PipelineStatus,
    Schedule,
)

#: A component document in the shape users write: parameters, build and test phases.
HARDENING_DOCUMENT = """\
name: golden-baseline
description: Installs the baseline packages and hardens SSH.
schemaVersion: 1.0
parameters:
  - Packages:
      type: string
      default: "htop jq amazon-cloudwatch-agent"
      description: Packages every golden image carries.
phases:
  - name: build
    steps:
      - name: InstallPackages
        action: ExecuteBash
        inputs:
          commands:
            - dnf install -y {{ Packages }}
      - name: DisablePasswordLogin
        action: ExecuteBash
        inputs:
          commands:
            - echo 'PasswordAuthentication no' > /etc/ssh/sshd_config.d/50-golden.conf
            - systemctl restart sshd
  - name: validate
    steps:
      - name: CheckSshConfig
        action: ExecuteBash
        inputs:
          commands:
            - sshd -T | grep -qi '^passwordauthentication no'
  - name: test
    steps:
      - name: PackagesPresent
        action: ExecuteBash
        inputs:
          commands:
            - rpm -q jq htop
"""

PARENT_IMAGE = "amazon-linux-2023-x86"


@attrs.define
class Cleanup:
    """Deletes what the demo created, newest first, even after a failure."""

    steps: list[tuple[str, Callable[[], None]]] = attrs.Factory(list)

    def add(self, what: str, undo: Callable[[], None]) -> None:
        self.steps.append((what, undo))

    def run(self, say: Callable[[str], None]) -> None:
        for what, undo in reversed(self.steps):
            try:
                undo()
                say(f"  deleted {what}")
            except ImageBuilderError as error:
                say(f"  could not delete {what}: {error}")
        self.steps.clear()


def run(
    ib: ImageBuilder,
    *,
    second_region: str,
    instance_profile: str,
    progress: bool = True,
    poll_interval: float = 30.0,
    say: Callable[[str], None] = print,
    ec2_for: Ec2ClientFactory | None = None,
    keep: bool = False,
) -> None:
    """The whole flow on one `ImageBuilder`; everything created is deleted at the end.

    With `ec2_for` (a boto3 EC2 client per region), the build's AMIs and snapshots are
    removed from EC2 too, unless `keep` is true.
    """
    region = ib.client.meta.region_name
    suffix = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
    cleanup = Cleanup()
    try:
        say(f"Golden image demo in {region} (+ {second_region})")

        # 1. A component, at the next free version of its name.
        name = "golden-baseline"
        current = ib.components.latest(name)
        version = (
            current.semantic_version.bump_patch()
            if current and current.semantic_version
            else "1.0.0"
        )
        component = ib.components.create(
            name=name,
            semantic_version=version,
            platform="Linux",
            data=HARDENING_DOCUMENT,
            description="Baseline packages and SSH hardening",
            tags={"demo": "golden-image"},
        )
        cleanup.add(f"component {component.arn}", lambda: ib.components.delete(component.arn))
        say(f"component       {component.arn}")

        # 2. The newest Amazon Linux 2023 parent image, chosen by a version filter: the
        #    wildcard ARN names "any version", and the service resolves it to the latest.
        partition = ib.client.meta.partition
        parent = wildcard_arn(
            ResourceType.IMAGE,
            PARENT_IMAGE,
            "x.x.x",
            partition=partition,
            region=region,
            owner="aws",
        )
        resolved = ib.images.get(parent)
        say(f"parent image    {parent} (today {resolved.version})")

        recipe = ib.image_recipes.create(
            name=f"golden-web-{suffix}",
            semantic_version="1.0.0",
            parent_image=parent,
            components=[
                ComponentConfiguration(
                    component_arn=str(
                        wildcard_arn(
                            ResourceType.COMPONENT,
                            "update-linux",
                            partition=partition,
                            region=region,
                            owner="aws",
                        )
                    )
                ),
                ComponentConfiguration(component_arn=component.arn),
            ],
            block_device_mappings=[
                InstanceBlockDeviceMapping(
                    device_name="/dev/xvda",
                    ebs=EbsInstanceBlockDeviceSpecification(
                        volume_size=16, volume_type=EbsVolumeType.GP3
                    ),
                )
            ],
        )
        cleanup.add(f"image recipe {recipe.arn}", lambda: ib.image_recipes.delete(recipe.arn))
        say(f"image recipe    {recipe.arn}")

        infrastructure = ib.infrastructure_configurations.create(
            name=f"golden-builders-{suffix}",
            instance_profile_name=instance_profile,
            instance_types=["t3.medium"],
            terminate_instance_on_failure=True,
        )
        cleanup.add(
            f"infrastructure configuration {infrastructure.arn}",
            lambda: ib.infrastructure_configurations.delete(infrastructure.arn),
        )
        say(f"infrastructure  {infrastructure.arn}")

        ami = AmiDistributionConfiguration(
            name="golden-web-{{ imagebuilder:buildDate }}", description="Golden web server"
        )
        distribution = ib.distribution_configurations.create(
            name=f"golden-two-regions-{suffix}",
            distributions=[
                Distribution(region=region, ami_distribution_configuration=ami),
                Distribution(region=second_region, ami_distribution_configuration=ami),
            ],
        )
        cleanup.add(
            f"distribution configuration {distribution.arn}",
            lambda: ib.distribution_configurations.delete(distribution.arn),
        )
        say(f"distribution    {distribution.arn}")

        pipeline = ib.image_pipelines.create(
            name=f"golden-weekly-{suffix}",
            image_recipe_arn=recipe.arn,
            infrastructure_configuration_arn=infrastructure.arn,
            distribution_configuration_arn=distribution.arn,
            image_tests_configuration=ImageTestsConfiguration(image_tests_enabled=True),
            schedule=Schedule(schedule_expression="cron(0 4 ? * sun *)", timezone="UTC"),
            status=PipelineStatus.ENABLED,
        )
        cleanup.add(f"pipeline {pipeline.arn}", lambda: ib.image_pipelines.delete(pipeline.arn))
        say(f"pipeline        {pipeline.arn}")

        # 3. Build now, and follow the build to the end.
        build = ib.image_pipelines.start(pipeline.arn)
        cleanup.add(
            f"image {build.arn}",
            lambda: _remove_build(ib, build.arn, ec2_for=ec2_for, keep=keep, say=say),
        )
        say(f"build started   {build.arn}")
        image = build.wait(progress=progress, poll_interval=poll_interval)

        say("Workflow steps:")
        for step in build.steps():
            took = (
                f"{(step.end_time - step.start_time).total_seconds():.0f}s"
                if step.start_time and step.end_time
                else "-"
            )
            say(f"  {step.workflow.name:<14} {step.name:<24} {step.status.value:<10} {took}")

        say("AMIs:")
        for output in image.amis:  # what wait() returns is AVAILABLE, so it has them
            say(f"  {output.region:<16} {output.image}")

        say("Images in this account:")
        say(f"  {'name':<32} {'version':<10} {'platform':<8} {'created'}")
        for item in ib.images.list():
            created = f"{item.date_created:%Y-%m-%d %H:%M}"
            say(f"  {item.name:<32} {item.version:<10} {item.platform!s:<8} {created}")
    finally:
        say("Cleaning up:")
        cleanup.run(say)


def _remove_build(
    ib: ImageBuilder,
    arn: str,
    *,
    ec2_for: Ec2ClientFactory | None,
    keep: bool,
    say: Callable[[str], None],
) -> None:
    """Cancel a build that is still running, remove its AMIs (unless kept), delete the image."""
    image = ib.images.get(arn)
    status = image.state.status.value
    if status not in ("AVAILABLE", "FAILED", "CANCELLED", "DEPRECATED", "DISABLED", "DELETED"):
        ib.images.cancel(arn)
        image = ib.images.get(arn)
    amis = (image.output_resources.amis if image.output_resources else None) or ()
    if keep:
        for ami in amis:
            say(f"  kept AMI {ami.image} in {ami.region} (--keep)")
    elif ec2_for is not None:
        remove_amis(image, ec2_for, home=ib.client.meta.region_name, say=say)
    ib.images.delete(arn)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--aws", action="store_true", help="use your AWS account, not the emulator")
    parser.add_argument("--profile", help="AWS profile (with --aws)")
    parser.add_argument("--region", help="AWS region (with --aws; default from your settings)")
    parser.add_argument(
        "--second-region", default="us-west-2", help="the other distribution region"
    )
    parser.add_argument(
        "--instance-profile",
        default="EC2InstanceProfileForImageBuilder",
        help="instance profile of the build instances (with --aws)",
    )
    parser.add_argument(
        "--speed", type=float, default=40.0, help="emulator clock speed-up (default 40x)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no live progress display")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the AMIs and EBS snapshots the build made (with --aws; removed by default)",
    )
    args = parser.parse_args(argv)

    ec2_for: Ec2ClientFactory | None = None
    if args.aws:
        import boto3

        try:
            ib = ImageBuilder.connect(region_name=args.region, profile_name=args.profile)
            # Credentials are looked up at the first call: make it one that only reads,
            # so missing credentials end the demo in one line, before it prints anything.
            next(iter(ib.components.list(page_size=1)), None)
        except ConfigurationError as error:
            print(f"cannot use your AWS account: {error}", file=sys.stderr)
            return 2
        session = boto3.session.Session(profile_name=args.profile)
        ec2_for = functools.partial(session.client, "ec2")
        poll = 30.0
    else:
        # The emulator's AMIs exist only in the emulator: there is nothing in EC2 to remove.
        ib = ImageBuilder.local(speed=args.speed)
        poll = 10.0
    try:
        run(
            ib,
            second_region=args.second_region,
            instance_profile=args.instance_profile,
            progress=not args.no_progress,
            poll_interval=poll,
            ec2_for=ec2_for,
            keep=args.keep,
        )
    except KeyboardInterrupt:
        print("interrupted; everything created was deleted", file=sys.stderr)
        return 130
    except ImageBuilderError as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
