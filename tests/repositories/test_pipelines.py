"""`ib.image_pipelines` against the emulator: update, start, the images it built."""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuild, ImageBuilder
from imagebuilder_sdk.errors import InvalidInputError, InvalidRequestError, ResourceNotFoundError
from imagebuilder_sdk.models import (
    DistributionConfiguration,
    ImagePipeline,
    ImageRecipe,
    ImageStatus,
    ImageSummary,
    InfrastructureConfiguration,
    PipelineStatus,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent


def test_create_returns_the_stored_pipeline(
    pipeline: ImagePipeline, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """create() returns the pipeline with its references and status."""
    assert pipeline.arn == "arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly"
    assert pipeline.image_recipe_arn == recipe.arn
    assert pipeline.infrastructure_configuration_arn == infrastructure.arn
    assert pipeline.status is PipelineStatus.ENABLED


def test_get_and_list(ib: ImageBuilder, pipeline: ImagePipeline) -> None:
    """get() returns the pipeline; list() yields ImagePipeline items."""
    assert ib.image_pipelines.get(str(pipeline.arn)) == pipeline
    assert [p.arn for p in ib.image_pipelines.list(name="nightly")] == [pipeline.arn]


def test_update_from_an_evolved_model(
    ib: ImageBuilder,
    emulator: Emulator,
    pipeline: ImagePipeline,
    distribution: DistributionConfiguration,
) -> None:
    """update(attrs.evolve(get(...), ...)) changes the given settings only."""
    fetched = ib.image_pipelines.get(str(pipeline.arn))
    updated = ib.image_pipelines.update(
        attrs.evolve(
            fetched,
            description="with distribution",
            distribution_configuration_arn=distribution.arn,
        )
    )
    assert updated.description == "with distribution"
    assert updated.distribution_configuration_arn == distribution.arn
    assert updated.image_recipe_arn == pipeline.image_recipe_arn
    (request,) = sent(emulator, "UpdateImagePipeline")
    assert request.params["imagePipelineArn"] == pipeline.arn


def test_start_on_a_disabled_pipeline_is_an_invalid_request(
    ib: ImageBuilder, pipeline: ImagePipeline
) -> None:
    """Starting a DISABLED pipeline raises InvalidRequestError, an InvalidInputError."""
    disabled = ib.image_pipelines.update(attrs.evolve(pipeline, status=PipelineStatus.DISABLED))
    assert disabled.status is PipelineStatus.DISABLED
    with pytest.raises(InvalidRequestError) as caught:
        ib.image_pipelines.start(str(pipeline.arn))
    assert isinstance(caught.value, InvalidInputError)
    assert caught.value.operation == "StartImagePipelineExecution"
    assert caught.value.code == "InvalidRequestException"


def test_start_returns_a_build_handle(ib: ImageBuilder, pipeline: ImagePipeline) -> None:
    """An enabled pipeline starts a build whose handle waits to AVAILABLE."""
    handle = ib.image_pipelines.start(str(pipeline.arn))
    assert isinstance(handle, ImageBuild)
    image = handle.wait()
    assert image.state is not None
    assert image.state.status is ImageStatus.AVAILABLE


def test_images_lists_what_the_pipeline_built(ib: ImageBuilder, pipeline: ImagePipeline) -> None:
    """images() yields an ImageSummary per build the pipeline started."""
    first = ib.image_pipelines.start(str(pipeline.arn))
    first.wait()
    second = ib.image_pipelines.start(str(pipeline.arn))
    built = list(ib.image_pipelines.images(str(pipeline.arn), page_size=1))
    assert {type(i) for i in built} == {ImageSummary}
    assert sorted(str(i.arn) for i in built) == sorted([first.arn, second.arn])


def test_delete(ib: ImageBuilder, pipeline: ImagePipeline) -> None:
    """After delete(), get() raises ResourceNotFoundError."""
    ib.image_pipelines.delete(str(pipeline.arn))
    with pytest.raises(ResourceNotFoundError):
        ib.image_pipelines.get(str(pipeline.arn))
