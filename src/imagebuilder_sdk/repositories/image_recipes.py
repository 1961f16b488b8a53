"""Image recipes: what goes into an AMI."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    AdditionalInstanceConfiguration,
    ComponentConfiguration,
    ImageRecipe,
    ImageRecipeSummary,
    InstanceBlockDeviceMapping,
    Ownership,
    Platform,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, policy_text
from imagebuilder_sdk.versions import SemanticVersion, VersionFilter

__all__ = ["ImageRecipes"]

_RENAMES = {"version": "semantic_version"}


class ImageRecipes(Repository):
    """Create, read, list and delete image recipes; ``ib.image_recipes``."""

    __slots__ = ()
    resource_type = ResourceType.IMAGE_RECIPE
    model_argument = "recipe"

    def create(
        self,
        recipe: ImageRecipe | None = None,
        /,
        *,
        name: str | None = None,
        semantic_version: str | SemanticVersion | None = None,
        parent_image: str | Arn | None = None,
        components: Sequence[ComponentConfiguration] | None = None,
        description: str | None = None,
        block_device_mappings: Sequence[InstanceBlockDeviceMapping] | None = None,
        working_directory: str | None = None,
        additional_instance_configuration: AdditionalInstanceConfiguration | None = None,
        ami_tags: Mapping[str, str] | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> ImageRecipe:
        """Create an image recipe version from a model, keywords or both; return it."""
        params = self._request(
            "CreateImageRecipe",
            recipe,
            _RENAMES,
            {
                "name": name,
                "semantic_version": semantic_version,
                "parent_image": parent_image,
                "components": components,
                "description": description,
                "block_device_mappings": block_device_mappings,
                "working_directory": working_directory,
                "additional_instance_configuration": additional_instance_configuration,
                "ami_tags": ami_tags,
                "tags": tags,
                "client_token": client_token,
            },
        )
        response = self._caller.call("CreateImageRecipe", **params)
        return self.get(response["image_recipe_arn"])

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
