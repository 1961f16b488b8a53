"""Plan and apply of workflows (and pipelines using them) and lifecycle policies."""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, ImageBuilderError, ValidationError
from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.lifecycle import keep_newest, older_than, select_tags
from imagebuilder_sdk.plan import (
    Action,
    ComponentSpec,
    ImagePipelineSpec,
    LifecyclePolicySpec,
    Outcome,
    RecipeSelection,
    Stack,
    Verdict,
    WorkflowSpec,
    WorkflowUse,
    plan,
    prune,
)
from imagebuilder_sdk.testing import Emulator
from tests.plan.conftest import declare, facade

ROLE = "arn:aws:iam::123456789012:role/ImageBuilderExecution"
LIFECYCLE_ROLE = "arn:aws:iam::123456789012:role/ImageBuilderLifecycle"

#: A test workflow: launch an instance, wait for a person, terminate it.
GATE = """\
name: gated-test
schemaVersion: 1.0
parameters:
  - name: waitForApproval
    type: boolean
    default: true
steps:
  - name: Launch
    action: LaunchInstance
    onFailure: Abort
    inputs:
      waitFor: ssmAgent
  - name: Approve
    action: WaitForAction
    onFailure: Abort
  - name: Terminate
    action: TerminateInstance
    onFailure: Continue
    inputs:
      instanceId.$: $.stepOutputs.Launch.instanceId
"""


def _gate(document: str = GATE) -> WorkflowSpec:
    return WorkflowSpec(name="gated-test", type="TEST", data=document, description="Approval")


def _stack(document: str = GATE, *, keep: int = 3) -> Stack:
    """The demo's golden stack, with a test workflow on its pipeline and a lifecycle policy."""
    (pipeline,) = (d for d in declare() if isinstance(d, ImagePipelineSpec))
    pipeline = attrs.evolve(
        pipeline,
        workflows=[
            WorkflowUse(
                _gate(document),
                parameters={"waitForApproval": ["false"]},
                on_failure="ABORT",
                parallel_group="checks",
            )
        ],
        execution_role=ROLE,
    )
    policy = LifecyclePolicySpec(
        name="golden-keep",
        execution_role=LIFECYCLE_ROLE,
        resource_type="AMI_IMAGE",
        policy_details=[keep_newest(keep, amis=True, snapshots=True)],
        resource_selection=[pipeline.recipe],
        description="Keep the newest golden images",
    )
    return Stack(pipeline, policy)


def _writes(emulator: Emulator) -> dict[str, int]:
    """Write requests the emulator received since its requests were last cleared."""
    counted: dict[str, int] = {}
    for request in emulator.requests:
        if request.operation.startswith(("Create", "Update", "Delete", "Put", "Tag", "Untag")):
            counted[request.operation] = counted.get(request.operation, 0) + 1
    return counted


def _workflow_builds(ib: ImageBuilder) -> list[str]:
    """Every build of every workflow version the account owns (listed, not remembered)."""
    return sorted(
        str(build.arn)
        for version in ib.workflows.list(owner="Self")
        for build in ib.workflows.build_versions(str(version.arn))
    )


def test_a_workflow_and_a_policy_are_created_then_the_second_plan_is_empty(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """Apply, then apply again: the second plan is empty and the emulator sees no write."""
    first = plan(ib, _stack())
    kinds = {s.kind: s.action for s in first}
    assert kinds["workflow"] is Action.CREATE
    assert kinds["lifecycle policy"] is Action.CREATE
    (workflow_step,) = (s for s in first if s.kind == "workflow")
    assert str(workflow_step.version) == "1.0.0"
    # Enum values print as their text, not as the enum's repr.
    assert "workflows[0].on_failure = 'ABORT'" in str(first)
    assert "policy_details[0].action.type = 'DELETE'" in str(first)
    applied = first.apply()
    arn = applied.arn(_gate())
    assert Arn.parse(arn).resource == "workflow/test/gated-test/1.0.0"
    pipeline = next(iter(ib.image_pipelines.list()))
    (entry,) = pipeline.workflows or ()
    assert entry.workflow_arn == arn
    assert entry.parallel_group == "checks"
    assert [(p.name, list(p.value or ())) for p in entry.parameters or ()] == [
        ("waitForApproval", ["false"])
    ]
    assert pipeline.execution_role == ROLE
    (policy,) = ib.lifecycle_policies.list()
    stored = ib.lifecycle_policies.get(str(policy.arn))
    assert stored.resource_selection is not None
    assert [(r.name, r.semantic_version) for r in stored.resource_selection.recipes or ()] == [
        ("golden-web", "x.x.x")
    ]

    emulator.clear_requests()
    again = plan(ib, _stack())
    assert not again
    assert _writes(emulator) == {}
    emulator.clear_requests()
    results = again.apply()
    assert emulator.requests == []
    assert {r.outcome for r in results} == {Outcome.UNCHANGED}


def _plan_requests(emulator: Emulator, ib: ImageBuilder, stack: Stack) -> Counter[str]:
    emulator.clear_requests()
    plan(ib, stack)
    return Counter(r.operation for r in emulator.requests)


def test_a_workflow_and_a_policy_add_one_listing_each_and_a_get_once_they_exist(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """Compared with the same stack without them, a plan reads one ListWorkflows and one
    ListLifecyclePolicies on an empty account, plus one get of each once applied."""
    golden = declare()
    bare = Emulator()
    bare_ib = facade(bare)
    empty_bare = _plan_requests(bare, bare_ib, golden)
    empty = _plan_requests(emulator, ib, _stack())
    assert empty - empty_bare == Counter({"ListWorkflows": 1, "ListLifecyclePolicies": 1})
    assert empty_bare - empty == Counter()
    plan(bare_ib, golden).apply()
    plan(ib, _stack()).apply()
    full_bare = _plan_requests(bare, bare_ib, golden)
    full = _plan_requests(emulator, ib, _stack())
    assert full - full_bare == Counter(
        {"ListWorkflows": 1, "GetWorkflow": 1, "ListLifecyclePolicies": 1, "GetLifecyclePolicy": 1}
    )
    assert full_bare - full == Counter()
    assert (sum(empty.values()), sum(full.values())) == (10, 16)


def test_one_line_of_a_workflow_document_gives_one_version_and_one_pipeline_update(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """Editing one step input: one new workflow version, one pipeline update, nothing else."""
    plan(ib, _stack()).apply()
    edited = GATE.replace("waitFor: ssmAgent", "waitFor: none")
    planned = plan(ib, _stack(edited))
    assert [(s.kind, s.summary) for s in planned.changes] == [
        ("workflow", "new version 1.0.1"),
        ("image pipeline", "update in place"),
    ]
    (change,) = planned.changes[0].changes
    assert (change.path, change.before, change.after) == (
        "data.steps[0].inputs.waitFor",
        "ssmAgent",
        "none",
    )
    (pipeline_change,) = planned.changes[1].changes
    assert pipeline_change.path == "workflows[0].workflow_arn"
    emulator.clear_requests()
    planned.apply()
    assert _writes(emulator) == {"CreateWorkflow": 1, "UpdateImagePipeline": 1}
    assert len(_workflow_builds(ib)) == 2  # 1.0.0 is kept
    pipeline = next(iter(ib.image_pipelines.list()))
    assert str((pipeline.workflows or ())[0].workflow_arn).endswith("gated-test/1.0.1")
    assert not plan(ib, _stack(edited))


def test_a_comment_in_a_workflow_document_is_not_a_change(ib: ImageBuilder) -> None:
    """Workflow documents compare as YAML data, like component documents."""
    plan(ib, _stack()).apply()
    assert not plan(ib, _stack("# reviewed\n" + GATE))


def test_a_lifecycle_policy_edit_is_one_update_with_the_field_diff(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """Keeping 5 images instead of 3: an update in place showing filter.value 3 -> 5."""
    plan(ib, _stack()).apply()
    arn = str(next(iter(ib.lifecycle_policies.list())).arn)
    planned = plan(ib, _stack(keep=5))
    (step,) = planned.changes
    assert (step.kind, step.action, step.arn) == ("lifecycle policy", Action.UPDATE, arn)
    assert [(c.path, c.before, c.after) for c in step.changes] == [
        ("policy_details[0].filter.value", 3, 5)
    ]
    assert "policy_details[0].filter.value: 3 -> 5" in str(planned)
    emulator.clear_requests()
    planned.apply()
    assert _writes(emulator) == {"UpdateLifecyclePolicy": 1}
    assert ib.lifecycle_policies.get(arn).policy_details[0].filter.value == 5
    assert not plan(ib, _stack(keep=5))


def test_policy_tags_and_selections_by_name_or_tag_converge(ib: ImageBuilder) -> None:
    """A RecipeSelection with a version filter, then a tag selection: each plans to empty."""
    by_name = LifecyclePolicySpec(
        name="old-images",
        execution_role=LIFECYCLE_ROLE,
        resource_type="AMI_IMAGE",
        policy_details=[older_than(6, "MONTHS", retain_at_least=2)],
        resource_selection=[RecipeSelection("legacy-web", "1.x.x")],
        status="DISABLED",
        tags={"team": "web"},
    )
    plan(ib, Stack(by_name)).apply()
    assert not plan(ib, Stack(by_name))
    by_tag = attrs.evolve(by_name, resource_selection=select_tags({"golden": "yes"}))
    (step,) = plan(ib, Stack(by_tag)).changes
    # Only what is declared is compared, so the recipes the update drops are not listed.
    assert [(c.path, c.before, c.after) for c in step.changes] == [
        ("resource_selection.tag_map.golden", None, "yes")
    ]
    plan(ib, Stack(by_tag)).apply()
    assert not plan(ib, Stack(by_tag))
    arn = str(next(iter(ib.lifecycle_policies.list())).arn)
    stored = ib.lifecycle_policies.get(arn).resource_selection
    assert stored is not None
    assert (stored.recipes, stored.tag_map) == (None, {"golden": "yes"})
    assert ib.tags(arn) == {"team": "web"}


def test_plan_check_dry_runs_the_workflow_and_policy_creates(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """CreateWorkflow and CreateLifecyclePolicy have dryRun in the service model; both pass
    and nothing is written."""
    results = {r.step.kind: r for r in plan(ib, _stack()).check()}
    assert results["workflow"].verdict is Verdict.OK
    assert results["lifecycle policy"].verdict is Verdict.OK
    assert results["image pipeline"].verdict is Verdict.NOT_CHECKED  # it needs the workflow
    assert ib.workflows.latest("gated-test", owner="Self") is None
    assert list(ib.lifecycle_policies.list()) == []


def test_prune_keeps_a_workflow_version_a_pipeline_uses(ib: ImageBuilder) -> None:
    """Three workflow versions; a second pipeline still runs 1.0.0: keep=1 deletes only
    1.0.1 (every build of it), and the next plan is empty."""
    for wait in ("ssmAgent", "none", "ssmAgentx"):
        stack = _stack(GATE.replace("waitFor: ssmAgent", f"waitFor: {wait}"))
        plan(ib, stack).apply()
    versions = {Arn.parse(a).version for a in _workflow_builds(ib)}
    assert {str(v) for v in versions} == {"1.0.0/1", "1.0.1/1", "1.0.2/1"}
    golden = next(iter(ib.image_pipelines.list()))
    first = next(a for a in _workflow_builds(ib) if "/1.0.0/" in a)
    ib.image_pipelines.create(
        name="legacy",
        image_recipe_arn=str(golden.image_recipe_arn),
        infrastructure_configuration_arn=str(golden.infrastructure_configuration_arn),
        workflows=[{"workflow_arn": first.rsplit("/", 1)[0]}],  # type: ignore[list-item]
        execution_role=ROLE,
    )
    deleted = prune(ib, stack, keep=1)
    assert [str(Arn.parse(a).resource) for a in deleted] == ["workflow/test/gated-test/1.0.1"]
    assert sorted(a.split("/")[-2] for a in _workflow_builds(ib)) == ["1.0.0", "1.0.2"]
    assert not plan(ib, stack)


def test_faults_while_applying_workflows_then_apply_again_converges(emulator: Emulator) -> None:
    """A lost CreateWorkflow answer stops one apply, a failing policy create the next; an
    apply from a new facade finishes with one workflow build and one policy (counted by
    listing the account)."""
    first = facade(emulator, max_attempts=1)
    emulator.faults.lose_response("CreateWorkflow")
    with pytest.raises(ImageBuilderError):
        plan(first, _stack()).apply()
    assert len(_workflow_builds(first)) == 1  # it ran; its answer was lost
    assert list(first.image_pipelines.list()) == []
    emulator.faults.server_error("CreateLifecyclePolicy", times=None)
    again = plan(first, _stack())
    assert {s.kind: s.action for s in again}["workflow"] is Action.NO_CHANGE
    with pytest.raises(ImageBuilderError):
        again.apply()
    emulator.faults.clear()
    second = facade(emulator)
    resumed = plan(second, _stack())
    assert [s.kind for s in resumed.changes] == ["lifecycle policy"]
    resumed.apply()
    assert len(_workflow_builds(second)) == 1
    assert len(list(second.lifecycle_policies.list())) == 1
    assert len(list(second.image_pipelines.list())) == 1
    assert not plan(second, _stack())


@pytest.mark.parametrize("seed", [4, 5])
def test_random_faults_with_workflows_and_policies_converge(emulator: Emulator, seed: int) -> None:
    """Under random faults, repeated plan+apply ends with one of each and an empty plan."""
    emulator.faults.random(rate=0.3, seed=seed)
    for _ in range(30):
        ib = facade(emulator, max_attempts=2)
        try:
            plan(ib, _stack()).apply()
            break
        except ImageBuilderError:
            continue
    else:  # pragma: no cover - the loop always ends in a success with these seeds
        pytest.fail("no apply succeeded")
    emulator.faults.clear()
    assert len(_workflow_builds(ib)) == 1
    assert len(list(ib.lifecycle_policies.list())) == 1
    assert not plan(ib, _stack())


def test_a_build_and_a_test_workflow_may_share_a_name(ib: ImageBuilder) -> None:
    """The type is part of a workflow's ARN, so ``build/x`` and ``test/x`` are two
    workflows; each is planned against its own versions."""
    build_doc = (
        "schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstance\n"
        "    onFailure: Abort\n"
    )
    build = WorkflowSpec(name="gated-test", type="BUILD", data=build_doc)
    stack = Stack(_gate(), build)
    assert len(stack) == 2
    plan(ib, stack).apply()
    assert not plan(ib, stack)
    assert sorted(Arn.parse(a).workflow_type or "" for a in _workflow_builds(ib)) == [
        "build",
        "test",
    ]


def _bad(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": "gated-test", "type": "TEST", "data": GATE}
    return {**base, **changes}


def test_bad_workflow_declarations_are_refused_before_any_request() -> None:
    """A ValidationError names the field: the type, data and uri together, a non-workflow."""
    with pytest.raises(ValidationError) as info:
        WorkflowSpec(**_bad(type="DEPLOY"))
    assert info.value.field == "type"
    with pytest.raises(ValidationError) as info:
        WorkflowSpec(**_bad(uri="s3://bucket/gate.yaml"))
    assert info.value.field == "data"
    with pytest.raises(ValidationError) as info:
        WorkflowSpec(**_bad(data=None))
    assert info.value.field == "data"
    component = ComponentSpec(name="hello", platform="Linux", data="name: hello")
    with pytest.raises(ValidationError) as info:
        WorkflowUse(component)  # type: ignore[arg-type]
    assert info.value.field == "workflow"
    with pytest.raises(ValidationError) as info:
        WorkflowUse(_gate(), parameters={"waitForApproval": "false"})
    assert info.value.field == "parameters['waitForApproval']"
    with pytest.raises(ValidationError) as info:
        WorkflowUse(_gate(), on_failure="Abort")
    assert info.value.field == "on_failure"


def test_a_pipeline_with_workflows_needs_an_execution_role() -> None:
    """Refused before sending: the service answers "An execution role is required to
    provide workflows" (AWS's agent toolkit, amazon-ec2-image-builder/references/
    custom-workflows.md: custom workflows always require an execution role)."""
    (pipeline,) = (d for d in declare() if isinstance(d, ImagePipelineSpec))
    with pytest.raises(ValidationError) as info:
        attrs.evolve(pipeline, workflows=[_gate()])
    assert info.value.field == "execution_role"
    with pytest.raises(ValidationError) as info:
        attrs.evolve(pipeline, workflows=[pipeline.infrastructure], execution_role=ROLE)  # type: ignore[list-item]
    assert info.value.field == "workflows[0]"


def test_bad_lifecycle_declarations_are_refused_before_any_request() -> None:
    """The policy's rules and selection are checked when it is declared."""
    base: dict[str, Any] = {
        "name": "golden-keep",
        "execution_role": LIFECYCLE_ROLE,
        "resource_type": "AMI_IMAGE",
        "policy_details": [keep_newest(3)],
        "resource_selection": [RecipeSelection("golden-web")],
    }
    with pytest.raises(ValidationError) as info:
        LifecyclePolicySpec(**{**base, "policy_details": []})
    assert info.value.field == "policy_details"
    with pytest.raises(ValidationError) as info:
        LifecyclePolicySpec(**{**base, "resource_selection": [_gate()]})
    assert info.value.field == "resource_selection[0]"
    with pytest.raises(ValidationError) as info:
        LifecyclePolicySpec(**{**base, "resource_selection": [RecipeSelection("golden-web", "1")]})
    assert info.value.field.endswith("semantic_version")
    with pytest.raises(ValidationError) as info:
        RecipeSelection(42)  # type: ignore[arg-type]
    assert info.value.field == "recipe"
