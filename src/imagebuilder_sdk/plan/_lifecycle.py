"""Lifecycle policy declarations: rules for old images, updated in place.

>>> from imagebuilder_sdk.lifecycle import keep_newest
>>> from imagebuilder_sdk.plan import ExistingImage, ImageRecipeSpec, LifecyclePolicySpec
>>> recipe = ImageRecipeSpec(
...     name="web", parent_image=ExistingImage("amazon-linux-2023-x86"), components=[]
... )
>>> policy = LifecyclePolicySpec(
...     name="keep-three",
...     execution_role="ImageBuilderLifecycle",
...     resource_type="AMI_IMAGE",
...     policy_details=[keep_newest(3)],
...     resource_selection=[recipe],
... )
>>> [d.key for d in policy.dependencies()][-1]
('image recipe', 'web')
>>> policy.selection().recipes[0].semantic_version
'x.x.x'

The rules come from `imagebuilder_sdk.lifecycle` (`keep_newest`, `older_than`) and are
checked, with the selection, when the declaration is made. The selection is a
`LifecyclePolicyResourceSelection` (``select_recipes``, ``select_tags``) or a list of
recipes: declarations (their images, every version: ``x.x.x``), or `RecipeSelection`
entries naming a recipe and a version filter. A declared recipe is planned before
the policy. A change is an update in place, shown field by field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import attrs

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.lifecycle import check_policy
from imagebuilder_sdk.models import (
    LifecyclePolicy,
    LifecyclePolicyDetail,
    LifecyclePolicyResourceSelection,
    LifecyclePolicyResourceSelectionRecipe,
    LifecyclePolicyResourceType,
    LifecyclePolicyStatus,
)
from imagebuilder_sdk.plan._declarations import ContainerRecipeSpec, ImageRecipeSpec, RecipeRef
from imagebuilder_sdk.plan._fields import model_fields_of
from imagebuilder_sdk.plan._kinds import Mutable, Resolve, check_name

__all__ = ["LifecyclePolicySpec", "RecipeSelection"]


def _check_recipe(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (ImageRecipeSpec, ContainerRecipeSpec, str)):
        raise ValidationError(
            "recipe",
            f"must be an ImageRecipeSpec, a ContainerRecipeSpec or a recipe name, "
            f"got {type(value).__name__}",
        )


@attrs.frozen
class RecipeSelection:
    """The images of one recipe that a lifecycle policy manages: by name and version."""

    recipe: RecipeRef | str = attrs.field(validator=_check_recipe)
    """A recipe declaration, or the name of a recipe you do not manage here."""
    version: str = "x.x.x"
    """Which versions: three parts, each a number or ``x``; sent as written."""

    @property
    def name(self) -> str:
        """The recipe's name."""
        return self.recipe if isinstance(self.recipe, str) else self.recipe.name

    def entry(self) -> LifecyclePolicyResourceSelectionRecipe:
        """The selection's entry for this recipe."""
        return LifecyclePolicyResourceSelectionRecipe(name=self.name, semantic_version=self.version)


#: What a lifecycle policy's recipe list takes.
RecipeSelector = ImageRecipeSpec | ContainerRecipeSpec | RecipeSelection


def _selection(
    value: LifecyclePolicyResourceSelection | Iterable[RecipeSelector],
) -> LifecyclePolicyResourceSelection | tuple[RecipeSelector, ...]:
    if isinstance(value, (LifecyclePolicyResourceSelection, str, Mapping)) or not isinstance(
        value, Iterable
    ):
        return value  # type: ignore[return-value]  # a model, or refused by the validator
    return tuple(value)


def _check_selection(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, LifecyclePolicyResourceSelection):
        return
    if not isinstance(value, tuple):
        raise ValidationError(
            "resource_selection",
            "must be a LifecyclePolicyResourceSelection (select_recipes, select_tags) "
            f"or a list of recipes, got {type(value).__name__}",
        )
    for index, item in enumerate(value):
        if not isinstance(item, (ImageRecipeSpec, ContainerRecipeSpec, RecipeSelection)):
            raise ValidationError(
                f"resource_selection[{index}]",
                "must be an ImageRecipeSpec, a ContainerRecipeSpec or a RecipeSelection, "
                f"got {type(item).__name__}",
            )


def _details(value: Iterable[LifecyclePolicyDetail]) -> tuple[LifecyclePolicyDetail, ...]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by check_policy
    return tuple(value)


@attrs.frozen(kw_only=True)
class LifecyclePolicySpec(Mutable):
    """A lifecycle policy: which images, and what to do with the old ones; updated in place."""

    kind: ClassVar[str] = "lifecycle policy"
    repository: ClassVar[str] = "lifecycle_policies"
    volatile: ClassVar[frozenset[str]] = frozenset({"date_last_run"})

    name: str = attrs.field(validator=check_name)
    """The policy's name."""
    execution_role: str
    """The IAM role (name or ARN) the service runs the policy with."""
    resource_type: LifecyclePolicyResourceType | str
    """``AMI_IMAGE`` or ``CONTAINER_IMAGE``."""
    policy_details: Sequence[LifecyclePolicyDetail] = attrs.field(converter=_details)
    """One to three rules (`keep_newest`, `older_than`), at most one per action."""
    resource_selection: LifecyclePolicyResourceSelection | Sequence[RecipeSelector] = attrs.field(
        converter=_selection, validator=_check_selection
    )
    """The images the policy looks at: a selection model, or a list of recipes."""
    description: str | None = None
    """What the policy is for."""
    status: LifecyclePolicyStatus | str | None = None
    """``ENABLED`` (the service's default) or ``DISABLED``."""
    tags: Mapping[str, str] | None = None
    """Tags on the policy."""

    def __attrs_post_init__(self) -> None:
        check_policy(self.resource_type, self.policy_details, self.selection())

    def selection(self) -> LifecyclePolicyResourceSelection:
        """The ``resourceSelection`` sent: the model as given, or one built from the recipes."""
        if isinstance(self.resource_selection, LifecyclePolicyResourceSelection):
            return self.resource_selection
        entries = [
            (item if isinstance(item, RecipeSelection) else RecipeSelection(item)).entry()
            for item in self.resource_selection
        ]
        return LifecyclePolicyResourceSelection(recipes=entries)

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(LifecyclePolicy)

    def request_value(self, field: str, value: Any, resolve: Resolve) -> Any:
        if field == "resource_selection":
            return self.selection()
        if field == "policy_details":
            return list(value)
        return super().request_value(field, value, resolve)
