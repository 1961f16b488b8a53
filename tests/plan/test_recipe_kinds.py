"""Container recipes and components used with parameters, applied on the emulator."""

from __future__ import annotations

import attrs

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import ContainerRepositoryService, TargetContainerRepository
from imagebuilder_sdk.plan import (
    Action,
    ComponentSpec,
    ComponentUse,
    ContainerRecipeSpec,
    ExistingImage,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    Stack,
    plan,
)
from imagebuilder_sdk.testing import Emulator

#: A component with one parameter, read by its only step.
GREET = """\
name: greet
schemaVersion: 1.0
parameters:
  - Greeting:
      type: string
      default: hello
      description: What the build says.
phases:
  - name: build
    steps:
      - name: Say
        action: ExecuteBash
        inputs:
          commands:
            - echo {{ Greeting }}
"""
DOCKERFILE = "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:components }}}\n"


def _greet() -> ComponentSpec:
    return ComponentSpec(name="greet", platform="Linux", data=GREET)


def _container(greeting: str = "hi", dockerfile: str = DOCKERFILE) -> Stack:
    recipe = ContainerRecipeSpec(
        name="web-box",
        parent_image="amazonlinux:2",
        target_repository=TargetContainerRepository(
            service=ContainerRepositoryService.ECR, repository_name="web"
        ),
        components=[ComponentUse(_greet(), {"Greeting": [greeting]})],
        dockerfile_template_data=dockerfile,
    )
    pipeline = ImagePipelineSpec(
        name="web-box",
        recipe=recipe,
        infrastructure=InfrastructureSpec(name="builders", instance_profile_name="Builders"),
    )
    return Stack(pipeline)


def test_a_container_recipe_pipeline_is_created_then_plans_empty(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """A container recipe and its pipeline: created, then no change and no write."""
    applied = plan(ib, _container()).apply()
    (recipe_arn,) = (r.arn for r in applied if r.step.kind == "container recipe")
    assert recipe_arn.endswith("container-recipe/web-box/1.0.0")
    stored = ib.container_recipes.get(recipe_arn)
    assert stored.dockerfile_template_data == DOCKERFILE
    (pipeline,) = ib.image_pipelines.list()
    assert pipeline.container_recipe_arn == recipe_arn
    assert pipeline.image_recipe_arn is None
    emulator.clear_requests()
    assert not plan(ib, _container())
    assert not [r for r in emulator.requests if not r.operation.startswith(("List", "Get"))]


def test_a_dockerfile_edit_is_a_new_container_recipe_version_and_a_pipeline_update(
    ib: ImageBuilder,
) -> None:
    """Changing the Dockerfile template: container recipe 1.0.1, the pipeline moves to it."""
    plan(ib, _container()).apply()
    edited = DOCKERFILE + "RUN echo done\n"
    planned = plan(ib, _container(dockerfile=edited))
    assert [(s.kind, s.summary) for s in planned.changes] == [
        ("container recipe", "new version 1.0.1"),
        ("image pipeline", "update in place"),
    ]
    planned.apply()
    (pipeline,) = ib.image_pipelines.list()
    assert str(pipeline.container_recipe_arn).endswith("container-recipe/web-box/1.0.1")
    assert not plan(ib, _container(dockerfile=edited))


def test_component_parameters_are_sent_compared_and_a_change_is_a_new_recipe_version(
    ib: ImageBuilder,
) -> None:
    """ComponentUse parameters reach the recipe, plan to no change once applied, and a new
    value is a new version of the recipe only (the component is unchanged)."""
    recipe = ImageRecipeSpec(
        name="web",
        parent_image=ExistingImage("amazon-linux-2023-x86"),
        components=[ComponentUse(_greet(), {"Greeting": ["hi"]})],
    )
    applied = plan(ib, Stack(recipe)).apply()
    stored = ib.image_recipes.get(applied.arn(recipe))
    (entry,) = stored.components or ()
    assert [(p.name, list(p.value or ())) for p in entry.parameters or ()] == [("Greeting", ["hi"])]
    assert not plan(ib, Stack(recipe))
    changed = attrs.evolve(recipe, components=[ComponentUse(_greet(), {"Greeting": ["bye"]})])
    planned = plan(ib, Stack(changed))
    assert [(s.kind, s.action) for s in planned] == [
        ("component", Action.NO_CHANGE),
        ("image recipe", Action.NEW_VERSION),
    ]
    (change,) = planned.changes[0].changes
    assert (change.path, change.before, change.after) == (
        "components[0].parameters[0].value[0]",
        "hi",
        "bye",
    )
    planned.apply()
    assert not plan(ib, Stack(changed))
