"""A nightly golden-AMI job, written from the docs alone: a new component version,
a new recipe version on it, a pipeline pointed at the recipe, a build, its AMIs.

It must pass `mypy --strict` with no `assert x is not None` and no `or ""` on what the
service always returns.
"""

from __future__ import annotations

import attrs

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import ComponentConfiguration, Platform
from imagebuilder_sdk.versions import SemanticVersion

DOCUMENT = """\
name: harden
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Harden
        action: ExecuteBash
        inputs:
          commands: [echo hardening]
"""


def nightly(ib: ImageBuilder, pipeline_arn: str) -> list[str]:
    current = ib.components.latest("harden")
    if current is None:
        component = ib.components.create(
            name="harden", semantic_version="1.0.0", platform=Platform.LINUX, data=DOCUMENT
        )
    else:
        version: SemanticVersion = current.semantic_version.bump_patch()
        component = ib.components.create(
            ib.components.get(current.arn), semantic_version=version, data=DOCUMENT
        )
    pipeline = ib.image_pipelines.get(pipeline_arn)
    recipe_arn = pipeline.image_recipe_arn
    if recipe_arn is None:  # a container pipeline: nothing to do here
        return []
    recipe = ib.image_recipes.get(recipe_arn)
    next_recipe = ib.image_recipes.create(
        recipe,
        semantic_version=recipe.semantic_version.bump_minor(),
        components=[ComponentConfiguration(component_arn=component.arn)],
    )
    ib.image_pipelines.update(attrs.evolve(pipeline, image_recipe_arn=next_recipe.arn))
    image = ib.image_pipelines.start(pipeline.arn).wait()
    print(image.name, image.version, image.state.status, image.date_created.isoformat())
    return [ami.image for ami in image.amis]
