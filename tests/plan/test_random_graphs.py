"""Hypothesis: random declaration graphs and random edits always converge."""

from __future__ import annotations

import copy
import itertools

from hypothesis import given, settings

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import Schedule
from imagebuilder_sdk.plan import (
    ComponentSpec,
    ComponentUse,
    ExistingComponent,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    Stack,
    WorkflowSpec,
    plan,
)
from tests.plan.conftest import account, counting, writes
from tests.repositories.conftest import PARENT_IMAGE
from tests.strategies import Graph, declaration_graphs


def _document(command: str) -> str:
    return (
        "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Run\n"
        f"        action: ExecuteBash\n        inputs:\n          commands: [{command!r}]\n"
    )


def _workflow(timeout: int) -> str:
    return (
        "schemaVersion: 1.0\nsteps:\n  - name: Approve\n    action: WaitForAction\n"
        f"    onFailure: Abort\n    timeoutSeconds: {timeout}\n"
    )


def build(graph: Graph) -> Stack:
    """The stack a graph describes."""
    components = [
        ComponentSpec(name=f"comp-{i}", platform="Linux", data=_document(command))
        for i, command in enumerate(graph.commands)
    ]
    recipes = []
    for j, (indices, description, managed_update) in enumerate(graph.recipes):
        used: list[ComponentSpec | ExistingComponent | ComponentUse] = [
            components[i] for i in indices
        ]
        if managed_update:
            used.insert(0, ExistingComponent("update-linux", "1.0.x"))
        recipes.append(
            ImageRecipeSpec(
                name=f"recipe-{j}",
                parent_image=PARENT_IMAGE,
                components=used,
                description=description,
            )
        )
    infrastructure = InfrastructureSpec(
        name="builders", instance_profile_name="Builders", instance_types=[graph.instance_type]
    )
    gate = WorkflowSpec(name="gate", type="TEST", data=_workflow(graph.workflow_timeout))
    pipelines = [
        ImagePipelineSpec(
            name=f"pipeline-{k}",
            recipe=recipes[r],
            infrastructure=infrastructure,
            schedule=Schedule(schedule_expression=f"cron(0 {hour} * * ? *)"),
            workflows=[gate],
            execution_role="ImageBuilderExecution",
        )
        for k, (r, hour) in enumerate(graph.pipelines)
    ]
    return Stack(*components, *recipes, infrastructure, *pipelines)


def _edit(graph: Graph, edit: tuple[str, int, object]) -> Graph:
    kind, index, value = edit
    changed = copy.deepcopy(graph)
    if kind == "component":
        changed.commands[index] = str(value)
    elif kind == "recipe":
        indices, _, managed = changed.recipes[index]
        changed.recipes[index] = (indices, str(value), managed)
    elif kind == "pipeline":
        recipe, _ = changed.pipelines[index]
        changed.pipelines[index] = (recipe, int(value))  # type: ignore[call-overload]
    elif kind == "workflow":
        changed.workflow_timeout = int(value)  # type: ignore[call-overload]
    else:
        changed.instance_type = str(value)
    return changed


def _expected_versions(history: list[Graph]) -> tuple[list[int], list[int]]:
    """How many versions of each component and recipe the history of graphs should make."""
    components = [1] * len(history[0].commands)
    recipes = [1] * len(history[0].recipes)
    for before, after in itertools.pairwise(history):
        bumped = [b != a for b, a in zip(before.commands, after.commands, strict=True)]
        components = [n + b for n, b in zip(components, bumped, strict=True)]
        for j, (old, new) in enumerate(zip(before.recipes, after.recipes, strict=True)):
            if old != new or any(bumped[i] for i in new[0]):
                recipes[j] += 1
    return components, recipes


def _converged(ib: ImageBuilder, stack: Stack) -> None:
    with counting(ib) as calls:
        again = plan(ib, stack)
    assert not again, str(again)
    assert writes(calls) == {}


@settings(max_examples=8)
@given(graph=declaration_graphs())
def test_random_graphs_and_edits_plan_apply_plan_is_empty(graph: Graph) -> None:
    """For any graph and any edits: plan, apply, and the next plan is empty with no write;
    a plan is non-empty exactly when an edit changed something; versions are counted
    (components, recipes, and the test workflow every pipeline runs)."""
    ib = ImageBuilder.local()
    plan(ib, build(graph)).apply()
    _converged(ib, build(graph))
    history = [graph]
    for edit in graph.edits:
        edited = _edit(history[-1], edit)
        planned = plan(ib, build(edited))
        assert bool(planned) == (edited != history[-1])
        planned.apply()
        _converged(ib, build(edited))
        history.append(edited)
    components, recipes = _expected_versions(history)
    found = account(ib)
    for i, count in enumerate(components):
        assert sum(f"component/comp-{i}/" in a for a in found["components"]) == count
    for j, count in enumerate(recipes):
        assert sum(f"image-recipe/recipe-{j}/" in a for a in found["image_recipes"]) == count
    assert len(found["pipelines"]) == len(graph.pipelines)
    timeouts = [g.workflow_timeout for g in history]
    changes = sum(a != b for a, b in itertools.pairwise(timeouts))
    versions = list(ib.workflows.list(name="gate", owner="Self"))
    assert len(versions) == (1 + changes if graph.pipelines else 0)
    assert len(found["infrastructure"]) == 1
