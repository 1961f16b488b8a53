"""Backend tests for image recipes and container recipes."""

from __future__ import annotations

from tests.emulator.test_backend_support import AL2023, UPDATE_LINUX, Api

WINDOWS = "arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2022-english-full-base-x86/x.x.x"
ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"


def test_create_image_recipe_returns_a_version_arn() -> None:
    """CreateImageRecipe mints a version ARN with the name lower-cased."""
    assert Api().recipe("Web Server", "1.2.0") == f"{ACCOUNT}:image-recipe/web-server/1.2.0"


def test_get_image_recipe_returns_the_recipe() -> None:
    """GetImageRecipe returns the recipe with the platform of its parent image."""
    api = Api()
    arn = api.recipe(description="web", tags={"env": "dev"}, workingDirectory="/tmp")
    recipe = api("GetImageRecipe", imageRecipeArn=arn)["imageRecipe"]
    assert recipe["arn"] == arn
    assert recipe["type"] == "AMI"
    assert recipe["platform"] == "Linux"
    assert recipe["parentImage"] == AL2023
    assert recipe["components"] == [{"componentArn": UPDATE_LINUX}]
    assert recipe["owner"] == "123456789012"
    assert recipe["tags"] == {"env": "dev"}


def test_get_image_recipe_by_wildcard() -> None:
    """A wildcard recipe ARN names the latest matching version."""
    api = Api()
    for version in ("1.0.0", "1.4.0", "2.0.0"):
        api.recipe(version=version)
    got = api("GetImageRecipe", imageRecipeArn=f"{ACCOUNT}:image-recipe/web/1.x.x")
    assert got["imageRecipe"]["version"] == "1.4.0"
    refs = got["latestVersionReferences"]
    assert refs["latestVersionArn"] == f"{ACCOUNT}:image-recipe/web/x.x.x"
    assert refs["latestMinorVersionArn"] == f"{ACCOUNT}:image-recipe/web/1.4.x"


def test_recipe_on_a_windows_parent_is_windows() -> None:
    """The recipe's platform comes from its parent image."""
    api = Api()
    update = "arn:aws:imagebuilder:us-east-1:aws:component/update-windows/x.x.x"
    arn = api.recipe(parentImage=WINDOWS, components=[{"componentArn": update}])
    assert api("GetImageRecipe", imageRecipeArn=arn)["imageRecipe"]["platform"] == "Windows"


def test_recipe_on_an_ami_id_is_accepted() -> None:
    """An AMI id is a valid parent image."""
    api = Api()
    arn = api.recipe(parentImage="ami-0123456789abcdef0")
    assert api("GetImageRecipe", imageRecipeArn=arn)["imageRecipe"]["parentImage"].startswith(
        "ami-"
    )


def test_recipe_with_a_component_of_another_platform_is_refused() -> None:
    """A Windows component in a Linux recipe raises InvalidParameterValueException."""
    update = "arn:aws:imagebuilder:us-east-1:aws:component/update-windows/x.x.x"
    error = Api().error(
        "CreateImageRecipe",
        name="web",
        semanticVersion="1.0.0",
        parentImage=AL2023,
        components=[{"componentArn": update}],
    )
    assert error.code == "InvalidParameterValueException"
    assert "components[0]" in error.message


def test_recipe_with_a_missing_component_is_refused() -> None:
    """A component ARN that resolves to nothing raises InvalidParameterValueException."""
    error = Api().error(
        "CreateImageRecipe",
        name="web",
        semanticVersion="1.0.0",
        parentImage=AL2023,
        components=[{"componentArn": f"{ACCOUNT}:component/missing/1.0.0/1"}],
    )
    assert error.code == "InvalidParameterValueException"
    assert "components[0].componentArn" in error.message


def test_recipe_with_a_missing_parent_image_is_refused() -> None:
    """A parent image ARN that resolves to nothing raises InvalidParameterValueException."""
    error = Api().error(
        "CreateImageRecipe",
        name="web",
        semanticVersion="1.0.0",
        parentImage="arn:aws:imagebuilder:us-east-1:aws:image/no-such-image/x.x.x",
    )
    assert error.code == "InvalidParameterValueException"
    assert "parentImage" in error.message


def test_recipe_with_a_nonsense_parent_image_is_refused() -> None:
    """A parent image that is neither an AMI, SSM parameter nor ARN is refused."""
    error = Api().error(
        "CreateImageRecipe", name="web", semanticVersion="1.0.0", parentImage="ubuntu"
    )
    assert error.code == "InvalidParameterValueException"


def test_recipe_component_parameters_are_checked() -> None:
    """Parameters a component does not declare are refused; declared ones pass."""
    api = Api()
    component = api.component()
    good = [{"componentArn": component, "parameters": [{"name": "greeting", "value": ["hi"]}]}]
    api.recipe(components=good)
    bad = [{"componentArn": component, "parameters": [{"name": "colour", "value": ["red"]}]}]
    error = api.error(
        "CreateImageRecipe", name="web", semanticVersion="2.0.0", parentImage=AL2023, components=bad
    )
    assert error.code == "InvalidParameterValueException"


def test_recipe_wildcard_version_is_the_next_version() -> None:
    """A recipe created as 1.0.x gets the next patch of 1.0 (1.x.x the next minor).

    Source: the user guide, "Create a new version of an image recipe": "When you
    create a recipe with a wildcard version such as 1.0.x, Image Builder automatically
    increments the version (for example, 1.0.1, 1.0.2, 1.0.3 ...)". With no 1.0
    version yet the emulator starts at 1.0.0 (the guide does not say).
    """
    api = Api()
    made = [api.recipe(version="1.0.x") for _ in range(3)]
    assert [arn.rsplit("/", 1)[1] for arn in made] == ["1.0.0", "1.0.1", "1.0.2"]
    assert api.recipe(version="1.x.x").endswith("/web/1.1.0")
    assert api.recipe(version="x.x.x").endswith("/web/2.0.0")
    answer = api("GetImageRecipe", imageRecipeArn=made[2])
    assert answer["imageRecipe"]["version"] == "1.0.2"


def test_container_recipe_wildcard_version_is_the_next_version() -> None:
    """Container recipes take wildcard versions the same way (the model's pattern)."""
    api = Api()
    assert api.container_recipe(version="2.3.x").endswith("/app/2.3.0")
    assert api.container_recipe(version="2.3.x").endswith("/app/2.3.1")


def test_recipe_wildcard_before_a_number_is_refused() -> None:
    """1.x.3 is not a version to increment: InvalidVersionNumberException.

    Source: the user guide's semantic versioning page ("1.x.8 is not valid").
    """
    error = Api().error(
        "CreateImageRecipe", name="web", semanticVersion="1.x.3", parentImage=AL2023
    )
    assert error.code == "InvalidVersionNumberException"


def test_duplicate_recipe_version_is_refused() -> None:
    """The same recipe name and version raises ResourceAlreadyExistsException."""
    api = Api()
    api.recipe()
    error = api.error("CreateImageRecipe", name="Web", semanticVersion="1.0.0", parentImage=AL2023)
    assert error.code == "ResourceAlreadyExistsException"


def test_list_image_recipes_filters_by_name() -> None:
    """ListImageRecipes filters on name and lists summaries."""
    api = Api()
    api.recipe("web")
    api.recipe("database")
    listed = api("ListImageRecipes", filters=[{"name": "name", "values": ["database"]}])
    assert [s["name"] for s in listed["imageRecipeSummaryList"]] == ["database"]
    assert listed["imageRecipeSummaryList"][0]["parentImage"] == AL2023


def test_list_image_recipes_amazon_owner_is_empty() -> None:
    """Own recipes are not listed under owner=Amazon."""
    api = Api()
    api.recipe()
    assert api("ListImageRecipes", owner="Amazon")["imageRecipeSummaryList"] == []


def test_delete_image_recipe() -> None:
    """DeleteImageRecipe removes the recipe; getting it then is not found."""
    api = Api()
    arn = api.recipe()
    assert api("DeleteImageRecipe", imageRecipeArn=arn)["imageRecipeArn"] == arn
    assert api.error("GetImageRecipe", imageRecipeArn=arn).code == "ResourceNotFoundException"


def test_delete_image_recipe_with_wildcard_is_refused() -> None:
    """Deleting takes one version, not a wildcard."""
    api = Api()
    api.recipe()
    error = api.error("DeleteImageRecipe", imageRecipeArn=f"{ACCOUNT}:image-recipe/web/x.x.x")
    assert error.code == "InvalidRequestException"


def test_delete_image_recipe_used_by_a_pipeline_is_refused() -> None:
    """A recipe a pipeline uses raises ResourceDependencyException."""
    api = Api()
    recipe = api.recipe()
    api.pipeline(imageRecipeArn=recipe)
    assert (
        api.error("DeleteImageRecipe", imageRecipeArn=recipe).code == "ResourceDependencyException"
    )


def test_create_container_recipe() -> None:
    """CreateContainerRecipe stores the Dockerfile template and the target repository."""
    api = Api()
    arn = api.container_recipe(instanceConfiguration={"image": "ami-0123456789abcdef0"})
    recipe = api("GetContainerRecipe", containerRecipeArn=arn)["containerRecipe"]
    assert arn == f"{ACCOUNT}:container-recipe/app/1.0.0"
    assert recipe["containerType"] == "DOCKER"
    assert recipe["targetRepository"] == {"service": "ECR", "repositoryName": "app-repo"}
    assert "imagebuilder:components" in recipe["dockerfileTemplateData"]
    assert recipe["platform"] == "Linux"


def test_container_recipe_needs_one_dockerfile_source() -> None:
    """Neither template data nor URI raises InvalidRequestException."""
    error = Api().error(
        "CreateContainerRecipe",
        containerType="DOCKER",
        name="app",
        semanticVersion="1.0.0",
        parentImage="amazonlinux:2023",
        targetRepository={"service": "ECR", "repositoryName": "r"},
    )
    assert error.code == "InvalidRequestException"


def test_list_container_recipes_shows_the_instance_image() -> None:
    """ListContainerRecipes summaries carry the instance image and filter by type."""
    api = Api()
    api.container_recipe(instanceConfiguration={"image": "ami-0123456789abcdef0"})
    listed = api("ListContainerRecipes", filters=[{"name": "containerType", "values": ["DOCKER"]}])
    [summary] = listed["containerRecipeSummaryList"]
    assert summary["instanceImage"] == "ami-0123456789abcdef0"


def test_delete_container_recipe() -> None:
    """DeleteContainerRecipe removes the recipe."""
    api = Api()
    arn = api.container_recipe()
    api("DeleteContainerRecipe", containerRecipeArn=arn)
    assert api("ListContainerRecipes")["containerRecipeSummaryList"] == []


def test_delete_unknown_container_recipe_is_not_found() -> None:
    """Deleting an unknown container recipe raises ResourceNotFoundException."""
    error = Api().error(
        "DeleteContainerRecipe", containerRecipeArn=f"{ACCOUNT}:container-recipe/x/1.0.0"
    )
    assert error.code == "ResourceNotFoundException"
