"""Which resources use which: the checks behind ``ResourceDependencyException``."""

from __future__ import annotations

from imagebuilder_sdk.testing._state import ServiceError, State

__all__ = ["pipelines_using", "recipes_using", "refuse_if_used"]

_PIPELINE_MEMBER = {
    "image-recipe": "imageRecipeArn",
    "container-recipe": "containerRecipeArn",
    "infrastructure-configuration": "infrastructureConfigurationArn",
    "distribution-configuration": "distributionConfigurationArn",
}


def recipes_using(state: State, component_arn: str) -> list[str]:
    """ARNs of the image and container recipes whose components name this build."""
    users = []
    for kind in ("image-recipe", "container-recipe"):
        for recipe in state.table(kind).values():
            for entry in recipe.get("components", []):
                try:
                    used = state.resolve("component", entry["componentArn"])
                except ServiceError:
                    continue
                if used["arn"] == component_arn:
                    users.append(recipe["arn"])
                    break
    return users


def pipelines_using(state: State, kind: str, arn: str) -> list[str]:
    """ARNs of the pipelines that build from (or on) the resource `arn` of `kind`."""
    member = _PIPELINE_MEMBER[kind]
    users = []
    for pipeline in state.table("image-pipeline").values():
        reference = pipeline.get(member)
        if reference is None:
            continue
        try:
            if state.resolve(kind, reference)["arn"] == arn:
                users.append(pipeline["arn"])
        except ServiceError:
            continue
    return users


def refuse_if_used(arn: str, users: list[str]) -> None:
    """Raise ResourceDependencyException when anything still uses `arn`."""
    if users:
        raise ServiceError(
            "ResourceDependencyException",
            f"The resource {arn} is used by {', '.join(sorted(users))}.",
        )
