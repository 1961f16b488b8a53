"""Container recipes: what goes into a container image."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateContainerRecipeArguments,
    CreateContainerRecipeOverrides,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    ContainerRecipe,
    ContainerRecipeSummary,
    ContainerType,
    Ownership,
    Platform,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, policy_text, takes
from imagebuilder_sdk.versions import VersionFilter

__all__ = ["ContainerRecipes"]

_RENAMES = {"version": "semantic_version"}


class ContainerRecipes(Repository):
    """Create, read, list and delete container recipes; ``ib.container_recipes``."""

    __slots__ = ()
    resource_type = ResourceType.CONTAINER_RECIPE
    model_argument = "recipe"

    @overload
    def create(
        self, recipe: ContainerRecipe, /, **overrides: Unpack[CreateContainerRecipeOverrides]
    ) -> ContainerRecipe: ...
    @overload
    def create(self, /, **arguments: Unpack[CreateContainerRecipeArguments]) -> ContainerRecipe: ...
    @takes("CreateContainerRecipe")
    def create(self, recipe: ContainerRecipe | None = None, /, **arguments: Any) -> ContainerRecipe:
        """Create a container recipe version from a model, keywords or both; return it.

        Keywords win over the model's fields.
        """
        return self.get(self._create_arn(recipe, arguments))

    def _create_arn(
        self,
        recipe: ContainerRecipe | None,
        arguments: dict[str, Any],
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateContainerRecipe", recipe, _RENAMES, arguments)
        response = self._caller.call("CreateContainerRecipe", **params)
        return str(response["container_recipe_arn"])

    def get(self, arn: str | Arn) -> ContainerRecipe:
        """The container recipe an ARN names."""
        response = self._caller.call("GetContainerRecipe", container_recipe_arn=self._arn(arn))
        return converter.structure(response["container_recipe"], ContainerRecipe)

    def delete(self, arn: str | Arn) -> None:
        """Delete a container recipe version."""
        self._caller.call("DeleteContainerRecipe", container_recipe_arn=self._arn(arn))

    def list(
        self,
        *,
        name: str | None = None,
        platform: Platform | str | None = None,
        container_type: ContainerType | str | None = None,
        parent_image: str | None = None,
        owner: Ownership | str | None = None,
        page_size: int | None = None,
    ) -> Paginated[ContainerRecipeSummary]:
        """Container recipe versions, lazily; options filter on the service side."""
        return self._list(
            "ListContainerRecipes",
            "container_recipe_summary_list",
            ContainerRecipeSummary,
            filters={
                "name": name,
                "platform": platform,
                "containerType": container_type,
                "parentImage": parent_image,
            },
            owner=owner,
            max_results=page_size,
        )

    def latest(
        self,
        name: str,
        version_filter: VersionFilter | str = "x.x.x",
        *,
        owner: Ownership | str | None = None,
    ) -> ContainerRecipeSummary | None:
        """The greatest version of `name` matching `version_filter`, or None."""
        return self._latest(self.list, name, version_filter, owner)

    def get_policy(self, arn: str | Arn) -> str:
        """The resource policy of a container recipe, as JSON text."""
        response = self._caller.call(
            "GetContainerRecipePolicy", container_recipe_arn=self._arn(arn)
        )
        return str(response.get("policy") or "")

    def put_policy(self, arn: str | Arn, policy: str | Mapping[str, Any]) -> None:
        """Set the resource policy of a container recipe."""
        self._caller.call(
            "PutContainerRecipePolicy",
            container_recipe_arn=self._arn(arn),
            policy=policy_text(policy),
        )
