"""Image recipes and container recipes: create, get, list, delete."""

from __future__ import annotations

import re
from typing import Any

from imagebuilder_sdk.testing._echo import echo
from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, project
from imagebuilder_sdk.testing._state_links import pipelines_using, refuse_if_used
from imagebuilder_sdk.testing._state_names import (
    arn_name,
    format_version,
    is_wildcard,
    parse_arn,
    parse_version,
    parse_version_filter,
)
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate

__all__ = ["OPERATIONS"]

_SHAPES = {"image-recipe": "ImageRecipe", "container-recipe": "ContainerRecipe"}
_AMI_ID = re.compile(r"^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$")

_FILTERS = {
    "name": lambda r: r.get("name"),
    "parentImage": lambda r: r.get("parentImage"),
    "platform": lambda r: r.get("platform"),
}
_CONTAINER_FILTERS = {**_FILTERS, "containerType": lambda r: r.get("containerType")}

_OPTIONAL = {
    "image-recipe": (
        "description",
        "blockDeviceMappings",
        "tags",
        "workingDirectory",
        "additionalInstanceConfiguration",
        "amiTags",
        "amiWatermarks",
    ),
    "container-recipe": (
        "description",
        "instanceConfiguration",
        "kmsKeyId",
        "tags",
        "workingDirectory",
    ),
}


def _invalid(member: str, reason: str) -> ServiceError:
    return ServiceError(
        "InvalidParameterValueException",
        f"The value supplied for parameter '{member}' is not valid. {reason}",
    )


def _parent(state: State, parent: str, container: bool) -> tuple[str | None, str | None]:
    """The platform and OS version of a recipe's parent image, when the emulator knows."""
    if parent.startswith("arn:"):
        try:
            image = state.resolve("image", parent, code="InvalidParameterValueException")
        except ServiceError as exc:
            raise _invalid("parentImage", f"No image matches {parent}.") from exc
        return image.get("platform"), image.get("osVersion")
    if container or _AMI_ID.match(parent) or parent.startswith("ssm:"):
        return None, None
    raise _invalid("parentImage", "Use an AMI ID, an SSM parameter or an image ARN.")


def _components(state: State, params: dict[str, Any]) -> list[Record]:
    """The component builds a recipe names, checked and resolved."""
    found = []
    for index, entry in enumerate(params.get("components") or []):
        member = f"components[{index}].componentArn"
        try:
            component = state.resolve("component", entry["componentArn"])
        except ServiceError as exc:
            raise _invalid(member, f"No component matches {entry['componentArn']}.") from exc
        known = {p["name"] for p in component.get("parameters", [])}
        for parameter in entry.get("parameters") or []:
            if parameter["name"] not in known:
                raise _invalid(
                    f"components[{index}].parameters",
                    f"The component has no parameter named {echo(parameter['name'])}.",
                )
        found.append(component)
    return found


def _auto_version(state: State, kind: str, params: dict[str, Any]) -> str:
    """The version a recipe gets: as written, or the next one its wildcard asks for.

    The user guide ("Create a new version of an image recipe") says a recipe created
    with a wildcard version such as ``1.0.x`` gets the next version automatically
    (1.0.1, 1.0.2, ...): the newest existing version that the filter matches is bumped
    at the first wildcard (``1.x.x`` bumps MINOR, ``x.x.x`` bumps MAJOR), and with no
    match yet the wildcards read as 0. Only wildcards may follow a wildcard, as
    elsewhere (``x.2.x`` is refused, like any invalid version).
    """
    text = str(params.get("semanticVersion", ""))
    if not is_wildcard(text):
        return state.semantic_version(params)
    wanted = parse_version_filter(text)
    if wanted is None:
        raise ServiceError(
            "InvalidVersionNumberException",
            f"The value supplied for parameter 'semanticVersion' is not valid: {text!r}. "
            "A wildcard 'x' may only be followed by wildcards, like 1.0.x or 1.x.x.",
        )
    parts = text.split(".")
    first = parts.index("x")
    owner, name = state.account_id, arn_name(params["name"])
    versions = [version for version, _, _ in state.versions_of(kind, owner, name)]
    found = [v for v in versions if wanted.matches(format_version(v))]
    if not found:
        return ".".join(p if p != "x" else "0" for p in parts)
    newest = max(found)
    numbers = [*newest[:first], newest[first] + 1] + [0] * (2 - first)
    return ".".join(parts[i] if i < first else str(numbers[i]) for i in range(3))


def _create(state: State, params: dict[str, Any], kind: str) -> tuple[str, Record]:
    version = _auto_version(state, kind, params)
    arn = state.arn(kind, params["name"], version)
    if state.lookup(kind, arn) is not None:
        # Source of the code and text: the service's answer quoted in
        # ministryofjustice/modernisation-platform-ami-builds PR 549.
        raise ServiceError(
            "ResourceAlreadyExistsException",
            f"The following resource '{_SHAPES[kind]}' already exists: '{arn}'.",
        )
    container = kind == "container-recipe"
    platform, os_version = _parent(state, params["parentImage"], container)
    components = _components(state, params)
    platform = params.get("platformOverride") or platform
    if platform is None:
        platform = components[0]["platform"] if components else "Linux"
    for index, component in enumerate(components):
        if component["platform"] != platform:
            raise _invalid(
                f"components[{index}].componentArn",
                f"The component is for {component['platform']}; the recipe is for {platform}.",
            )
    record: Record = {
        "arn": arn,
        "name": params["name"],
        "platform": platform,
        "owner": state.account_id,
        "version": version,
        "parentImage": params["parentImage"],
        "dateCreated": state.now(),
        "_osVersion": params.get("imageOsVersionOverride") or os_version,
    }
    # Always a list, empty for a recipe without components (the service always sends it).
    record["components"] = params.get("components") or []
    for member in _OPTIONAL[kind]:
        if params.get(member) is not None:
            record[member] = params[member]
    return arn, record


def create_image_recipe(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateImageRecipe: a recipe version on an AMI, an SSM parameter or an image ARN."""
    arn, record = _create(state, params, "image-recipe")
    record["type"] = "AMI"
    state.dry_run(params)
    state.put("image-recipe", record)
    return {
        "imageRecipeArn": arn,
        "latestVersionReferences": state.latest_references("image-recipe", arn),
    }


def create_container_recipe(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateContainerRecipe: a recipe for a Docker image pushed to ECR."""
    data, uri = params.get("dockerfileTemplateData"), params.get("dockerfileTemplateUri")
    if (data is None) == (uri is None):
        raise ServiceError(
            "InvalidRequestException",
            "Specify exactly one of 'dockerfileTemplateData' and 'dockerfileTemplateUri'.",
        )
    arn, record = _create(state, params, "container-recipe")
    record["containerType"] = params["containerType"]
    record["targetRepository"] = params["targetRepository"]
    record["encrypted"] = True
    record["dockerfileTemplateData"] = data or f"# Dockerfile template from {uri}\n"
    state.dry_run(params)
    state.put("container-recipe", record)
    return {
        "containerRecipeArn": arn,
        "latestVersionReferences": state.latest_references("container-recipe", arn),
    }


def get_image_recipe(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetImageRecipe: a recipe version (a wildcard ARN names the latest match)."""
    record = state.resolve("image-recipe", params["imageRecipeArn"])
    return {
        "imageRecipe": project(record, "ImageRecipe"),
        "latestVersionReferences": state.latest_references("image-recipe", record["arn"]),
    }


def get_container_recipe(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetContainerRecipe: a recipe version (a wildcard ARN names the latest match)."""
    record = state.resolve("container-recipe", params["containerRecipeArn"])
    return {
        "containerRecipe": project(record, "ContainerRecipe"),
        "latestVersionReferences": state.latest_references("container-recipe", record["arn"]),
    }


def _delete(state: State, kind: str, arn: str) -> None:
    parsed = parse_arn(arn)
    if parsed is not None and parsed.version is not None and is_wildcard(parsed.version):
        raise ServiceError("InvalidRequestException", f"Name one recipe version, not {arn}.")
    arn = state.get(kind, arn)["arn"]
    state.require_owned(arn)
    refuse_if_used(arn, pipelines_using(state, kind, arn))
    state.remove(kind, arn)


def delete_image_recipe(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteImageRecipe: only when no pipeline uses the recipe."""
    _delete(state, "image-recipe", params["imageRecipeArn"])
    return {"imageRecipeArn": params["imageRecipeArn"]}


def delete_container_recipe(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteContainerRecipe: only when no pipeline uses the recipe."""
    _delete(state, "container-recipe", params["containerRecipeArn"])
    return {"containerRecipeArn": params["containerRecipeArn"]}


def _key(record: Record) -> tuple[Any, ...]:
    return (record["name"].lower(), *(parse_version(record["version"]) or (0, 0, 0)))


def _list(state: State, params: dict[str, Any], kind: str, operation: str) -> tuple[Any, Any]:
    owner = state.owner_segment(params)
    visible = [
        r for r in state.table(kind).values() if getattr(parse_arn(r["arn"]), "owner", "") == owner
    ]
    fields = _CONTAINER_FILTERS if kind == "container-recipe" else _FILTERS
    shape = "ContainerRecipeSummary" if kind == "container-recipe" else "ImageRecipeSummary"
    items = []
    for record in apply_filters(params, fields, visible):
        summary = project(record, shape)
        if kind == "container-recipe" and "instanceConfiguration" in record:
            image = record["instanceConfiguration"].get("image")
            if image:
                summary["instanceImage"] = image
        items.append((_key(record), summary))
    return paginate(state.secret, operation, params, items)


def list_image_recipes(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImageRecipes: recipe versions by owner, filtered."""
    page, token = _list(state, params, "image-recipe", "ListImageRecipes")
    return {"imageRecipeSummaryList": page, "nextToken": token}


def list_container_recipes(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListContainerRecipes: recipe versions by owner, filtered."""
    page, token = _list(state, params, "container-recipe", "ListContainerRecipes")
    return {"containerRecipeSummaryList": page, "nextToken": token}


OPERATIONS: dict[str, Handler] = {
    "CreateContainerRecipe": create_container_recipe,
    "CreateImageRecipe": create_image_recipe,
    "DeleteContainerRecipe": delete_container_recipe,
    "DeleteImageRecipe": delete_image_recipe,
    "GetContainerRecipe": get_container_recipe,
    "GetImageRecipe": get_image_recipe,
    "ListContainerRecipes": list_container_recipes,
    "ListImageRecipes": list_image_recipes,
}
