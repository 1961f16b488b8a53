"""The golden-image demo (`make demo`), run end to end against the emulator."""

from __future__ import annotations

import pytest

from examples.golden_image import main, run
from imagebuilder_sdk import ImageBuilder, ImageBuildFailedError


def _leftovers(ib: ImageBuilder) -> dict[str, int]:
    """How many resources the account itself still owns, per kind."""
    return {
        "components": len(list(ib.components.list())),
        "image_recipes": len(list(ib.image_recipes.list())),
        "infrastructure": len(list(ib.infrastructure_configurations.list())),
        "distribution": len(list(ib.distribution_configurations.list())),
        "pipelines": len(list(ib.image_pipelines.list())),
        "images": len(list(ib.images.list())),
    }


def _run(ib: ImageBuilder, lines: list[str]) -> None:
    run(
        ib, second_region="eu-west-1", instance_profile="Builders", progress=False, say=lines.append
    )


def test_the_demo_builds_an_ami_per_region_and_cleans_up() -> None:
    """The flow ends with one AMI in each of the two regions and nothing left behind."""
    ib = ImageBuilder.local()
    lines: list[str] = []
    _run(ib, lines)
    ami_lines = [line for line in lines if line.strip().startswith(("us-east-1 ", "eu-west-1 "))]
    assert [line.split()[0] for line in ami_lines] == ["us-east-1", "eu-west-1"]
    assert all(line.split()[1].startswith("ami-") for line in ami_lines)
    assert any("golden-web-" in line for line in lines[lines.index("Images in this account:") :])
    assert _leftovers(ib) == dict.fromkeys(_leftovers(ib), 0)


def test_the_demo_runs_twice_in_a_row() -> None:
    """A second run on the same account works (nothing from the first run is in the way)."""
    ib = ImageBuilder.local()
    for _ in range(2):
        lines: list[str] = []
        _run(ib, lines)
        assert "AMIs:" in lines
    assert sum(_leftovers(ib).values()) == 0


def test_the_demo_cleans_up_when_the_build_fails() -> None:
    """A failed build raises, and every resource created before it is deleted."""
    ib = ImageBuilder.local()
    assert ib.emulator is not None
    ib.emulator.fail_build(stage="BUILDING", reason="package repository unreachable")
    lines: list[str] = []
    with pytest.raises(ImageBuildFailedError, match="package repository unreachable"):
        _run(ib, lines)
    assert sum(_leftovers(ib).values()) == 0
    assert sum(line.startswith("  deleted ") for line in lines) == 6


def test_main_exits_zero_on_the_emulator(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m examples.golden_image` (what `make demo` runs) prints the flow and exits 0."""
    assert main(["--no-progress", "--speed", "100000"]) == 0
    out = capsys.readouterr().out
    assert "AMIs:" in out
    assert "Cleaning up:" in out


def test_the_demo_prints_its_builds_workflow_steps() -> None:
    """Between the start and the AMIs, the demo lists each step it ran, all COMPLETED."""
    ib = ImageBuilder.local()
    lines: list[str] = []
    _run(ib, lines)
    start, end = lines.index("Workflow steps:"), lines.index("AMIs:")
    steps = [line.split() for line in lines[start + 1 : end]]
    assert [s[1] for s in steps if s[0] == "build-image"][:1] == ["LaunchBuildInstance"]
    assert {s[0] for s in steps} >= {"build-image", "test-image"}
    assert all(s[2] == "COMPLETED" for s in steps)
