"""Image pipelines: create, get, update, list, delete, start, and the images they made."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._echo import echo
from imagebuilder_sdk.testing._ops_images import start_image, summaries
from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State, iso, project
from imagebuilder_sdk.testing._state_builds import status_of
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate
from imagebuilder_sdk.testing._state_schedule import check_timezone, next_run, parse_cron

__all__ = ["OPERATIONS"]

KIND = "image-pipeline"

#: Members an update replaces as a whole (absent ones are cleared, as the service does).
_MEMBERS = (
    "description",
    "imageRecipeArn",
    "containerRecipeArn",
    "infrastructureConfigurationArn",
    "distributionConfigurationArn",
    "imageTestsConfiguration",
    "enhancedImageMetadataEnabled",
    "schedule",
    "status",
    "imageScanningConfiguration",
    "workflows",
    "loggingConfiguration",
    "executionRole",
    "imageTags",
)
_FILTERS = {
    "description": lambda r: r.get("description"),
    "distributionConfigurationArn": lambda r: r.get("distributionConfigurationArn"),
    "imageRecipeArn": lambda r: r.get("imageRecipeArn"),
    "infrastructureConfigurationArn": lambda r: r.get("infrastructureConfigurationArn"),
    "name": lambda r: r.get("name"),
    "status": lambda r: r.get("status"),
}
_IMAGE_FILTERS = ("name", "version")


def _check_schedule(schedule: dict[str, Any] | None) -> None:
    """Refuse a schedule the service would: not cron(...), or an unknown time zone."""
    if not schedule:
        return
    if schedule.get("scheduleExpression") is not None:
        parse_cron(schedule["scheduleExpression"])
    if schedule.get("timezone") is not None:
        check_timezone(schedule["timezone"])


def _configure(state: State, record: Record, params: dict[str, Any]) -> None:
    """Check the references of a create or update request and apply its members."""
    _check_schedule(params.get("schedule"))
    kind, member = state.recipe_member(params)
    recipe = state.reference(kind, params[member], member)
    state.reference(
        "infrastructure-configuration",
        params["infrastructureConfigurationArn"],
        "infrastructureConfigurationArn",
    )
    if params.get("distributionConfigurationArn"):
        state.reference(
            "distribution-configuration",
            params["distributionConfigurationArn"],
            "distributionConfigurationArn",
        )
    for name in _MEMBERS:
        record.pop(name, None)
        if params.get(name) is not None:
            record[name] = params[name]
    record["platform"] = recipe["platform"]
    record.setdefault("status", "ENABLED")
    record.setdefault("enhancedImageMetadataEnabled", True)
    tests = {"imageTestsEnabled": True, "timeoutMinutes": 720}
    tests.update(record.get("imageTestsConfiguration") or {})
    record["imageTestsConfiguration"] = tests
    if "schedule" in record:
        record["schedule"] = {
            "pipelineExecutionStartCondition": "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
            **record["schedule"],
        }


def _view(state: State, record: Record) -> Record:
    """The ImagePipeline answer, with the status of the latest run read from the clock."""
    view = project(record, "ImagePipeline")
    schedule = record.get("schedule") or {}
    if schedule.get("scheduleExpression") and record.get("status") == "ENABLED":
        upcoming = next_run(
            schedule["scheduleExpression"], schedule.get("timezone"), state.clock.now()
        )
        if upcoming is not None:
            view["dateNextRun"] = iso(upcoming)
    runs = [
        image
        for image in state.table("image").values()
        if image.get("sourcePipelineArn") == record["arn"]
    ]
    if runs:
        view["lastRunStatus"] = status_of(state, runs[-1])
    return view


def create_image_pipeline(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """CreateImagePipeline: a recipe, infrastructure and distribution, built on demand."""
    arn = state.arn(KIND, params["name"])
    if arn in state.table(KIND):
        raise ServiceError("ResourceAlreadyExistsException", f"The pipeline {arn} already exists.")
    now = state.now()
    # A new pipeline's dateUpdated is its dateCreated (get-image-pipeline.rst, AWS CLI).
    record: Record = {"arn": arn, "name": params["name"], "dateCreated": now, "dateUpdated": now}
    _configure(state, record, params)
    if params.get("tags"):
        record["tags"] = params["tags"]
    state.dry_run(params)
    state.put(KIND, record)
    return {"imagePipelineArn": arn}


def update_image_pipeline(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """UpdateImagePipeline: replace every setting; name and tags stay."""
    arn = params["imagePipelineArn"]
    record = state.get(KIND, arn)
    state.require_owned(arn)
    updated = dict(record)
    _configure(state, updated, params)
    updated["dateUpdated"] = state.now()
    record.clear()
    record.update(updated)
    return {"imagePipelineArn": arn}


def get_image_pipeline(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """GetImagePipeline."""
    return {"imagePipeline": _view(state, state.get(KIND, params["imagePipelineArn"]))}


def delete_image_pipeline(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """DeleteImagePipeline: the images it made stay."""
    arn = params["imagePipelineArn"]
    state.get(KIND, arn)
    state.require_owned(arn)
    state.remove(KIND, arn)
    return {"imagePipelineArn": arn}


def list_image_pipelines(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImagePipelines: full pipelines, filtered."""
    chosen = apply_filters(params, _FILTERS, state.table(KIND).values())
    items = [((record["arn"],), _view(state, record)) for record in chosen]
    page, token = paginate(state.secret, "ListImagePipelines", params, items)
    return {"imagePipelineList": page, "nextToken": token}


def start_image_pipeline_execution(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """StartImagePipelineExecution: build the pipeline's recipe now."""
    arn = params["imagePipelineArn"]
    pipeline = state.get(KIND, arn)
    if pipeline.get("status") == "DISABLED":
        raise ServiceError(
            "InvalidRequestException", f"The pipeline {arn} is DISABLED; enable it to start it."
        )
    tags = {**(pipeline.get("imageTags") or {}), **(params.get("tags") or {})}
    image_arn = start_image(state, pipeline, pipeline=pipeline, tags=tags)
    pipeline["dateLastRun"] = state.now()
    return {"imageBuildVersionArn": image_arn}


def list_image_pipeline_images(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImagePipelineImages: the builds a pipeline started, filtered by name or version."""
    arn = params["imagePipelineArn"]
    state.get(KIND, arn)
    for index, entry in enumerate(params.get("filters") or []):
        if entry.get("name") not in _IMAGE_FILTERS:
            raise ServiceError(
                "InvalidParameterValueException",
                f"The value supplied for parameter 'filters[{index}].name' is not valid: "
                f"{echo(entry.get('name'))}. Supported filter names: {', '.join(_IMAGE_FILTERS)}.",
            )
    images = [i for i in state.table("image").values() if i.get("sourcePipelineArn") == arn]
    page, token = summaries(state, params, "ListImagePipelineImages", images)
    return {"imageSummaryList": page, "nextToken": token}


OPERATIONS: dict[str, Handler] = {
    "CreateImagePipeline": create_image_pipeline,
    "DeleteImagePipeline": delete_image_pipeline,
    "GetImagePipeline": get_image_pipeline,
    "ListImagePipelineImages": list_image_pipeline_images,
    "ListImagePipelines": list_image_pipelines,
    "StartImagePipelineExecution": start_image_pipeline_execution,
    "UpdateImagePipeline": update_image_pipeline,
}
