"""Container recipes: what goes into a container image."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    ComponentConfiguration,
    ContainerRecipe,
    ContainerRecipeSummary,
    ContainerType,
    InstanceConfiguration,
    Ownership,
    Platform,
    TargetContainerRepository,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, policy_text
from imagebuilder_sdk.versions import SemanticVersion, VersionFilter

__all__ = ["ContainerRecipes"]

_RENAMES = {"version": "semantic_version"}


class ContainerRecipes(Repository):
    """Create, read, list and delete container recipes; ``ib.container_recipes``."""

    __slots__ = ()
    resource_type = ResourceType.CONTAINER_RECIPE
    model_argument = "recipe"

    def create(
        self,
        recipe: ContainerRecipe | None = None,
        /,
        *,
        name: str | None = None,
        semantic_version: str | SemanticVersion | None = None,
        container_type: ContainerType | str | None = None,
        parent_image: str | None = None,
        target_repository: TargetContainerRepository | None = None,
        components: Sequence[ComponentConfiguration] | None = None,
        description: str | None = None,
        instance_configuration: InstanceConfiguration | None = None,
        dockerfile_template_data: str | None = None,
        dockerfile_template_uri: str | None = None,
        platform_override: Platform | str | None = None,
        image_os_version_override: str | None = None,
        working_directory: str | None = None,
        kms_key_id: str | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> ContainerRecipe:
        """Create a container recipe version from a model, keywords or both; return it."""
        params = self._request(
            "CreateContainerRecipe",
            recipe,
            _RENAMES,
            {
                "name": name,
                "semantic_version": semantic_version,
                "container_type": container_type,
                "parent_image": parent_image,
                "target_repository": target_repository,
                "components": components,
                "description": description,
                "instance_configuration": instance_configuration,
                "dockerfile_template_data": dockerfile_template_data,
                "dockerfile_template_uri": dockerfile_template_uri,
                "platform_override": platform_override,
                "image_os_version_override": image_os_version_override,
                "working_directory": working_directory,
                "kms_key_id": kms_key_id,
                "tags": tags,
                "client_token": client_token,
            },
        )
        response = self._caller.call("CreateContainerRecipe", **params)
        return self.get(response["container_recipe_arn"])

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
