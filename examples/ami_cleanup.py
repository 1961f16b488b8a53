"""Remove the AMIs and EBS snapshots an image build left in EC2, in every region it used.

Deleting an Image Builder image (DeleteImage) deletes only the Image Builder resource:
the AMIs it distributed, and the snapshots behind them, stay in EC2 and keep costing
money. This finds them in each region of the build's distribution and removes them
through EC2: ``DeregisterImage``, then ``DeleteSnapshot`` for each snapshot the AMI
used.

An AMI is found two ways: by the ID the image's output resources name for the region,
and by the ``Ec2ImageBuilderArn`` tag that Image Builder puts on every AMI it
distributes (its user guide, "Tag Image Builder output resources"), which also finds
AMIs of a build that was cancelled before it reported them. Only AMIs the account owns
are touched; AMIs shared to other accounts (``targetAccountIds``) are theirs to remove.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from imagebuilder_sdk.models import Image

__all__ = ["BUILD_TAG", "Ec2ClientFactory", "build_regions", "remove_amis"]

#: The tag Image Builder sets on each AMI it distributes: the image build version ARN.
BUILD_TAG = "Ec2ImageBuilderArn"

#: Makes a boto3 EC2 client for a region (``lambda region: session.client("ec2", ...)``).
Ec2ClientFactory = Callable[[str], Any]


def build_regions(image: Image, home: str) -> list[str]:
    """The regions the build distributes to, in order: its configuration's, then outputs'."""
    regions = [home]
    if image.distribution_configuration is not None:
        regions += [d.region for d in image.distribution_configuration.distributions or ()]
    if image.output_resources is not None:
        regions += [ami.region or home for ami in image.output_resources.amis or ()]
    return [region for region in dict.fromkeys(regions) if region]


def _own_amis(ec2: Any, arn: str, listed: list[str]) -> list[dict[str, Any]]:
    """The account's AMIs in one region that the build made: listed by ID or tagged."""
    filters = [
        [{"Name": f"tag:{BUILD_TAG}", "Values": [arn]}],
        [{"Name": "image-id", "Values": listed}] if listed else None,
    ]
    found: dict[str, dict[str, Any]] = {}
    for wanted in filters:
        if wanted is None:
            continue
        for page in ec2.get_paginator("describe_images").paginate(Owners=["self"], Filters=wanted):
            for ami in page.get("Images", ()):
                found.setdefault(ami["ImageId"], ami)
    return list(found.values())


def remove_amis(
    image: Image,
    ec2_for: Ec2ClientFactory,
    *,
    home: str,
    say: Callable[[str], None] = print,
) -> list[str]:
    """Deregister the build's own AMIs and delete their snapshots; returns the AMI IDs.

    `home` is the region of the Image Builder image. A failure in one region or on one
    AMI is reported through `say` and the others are still tried.
    """
    arn = image.arn or ""
    account = arn.split(":")[4] if arn.count(":") >= 5 else None
    outputs = (image.output_resources.amis if image.output_resources else None) or ()
    listed: dict[str, list[str]] = {}
    for output in outputs:
        if output.image and output.account_id in (None, account):
            listed.setdefault(output.region or home, []).append(output.image)
    removed = []
    for region in build_regions(image, home):
        try:
            ec2 = ec2_for(region)
            amis = _own_amis(ec2, arn, listed.get(region, []))
        except (BotoCoreError, ClientError) as error:
            say(f"  could not look for AMIs in {region}: {error}")
            continue
        for ami in amis:
            snapshots = [
                mapping["Ebs"]["SnapshotId"]
                for mapping in ami.get("BlockDeviceMappings", ())
                if mapping.get("Ebs", {}).get("SnapshotId")
            ]
            try:
                ec2.deregister_image(ImageId=ami["ImageId"])
                say(f"  deregistered AMI {ami['ImageId']} in {region}")
                for snapshot in snapshots:
                    ec2.delete_snapshot(SnapshotId=snapshot)
                    say(f"  deleted snapshot {snapshot} in {region}")
            except (BotoCoreError, ClientError) as error:
                say(f"  could not remove AMI {ami['ImageId']} in {region}: {error}")
                continue
            removed.append(ami["ImageId"])
    return removed
