"""Backend tests for image pipelines: lifecycle, start, and the images they made."""

from __future__ import annotations

from tests.emulator.test_backend_support import Api

ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"


def test_create_and_get_image_pipeline() -> None:
    """A pipeline gets its platform from the recipe and is ENABLED by default."""
    api = Api()
    arn = api.pipeline("Nightly Web", schedule={"scheduleExpression": "cron(0 0 * * ? *)"})
    assert arn == f"{ACCOUNT}:image-pipeline/nightly-web"
    pipeline = api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]
    assert pipeline["platform"] == "Linux"
    assert pipeline["status"] == "ENABLED"
    assert pipeline["imageTestsConfiguration"]["imageTestsEnabled"] is True
    assert pipeline["schedule"]["pipelineExecutionStartCondition"].startswith("EXPRESSION_MATCH")
    assert "dateLastRun" not in pipeline


def test_pipeline_with_a_missing_recipe_is_refused() -> None:
    """A recipe ARN that resolves to nothing raises InvalidParameterValueException."""
    api = Api()
    error = api.error(
        "CreateImagePipeline",
        name="pipe",
        imageRecipeArn=f"{ACCOUNT}:image-recipe/missing/1.0.0",
        infrastructureConfigurationArn=api.infra(),
    )
    assert error.code == "InvalidParameterValueException"
    assert "imageRecipeArn" in error.message


def test_pipeline_with_a_missing_infrastructure_configuration_is_refused() -> None:
    """An unknown infrastructure configuration raises InvalidParameterValueException."""
    api = Api()
    error = api.error(
        "CreateImagePipeline",
        name="pipe",
        imageRecipeArn=api.recipe(),
        infrastructureConfigurationArn=f"{ACCOUNT}:infrastructure-configuration/missing",
    )
    assert error.code == "InvalidParameterValueException"
    assert "infrastructureConfigurationArn" in error.message


def test_pipeline_needs_exactly_one_recipe() -> None:
    """Both an image and a container recipe raise InvalidRequestException."""
    api = Api()
    error = api.error(
        "CreateImagePipeline",
        name="pipe",
        imageRecipeArn=api.recipe(),
        containerRecipeArn=api.container_recipe(),
        infrastructureConfigurationArn=api.infra(),
    )
    assert error.code == "InvalidRequestException"


def test_duplicate_pipeline_name_is_refused() -> None:
    """The same pipeline name raises ResourceAlreadyExistsException."""
    api = Api()
    api.pipeline()
    error = api.error(
        "CreateImagePipeline",
        name="pipe",
        imageRecipeArn=f"{ACCOUNT}:image-recipe/web/1.0.0",
        infrastructureConfigurationArn=f"{ACCOUNT}:infrastructure-configuration/infra",
    )
    assert error.code == "ResourceAlreadyExistsException"


def test_update_image_pipeline_disables_it() -> None:
    """UpdateImagePipeline replaces settings; a DISABLED pipeline cannot start."""
    api = Api()
    arn = api.pipeline()
    pipeline = api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]
    api(
        "UpdateImagePipeline",
        imagePipelineArn=arn,
        imageRecipeArn=pipeline["imageRecipeArn"],
        infrastructureConfigurationArn=pipeline["infrastructureConfigurationArn"],
        status="DISABLED",
    )
    assert api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]["status"] == "DISABLED"
    error = api.error("StartImagePipelineExecution", imagePipelineArn=arn)
    assert error.code == "InvalidRequestException"


def test_update_pipeline_with_a_missing_recipe_is_refused() -> None:
    """An update naming a missing recipe is refused and changes nothing."""
    api = Api()
    arn = api.pipeline()
    before = api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]
    error = api.error(
        "UpdateImagePipeline",
        imagePipelineArn=arn,
        imageRecipeArn=f"{ACCOUNT}:image-recipe/missing/1.0.0",
        infrastructureConfigurationArn=before["infrastructureConfigurationArn"],
    )
    assert error.code == "InvalidParameterValueException"
    after = api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]
    assert after["imageRecipeArn"] == before["imageRecipeArn"]


def test_start_pipeline_builds_the_recipe_and_records_the_run() -> None:
    """StartImagePipelineExecution makes an image of the recipe and sets dateLastRun."""
    api = Api()
    arn = api.pipeline(imageTags={"from": "pipeline"})
    image_arn = api("StartImagePipelineExecution", imagePipelineArn=arn, tags={"run": "1"})[
        "imageBuildVersionArn"
    ]
    assert image_arn == f"{ACCOUNT}:image/web/1.0.0/1"
    image = api("GetImage", imageBuildVersionArn=image_arn)["image"]
    assert image["sourcePipelineArn"] == arn
    assert image["sourcePipelineName"] == "pipe"
    assert image["tags"] == {"from": "pipeline", "run": "1"}
    pipeline = api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]
    assert pipeline["dateLastRun"] == image["dateCreated"]
    assert pipeline["lastRunStatus"] == "PENDING"


def test_pipeline_last_run_status_follows_the_clock() -> None:
    """lastRunStatus tracks the latest build as time passes."""
    api = Api()
    arn = api.pipeline()
    api("StartImagePipelineExecution", imagePipelineArn=arn)
    api.clock.advance(3600)
    assert (
        api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"]["lastRunStatus"]
        == "AVAILABLE"
    )


def test_pipeline_on_a_wildcard_recipe_builds_the_latest_version() -> None:
    """A pipeline naming recipe 1.x.x builds the newest 1.x version at each start."""
    api = Api()
    api.recipe(version="1.0.0")
    arn = api.pipeline(imageRecipeArn=f"{ACCOUNT}:image-recipe/web/1.x.x")
    api.recipe(version="1.1.0")
    image = api("StartImagePipelineExecution", imagePipelineArn=arn)["imageBuildVersionArn"]
    assert image.endswith("/web/1.1.0/1")


def test_start_unknown_pipeline_is_not_found() -> None:
    """Starting an unknown pipeline raises ResourceNotFoundException."""
    error = Api().error(
        "StartImagePipelineExecution", imagePipelineArn=f"{ACCOUNT}:image-pipeline/nope"
    )
    assert error.code == "ResourceNotFoundException"


def test_list_image_pipeline_images() -> None:
    """ListImagePipelineImages lists only the builds this pipeline started."""
    api = Api()
    arn = api.pipeline()
    first = api("StartImagePipelineExecution", imagePipelineArn=arn)["imageBuildVersionArn"]
    second = api("StartImagePipelineExecution", imagePipelineArn=arn)["imageBuildVersionArn"]
    api.image(
        imageRecipeArn=f"{ACCOUNT}:image-recipe/web/1.0.0",
        infrastructureConfigurationArn=f"{ACCOUNT}:infrastructure-configuration/infra",
    )
    listed = api("ListImagePipelineImages", imagePipelineArn=arn)["imageSummaryList"]
    assert [s["arn"] for s in listed] == [first, second]


def test_list_image_pipeline_images_rejects_other_filters() -> None:
    """Only name and version filter pipeline images."""
    api = Api()
    arn = api.pipeline()
    error = api.error(
        "ListImagePipelineImages",
        imagePipelineArn=arn,
        filters=[{"name": "platform", "values": ["Linux"]}],
    )
    assert error.code == "InvalidParameterValueException"


def test_list_image_pipelines_filters_by_status() -> None:
    """ListImagePipelines filters on status."""
    api = Api()
    recipe, infra = api.recipe(), api.infra()
    api.pipeline("enabled", imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    api.pipeline(
        "disabled", imageRecipeArn=recipe, infrastructureConfigurationArn=infra, status="DISABLED"
    )
    listed = api("ListImagePipelines", filters=[{"name": "status", "values": ["DISABLED"]}])
    assert [p["name"] for p in listed["imagePipelineList"]] == ["disabled"]


def test_delete_pipeline_keeps_its_images() -> None:
    """Deleting a pipeline leaves its images."""
    api = Api()
    arn = api.pipeline()
    image = api("StartImagePipelineExecution", imagePipelineArn=arn)["imageBuildVersionArn"]
    api("DeleteImagePipeline", imagePipelineArn=arn)
    assert api.error("GetImagePipeline", imagePipelineArn=arn).code == "ResourceNotFoundException"
    assert api("GetImage", imageBuildVersionArn=image)["image"]["arn"] == image
