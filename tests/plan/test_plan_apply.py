"""Plan then apply on the emulator: creates, no-op re-plans, one-line edits, versions."""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.models import ComponentConfiguration, Schedule
from imagebuilder_sdk.plan import (
    Action,
    Bump,
    ComponentSpec,
    ExistingComponent,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    Outcome,
    Stack,
    plan,
)
from tests.plan.conftest import BASELINE, account, counting, declare, writes
from tests.repositories.conftest import DOCUMENT, PARENT_IMAGE

EDITED = BASELINE.replace("dnf install -y htop jq", "dnf install -y htop jq tmux")


def _actions(planned: object) -> dict[tuple[str, str], Action]:
    return {s.declaration.key: s.action for s in planned}  # type: ignore[attr-defined]


def test_a_first_plan_creates_everything_and_writes_nothing(
    ib: ImageBuilder, golden: Stack
) -> None:
    """On an empty account every declaration is a create, and planning only reads."""
    with counting(ib) as calls:
        planned = plan(ib, golden)
    assert [s.action for s in planned] == [Action.CREATE] * 5
    assert writes(calls) == {}
    assert str(planned.steps[0].version) == "1.0.0"
    assert all(not arns for arns in account(ib).values())


def test_apply_twice_second_plan_is_empty_and_makes_no_write(
    ib: ImageBuilder, golden: Stack
) -> None:
    """After an apply, the same declarations plan to nothing, and applying that sends nothing."""
    plan(ib, golden).apply()
    before = account(ib)
    with counting(ib) as calls:
        again = plan(ib, golden)
    assert not again
    assert {s.action for s in again} == {Action.NO_CHANGE}
    assert writes(calls) == {}
    with counting(ib) as calls:
        applied = again.apply()
    assert sum(calls.values()) == 0
    assert {r.outcome for r in applied} == {Outcome.UNCHANGED}
    assert account(ib) == before


def test_plan_reads_the_fewest_calls(ib: ImageBuilder, golden: Stack) -> None:
    """A plan lists once per declaration and gets only what it must compare.

    Versioned kinds and configurations: a listing by name, then a get of what it found;
    pipelines: the listing carries the settings; looked-up references: one lookup each.
    """
    with counting(ib) as calls:
        plan(ib, golden)
    empty = dict(calls)
    plan(ib, golden).apply()
    with counting(ib) as calls:
        plan(ib, golden)
    assert sum(v for k, v in empty.items() if k.startswith("Get")) == 0
    full = dict(calls)
    assert {k: v for k, v in full.items() if k.startswith("Get")} == {
        "GetComponent": 1,
        "GetImageRecipe": 1,
        "GetInfrastructureConfiguration": 1,
        "GetDistributionConfiguration": 1,
    }
    assert full["ListImagePipelines"] == 1
    assert full["ListInfrastructureConfigurations"] == 1


def test_one_line_document_edit_gives_one_version_one_recipe_one_pipeline_update(
    ib: ImageBuilder, golden: Stack
) -> None:
    """Editing one line of a component document: one new component version, one new
    recipe version, one pipeline update, nothing else."""
    plan(ib, golden).apply()
    before = account(ib)
    planned = plan(ib, declare(EDITED))
    assert [(s.kind, s.summary) for s in planned.changes] == [
        ("component", "new version 1.0.1"),
        ("image recipe", "new version 1.0.1"),
        ("image pipeline", "update in place"),
    ]
    (change,) = planned.changes[0].changes
    assert change.path == "data.phases[0].steps[0].inputs.commands[0]"
    assert (change.before, change.after) == (
        "dnf install -y htop jq",
        "dnf install -y htop jq tmux",
    )
    with counting(ib) as calls:
        planned.apply()
    assert writes(calls) == {
        "CreateComponent": 1,
        "CreateImageRecipe": 1,
        "UpdateImagePipeline": 1,
    }
    after = account(ib)
    assert len(after["components"]) == len(before["components"]) + 1
    assert len(after["image_recipes"]) == len(before["image_recipes"]) + 1
    assert set(before["components"]) <= set(after["components"])  # old versions are kept
    for kind in ("infrastructure", "distribution", "pipelines"):
        assert after[kind] == before[kind]
    pipeline = ib.image_pipelines.get(after["pipelines"][0])
    assert str(pipeline.image_recipe_arn).endswith("image-recipe/golden-web/1.0.1")
    assert not plan(ib, declare(EDITED))


def test_layout_and_comments_in_a_document_are_not_a_change(
    ib: ImageBuilder, golden: Stack
) -> None:
    """Documents compare as YAML data: a comment or re-indented list changes nothing."""
    plan(ib, golden).apply()
    reformatted = "# the baseline\n" + BASELINE.replace(
        "commands:\n            - rpm -q htop jq", "commands: [rpm -q htop jq]"
    )
    assert reformatted != BASELINE
    assert not plan(ib, declare(reformatted))


def _component(**options: object) -> ComponentSpec:
    return ComponentSpec(name="hello", platform="Linux", data=DOCUMENT, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bump", "expected"), [(Bump.PATCH, "1.0.1"), (Bump.MINOR, "1.1.0"), ("major", "2.0.0")]
)
def test_the_bump_rule_numbers_the_next_version(
    ib: ImageBuilder, bump: Bump | str, expected: str
) -> None:
    """A changed component gets the latest version bumped by the declared rule."""
    plan(ib, Stack(_component())).apply()
    changed = _component(description="now described", bump=bump)
    (step,) = plan(ib, Stack(changed)).steps
    assert (step.action, str(step.version)) == (Action.NEW_VERSION, expected)
    step_result = plan(ib, Stack(changed)).apply().results[0]
    assert step_result.arn.endswith(f"component/hello/{expected}")


def test_a_pinned_version_is_created_then_kept(ib: ImageBuilder) -> None:
    """version= pins: first created as given, then no change while the content matches."""
    pinned = _component(version="2.3.0")
    (step,) = plan(ib, Stack(pinned)).steps
    assert (step.action, str(step.version)) == (Action.CREATE, "2.3.0")
    plan(ib, Stack(pinned)).apply()
    assert not plan(ib, Stack(pinned))


def test_a_pinned_version_with_other_content_is_refused(ib: ImageBuilder) -> None:
    """Versions are immutable: changing the content under the same pin is a ValidationError."""
    plan(ib, Stack(_component(version="1.0.0"))).apply()
    with pytest.raises(ValidationError, match="exists with other content") as info:
        plan(ib, Stack(_component(version="1.0.0", description="changed")))
    assert info.value.field == "version"


def test_a_configuration_change_is_an_update_in_place_with_a_field_diff(
    ib: ImageBuilder, golden: Stack
) -> None:
    """Changing an instance type updates the configuration in place, with the field shown."""
    plan(ib, golden).apply()
    (pipeline,) = (d for d in golden if isinstance(d, ImagePipelineSpec))
    infra = attrs.evolve(pipeline.infrastructure, instance_types=["t3.large"])
    changed = Stack(attrs.evolve(pipeline, infrastructure=infra))
    planned = plan(ib, changed)
    (step,) = planned.changes
    assert (step.kind, step.action) == ("infrastructure configuration", Action.UPDATE)
    assert [(c.path, c.before, c.after) for c in step.changes] == [
        ("instance_types[0]", "t3.medium", "t3.large")
    ]
    arn_before = account(ib)["infrastructure"]
    planned.apply()
    assert account(ib)["infrastructure"] == arn_before
    assert not plan(ib, changed)


def test_pipeline_tags_and_schedule_converge(ib: ImageBuilder, golden: Stack) -> None:
    """Tags the update cannot set are tagged separately, so the next plan is empty."""
    plan(ib, golden).apply()
    (pipeline,) = (d for d in golden if isinstance(d, ImagePipelineSpec))
    changed = Stack(
        attrs.evolve(
            pipeline,
            tags={"team": "web"},
            schedule=Schedule(schedule_expression="cron(0 5 ? * MON *)"),
        )
    )
    (step,) = plan(ib, changed).changes
    assert {c.path for c in step.changes} == {"tags.team", "schedule.schedule_expression"}
    plan(ib, changed).apply()
    assert ib.tags(account(ib)["pipelines"][0])["team"] == "web"
    assert not plan(ib, changed)


def test_a_wildcard_reference_resolving_to_a_version_is_not_drift(ib: ImageBuilder) -> None:
    """A recipe holding ``update-linux/1.0.2`` satisfies a declared ``1.0.x``.

    The failure this prevents: aws-cloudformation/cloudformation-coverage-roadmap#2522,
    where a wildcard reference and the version it resolved to are reported as drift.
    """
    amazon = next(iter(ib.components.list(owner="Amazon", name="update-linux", by_name=True)))
    assert str(amazon.arn).endswith("/1.0.2")
    ib.image_recipes.create(
        name="web",
        semantic_version="1.0.0",
        parent_image=PARENT_IMAGE,
        components=[_configuration(str(amazon.arn))],
    )
    declared = ImageRecipeSpec(
        name="web",
        parent_image=PARENT_IMAGE,
        components=[ExistingComponent("update-linux", "1.0.x")],
    )
    (step,) = plan(ib, Stack(declared)).steps
    assert step.action is Action.NO_CHANGE
    other = attrs.evolve(declared, components=[ExistingComponent("update-linux", "2.x.x")])
    with pytest.raises(ValidationError, match="nothing matches"):
        plan(ib, Stack(other))


def _configuration(arn: str) -> ComponentConfiguration:
    return ComponentConfiguration(component_arn=arn)


def test_declarations_refuse_bad_input_before_any_request() -> None:
    """Bad declarations raise ValidationError naming the field."""
    with pytest.raises(ValidationError) as info:
        ComponentSpec(name="", platform="Linux", data=DOCUMENT)
    assert info.value.field == "name"
    with pytest.raises(ValidationError) as info:
        _component(version="1.x.0")
    assert info.value.field == "version"
    with pytest.raises(ValidationError) as info:
        _component(bump="huge")
    assert info.value.field == "bump"
    with pytest.raises(ValidationError) as info:
        ComponentSpec(name="hello", platform="Linux", data=b"bytes")  # type: ignore[arg-type]
    assert info.value.field == "data"
    infra = InfrastructureSpec(name="builders", instance_profile_name="Builders")
    with pytest.raises(ValidationError) as info:
        # mypy --strict flags this line too: were it not an error, the ignore would be unused.
        ImageRecipeSpec(name="web", parent_image=PARENT_IMAGE, components=[infra])  # type: ignore[list-item]
    assert info.value.field == "components[0]"


def test_two_different_declarations_of_one_name_are_refused() -> None:
    """A stack cannot hold two different components named alike."""
    with pytest.raises(ValidationError, match="two different component declarations"):
        Stack(_component(), _component(description="other"))
