"""Scan findings, VM and disk imports and the marketplace lookup in the emulator.

Sources: findings are kept for images whose scanning is on, filtered by image,
pipeline, vulnerability id or severity
(https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_ListImageScanFindings.html);
aggregations count findings by severity per account, image, pipeline or vulnerability
(https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_ListImageScanFindingAggregations.html);
ImportVmImage takes a VM Import task, ImportDiskImage an ISO in S3
(https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_ImportDiskImage.html).
"""

from __future__ import annotations

from typing import Any

import pytest

from imagebuilder_sdk.testing._state_findings import SEVERITIES
from tests.emulator.newer_support import Account

SCANNED = {"imageScanningEnabled": True}
MARKET = "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/cis-hardening-linux/1.0.0/1"


@pytest.fixture
def account() -> Account:
    """A fresh emulated account with a recipe and an infrastructure configuration."""
    return Account()


def _findings(account: Account, **params: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = account.client.list_image_scan_findings(**params)["findings"]
    return found


def _scanned_images(account: Account, count: int) -> list[str]:
    images = [account.build(imageScanningConfiguration=SCANNED) for _ in range(count)]
    account.emulator.advance(3600)
    return images


def test_only_scanned_and_built_images_have_findings(account: Account) -> None:
    """A build in progress, or one without scanning, has no findings."""
    plain = account.build()
    scanned = _scanned_images(account, 6)
    running = account.build(imageScanningConfiguration=SCANNED)
    owners = {f["imageBuildVersionArn"] for f in _findings(account, maxResults=100)}
    assert owners
    assert owners <= set(scanned)
    assert plain not in owners
    assert running not in owners


def test_findings_are_deterministic_and_seeded(account: Account) -> None:
    """The same seed gives the same findings; another seed gives others."""
    _scanned_images(account, 6)
    first = _findings(account, maxResults=100)
    assert _findings(account, maxResults=100) == first
    account.emulator.backend.findings_seed = 7
    assert _findings(account, maxResults=100) != first
    for finding in first:
        assert finding["severity"] in SEVERITIES
        assert finding["packageVulnerabilityDetails"]["vulnerabilityId"].startswith("CVE-")


def test_findings_filter_by_severity_and_image(account: Account) -> None:
    """Filters keep the findings whose field matches one of the values."""
    images = _scanned_images(account, 6)
    every = _findings(account, maxResults=100)
    high = _findings(account, filters=[{"name": "severity", "values": ["HIGH"]}], maxResults=100)
    assert high
    assert high == [f for f in every if f["severity"] == "HIGH"]
    one = _findings(account, filters=[{"name": "imageBuildVersionArn", "values": [images[0]]}])
    assert one == [f for f in every if f["imageBuildVersionArn"] == images[0]]


def test_aggregations_count_what_the_findings_list(account: Account) -> None:
    """The account aggregation counts every finding; per image, each image's own."""
    images = _scanned_images(account, 6)
    every = _findings(account, maxResults=100)
    answer = account.client.list_image_scan_finding_aggregations()
    assert answer["aggregationType"] == "accountId"
    (account_counts,) = answer["responses"]
    counts = account_counts["accountAggregation"]["severityCounts"]
    assert counts["all"] == len(every)
    assert counts["critical"] == sum(f["severity"] == "CRITICAL" for f in every)
    per_image = account.client.list_image_scan_finding_aggregations(
        filter={"name": "imageBuildVersionArn", "values": images}
    )["responses"]
    total = sum(r["imageAggregation"]["severityCounts"]["all"] for r in per_image)
    assert total == len(every)


def test_a_vm_import_moves_through_states_like_a_build(account: Account) -> None:
    """ImportVmImage: PENDING, then BUILDING, then AVAILABLE with an AMI, as IMPORT."""
    arn = account.client.import_vm_image(
        name="from-vm",
        semanticVersion="1.0.0",
        platform="Linux",
        vmImportTaskId="import-ami-0123456789abcdef0",
    )["imageArn"]
    assert account.status(arn) == "PENDING"
    account.emulator.advance(10)
    assert account.status(arn) == "BUILDING"
    account.emulator.advance(3600)
    image = account.client.get_image(imageBuildVersionArn=arn)["image"]
    assert (image["state"]["status"], image["buildType"], image["imageSource"]) == (
        "AVAILABLE",
        "IMPORT",
        "IMPORTED",
    )
    assert image["outputResources"]["amis"][0]["image"].startswith("ami-")


def test_a_disk_import_can_be_made_to_fail(account: Account) -> None:
    """ImportDiskImage follows fail_build like a build does."""
    account.emulator.fail_build(stage="BUILDING", reason="bad ISO")
    arn = account.client.import_disk_image(
        name="from-iso",
        semanticVersion="1.0.0",
        platform="Windows",
        osVersion="Microsoft Windows Server 2022",
        infrastructureConfigurationArn=account.infra,
        uri="s3://isos/server.iso",
    )["imageBuildVersionArn"]
    account.emulator.advance(3600)
    image = account.client.get_image(imageBuildVersionArn=arn)["image"]
    assert (image["state"]["status"], image["buildType"]) == ("FAILED", "IMPORT_ISO")


def test_a_disk_import_needs_an_s3_uri(account: Account) -> None:
    """A uri that is not s3:// is refused."""
    code = account.code(
        account.client.import_disk_image,
        name="from-iso",
        semanticVersion="1.0.0",
        platform="Windows",
        osVersion="Microsoft Windows Server 2022",
        infrastructureConfigurationArn=account.infra,
        uri="https://example.com/server.iso",
    )
    assert code == "ClientException"


def test_marketplace_component_data_and_artifact(account: Account) -> None:
    """The marketplace component's document comes back; an artifact gives a URL."""
    data = account.client.get_marketplace_resource(
        resourceType="COMPONENT_DATA", resourceArn=MARKET
    )
    assert data["data"].startswith("name: cis-hardening-linux")
    artifact = account.client.get_marketplace_resource(
        resourceType="COMPONENT_ARTIFACT", resourceArn=MARKET, resourceLocation="s3://bucket/a.zip"
    )
    assert artifact["url"].startswith("https://bucket.s3.us-east-1.amazonaws.com/a.zip")
    own = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.0/1"
    code = account.code(
        account.client.get_marketplace_resource, resourceType="COMPONENT_DATA", resourceArn=own
    )
    assert code == "InvalidRequestException"
