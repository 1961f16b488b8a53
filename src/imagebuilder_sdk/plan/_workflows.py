"""Workflow declarations: a versioned workflow document, and its use in a pipeline.

>>> from imagebuilder_sdk.plan import WorkflowSpec, WorkflowUse
>>> document = (
...     "schemaVersion: 1.0\\nsteps:\\n"
...     "  - name: Approve\\n    action: WaitForAction\\n    onFailure: Abort\\n"
... )
>>> gate = WorkflowSpec(name="gate", type="TEST", data=document)
>>> gate.key
('workflow', 'test/gate')
>>> WorkflowUse(gate, on_failure="CONTINUE").on_failure
'CONTINUE'

A workflow is versioned like a component: its document is compared as YAML data with
the latest version of the name (of its type: ``build/gate`` and ``test/gate`` are two
workflows), and a change plans the next version by the ``bump`` rule. A pipeline lists
its workflows as `WorkflowSpec` declarations, `WorkflowUse` (one of those, or the ARN
of a workflow you do not manage, with parameters and failure handling), so a new
workflow version plans a pipeline update.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    OnWorkflowFailure,
    Workflow,
    WorkflowConfiguration,
    WorkflowParameter,
    WorkflowType,
)
from imagebuilder_sdk.plan._fields import (
    VersionedDocument,
    check_bump,
    check_data,
    check_version,
    model_fields_of,
)
from imagebuilder_sdk.plan._kinds import Bump, Resolve, check_name
from imagebuilder_sdk.repositories._base import one_source
from imagebuilder_sdk.versions import SemanticVersion

if TYPE_CHECKING:
    from imagebuilder_sdk.documents import WorkflowDocument

__all__ = [
    "WorkflowRef",
    "WorkflowSpec",
    "WorkflowUse",
    "check_workflows",
    "workflow_configurations",
    "workflow_list",
]


def _check_type(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    known = {t.value for t in (WorkflowType.BUILD, WorkflowType.TEST, WorkflowType.DISTRIBUTION)}
    text = value.value if isinstance(value, WorkflowType) else value
    if text not in known:
        raise ValidationError("type", "must be 'BUILD', 'TEST' or 'DISTRIBUTION'", value=value)


@attrs.frozen(kw_only=True)
class WorkflowSpec(VersionedDocument):
    """A workflow you manage: its type and document; versions are planned for you.

    Give the document as ``data`` (YAML text or a `WorkflowDocument`, checked before
    it is sent) or as ``uri`` (an S3 object, whose content the plan cannot compare:
    a changed object under the same URI is not seen).
    """

    kind: ClassVar[str] = "workflow"
    repository: ClassVar[str] = "workflows"

    name: str = attrs.field(validator=check_name)
    """The workflow's name."""
    type: WorkflowType | str = attrs.field(validator=_check_type)
    """``BUILD``, ``TEST`` or ``DISTRIBUTION``: the stage it replaces."""
    data: str | WorkflowDocument | None = attrs.field(
        default=None, validator=check_data("WorkflowDocument", optional=True)
    )
    """The workflow document: YAML text or a `WorkflowDocument`."""
    uri: str | None = None
    """An S3 URI of the document, instead of ``data``."""
    description: str | None = None
    """What the workflow does."""
    change_description: str | None = None
    """Sent with each new version; not compared (it describes a change)."""
    kms_key_id: str | None = None
    """The KMS key that encrypts the workflow."""
    tags: Mapping[str, str] | None = None
    """Tags on each version."""
    version: str | SemanticVersion | None = attrs.field(default=None, validator=check_version)
    """A pinned version; None to let the plan number versions."""
    bump: Bump | str = attrs.field(default=Bump.PATCH, validator=check_bump)
    """How a changed workflow's next version is numbered."""

    def __attrs_post_init__(self) -> None:
        one_source(self.data, self.uri)
        if self.uri is not None and not isinstance(self.uri, str):
            raise ValidationError("uri", "must be an s3:// URI text", value=self.uri)

    @property
    def key(self) -> tuple[str, str]:
        """(kind, ``type/name``): a build and a test workflow may share a name."""
        return (self.kind, f"{self.type_text.lower()}/{self.name}")

    @property
    def type_text(self) -> str:
        """The type as the API spells it (``BUILD``)."""
        return self.type.value if isinstance(self.type, WorkflowType) else str(self.type)

    def list_filters(self) -> dict[str, Any]:
        return {"type": self.type_text}

    def model_fields(self) -> frozenset[str]:
        return model_fields_of(Workflow)


def _check_workflow(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, WorkflowSpec):
        return
    if not isinstance(value, str) or ":workflow/" not in value:
        raise ValidationError(
            "workflow",
            f"must be a WorkflowSpec or a workflow ARN, got {type(value).__name__}",
            value=value if isinstance(value, str) else None,
        )


def _check_parameters(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        raise ValidationError("parameters", "must map parameter names to lists of values")
    for name, values in value.items():
        if (
            not isinstance(name, str)
            or isinstance(values, str)
            or not isinstance(values, Sequence)
            or not all(isinstance(v, str) for v in values)
        ):
            raise ValidationError(
                f"parameters[{name!r}]", "must be a list of strings (one value: a list of one)"
            )


def _check_on_failure(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    text = value.value if isinstance(value, OnWorkflowFailure) else value
    if value is not None and text not in {"CONTINUE", "ABORT"}:
        raise ValidationError("on_failure", "must be 'CONTINUE' or 'ABORT'", value=value)


#: What a pipeline's workflow list takes, besides `WorkflowUse`.
WorkflowRef = WorkflowSpec


@attrs.frozen
class WorkflowUse:
    """A workflow in a pipeline: a declaration or the ARN of one you do not manage,
    with values for its parameters and what the build does when it fails."""

    workflow: WorkflowSpec | str = attrs.field(validator=_check_workflow)
    """The workflow: a `WorkflowSpec`, or a workflow version ARN (wildcards allowed)."""
    parameters: Mapping[str, Sequence[str]] = attrs.field(
        factory=dict, validator=_check_parameters, kw_only=True
    )
    """Parameter values by name; each a list of strings."""
    on_failure: OnWorkflowFailure | str | None = attrs.field(
        default=None, validator=_check_on_failure, kw_only=True
    )
    """``ABORT`` or ``CONTINUE`` the build when the workflow fails (None: the service's)."""
    parallel_group: str | None = attrs.field(default=None, kw_only=True)
    """Workflows of one group run in parallel."""

    def configuration(self, resolve: Resolve) -> WorkflowConfiguration:
        """The pipeline's entry for this workflow."""
        arn = resolve(self.workflow) if isinstance(self.workflow, WorkflowSpec) else self.workflow
        parameters = [
            WorkflowParameter(name=name, value=list(values))
            for name, values in self.parameters.items()
        ]
        on_failure = (
            None
            if self.on_failure is None
            else OnWorkflowFailure(
                self.on_failure.value
                if isinstance(self.on_failure, OnWorkflowFailure)
                else self.on_failure
            )
        )
        return WorkflowConfiguration(
            workflow_arn=arn,
            parameters=parameters or None,
            on_failure=on_failure,
            parallel_group=self.parallel_group,
        )


def check_workflows(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator of a pipeline's ``workflows``: specs and uses only."""
    if value is None:
        return
    if not isinstance(value, tuple):
        raise ValidationError("workflows", "must be a list of WorkflowSpec or WorkflowUse")
    for index, item in enumerate(value):
        if not isinstance(item, (WorkflowSpec, WorkflowUse)):
            raise ValidationError(
                f"workflows[{index}]",
                f"must be a WorkflowSpec or a WorkflowUse, got {type(item).__name__}",
            )


def workflow_list(
    value: Iterable[WorkflowRef | WorkflowUse] | None,
) -> tuple[WorkflowRef | WorkflowUse, ...] | None:
    """A pipeline's workflows as a tuple (the declaration is frozen)."""
    if value is None or isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the validator
    return tuple(value)


def workflow_configurations(
    workflows: Sequence[WorkflowRef | WorkflowUse], resolve: Resolve
) -> list[WorkflowConfiguration]:
    """The pipeline's ``workflows`` member, references resolved."""
    return [
        (w if isinstance(w, WorkflowUse) else WorkflowUse(w)).configuration(resolve)
        for w in workflows
    ]
