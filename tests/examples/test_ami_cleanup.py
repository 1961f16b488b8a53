"""The demo's cleanup removes the build's AMIs and snapshots from EC2 (moto's EC2 mock).

Image Builder tags each AMI it distributes with ``Ec2ImageBuilderArn`` (the image's
ARN): https://docs.aws.amazon.com/imagebuilder/latest/userguide/tag-resources.html.
The emulator builds the image; moto's EC2 plays the part of EC2, where the test puts
the AMIs (and snapshots) that the real service would have made in each region.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import EndpointConnectionError
from moto import mock_aws

from examples.ami_cleanup import BUILD_TAG, remove_amis
from examples.golden_image import run
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import Ami, Image, OutputResources
from tests.factories import complete

REGIONS = ("us-east-1", "eu-west-1")


@pytest.fixture
def ec2(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """moto EC2 clients for the two regions of the demo's distribution, with no AMIs yet."""
    # Without moto's catalogue of public AMIs (and their snapshots) the account starts
    # empty, and each region is set up in a fraction of the time.
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
    with mock_aws():
        yield {region: boto3.client("ec2", region_name=region) for region in REGIONS}


def _put_ami(ec2: Any, build_arn: str, *, tagged: bool = True) -> tuple[str, str]:
    """An EBS-backed AMI, as Image Builder leaves it; returns its ID and its snapshot's."""
    ami = ec2.register_image(Name=f"golden-web-{len(_own(ec2)[0])}", RootDeviceName="/dev/xvda")
    described = ec2.describe_images(ImageIds=[ami["ImageId"]])["Images"][0]
    (snapshot,) = [m["Ebs"]["SnapshotId"] for m in described["BlockDeviceMappings"]]
    if tagged:
        ec2.create_tags(
            Resources=[ami["ImageId"]],
            Tags=[
                {"Key": BUILD_TAG, "Value": build_arn},
                {"Key": "CreatedBy", "Value": "EC2 Image Builder"},
            ],
        )
    return ami["ImageId"], snapshot


def _own(ec2: Any) -> tuple[list[str], list[str]]:
    """The account's own AMI and snapshot IDs in a region."""
    amis = [i["ImageId"] for i in ec2.describe_images(Owners=["self"])["Images"]]
    snaps = [s["SnapshotId"] for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]]
    return amis, snaps


def _demo(ib: ImageBuilder, ec2: dict[str, Any], *, keep: bool = False) -> list[str]:
    """Run the demo; when it asks EC2 for a region, the build's AMIs are already there."""
    made: dict[str, tuple[str, str]] = {}

    def ec2_for(region: str) -> Any:
        if region not in made:
            build_arn = next(iter(ib.images.list())).arn
            (image,) = ib.images.build_versions(build_arn or "")
            made[region] = _put_ami(ec2[region], image.arn or "")
        return ec2[region]

    lines: list[str] = []
    run(
        ib,
        second_region="eu-west-1",
        instance_profile="Builders",
        progress=False,
        say=lines.append,
        ec2_for=ec2_for,
        keep=keep,
    )
    assert sorted(made) == ([] if keep else sorted(REGIONS))  # --keep never asks EC2
    return lines


def test_the_demo_removes_its_amis_and_snapshots_in_both_regions(ec2: dict[str, Any]) -> None:
    """After the demo, neither region has an AMI or a snapshot of the account left."""
    ib = ImageBuilder.local()
    lines = _demo(ib, ec2)
    for region in REGIONS:
        assert _own(ec2[region]) == ([], [])
        assert any(line.startswith("  deregistered AMI ami-") and region in line for line in lines)
        assert any(line.startswith("  deleted snapshot snap-") and region in line for line in lines)
    assert ib.emulator is not None
    operations = [r.operation for r in ib.emulator.requests]
    assert "DeleteImage" in operations
    assert list(ib.images.list()) == []


def test_keep_leaves_the_amis_alone(ec2: dict[str, Any]) -> None:
    """With keep=True, EC2 is not asked anything and the demo says which AMIs it kept."""
    ib = ImageBuilder.local()
    lines = _demo(ib, ec2, keep=True)
    kept = [line for line in lines if line.startswith("  kept AMI ")]
    assert [line.split()[-2] for line in kept] == list(REGIONS)
    assert list(ib.images.list()) == []


def test_only_the_builds_own_amis_are_removed(ec2: dict[str, Any]) -> None:
    """An AMI of another build stays; one listed by ID but not tagged is removed."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-web/1.0.0/1"
    other, other_snapshot = _put_ami(ec2["us-east-1"], arn.replace("/1.0.0/1", "/1.0.0/2"))
    tagged, _ = _put_ami(ec2["us-east-1"], arn)
    untagged, _ = _put_ami(ec2["eu-west-1"], arn, tagged=False)
    mine = "123456789012"
    image = complete(
        Image,
        arn=arn,
        output_resources=OutputResources(
            amis=[
                complete(Ami, region="us-east-1", image="ami-0000000000000000a", account_id=mine),
                complete(Ami, region="eu-west-1", image=untagged, account_id=mine),
            ]
        ),
    )
    lines: list[str] = []
    removed = remove_amis(image, ec2.__getitem__, home="us-east-1", say=lines.append)
    assert sorted(removed) == sorted([tagged, untagged])
    assert _own(ec2["us-east-1"]) == ([other], [other_snapshot])
    assert _own(ec2["eu-west-1"]) == ([], [])


def test_an_ec2_failure_is_reported_and_the_rest_goes_on(ec2: dict[str, Any]) -> None:
    """A region EC2 cannot be reached in is reported; the other region is still cleaned."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-web/1.0.0/1"
    _put_ami(ec2["eu-west-1"], arn)
    outputs = OutputResources(amis=[complete(Ami, region="eu-west-1", image="ami-0123456789")])
    image = complete(Image, arn=arn, output_resources=outputs)
    broken = boto3.client("ec2", region_name="us-east-1")

    def unreachable(**_: object) -> None:
        raise EndpointConnectionError(endpoint_url="https://ec2.us-east-1.amazonaws.com")

    broken.meta.events.register("before-call.ec2.DescribeImages", unreachable)
    clients = {"us-east-1": broken, "eu-west-1": ec2["eu-west-1"]}
    lines: list[str] = []
    removed = remove_amis(image, clients.__getitem__, home="us-east-1", say=lines.append)
    assert len(removed) == 1
    assert any(line.startswith("  could not look for AMIs in us-east-1") for line in lines)
    assert _own(ec2["eu-west-1"]) == ([], [])
