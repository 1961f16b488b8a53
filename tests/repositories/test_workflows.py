"""ib.workflows against the emulator: create, get, list, build versions, latest, delete.

Workflows are versioned like components (CreateWorkflow, GetWorkflow, ListWorkflows,
ListWorkflowBuildVersions, DeleteWorkflow in the API reference,
https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateWorkflow.html);
the document rules are those of the user guide's "Create a YAML workflow document".
"""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.documents import WorkflowDocument, WorkflowStep, step_output
from imagebuilder_sdk.errors import ResourceDependencyError, ResourceNotFoundError
from imagebuilder_sdk.models import (
    ImageRecipe,
    InfrastructureConfiguration,
    WorkflowConfiguration,
    WorkflowType,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import sent

_ID = step_output("Launch", "instanceId")
#: A build workflow that waits for an approval before it runs the components.
APPROVED = WorkflowDocument(
    name="approved-build",
    steps=[
        WorkflowStep("Launch", "LaunchInstance"),
        WorkflowStep("Approve", "WaitForAction"),
        WorkflowStep("Build", "ExecuteComponents", inputs={"instanceId.$": _ID}),
        WorkflowStep("Snapshot", "CreateImage", inputs={"instanceId.$": _ID}),
        WorkflowStep("Terminate", "TerminateInstance", inputs={"instanceId.$": _ID}),
    ],
)


def _create(ib: ImageBuilder, version: str = "1.0.0") -> str:
    workflow = ib.workflows.create(
        name="approved-build", semantic_version=version, type=WorkflowType.BUILD, data=APPROVED
    )
    return workflow.arn


def test_create_sends_the_builders_yaml_and_returns_the_stored_workflow(ib: ImageBuilder) -> None:
    """The document goes out as YAML; the answer is the workflow GetWorkflow returns."""
    workflow = ib.workflows.create(
        name="approved-build",
        semantic_version="1.0.0",
        type="BUILD",
        data=APPROVED,
        description="waits for a person",
    )
    assert workflow.arn.endswith(":workflow/build/approved-build/1.0.0/1")
    assert workflow.type is WorkflowType.BUILD
    assert workflow.version == "1.0.0"
    assert workflow.description == "waits for a person"
    assert workflow.data == APPROVED.to_yaml()


def test_a_broken_document_is_refused_before_any_request(
    ib: ImageBuilder, emulator: Emulator
) -> None:
    """A step action that does not exist raises ValidationError; nothing is sent."""
    emulator.clear_requests()
    broken = "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: LaunchInstances\n"
    with pytest.raises(ValidationError) as caught:
        ib.workflows.create(name="w", semantic_version="1.0.0", type="BUILD", data=broken)
    assert caught.value.field == "data"
    assert caught.value.problems == (
        "steps[0].action: 'LaunchInstances' is not a step action; did you mean 'LaunchInstance'?",
    )
    assert sent(emulator) == []


def test_validation_can_be_turned_off(ib: ImageBuilder) -> None:
    """validate_document=False sends YAML text unchecked (the emulator then judges it)."""
    text = "schemaVersion: 1.0\nsteps:\n  - name: Build\n    action: ExecuteComponents\n"
    workflow = ib.workflows.create(
        name="raw", semantic_version="1.0.0", type="BUILD", data=text, validate_document=False
    )
    assert workflow.data == text


def test_data_and_uri_are_exclusive(ib: ImageBuilder, emulator: Emulator) -> None:
    """Neither or both of data and uri is refused on the client."""
    emulator.clear_requests()
    with pytest.raises(ValidationError, match="exactly one of data"):
        ib.workflows.create(name="w", semantic_version="1.0.0", type="BUILD")
    assert sent(emulator) == []


def test_a_model_from_get_makes_the_next_version(ib: ImageBuilder) -> None:
    """A workflow from `get`, with a new version, creates that version."""
    first = ib.workflows.get(_create(ib))
    second = ib.workflows.create(attrs.evolve(first, version="1.1.0"))
    assert second.arn.endswith("/approved-build/1.1.0/1")
    assert second.data == first.data


def test_list_build_versions_latest_and_delete(ib: ImageBuilder) -> None:
    """Versions list lazily; latest compares numerically; delete removes one build."""
    for version in ("1.2.0", "1.10.0", "1.9.0"):
        _create(ib, version)
    listed = sorted(w.version for w in ib.workflows.list(name="approved-build", page_size=1))
    assert listed == ["1.10.0", "1.2.0", "1.9.0"]
    latest = ib.workflows.latest("approved-build")
    assert latest is not None
    assert latest.version == "1.10.0"
    assert ib.workflows.latest("approved-build", "1.2.x") is not None
    builds = list(ib.workflows.build_versions(latest.arn))
    assert [b.arn for b in builds] == [f"{latest.arn}/1"]
    ib.workflows.delete(builds[0].arn)
    with pytest.raises(ResourceNotFoundError):
        ib.workflows.get(builds[0].arn)


def test_managed_workflows_are_listed_by_owner(ib: ImageBuilder) -> None:
    """Amazon's managed workflows list under owner=Amazon, typed."""
    names = {w.name for w in ib.workflows.list(owner="Amazon", type=WorkflowType.TEST)}
    assert "test-image" in names


def test_a_workflow_a_pipeline_uses_cannot_be_deleted(
    ib: ImageBuilder, recipe: ImageRecipe, infrastructure: InfrastructureConfiguration
) -> None:
    """DeleteWorkflow of a workflow in use is a typed ResourceDependencyError."""
    arn = _create(ib)
    ib.image_pipelines.create(
        name="approved",
        image_recipe_arn=recipe.arn,
        infrastructure_configuration_arn=infrastructure.arn,
        workflows=[WorkflowConfiguration(workflow_arn=arn)],
        execution_role="arn:aws:iam::123456789012:role/imagebuilder",
    )
    with pytest.raises(ResourceDependencyError):
        ib.workflows.delete(arn)


def test_identifiers_of_another_kind_are_refused(ib: ImageBuilder, emulator: Emulator) -> None:
    """An empty ARN, or a component ARN, names no workflow: ValidationError, no request."""
    emulator.clear_requests()
    with pytest.raises(ValidationError, match="arn"):
        ib.workflows.get("")
    with pytest.raises(ValidationError, match="arn"):
        ib.workflows.get("arn:aws:imagebuilder:us-east-1:123456789012:component/c/1.0.0/1")
    assert sent(emulator) == []
