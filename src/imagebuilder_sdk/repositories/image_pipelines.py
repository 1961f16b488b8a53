"""Image pipelines: a recipe, infrastructure and distribution run on a schedule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from imagebuilder_sdk._caller import Caller
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    ImagePipeline,
    ImageScanningConfiguration,
    ImageSummary,
    ImageTestsConfiguration,
    PipelineLoggingConfiguration,
    PipelineStatus,
    Schedule,
    WorkflowConfiguration,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, one_recipe
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

    def create(
        self,
        pipeline: ImagePipeline | None = None,
        /,
        *,
        name: str | None = None,
        infrastructure_configuration_arn: str | Arn | None = None,
        image_recipe_arn: str | Arn | None = None,
        container_recipe_arn: str | Arn | None = None,
        distribution_configuration_arn: str | Arn | None = None,
        description: str | None = None,
        image_tests_configuration: ImageTestsConfiguration | None = None,
        enhanced_image_metadata_enabled: bool | None = None,
        schedule: Schedule | None = None,
        status: PipelineStatus | str | None = None,
        image_scanning_configuration: ImageScanningConfiguration | None = None,
        workflows: Sequence[WorkflowConfiguration] | None = None,
        execution_role: str | None = None,
        logging_configuration: PipelineLoggingConfiguration | None = None,
        image_tags: Mapping[str, str] | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> ImagePipeline:
        """Create a pipeline from a model, keywords or both; return it as stored."""
        params = self._request(
            "CreateImagePipeline",
            pipeline,
            {},
            {
                "name": name,
                "infrastructure_configuration_arn": infrastructure_configuration_arn,
                "image_recipe_arn": image_recipe_arn,
                "container_recipe_arn": container_recipe_arn,
                "distribution_configuration_arn": distribution_configuration_arn,
                "description": description,
                "image_tests_configuration": image_tests_configuration,
                "enhanced_image_metadata_enabled": enhanced_image_metadata_enabled,
                "schedule": schedule,
                "status": status,
                "image_scanning_configuration": image_scanning_configuration,
                "workflows": workflows,
                "execution_role": execution_role,
                "logging_configuration": logging_configuration,
                "image_tags": image_tags,
                "tags": tags,
                "client_token": client_token,
            },
        )
        one_recipe(params.get("image_recipe_arn"), params.get("container_recipe_arn"))
        self._references(params)
        response = self._caller.call("CreateImagePipeline", **params)
        return self.get(response["image_pipeline_arn"])

    def update(
        self,
        pipeline: ImagePipeline | None = None,
        /,
        *,
        arn: str | Arn | None = None,
        infrastructure_configuration_arn: str | Arn | None = None,
        image_recipe_arn: str | Arn | None = None,
        container_recipe_arn: str | Arn | None = None,
        distribution_configuration_arn: str | Arn | None = None,
        description: str | None = None,
        image_tests_configuration: ImageTestsConfiguration | None = None,
        enhanced_image_metadata_enabled: bool | None = None,
        schedule: Schedule | None = None,
        status: PipelineStatus | str | None = None,
        image_scanning_configuration: ImageScanningConfiguration | None = None,
        workflows: Sequence[WorkflowConfiguration] | None = None,
        execution_role: str | None = None,
        logging_configuration: PipelineLoggingConfiguration | None = None,
        image_tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> ImagePipeline:
        """Replace a pipeline's settings; return it as stored.

        The service replaces the whole pipeline: pass the model from `get` changed
        with `attrs.evolve` (to enable it: ``status=PipelineStatus.ENABLED``).
        """
        params = self._request(
            "UpdateImagePipeline",
            pipeline,
            _RENAMES,
            {
                "image_pipeline_arn": arn,
                "infrastructure_configuration_arn": infrastructure_configuration_arn,
                "image_recipe_arn": image_recipe_arn,
                "container_recipe_arn": container_recipe_arn,
                "distribution_configuration_arn": distribution_configuration_arn,
                "description": description,
                "image_tests_configuration": image_tests_configuration,
                "enhanced_image_metadata_enabled": enhanced_image_metadata_enabled,
                "schedule": schedule,
                "status": status,
                "image_scanning_configuration": image_scanning_configuration,
                "workflows": workflows,
                "execution_role": execution_role,
                "logging_configuration": logging_configuration,
                "image_tags": image_tags,
                "client_token": client_token,
            },
        )
        self._target(params, "image_pipeline_arn")
        self._references(params)
        response = self._caller.call("UpdateImagePipeline", **params)
        return self.get(response["image_pipeline_arn"])

    def get(self, arn: str | Arn) -> ImagePipeline:
        """The pipeline an ARN names."""
        response = self._caller.call("GetImagePipeline", image_pipeline_arn=self._arn(arn))
        return converter.structure(response["image_pipeline"], ImagePipeline)

    def delete(self, arn: str | Arn) -> None:
        """Delete a pipeline (the images it built stay)."""
        self._caller.call("DeleteImagePipeline", image_pipeline_arn=self._arn(arn))

    def start(
        self,
        arn: str | Arn,
        *,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> ImageBuild:
        """Run the pipeline now; return a handle on the image build it started."""
        response = self._caller.call(
            "StartImagePipelineExecution",
            image_pipeline_arn=self._arn(arn),
            tags=tags,
            client_token=client_token,
        )
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
