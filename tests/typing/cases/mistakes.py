"""Deliberate mistakes; each line marked `# E: <code>` must be reported by mypy --strict."""

from __future__ import annotations

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import ComponentConfiguration

ib = ImageBuilder.local()

# A required argument left out (the instance profile and the infrastructure configuration).
ib.infrastructure_configurations.create(name="builders")  # E: call-overload
ib.image_pipelines.create(name="pipe")  # E: call-overload
RECIPE = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0"
ib.images.create(image_recipe_arn=RECIPE)  # E: call-arg

# A workflow without its type (BUILD, TEST or DISTRIBUTION).
ib.workflows.create(name="w", semantic_version="1", data="d")  # E: call-overload

# A misspelt keyword.
ib.components.create(name="c", semantic_version="1.0", platfrom="Linux")  # E: call-overload

# An ARN where a model is expected, and a model where an ARN is expected.
component = ib.components.get("arn:aws:imagebuilder:us-east-1:123456789012:component/c/1.0.0/1")
ib.image_recipes.create(
    name="r",
    semantic_version="1.0.0",
    parent_image="arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x",
    components=[component.arn],  # E: list-item
)
ib.components.delete(component)  # E: arg-type

# Optional members still need a check: a description may be absent.
print(component.description.upper())  # E: union-attr

# Guaranteed members need none.
print(component.arn.upper(), component.semantic_version.major, ComponentConfiguration)
