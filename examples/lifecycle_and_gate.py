"""Keep the two newest images of a recipe and gate each build on its scan findings.

Runs against an in-process emulator by default, so it needs no AWS account:

    python examples/lifecycle_and_gate.py                 # emulator
    python examples/lifecycle_and_gate.py --aws --role R  # your account; R is the IAM
                                                          # role lifecycle runs assume

It builds three versions' worth of images of one recipe with vulnerability scanning
on, passes each through a findings gate (a build with a CRITICAL finding fails it),
then creates a lifecycle policy that keeps the two newest images of the recipe (any
version, ``x.x.x``) and deletes the others with their AMIs and snapshots. The service
runs enabled policies once a day; on the emulator the run is started at once. At the
end everything the script created is deleted.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence

import attrs

from imagebuilder_sdk import ImageBuilder, ResourceNotFoundError
from imagebuilder_sdk.findings import FindingsGateError, Severity
from imagebuilder_sdk.lifecycle import keep_newest, select_recipes
from imagebuilder_sdk.models import ComponentConfiguration, ImageScanningConfiguration

RECIPE = "lifecycle-demo"


@attrs.frozen
class Outcome:
    """What the run did: the builds, oldest first, and what became of them."""

    builds: tuple[str, ...]
    """The build-version ARNs, oldest first."""
    gate: dict[str, tuple[str, ...]]
    """For each build, the ids of the findings that failed the gate (empty: it passed)."""
    acted_on: tuple[str, ...]
    """What the lifecycle run deleted (empty when it has not run yet, on AWS)."""


def run(
    ib: ImageBuilder,
    *,
    execution_role: str,
    instance_profile: str = "EC2InstanceProfileForImageBuilder",
    fail_at: Severity = Severity.CRITICAL,
    say: Callable[[str], object] = print,
    clean_up: bool = True,
) -> Outcome:
    """Build, gate, keep the two newest; then delete what was created, whatever happens
    (unless `clean_up` is False)."""
    region = ib.client.meta.region_name
    created: list[Callable[[], None]] = []
    builds: list[str] = []
    try:
        recipe = ib.image_recipes.create(
            name=RECIPE,
            semantic_version="1.0.0",
            parent_image=f"arn:aws:imagebuilder:{region}:aws:image/amazon-linux-2023-x86/x.x.x",
            components=[
                ComponentConfiguration(
                    component_arn=f"arn:aws:imagebuilder:{region}:aws:component/update-linux/x.x.x"
                )
            ],
        )
        created.append(lambda: ib.image_recipes.delete(recipe.arn))
        infra = ib.infrastructure_configurations.create(
            name=f"{RECIPE}-builders", instance_profile_name=instance_profile
        )
        created.append(lambda: ib.infrastructure_configurations.delete(infra.arn))

        gate: dict[str, tuple[str, ...]] = {}
        for _ in range(3):
            build = ib.images.create(
                image_recipe_arn=recipe.arn,
                infrastructure_configuration_arn=infra.arn,
                image_scanning_configuration=ImageScanningConfiguration(
                    image_scanning_enabled=True
                ),
            )
            builds.append(build.arn)
            try:
                image = build.gate(fail_at=fail_at, poll_interval=60)
            except FindingsGateError as failed:
                gate[build.arn] = tuple(_finding_id(f) for f in failed.findings)
                say(f"REJECTED {build.arn}: {len(failed.findings)} finding(s) >= {fail_at.value}")
            else:
                gate[build.arn] = ()
                say(f"passed   {image.arn}")

        policy = ib.lifecycle_policies.create(
            name=f"{RECIPE}-keep-two",
            execution_role=execution_role,
            resource_type="AMI_IMAGE",
            policy_details=[keep_newest(2, amis=True, snapshots=True)],
            resource_selection=select_recipes((RECIPE, "x.x.x")),
        )
        created.append(lambda: ib.lifecycle_policies.delete(policy.arn))
        acted: tuple[str, ...] = ()
        if ib.emulator is not None:
            execution = ib.emulator.run_lifecycle_policy(policy.arn)
            lifecycle_run = ib.lifecycle_policies.execution(execution)
            lifecycle_run.wait(poll_interval=10)
            acted = tuple(r.resource_id or "" for r in lifecycle_run.resources())
            for arn in acted:
                say(f"deleted  {arn}")
        else:
            say(f"policy {policy.arn} runs within a day; follow it with executions()")
        return Outcome(tuple(builds), gate, acted)
    finally:
        if clean_up:
            for image_arn in builds:
                # The lifecycle run may have deleted it already.
                with contextlib.suppress(ResourceNotFoundError):
                    ib.images.delete(image_arn)
            for undo in reversed(created):
                undo()


def _finding_id(finding: object) -> str:
    details = getattr(finding, "package_vulnerability_details", None)
    return str(getattr(details, "vulnerability_id", "") or getattr(finding, "type", ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aws", action="store_true", help="use your AWS account")
    parser.add_argument("--role", default="arn:aws:iam::123456789012:role/lifecycle")
    args = parser.parse_args(argv)
    ib = ImageBuilder.connect() if args.aws else ImageBuilder.local()
    outcome = run(ib, execution_role=args.role)
    return 1 if any(outcome.gate.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
