"""Declarations pointing at the wrong kind; each `# E: <code>` line must be reported."""

from __future__ import annotations

from imagebuilder_sdk.lifecycle import keep_newest
from imagebuilder_sdk.plan import (
    ComponentSpec,
    ExistingImage,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    LifecyclePolicySpec,
    RecipeSelection,
    WorkflowSpec,
    WorkflowUse,
)

hello = ComponentSpec(name="hello", platform="Linux", data="name: hello")
gate = WorkflowSpec(name="gate", type="TEST", data="schemaVersion: 1.0")
builders = InfrastructureSpec(name="builders", instance_profile_name="Builders")
recipe = ImageRecipeSpec(name="web", parent_image=ExistingImage("al2023"), components=[hello])

# A pipeline workflow that is an infrastructure configuration, or a component.
ImagePipelineSpec(
    name="web",
    recipe=recipe,
    infrastructure=builders,
    workflows=[builders],  # E: list-item
    execution_role="ImageBuilderExecution",
)
WorkflowUse(hello)  # E: arg-type
# A recipe listing a workflow as a component.
ImageRecipeSpec(name="web", parent_image=ExistingImage("al2023"), components=[gate])  # E: list-item
# A lifecycle policy selecting a workflow instead of a recipe.
LifecyclePolicySpec(
    name="keep",
    execution_role="ImageBuilderLifecycle",
    resource_type="AMI_IMAGE",
    policy_details=[keep_newest(3)],
    resource_selection=[gate],  # E: list-item
)
RecipeSelection(hello)  # E: arg-type
