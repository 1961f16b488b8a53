"""Pruning: delete old versions of declared components, recipes and workflows, never one in use.

Opt-in, and separate from `apply`. For each versioned declaration it keeps the newest
`keep` versions and every version still in use: named by a pipeline (for recipes and
workflows) or by a recipe (for components) anywhere in the account, named by a
declared pipeline (a workflow ARN in a `WorkflowUse`), or pinned by a declaration. A
reference with a wildcard (``1.0.x``) keeps the version it currently resolves to.
Recipes are pruned first, so components used only by pruned recipes can go too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.plan._declarations import (
    ComponentSpec,
    ContainerRecipeSpec,
    ImagePipelineSpec,
    ImageRecipeSpec,
)
from imagebuilder_sdk.plan._kinds import Versioned
from imagebuilder_sdk.plan._stack import Stack
from imagebuilder_sdk.plan._workflows import WorkflowSpec, WorkflowUse
from imagebuilder_sdk.repositories._base import LARGEST_PAGE
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter

if TYPE_CHECKING:
    from imagebuilder_sdk.client import ImageBuilder

__all__ = ["prune"]


def prune(ib: ImageBuilder, stack: Stack, *, keep: int) -> list[str]:
    """Delete unused old versions of the stack's components, recipes and workflows.

    Returns the version ARNs deleted.
    """
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 1:
        raise ValidationError("keep", "must be an integer of at least 1", value=keep)
    deleted: list[str] = []
    recipes = [d for d in stack if isinstance(d, (ImageRecipeSpec, ContainerRecipeSpec))]
    pipelines = list(ib.image_pipelines.list(page_size=LARGEST_PAGE))
    used_by_pipelines = [
        str(ref)
        for p in pipelines
        for ref in (p.image_recipe_arn, p.container_recipe_arn)
        if ref is not None
    ]
    for recipe in recipes:
        deleted += _prune_one(ib, recipe, keep, used_by_pipelines)
    workflows_used = [
        str(entry.workflow_arn)
        for p in pipelines
        for entry in p.workflows or ()
        if entry.workflow_arn is not None
    ] + [
        use.workflow
        for d in stack
        if isinstance(d, ImagePipelineSpec)
        for use in d.workflows or ()
        if isinstance(use, WorkflowUse) and isinstance(use.workflow, str)
    ]
    for workflow in (d for d in stack if isinstance(d, WorkflowSpec)):
        deleted += _prune_one(ib, workflow, keep, workflows_used)
    used_by_recipes = [
        str(entry.component_arn)
        for repository in (ib.image_recipes, ib.container_recipes)
        for summary in repository.list(owner="Self", page_size=LARGEST_PAGE)
        for entry in repository.get(str(summary.arn)).components or ()
    ]
    for component in (d for d in stack if isinstance(d, ComponentSpec)):
        deleted += _prune_one(ib, component, keep, used_by_recipes)
    return deleted


def _prune_one(
    ib: ImageBuilder, declaration: Versioned, keep: int, references: Iterable[str]
) -> list[str]:
    repository = declaration.repo(ib)
    versions = declaration.versions(ib)
    newest = sorted(versions, reverse=True)
    kept = set(newest[:keep]) | _in_use(versions, references)
    pinned = declaration.explicit_version()
    if pinned is not None:
        kept.add(pinned)
    deleted = []
    for version in newest[keep:]:
        if version in kept:
            continue
        target = versions[version]
        if isinstance(declaration, (ComponentSpec, WorkflowSpec)):
            for build in list(repository.build_versions(target)):
                repository.delete(str(build.arn))
        else:
            repository.delete(target)
        deleted.append(target)
    return deleted


def _in_use(
    versions: dict[SemanticVersion, str], references: Iterable[str]
) -> set[SemanticVersion]:
    """The versions among `versions` that `references` name (a wildcard: its newest match)."""
    if not versions:
        return set()
    base = Arn.parse(next(iter(versions.values()))).with_version(None)
    used: set[SemanticVersion] = set()
    for text in references:
        try:
            arn = Arn.parse(text)
        except ValidationError:
            continue
        if arn.with_version(None) != base:
            continue
        version = arn.version
        if isinstance(version, BuildVersion):
            used.add(version.semantic_version)
        elif isinstance(version, SemanticVersion):
            used.add(version)
        elif isinstance(version, VersionFilter):
            matching = [v for v in versions if version.matches(v)]
            if matching:
                used.add(max(matching))
    return used
