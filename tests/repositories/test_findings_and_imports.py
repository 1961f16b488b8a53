"""Scan findings, the findings gate, VM and disk imports and the marketplace lookup.

The emulator seeds zero to five findings per scanned image from `findings_seed` and
the image ARN (docs/testing.md), so each test picks a seed that gives the case it needs
and checks the SDK against the raw client's answer. ListImageScanFindings takes one
filter with one value and at most 25 results a page (API reference,
ListImageScanFindings: "Array Members: Fixed number of 1 item", maxResults 1 to 25).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from imagebuilder_sdk import ImageBuilder, errors
from imagebuilder_sdk.findings import (
    FindingsGateError,
    ScanNotCompletedError,
    Severity,
    scan_result_condition,
)
from imagebuilder_sdk.models import (
    ImageRecipe,
    ImageScanningConfiguration,
    ImageStatus,
    InfrastructureConfiguration,
)
from imagebuilder_sdk.repositories import ImageBuild
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent

HIGH_OR_WORSE = {"CRITICAL", "HIGH"}
MARKETPLACE = "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/cis-hardening-linux/1.0.0/1"


def _scanned_build(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> ImageBuild:
    return ib.images.create(
        image_recipe_arn=recipe.arn,
        infrastructure_configuration_arn=infrastructure.arn,
        image_scanning_configuration=ImageScanningConfiguration(image_scanning_enabled=True),
    )


def _raw(emulator: Emulator, arn: str) -> list[dict[str, Any]]:
    client = emulator.client()
    found: list[dict[str, Any]] = client.list_image_scan_findings(
        filters=[{"name": "imageBuildVersionArn", "values": [arn]}]
    )["findings"]
    return found


def _seed_where(
    emulator: Emulator, arn: str, wanted: Callable[[list[str]], bool]
) -> list[dict[str, Any]]:
    """Set the first findings seed whose findings' severities satisfy `wanted`."""
    for seed in range(200):
        emulator.backend.findings_seed = seed
        raw = _raw(emulator, arn)
        if wanted([f["severity"] for f in raw]):
            return raw
    raise AssertionError("no seed gives the wanted findings")


@pytest.fixture
def finished(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> ImageBuild:
    """A scanned build, finished."""
    build = _scanned_build(ib, recipe, infrastructure)
    build.wait(poll_interval=60)
    return build


def test_findings_of_a_build_are_typed(finished: ImageBuild, emulator: Emulator) -> None:
    """build.findings() lists what the service has for that build, severities as Severity."""
    raw = _seed_where(emulator, finished.arn, lambda s: len(s) >= 2)
    listed = list(finished.findings())
    assert [
        f.package_vulnerability_details.vulnerability_id
        for f in listed
        if f.package_vulnerability_details
    ] == [f["packageVulnerabilityDetails"]["vulnerabilityId"] for f in raw]
    assert [Severity.of(f) for f in listed] == [Severity(f["severity"]) for f in raw]
    (request, *_) = sent(emulator, "ListImageScanFindings")
    assert request.params["filters"] == [{"name": "imageBuildVersionArn", "values": [finished.arn]}]


def test_at_least_keeps_the_worse_findings(finished: ImageBuild, emulator: Emulator) -> None:
    """at_least="HIGH" keeps the CRITICAL and HIGH findings, most severe first."""
    raw = _seed_where(
        emulator,
        finished.arn,
        lambda s: bool(HIGH_OR_WORSE & set(s)) and bool(set(s) - HIGH_OR_WORSE),
    )
    kept = list(finished.findings(at_least="HIGH"))
    assert sorted(f.severity or "" for f in kept) == sorted(
        f["severity"] for f in raw if f["severity"] in HIGH_OR_WORSE
    )
    assert [Severity.of(f) for f in kept] == sorted(
        (Severity.of(f) for f in kept), key=lambda s: -(s.rank if s else 0)
    )


def test_the_gate_fails_listing_the_findings_at_or_above(
    ib: ImageBuilder,
    emulator: Emulator,
    recipe: ImageRecipe,
    infrastructure: InfrastructureConfiguration,
) -> None:
    """build.gate(fail_at="HIGH") waits, then raises FindingsGateError with those findings."""
    build = _scanned_build(ib, recipe, infrastructure)
    probe = build.wait(poll_interval=60)
    raw = _seed_where(
        emulator,
        probe.arn,
        lambda s: bool(HIGH_OR_WORSE & set(s)) and bool(set(s) - HIGH_OR_WORSE),
    )
    with pytest.raises(FindingsGateError) as caught:
        build.gate(fail_at="HIGH", poll_interval=60)
    error = caught.value
    assert isinstance(error, errors.ImageBuilderError)
    assert error.threshold is Severity.HIGH
    assert sorted(f.severity or "" for f in error.findings) == sorted(
        f["severity"] for f in raw if f["severity"] in HIGH_OR_WORSE
    )
    assert build.arn in str(error)
    for finding in error.findings:
        details = finding.package_vulnerability_details
        assert details is not None
        assert details.vulnerability_id in str(error)


def test_the_gate_passes_when_nothing_reaches_the_severity(
    finished: ImageBuild, emulator: Emulator
) -> None:
    """With findings all below HIGH the gate returns the available image."""
    _seed_where(emulator, finished.arn, lambda s: bool(s) and not HIGH_OR_WORSE & set(s))
    image = finished.gate(fail_at=Severity.HIGH)
    assert image.state.status is ImageStatus.AVAILABLE


def test_the_gate_refuses_an_unscanned_build(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """A build without scanning cannot pass: ScanNotCompletedError, not a silent pass."""
    build = ib.images.create(
        image_recipe_arn=recipe.arn, infrastructure_configuration_arn=infrastructure.arn
    )
    with pytest.raises(ScanNotCompletedError, match="not enabled"):
        build.gate(poll_interval=60)


def test_findings_take_one_filter(ib: ImageBuilder, emulator: Emulator) -> None:
    """Two service-side filters at once are refused naming one of them; nothing is sent."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/1"
    with pytest.raises(errors.ValidationError) as caught:
        ib.images.findings(arn, severity="HIGH")
    assert caught.value.field == "severity"
    with pytest.raises(errors.ValidationError) as caught:
        ib.images.findings(severity="SEVERE")
    assert caught.value.field == "severity"
    with pytest.raises(errors.ValidationError) as caught:
        ib.images.findings(page_size=50)
    assert caught.value.field == "page_size"
    assert sent(emulator, "ListImageScanFindings") == []


def test_aggregations_count_by_severity(finished: ImageBuild, emulator: Emulator) -> None:
    """finding_aggregations(by="image") counts each severity as the findings list them."""
    raw = _seed_where(emulator, finished.arn, lambda s: len(s) >= 1)
    ib_images = finished.images
    (aggregation,) = ib_images.finding_aggregations("image", [finished.arn])
    assert aggregation.image_aggregation is not None
    counts = aggregation.image_aggregation.severity_counts
    assert counts is not None
    assert counts.all == len(raw)
    assert counts.high == sum(f["severity"] == "HIGH" for f in raw)
    (account,) = ib_images.finding_aggregations()
    assert account.account_aggregation is not None
    with pytest.raises(errors.ValidationError) as caught:
        ib_images.finding_aggregations("image")
    assert caught.value.field == "values"


def test_scan_result_condition_is_typed() -> None:
    """scan_result_condition builds the model; an unknown label names the field."""
    condition = scan_result_condition("HIGH", fix_available=True)
    assert (condition.maximum_severity_label, condition.fix_available) == ("HIGH", True)
    with pytest.raises(errors.ValidationError) as caught:
        scan_result_condition("CRITICAL")  # the service's labels stop at HIGH
    assert caught.value.field == "maximum_severity"


def test_import_vm_returns_a_build_handle(ib: ImageBuilder, emulator: Emulator) -> None:
    """import_vm starts an import that waits like a build; the version text round-trips."""
    build = ib.images.import_vm(
        name="imported",
        semantic_version="2019.12.02",
        platform="Linux",
        vm_import_task_id="import-ami-0123456789abcdef0",
    )
    assert isinstance(build, ImageBuild)
    image = build.wait(poll_interval=60)
    assert image.state.status is ImageStatus.AVAILABLE
    (request,) = sent(emulator, "ImportVmImage")
    assert request.params["semanticVersion"] == "2019.12.02"
    assert request.params["vmImportTaskId"] == "import-ami-0123456789abcdef0"
    assert image.arn == build.arn
    assert str(image.version) == "2019.12.02/1"


def test_import_disk_checks_its_infrastructure_arn(
    ib: ImageBuilder, emulator: Emulator, infrastructure: InfrastructureConfiguration
) -> None:
    """import_disk sends the ISO's URI and ARN; an ARN of another kind is refused first."""
    build = ib.images.import_disk(
        name="from-iso",
        semantic_version="1.0.0",
        platform="Windows",
        os_version="Microsoft Windows Server 2022",
        infrastructure_configuration_arn=infrastructure.arn,
        uri="s3://isos/windows.iso",
    )
    assert build.wait(poll_interval=60).state.status is ImageStatus.AVAILABLE
    with pytest.raises(errors.ValidationError) as caught:
        ib.images.import_disk(
            name="from-iso",
            semantic_version="1.0.1",
            platform="Windows",
            os_version="Microsoft Windows Server 2022",
            infrastructure_configuration_arn=build.arn,
            uri="s3://isos/windows.iso",
        )
    assert caught.value.field == "infrastructure_configuration_arn"
    assert len(sent(emulator, "ImportDiskImage")) == 1


def test_marketplace_resource_returns_the_document(ib: ImageBuilder) -> None:
    """COMPONENT_DATA answers the document inline; an artifact needs its S3 location."""
    found = ib.components.marketplace_resource(MARKETPLACE)
    assert found.data is not None
    assert found.data.startswith("name: cis-hardening-linux")
    artifact = ib.components.marketplace_resource(
        MARKETPLACE, "COMPONENT_ARTIFACT", location="s3://vendor/agent.zip"
    )
    assert artifact.url is not None
    assert artifact.url not in repr(artifact)
    with pytest.raises(errors.ValidationError) as caught:
        ib.components.marketplace_resource(MARKETPLACE, "COMPONENT_ARTIFACT")
    assert caught.value.field == "location"
