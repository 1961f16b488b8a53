"""Plan and apply: declare images as code, see what would change, apply it safely.

>>> from imagebuilder_sdk import ImageBuilder
>>> from imagebuilder_sdk.plan import ComponentSpec, Stack, plan
>>> ib = ImageBuilder.local()
>>> document = (
...     "name: hello\\nschemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n"
...     "      - name: Say\\n        action: ExecuteBash\\n"
...     "        inputs:\\n          commands: [echo hello]\\n"
... )
>>> hello = ComponentSpec(name="hello", platform="Linux", data=document)
>>> first = plan(ib, Stack(hello))
>>> print(first.steps[0])
component hello: create 1.0.0
>>> _ = first.apply()
>>> bool(plan(ib, Stack(hello)))
False

Modules, one concern each: `_declarations` (components, recipes, configurations,
pipelines), `_workflows` and `_lifecycle` (the newer kinds), `_fields` (their shared
validators), `_kinds` (what every kind shares), `_stack` (ordering), `_canonical`
(canonical forms and diffs), `_planning`, `_applying`, `_pruning`, `_check`
(``dryRun``), `_render` and `_cli`.
"""

from __future__ import annotations

from imagebuilder_sdk.plan._applying import (
    Applied,
    Outcome,
    PlanConflictError,
    StepResult,
    apply,
    client_token,
)
from imagebuilder_sdk.plan._canonical import FieldChange
from imagebuilder_sdk.plan._check import CheckResult, Verdict
from imagebuilder_sdk.plan._declarations import (
    ComponentRef,
    ComponentSpec,
    ComponentUse,
    ContainerRecipeSpec,
    DistributionSpec,
    ExistingComponent,
    ExistingImage,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    RecipeRef,
)
from imagebuilder_sdk.plan._kinds import Bump, Declaration, Mutable, Observed, Versioned
from imagebuilder_sdk.plan._lifecycle import LifecyclePolicySpec, RecipeSelection
from imagebuilder_sdk.plan._planning import Action, Plan, Step, plan
from imagebuilder_sdk.plan._pruning import prune
from imagebuilder_sdk.plan._stack import Stack
from imagebuilder_sdk.plan._workflows import WorkflowRef, WorkflowSpec, WorkflowUse

__all__ = [
    "Action",
    "Applied",
    "Bump",
    "CheckResult",
    "ComponentRef",
    "ComponentSpec",
    "ComponentUse",
    "ContainerRecipeSpec",
    "Declaration",
    "DistributionSpec",
    "ExistingComponent",
    "ExistingImage",
    "FieldChange",
    "ImagePipelineSpec",
    "ImageRecipeSpec",
    "InfrastructureSpec",
    "LifecyclePolicySpec",
    "Mutable",
    "Observed",
    "Outcome",
    "Plan",
    "PlanConflictError",
    "RecipeRef",
    "RecipeSelection",
    "Stack",
    "Step",
    "StepResult",
    "Verdict",
    "Versioned",
    "WorkflowRef",
    "WorkflowSpec",
    "WorkflowUse",
    "apply",
    "client_token",
    "plan",
    "prune",
]
