"""RetryImage and DistributeImage in the emulator.

Sources: RetryImage "retries an image distribution without rebuilding the image"
(https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/imagebuilder/client/retry_image.html);
DistributeImage distributes an existing image without the full build and needs an
AVAILABLE image when given an image ARN
(https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_DistributeImage.html).
"""

from __future__ import annotations

import pytest

from tests.emulator.newer_support import ROLE, Account


@pytest.fixture
def account() -> Account:
    """A fresh emulated account with a recipe and an infrastructure configuration."""
    return Account()


def _distribution(account: Account, *regions: str) -> str:
    arn: str = account.client.create_distribution_configuration(
        name="spread", distributions=[{"region": r} for r in regions]
    )["distributionConfigurationArn"]
    return arn


def test_retry_runs_a_failed_build_again_from_its_failed_stage(account: Account) -> None:
    """The same ARN goes back to work at the failed stage; earlier stages are not redone."""
    account.emulator.fail_build(stage="DISTRIBUTING", reason="copy failed")
    image = account.build()
    account.emulator.advance(3600)
    assert account.status(image) == "FAILED"
    answer = account.client.retry_image(imageBuildVersionArn=image)
    assert answer["imageBuildVersionArn"] == image
    assert account.status(image) == "DISTRIBUTING"
    account.emulator.advance(3600)
    assert account.status(image) == "AVAILABLE"
    image_record = account.client.get_image(imageBuildVersionArn=image)["image"]
    assert image_record["outputResources"]["amis"]


def test_retried_workflows_are_flagged(account: Account) -> None:
    """The new attempt's workflow executions carry retried=True; the old ones stay."""
    account.emulator.fail_step("RunTestSuite")
    image = account.build()
    account.emulator.advance(3600)
    account.client.retry_image(imageBuildVersionArn=image)
    account.emulator.advance(3600)
    runs = [(r["type"], r["status"], r["retried"]) for r in account.runs(image)]
    assert runs == [
        ("BUILD", "COMPLETED", False),
        ("TEST", "FAILED", False),
        ("TEST", "COMPLETED", True),
    ]


def test_only_a_failed_build_is_retried(account: Account) -> None:
    """A running build is in use; an available one has nothing to retry."""
    image = account.build()
    assert account.code(account.client.retry_image, imageBuildVersionArn=image) == (
        "ResourceInUseException"
    )
    account.emulator.advance(3600)
    assert account.code(account.client.retry_image, imageBuildVersionArn=image) == (
        "InvalidRequestException"
    )


def test_distribute_makes_a_new_build_that_only_distributes(account: Account) -> None:
    """A new build version of the image runs the distribution workflow only."""
    image = account.build()
    account.emulator.advance(3600)
    copy = account.client.distribute_image(
        sourceImage=image,
        distributionConfigurationArn=_distribution(account, "us-east-1", "eu-west-1"),
        executionRole=ROLE,
    )["imageBuildVersionArn"]
    assert copy == image.rsplit("/", 1)[0] + "/2"
    assert account.status(copy) == "DISTRIBUTING"
    account.emulator.advance(3600)
    record = account.client.get_image(imageBuildVersionArn=copy)["image"]
    assert record["state"]["status"] == "AVAILABLE"
    assert {ami["region"] for ami in record["outputResources"]["amis"]} == {
        "us-east-1",
        "eu-west-1",
    }
    assert [(r["type"], r["status"]) for r in account.runs(copy)] == [("DISTRIBUTION", "COMPLETED")]


def test_distribute_accepts_an_ami_id(account: Account) -> None:
    """The source may be one of the image's AMIs."""
    image = account.build()
    account.emulator.advance(3600)
    ami = account.client.get_image(imageBuildVersionArn=image)["image"]["outputResources"]["amis"][
        0
    ]
    copy = account.client.distribute_image(
        sourceImage=ami["image"],
        distributionConfigurationArn=_distribution(account, "eu-west-1"),
        executionRole=ROLE,
    )["imageBuildVersionArn"]
    assert copy.rsplit("/", 1)[0] == image.rsplit("/", 1)[0]


def test_distribute_needs_an_available_image(account: Account) -> None:
    """A build still running cannot be distributed."""
    image = account.build()
    code = account.code(
        account.client.distribute_image,
        sourceImage=image,
        distributionConfigurationArn=_distribution(account, "eu-west-1"),
        executionRole=ROLE,
    )
    assert code == "InvalidRequestException"
