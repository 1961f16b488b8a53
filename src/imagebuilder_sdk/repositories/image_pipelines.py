"""Image pipelines: a recipe, infrastructure and distribution run on a schedule."""

from __future__ import annotations

from typing import Any, overload

from typing_extensions import Unpack

from imagebuilder_sdk._caller import Caller
from imagebuilder_sdk.arguments import (
    CreateImagePipelineArguments,
    CreateImagePipelineOverrides,
    StartImagePipelineExecutionArguments,
    UpdateImagePipelineArguments,
    UpdateImagePipelineOverrides,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    ImagePipeline,
    ImageSummary,
    PipelineStatus,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, one_recipe, takes
from imagebuilder_sdk.repositories.images import ImageBuild, Images

__all__ = ["ImagePipelines"]

_RENAMES = {"arn": "image_pipeline_arn"}


class ImagePipelines(Repository):
    """Create, read, update, start, list and delete pipelines; ``ib.image_pipelines``."""

    __slots__ = ("_images",)
    resource_type = ResourceType.IMAGE_PIPELINE
    model_argument = "pipeline"

    def __init__(self, caller: Caller, images: Images) -> None:
        super().__init__(caller)
        self._images = images

    @overload
    def create(
        self, pipeline: ImagePipeline, /, **overrides: Unpack[CreateImagePipelineOverrides]
    ) -> ImagePipeline: ...
    @overload
    def create(self, /, **arguments: Unpack[CreateImagePipelineArguments]) -> ImagePipeline: ...
    @takes("CreateImagePipeline")
    def create(self, pipeline: ImagePipeline | None = None, /, **arguments: Any) -> ImagePipeline:
        """Create a pipeline from a model, keywords or both; return it as stored.

        Give exactly one of `image_recipe_arn` and `container_recipe_arn`.
        """
        return self.get(self._create_arn(pipeline, arguments))

    def _create_arn(
        self,
        pipeline: ImagePipeline | None,
        arguments: dict[str, Any],
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateImagePipeline", pipeline, {}, arguments)
        one_recipe(params.get("image_recipe_arn"), params.get("container_recipe_arn"))
        self._references(params)
        response = self._caller.call("CreateImagePipeline", **params)
        return str(response["image_pipeline_arn"])

    @overload
    def update(
        self, pipeline: ImagePipeline, /, **overrides: Unpack[UpdateImagePipelineOverrides]
    ) -> ImagePipeline: ...
    @overload
    def update(self, /, **arguments: Unpack[UpdateImagePipelineArguments]) -> ImagePipeline: ...
    @takes("UpdateImagePipeline")
    def update(self, pipeline: ImagePipeline | None = None, /, **arguments: Any) -> ImagePipeline:
        """Replace a pipeline's settings; return it as stored.

        The service replaces the whole pipeline: pass the model from `get` changed
        with `attrs.evolve` (to enable it: ``status=PipelineStatus.ENABLED``); `arn`
        names the pipeline when no model does.
        """
        params = self._request("UpdateImagePipeline", pipeline, _RENAMES, arguments)
        self._target(params, "image_pipeline_arn")
        self._references(params)
        response = self._caller.call("UpdateImagePipeline", **params)
        return self.get(response["image_pipeline_arn"])

    def get(self, arn: str | Arn) -> ImagePipeline:
        """The pipeline an ARN names."""
        response = self._caller.call("GetImagePipeline", image_pipeline_arn=self._arn(arn))
        return self._fetched_tags.remember(
            converter.structure(response["image_pipeline"], ImagePipeline)
        )

    def delete(self, arn: str | Arn) -> None:
        """Delete a pipeline (the images it built stay)."""
        self._caller.call("DeleteImagePipeline", image_pipeline_arn=self._arn(arn))

    @takes("StartImagePipelineExecution")
    def start(
        self, arn: str | Arn, /, **arguments: Unpack[StartImagePipelineExecutionArguments]
    ) -> ImageBuild:
        """Run the pipeline now; return a handle on the image build it started."""
        params: dict[str, object] = {**arguments, "image_pipeline_arn": self._arn(arn)}
        response = self._caller.call("StartImagePipelineExecution", **params)
        return ImageBuild(str(response["image_build_version_arn"]), self._images)

    def list(
        self,
        *,
        name: str | None = None,
        status: PipelineStatus | str | None = None,
        image_recipe_arn: str | None = None,
        infrastructure_configuration_arn: str | None = None,
        distribution_configuration_arn: str | None = None,
        description: str | None = None,
        page_size: int | None = None,
    ) -> Paginated[ImagePipeline]:
        """Pipelines, lazily; options filter on the service side."""
        return self._list(
            "ListImagePipelines",
            "image_pipeline_list",
            ImagePipeline,
            filters={
                "name": name,
                "status": status,
                "imageRecipeArn": image_recipe_arn,
                "infrastructureConfigurationArn": infrastructure_configuration_arn,
                "distributionConfigurationArn": distribution_configuration_arn,
                "description": description,
            },
            max_results=page_size,
        )

    def images(
        self,
        arn: str | Arn,
        *,
        name: str | None = None,
        version: str | None = None,
        page_size: int | None = None,
    ) -> Paginated[ImageSummary]:
        """The images a pipeline built, lazily."""
        return self._list(
            "ListImagePipelineImages",
            "image_summary_list",
            ImageSummary,
            filters={"name": name, "version": version},
            image_pipeline_arn=self._arn(arn),
            max_results=page_size,
        )
