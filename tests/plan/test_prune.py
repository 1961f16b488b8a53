"""Pruning old versions: keep the newest N and everything still in use."""

from __future__ import annotations

import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.plan import Stack, plan, prune
from imagebuilder_sdk.plan._pruning import _in_use
from imagebuilder_sdk.versions import SemanticVersion
from tests.plan.conftest import BASELINE, account, declare


def _versions(arns: list[str]) -> list[str]:
    return sorted(str(Arn.parse(a).version).split("/")[0] for a in arns)


def _three_versions(ib: ImageBuilder) -> Stack:
    for command in ("htop jq", "htop jq tmux", "htop jq tmux git"):
        stack = declare(BASELINE.replace("htop jq", command, 1))
        plan(ib, stack).apply()
    return stack


def test_prune_keeps_the_newest_and_what_a_pipeline_or_recipe_uses(ib: ImageBuilder) -> None:
    """keep=1 deletes old unused versions; a second pipeline on recipe 1.0.0 keeps that
    recipe, and the recipe keeps component 1.0.0."""
    stack = _three_versions(ib)
    found = account(ib)
    assert _versions(found["image_recipes"]) == ["1.0.0", "1.0.1", "1.0.2"]
    pipeline = ib.image_pipelines.get(found["pipelines"][0])
    ib.image_pipelines.create(
        name="legacy",
        image_recipe_arn=next(a for a in found["image_recipes"] if a.endswith("/1.0.0")),
        infrastructure_configuration_arn=str(pipeline.infrastructure_configuration_arn),
    )
    deleted = prune(ib, stack, keep=1)
    assert sorted(str(Arn.parse(a).resource) for a in deleted) == [
        "component/golden-baseline/1.0.1",
        "image-recipe/golden-web/1.0.1",
    ]
    after = account(ib)
    assert _versions(after["image_recipes"]) == ["1.0.0", "1.0.2"]
    assert _versions(after["components"]) == ["1.0.0", "1.0.2"]
    assert not plan(ib, stack)


def test_prune_with_nothing_in_use_keeps_exactly_the_newest_n(ib: ImageBuilder) -> None:
    """keep=2 with only the pipeline's recipe in use leaves the two newest versions."""
    stack = _three_versions(ib)
    prune(ib, stack, keep=2)
    after = account(ib)
    assert _versions(after["image_recipes"]) == ["1.0.1", "1.0.2"]
    assert _versions(after["components"]) == ["1.0.1", "1.0.2"]
    assert prune(ib, stack, keep=2) == []


def test_a_wildcard_reference_keeps_the_version_it_resolves_to() -> None:
    """``1.0.x`` in a recipe keeps the newest 1.0 version, not every one."""
    base = "arn:aws:imagebuilder:us-east-1:123456789012:component/c/"
    versions = {SemanticVersion.parse(v): base + v for v in ("1.0.0", "1.0.3", "1.1.0")}
    assert _in_use(versions, [base + "1.0.x"]) == {SemanticVersion(1, 0, 3)}
    assert _in_use(versions, [base + "1.0.0/1"]) == {SemanticVersion(1, 0, 0)}
    assert _in_use(versions, [base.replace("/c/", "/other/") + "1.0.0"]) == set()


@pytest.mark.parametrize("keep", [0, -1, True, "1"])
def test_prune_refuses_a_bad_keep(ib: ImageBuilder, keep: object) -> None:
    """keep must be an integer of at least 1."""
    with pytest.raises(ValidationError) as info:
        prune(ib, declare(), keep=keep)  # type: ignore[arg-type]
    assert info.value.field == "keep"
