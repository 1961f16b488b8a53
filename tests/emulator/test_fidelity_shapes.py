"""Answers shaped like the service's own: tags, version references, dates, parents.

Each behaviour names its source: AWS CLI example answers
(``awscli/examples/imagebuilder/*.rst`` in aws/aws-cli), the service model, the user guide.
"""

from __future__ import annotations

from tests.emulator.test_backend_support import AL2023, Api

ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"


def test_resources_without_tags_answer_an_empty_map() -> None:
    """Get and List answers carry ``"tags": {}`` for a resource that has none.

    Source: AWS CLI examples ``get-component.rst``, ``get-image-pipeline.rst`` and
    ``get-image.rst`` all show ``"tags": {}``, including in the recipe and
    infrastructure copies nested inside the image.
    """
    api = Api()
    component = api.component()
    assert api("GetComponent", componentBuildVersionArn=component)["component"]["tags"] == {}
    recipe = api.recipe()
    summaries = api("ListImageRecipes")["imageRecipeSummaryList"]
    assert [s["tags"] for s in summaries] == [{}]
    infra = api.infra()
    pipeline = api.pipeline(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    assert api("GetImagePipeline", imagePipelineArn=pipeline)["imagePipeline"]["tags"] == {}
    built = api.image(imageRecipeArn=recipe, infrastructureConfigurationArn=infra)
    image = api("GetImage", imageBuildVersionArn=built)["image"]
    assert image["tags"] == {}
    assert image["imageRecipe"]["tags"] == {}
    assert image["infrastructureConfiguration"]["tags"] == {}


def test_untagging_every_tag_leaves_an_empty_map() -> None:
    """After the last tag is removed the resource answers ``"tags": {}`` again."""
    api = Api()
    arn = api.component(tags={"team": "web"})
    api("UntagResource", resourceArn=arn, tagKeys=["team"])
    assert api("GetComponent", componentBuildVersionArn=arn)["component"]["tags"] == {}


def test_new_pipeline_has_date_updated_equal_to_date_created() -> None:
    """A pipeline never updated answers dateUpdated = dateCreated.

    Source: AWS CLI example ``get-image-pipeline.rst``: both are
    ``2020-02-19T19:04:01.253Z`` for a pipeline just created.
    """
    api = Api()
    pipeline = api("GetImagePipeline", imagePipelineArn=api.pipeline())["imagePipeline"]
    assert pipeline["dateUpdated"] == pipeline["dateCreated"]


def test_image_shows_the_parent_it_was_built_on() -> None:
    """The recipe copy inside an image names the resolved parent build, not x.x.x.

    Source: AWS CLI example ``get-image.rst`` (the version of the example at commit
    f41e03c): ``imageRecipe.parentImage`` is ``.../windows-server-2016-.../2019.12.17/1``.
    """
    api = Api()
    recipe = api.recipe()
    assert api("GetImageRecipe", imageRecipeArn=recipe)["imageRecipe"]["parentImage"] == AL2023
    image = api("GetImage", imageBuildVersionArn=api.image(imageRecipeArn=recipe))["image"]
    parent = image["imageRecipe"]["parentImage"]
    newest = api("GetImage", imageBuildVersionArn=AL2023)["image"]["arn"]
    assert parent == newest
    assert not parent.endswith("x.x.x")


def test_recipe_and_image_versions_keep_their_text() -> None:
    """A recipe made as 2019.12.03 builds image 2019.12.03/1; both ARNs work by number.

    Source: AWS CLI example ``get-image.rst`` (commit f41e03c): recipe
    ``.../mybasicrecipe/2019.12.03`` builds ``.../image/mybasicrecipe/2019.12.03/1``.
    Issue 16 item 1: DeleteImage and DeleteImageRecipe accept the ARN with plain
    numbers as GetImage does.
    """
    api = Api()
    recipe = api.recipe(version="2019.12.03")
    assert recipe == f"{ACCOUNT}:image-recipe/web/2019.12.03"
    image = api.image(imageRecipeArn=recipe)
    assert image == f"{ACCOUNT}:image/web/2019.12.03/1"
    assert api("GetImage", imageBuildVersionArn=image)["image"]["version"] == "2019.12.03/1"
    plain_image = image.replace("2019.12.03", "2019.12.3")
    api("CancelImageCreation", imageBuildVersionArn=plain_image)
    builds = api("ListImageBuildVersions", imageVersionArn=plain_image.rsplit("/", 1)[0])
    assert [b["arn"] for b in builds["imageSummaryList"]] == [image]
    api("DeleteImage", imageBuildVersionArn=plain_image)
    api("DeleteImageRecipe", imageRecipeArn=recipe.replace("2019.12.03", "2019.12.3"))
    assert api.error("GetImageRecipe", imageRecipeArn=recipe).code == "ResourceNotFoundException"


def test_duplicate_recipe_names_the_existing_resource() -> None:
    """A recipe name and version that exist are refused with ResourceAlreadyExistsException.

    Source: the service model ("The recipe name, combined with the semantic version,
    must be unique"); the answer's wording as quoted in the public pull request
    ministryofjustice/modernisation-platform-ami-builds#549.
    """
    api = Api()
    arn = api.recipe(name="web_server")
    error = api.error(
        "CreateImageRecipe", name="Web Server", semanticVersion="1.0.0", parentImage=AL2023
    )
    assert error.code == "ResourceAlreadyExistsException"
    assert f"'ImageRecipe' already exists: '{arn}'" in error.message
