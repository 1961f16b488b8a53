"""Image recipes: what goes into an AMI."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateImageRecipeArguments,
    CreateImageRecipeOverrides,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    ImageRecipe,
    ImageRecipeSummary,
    Ownership,
    Platform,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, policy_text, takes
from imagebuilder_sdk.versions import VersionFilter

__all__ = ["ImageRecipes"]

_RENAMES = {"version": "semantic_version"}


class ImageRecipes(Repository):
    """Create, read, list and delete image recipes; ``ib.image_recipes``."""

    __slots__ = ()
    resource_type = ResourceType.IMAGE_RECIPE
    model_argument = "recipe"

    @overload
    def create(
        self, recipe: ImageRecipe, /, **overrides: Unpack[CreateImageRecipeOverrides]
    ) -> ImageRecipe: ...
    @overload
    def create(self, /, **arguments: Unpack[CreateImageRecipeArguments]) -> ImageRecipe: ...
    @takes("CreateImageRecipe")
    def create(self, recipe: ImageRecipe | None = None, /, **arguments: Any) -> ImageRecipe:
        """Create an image recipe version from a model, keywords or both; return it.

        Keywords win over the model's fields (`attrs.evolve` a recipe from `get` and
        give a new `semantic_version` to make its next version).
        """
        return self.get(self._create_arn(recipe, arguments))

    def _create_arn(
        self,
        recipe: ImageRecipe | None,
        arguments: dict[str, Any],
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateImageRecipe", recipe, _RENAMES, arguments)
        response = self._caller.call("CreateImageRecipe", **params)
        return str(response["image_recipe_arn"])

    def get(self, arn: str | Arn) -> ImageRecipe:
        """The image recipe an ARN names."""
        response = self._caller.call("GetImageRecipe", image_recipe_arn=self._arn(arn))
        return converter.structure(response["image_recipe"], ImageRecipe)

    def delete(self, arn: str | Arn) -> None:
        """Delete an image recipe version."""
        self._caller.call("DeleteImageRecipe", image_recipe_arn=self._arn(arn))

    def list(
        self,
        *,
        name: str | None = None,
        platform: Platform | str | None = None,
        parent_image: str | None = None,
        owner: Ownership | str | None = None,
        page_size: int | None = None,
    ) -> Paginated[ImageRecipeSummary]:
        """Image recipe versions, lazily; options filter on the service side."""
        return self._list(
            "ListImageRecipes",
            "image_recipe_summary_list",
            ImageRecipeSummary,
            filters={"name": name, "platform": platform, "parentImage": parent_image},
            owner=owner,
            max_results=page_size,
        )

    def latest(
        self,
        name: str,
        version_filter: VersionFilter | str = "x.x.x",
        *,
        owner: Ownership | str | None = None,
    ) -> ImageRecipeSummary | None:
        """The greatest version of `name` matching `version_filter`, or None."""
        return self._latest(self.list, name, version_filter, owner)

    def get_policy(self, arn: str | Arn) -> str:
        """The resource policy of an image recipe, as JSON text."""
        response = self._caller.call("GetImageRecipePolicy", image_recipe_arn=self._arn(arn))
        return str(response.get("policy") or "")

    def put_policy(self, arn: str | Arn, policy: str | Mapping[str, Any]) -> None:
        """Set the resource policy of an image recipe."""
        self._caller.call(
            "PutImageRecipePolicy", image_recipe_arn=self._arn(arn), policy=policy_text(policy)
        )
