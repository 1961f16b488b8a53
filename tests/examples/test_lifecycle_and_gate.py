"""The lifecycle-and-gate example, run against the emulator."""

from __future__ import annotations

from typing import Any

from examples.lifecycle_and_gate import RECIPE, main, run
from imagebuilder_sdk import ImageBuilder

ROLE = "arn:aws:iam::123456789012:role/lifecycle"


def _critical_ids(ib: ImageBuilder, arn: str) -> tuple[str, ...]:
    """The CRITICAL findings of a build, read with the raw client."""
    found: list[dict[str, Any]] = ib.client.list_image_scan_findings(
        filters=[{"name": "imageBuildVersionArn", "values": [arn]}]
    )["findings"]
    return tuple(
        f["packageVulnerabilityDetails"]["vulnerabilityId"]
        for f in found
        if f["severity"] == "CRITICAL"
    )


def test_the_policy_keeps_the_two_newest_and_the_gate_matches_the_findings() -> None:
    """Three builds: the run deletes the oldest; each gate verdict is its CRITICAL findings."""
    ib = ImageBuilder.local()
    lines: list[str] = []
    outcome = run(ib, execution_role=ROLE, say=lines.append, clean_up=False)
    assert len(outcome.builds) == 3
    assert outcome.acted_on == outcome.builds[:1]
    kept = {image.arn for image in ib.images.build_versions(outcome.builds[1].rsplit("/", 1)[0])}
    assert kept == set(outcome.builds[1:])
    for arn in outcome.builds[1:]:
        assert outcome.gate[arn] == _critical_ids(ib, arn)
    assert sum(line.startswith(("passed", "REJECTED")) for line in lines) == 3


def test_the_example_cleans_up_and_exits_by_the_gate() -> None:
    """main() leaves nothing behind on its emulator; its exit status says if a gate failed."""
    ib = ImageBuilder.local()
    outcome = run(ib, execution_role=ROLE, say=lambda _: None)
    assert list(ib.images.list(name=RECIPE)) == []
    assert list(ib.image_recipes.list(name=RECIPE)) == []
    assert list(ib.lifecycle_policies.list()) == []
    assert main([]) == (1 if any(outcome.gate.values()) else 0)
