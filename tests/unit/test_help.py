"""What a user sees without the docs site: help(), pydoc and inspect.signature."""

from __future__ import annotations

import inspect
import pydoc

import pytest

from imagebuilder_sdk import ImageBuilder, arguments
from imagebuilder_sdk.repositories import Repository

REPOSITORIES = (
    "components",
    "image_recipes",
    "container_recipes",
    "infrastructure_configurations",
    "distribution_configurations",
    "image_pipelines",
    "images",
)

#: (repository, method, operation) of every method whose keywords are generated.
METHODS = [
    ("components", "create", "CreateComponent"),
    ("components", "import_", "ImportComponent"),
    ("image_recipes", "create", "CreateImageRecipe"),
    ("container_recipes", "create", "CreateContainerRecipe"),
    ("infrastructure_configurations", "create", "CreateInfrastructureConfiguration"),
    ("infrastructure_configurations", "update", "UpdateInfrastructureConfiguration"),
    ("distribution_configurations", "create", "CreateDistributionConfiguration"),
    ("distribution_configurations", "update", "UpdateDistributionConfiguration"),
    ("image_pipelines", "create", "CreateImagePipeline"),
    ("image_pipelines", "update", "UpdateImagePipeline"),
    ("image_pipelines", "start", "StartImagePipelineExecution"),
    ("images", "create", "CreateImage"),
]


def test_help_of_the_facade_lists_every_repository() -> None:
    """help(ImageBuilder) names each repository attribute."""
    text = pydoc.plain(pydoc.render_doc(ImageBuilder))
    for name in REPOSITORIES:
        assert f"{name}:" in text


@pytest.mark.parametrize(("repository", "method", "operation"), METHODS)
def test_every_keyword_is_in_the_signature_and_the_docstring(
    repository: str, method: str, operation: str
) -> None:
    """inspect.signature lists each keyword of the operation; help() says what each means."""
    bound = getattr(getattr(ImageBuilder.local(), repository), method)
    assert isinstance(bound.__self__, Repository)
    keywords = getattr(arguments, f"{operation}Arguments").__annotations__
    parameters = inspect.signature(bound).parameters
    text = pydoc.plain(pydoc.render_doc(bound))
    for name in keywords:
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert f"    {name}: " in text, f"{repository}.{method}: {name} is not documented"


def test_a_required_keyword_has_no_default_unless_a_model_may_give_it() -> None:
    """images.create requires infrastructure_configuration_arn; components.create, with its
    optional model, shows every keyword with a default."""
    ib = ImageBuilder.local()
    infra = inspect.signature(ib.images.create).parameters["infrastructure_configuration_arn"]
    assert infra.default is inspect.Parameter.empty
    name = inspect.signature(ib.components.create).parameters["name"]
    assert name.default is None
