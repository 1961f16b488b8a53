"""Workflows: versioned documents of the steps a build, test or distribution runs."""

from __future__ import annotations

import logging
from typing import Any, overload

from typing_extensions import Unpack

from imagebuilder_sdk.arguments import CreateWorkflowArguments, CreateWorkflowOverrides
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    Ownership,
    Workflow,
    WorkflowExecutionMetadata,
    WorkflowStepMetadata,
    WorkflowSummary,
    WorkflowType,
    WorkflowVersion,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories import _workflow_runs
from imagebuilder_sdk.repositories._base import Repository, one_source, takes
from imagebuilder_sdk.repositories._workflow_runs import WaitingStep
from imagebuilder_sdk.versions import VersionFilter

__all__ = ["Workflows"]

logger = logging.getLogger("imagebuilder_sdk")

_RENAMES = {"version": "semantic_version"}


class Workflows(Repository):
    """Create, read, list and delete workflows; follow their runs; ``ib.workflows``."""

    __slots__ = ()
    resource_type = ResourceType.WORKFLOW
    model_argument = "workflow"

    @overload
    def create(
        self,
        workflow: Workflow,
        /,
        *,
        validate_document: bool = ...,
        **overrides: Unpack[CreateWorkflowOverrides],
    ) -> Workflow: ...
    @overload
    def create(
        self, /, *, validate_document: bool = ..., **arguments: Unpack[CreateWorkflowArguments]
    ) -> Workflow: ...
    @takes("CreateWorkflow")
    def create(
        self,
        workflow: Workflow | None = None,
        /,
        *,
        validate_document: bool = True,
        **arguments: Any,
    ) -> Workflow:
        """Create a workflow version and return it as the service stored it.

        Pass a `Workflow` (one from `get`, with a new version set by `attrs.evolve`),
        keywords, or both: keywords win. `data` may be YAML text or a
        `WorkflowDocument`; it is checked before sending (`check_workflow`) unless
        `validate_document` is False.
        """
        return self.get(self._create_arn(workflow, arguments, validate_document))

    def _create_arn(
        self,
        workflow: Workflow | None,
        arguments: dict[str, Any],
        validate_document: bool = True,
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateWorkflow", workflow, _RENAMES, arguments)
        one_source(params.get("data"), params.get("uri"))
        if params.get("data") is not None:
            params["data"] = _document_text(params["data"], validate_document)
        response = self._caller.call("CreateWorkflow", **params)
        return str(response["workflow_build_version_arn"])

    def get(self, arn: str | Arn) -> Workflow:
        """The workflow a version or build-version ARN names."""
        response = self._caller.call("GetWorkflow", workflow_build_version_arn=self._arn(arn))
        return converter.structure(response["workflow"], Workflow)

    def delete(self, arn: str | Arn) -> None:
        """Delete a workflow build version."""
        self._caller.call("DeleteWorkflow", workflow_build_version_arn=self._arn(arn))

    def list(
        self,
        *,
        name: str | None = None,
        type: WorkflowType | str | None = None,
        version: str | None = None,
        owner: Ownership | str | None = None,
        by_name: bool | None = None,
        page_size: int | None = None,
    ) -> Paginated[WorkflowVersion]:
        """Workflow versions, lazily; options filter on the service side."""
        return self._list(
            "ListWorkflows",
            "workflow_version_list",
            WorkflowVersion,
            filters={"name": name, "type": type, "version": version},
            owner=owner,
            by_name=by_name,
            max_results=page_size,
        )

    def build_versions(
        self, arn: str | Arn, *, page_size: int | None = None
    ) -> Paginated[WorkflowSummary]:
        """The builds of one workflow version (a version ARN), lazily."""
        return self._list(
            "ListWorkflowBuildVersions",
            "workflow_summary_list",
            WorkflowSummary,
            workflow_version_arn=self._arn(arn),
            max_results=page_size,
        )

    def latest(
        self,
        name: str,
        version_filter: VersionFilter | str = "x.x.x",
        *,
        owner: Ownership | str | None = None,
    ) -> WorkflowVersion | None:
        """The greatest version of workflow `name` matching `version_filter`, or None."""
        return self._latest(self.list, name, version_filter, owner)

    def executions(
        self, image_build_version_arn: str | Arn, *, page_size: int | None = None
    ) -> Paginated[WorkflowExecutionMetadata]:
        """The workflow runs of one build, lazily (also `ImageBuild.workflow_executions`)."""
        arn = self._arn(image_build_version_arn, "image_build_version_arn", ResourceType.IMAGE)
        return _workflow_runs.executions(self._caller, arn, page_size)

    def execution(self, workflow_execution_id: str) -> WorkflowExecutionMetadata:
        """One workflow run (GetWorkflowExecution): status, counts of steps, times."""
        answer = self._caller.call(
            "GetWorkflowExecution",
            workflow_execution_id=_id(workflow_execution_id, "workflow_execution_id"),
        )
        return _workflow_runs.answer_as(self._caller, answer, WorkflowExecutionMetadata)

    def step_execution(self, step_execution_id: str) -> WorkflowStepMetadata:
        """One step of a workflow run (GetWorkflowStepExecution)."""
        answer = self._caller.call(
            "GetWorkflowStepExecution",
            step_execution_id=_id(step_execution_id, "step_execution_id"),
        )
        return _workflow_runs.answer_as(self._caller, answer, WorkflowStepMetadata)

    def execution_steps(
        self, workflow_execution_id: str, *, page_size: int | None = None
    ) -> Paginated[WorkflowStepMetadata]:
        """The steps of one workflow run, in order, lazily."""
        text = _id(workflow_execution_id, "workflow_execution_id")
        return _workflow_runs.step_list(self._caller, text, page_size)

    def waiting_steps(
        self,
        image_build_version_arn: str | Arn | None = None,
        *,
        page_size: int | None = None,
    ) -> Paginated[WaitingStep]:
        """Steps of this account's builds that wait for an action (of one build if given).

        Each can be answered with `WaitingStep.resume` or `WaitingStep.stop`.
        """
        arn = (
            None
            if image_build_version_arn is None
            else self._arn(image_build_version_arn, "image_build_version_arn", ResourceType.IMAGE)
        )
        return _workflow_runs.waiting(self._caller, arn, page_size)


def _id(value: object, field: str) -> str:
    """An execution or step id: a non-empty string (its pattern is checked by the call)."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, "must be a non-empty id", value=value)
    return value


def _document_text(data: object, validate: bool) -> str:
    """The workflow document as YAML text, checked first unless told not to."""
    if not isinstance(data, str) and not hasattr(data, "to_yaml"):
        raise ValidationError(
            "data", f"must be YAML text or a WorkflowDocument, got {type(data).__name__}"
        )
    if isinstance(data, str) and not validate:
        return data
    try:
        from imagebuilder_sdk import documents
    except ImportError:  # pragma: no cover - the yaml extra is missing
        if not isinstance(data, str):
            raise
        logger.warning("workflow document not checked: install imagebuilder-sdk[yaml]")
        return data
    if validate:
        documents.check_workflow(data)  # type: ignore[arg-type]
    if isinstance(data, str):
        return data
    text: str = data.to_yaml()
    return text
