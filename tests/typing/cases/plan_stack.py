"""A stack with a workflow and a lifecycle policy, as a user writes it: mypy --strict clean."""

from __future__ import annotations

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.documents import WorkflowDocument, WorkflowStep
from imagebuilder_sdk.lifecycle import keep_newest
from imagebuilder_sdk.plan import (
    ComponentSpec,
    ComponentUse,
    ExistingImage,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    LifecyclePolicySpec,
    RecipeSelection,
    Stack,
    WorkflowSpec,
    WorkflowUse,
    plan,
)

hello = ComponentSpec(name="hello", platform="Linux", data="name: hello")
recipe = ImageRecipeSpec(
    name="web",
    parent_image=ExistingImage("amazon-linux-2023-x86"),
    components=[hello, ComponentUse(hello, {"Greeting": ["hi"]})],
)
gate = WorkflowSpec(
    name="gate",
    type="TEST",
    data=WorkflowDocument(steps=[WorkflowStep("Approve", "WaitForAction")]),
)
pipeline = ImagePipelineSpec(
    name="web",
    recipe=recipe,
    infrastructure=InfrastructureSpec(name="builders", instance_profile_name="Builders"),
    workflows=[gate, WorkflowUse(gate, parameters={"x": ["1"]}, on_failure="ABORT")],
    execution_role="ImageBuilderExecution",
)
policy = LifecyclePolicySpec(
    name="keep",
    execution_role="ImageBuilderLifecycle",
    resource_type="AMI_IMAGE",
    policy_details=[keep_newest(3)],
    resource_selection=[recipe, RecipeSelection("legacy", "1.x.x")],
)
print(plan(ImageBuilder.local(), Stack(pipeline, policy)).counts())
