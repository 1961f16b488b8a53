"""`ib.image_recipes` and `ib.container_recipes` against the emulator."""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.errors import ResourceDependencyError, ResourceNotFoundError
from imagebuilder_sdk.models import (
    Component,
    ContainerRecipe,
    ContainerRecipeSummary,
    ContainerType,
    ImageRecipe,
    ImageRecipeSummary,
    InfrastructureConfiguration,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import PARENT_IMAGE, sent


def test_image_recipe_create_returns_the_stored_recipe(
    recipe: ImageRecipe, component: Component
) -> None:
    """create() returns the recipe with its ARN, version and components."""
    assert recipe.arn == "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web-server/1.0.0"
    assert recipe.version == "1.0.0"
    assert recipe.parent_image == PARENT_IMAGE
    assert recipe.components is not None
    assert [c.component_arn for c in recipe.components] == [component.arn]


def test_image_recipe_create_sends_components_in_wire_form(
    emulator: Emulator, recipe: ImageRecipe, component: Component
) -> None:
    """Component configurations go out as API dicts."""
    (request,) = sent(emulator, "CreateImageRecipe")
    assert request.params["components"] == [{"componentArn": component.arn}]
    assert request.params["semanticVersion"] == "1.0.0"


def test_image_recipe_from_a_model_with_a_new_version(
    ib: ImageBuilder, recipe: ImageRecipe
) -> None:
    """A recipe from get(), evolved to a new version, creates that version."""
    fetched = ib.image_recipes.get(str(recipe.arn))
    created = ib.image_recipes.create(attrs.evolve(fetched, version="1.0.1"))
    assert created.arn == str(recipe.arn).replace("1.0.0", "1.0.1")
    assert created.components == recipe.components


def test_image_recipe_get_returns_an_image_recipe(ib: ImageBuilder, recipe: ImageRecipe) -> None:
    """get() returns the same ImageRecipe create() did."""
    assert ib.image_recipes.get(str(recipe.arn)) == recipe


def test_image_recipe_list_yields_summaries(ib: ImageBuilder, recipe: ImageRecipe) -> None:
    """list() yields ImageRecipeSummary items, filtered by name."""
    listed = list(ib.image_recipes.list(name="web-server"))
    assert [(type(r), r.arn) for r in listed] == [(ImageRecipeSummary, recipe.arn)]


def test_image_recipe_latest(ib: ImageBuilder, recipe: ImageRecipe) -> None:
    """latest() picks the greatest version, as numbers."""
    ib.image_recipes.create(recipe, semantic_version="1.0.10")
    ib.image_recipes.create(recipe, semantic_version="1.0.9")
    best = ib.image_recipes.latest("web-server", "1.0.x")
    assert best is not None
    assert best.arn == str(recipe.arn).replace("1.0.0", "1.0.10")


def test_image_recipe_delete(ib: ImageBuilder, recipe: ImageRecipe) -> None:
    """After delete(), get() raises ResourceNotFoundError."""
    ib.image_recipes.delete(str(recipe.arn))
    with pytest.raises(ResourceNotFoundError):
        ib.image_recipes.get(str(recipe.arn))


def test_recipe_in_use_cannot_be_deleted(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """Deleting a recipe a pipeline uses raises ResourceDependencyError."""
    ib.image_pipelines.create(
        name="uses-it",
        image_recipe_arn=recipe.arn,
        infrastructure_configuration_arn=infrastructure.arn,
    )
    with pytest.raises(ResourceDependencyError) as caught:
        ib.image_recipes.delete(str(recipe.arn))
    assert caught.value.operation == "DeleteImageRecipe"


def test_container_recipe_create_returns_the_stored_recipe(
    container_recipe: ContainerRecipe,
) -> None:
    """create() returns the container recipe with its type and target."""
    assert container_recipe.arn == (
        "arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/web-container/1.0.0"
    )
    assert container_recipe.container_type is ContainerType.DOCKER
    assert container_recipe.target_repository is not None
    assert container_recipe.target_repository.repository_name == "web"


def test_container_recipe_from_a_model_with_a_new_version(
    ib: ImageBuilder, container_recipe: ContainerRecipe
) -> None:
    """A container recipe from get(), evolved to a new version, creates that version."""
    fetched = ib.container_recipes.get(str(container_recipe.arn))
    created = ib.container_recipes.create(attrs.evolve(fetched, version="2.0.0"))
    assert created.version == "2.0.0"
    assert created.dockerfile_template_data == container_recipe.dockerfile_template_data


def test_container_recipe_list_and_latest(
    ib: ImageBuilder, container_recipe: ContainerRecipe
) -> None:
    """list() yields ContainerRecipeSummary items; latest() finds the newest."""
    ib.container_recipes.create(container_recipe, semantic_version="1.1.0")
    listed = list(ib.container_recipes.list(name="web-container"))
    assert {type(r) for r in listed} == {ContainerRecipeSummary}
    assert len(listed) == 2
    best = ib.container_recipes.latest("web-container")
    assert best is not None
    assert best.arn == str(container_recipe.arn).replace("1.0.0", "1.1.0")


def test_container_recipe_delete(ib: ImageBuilder, container_recipe: ContainerRecipe) -> None:
    """After delete(), get() raises ResourceNotFoundError."""
    ib.container_recipes.delete(str(container_recipe.arn))
    with pytest.raises(ResourceNotFoundError):
        ib.container_recipes.get(str(container_recipe.arn))
