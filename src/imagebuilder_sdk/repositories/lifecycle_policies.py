"""Lifecycle policies: rules that deprecate, disable or delete old images, and their runs.

The service runs every ENABLED policy once a day, at a time it chooses (it cannot be
set), one run per policy at a time; a DISABLED policy does not run. Each run is a
*lifecycle execution*: `executions(policy_arn)` lists them, `execution(id)` is a
handle on one (`refresh`, `resources`, `wait`, `cancel`). Runs also come from
`StartResourceStateUpdate` (``ib.images.deprecate(...)`` and its siblings). Build the
rules with `imagebuilder_sdk.lifecycle`.
"""

from __future__ import annotations

from typing import Any, overload

import attrs
from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateLifecyclePolicyArguments,
    CreateLifecyclePolicyOverrides,
    UpdateLifecyclePolicyArguments,
    UpdateLifecyclePolicyOverrides,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ImageBuilderError, ValidationError, WaitError
from imagebuilder_sdk.lifecycle import check_policy
from imagebuilder_sdk.models import (
    LifecycleExecution,
    LifecycleExecutionResource,
    LifecycleExecutionStatus,
    LifecyclePolicy,
    LifecyclePolicyResourceType,
    LifecyclePolicyStatus,
    LifecyclePolicySummary,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, takes
from imagebuilder_sdk.retry import is_retryable

__all__ = ["LifecycleExecutionWaitTimeoutError", "LifecyclePolicies", "LifecycleRun"]

_RENAMES = {"arn": "lifecycle_policy_arn"}
_ID_FORM = "lce-"
#: States in which a run has ended (PENDING runs resume at the next daily run).
_ENDED = frozenset(
    {
        LifecycleExecutionStatus.SUCCESS,
        LifecycleExecutionStatus.FAILED,
        LifecycleExecutionStatus.CANCELLED,
    }
)


class LifecycleExecutionWaitTimeoutError(WaitError, TimeoutError):
    """A lifecycle run had not ended when the wait's timeout ran out."""

    def __init__(self, execution_id: str, timeout: float, last_status: str | None) -> None:
        self.execution_id = execution_id
        self.timeout = timeout
        self.last_status = last_status
        super().__init__(
            f"lifecycle execution {execution_id} still {last_status or 'unknown'} "
            f"after {timeout:g} seconds"
        )


def _execution_id(value: object, field: str = "execution_id") -> str:
    """A lifecycle execution id (``lce-`` and a UUID), checked; refused if empty."""
    if not isinstance(value, str) or not value.startswith(_ID_FORM):
        raise ValidationError(
            field, "must be a lifecycle execution id (lce- followed by a UUID)", value=value
        )
    return value


@attrs.frozen
class LifecycleRun:
    """A handle on one lifecycle execution, by its id (``lce-...``)."""

    id: str
    """The execution id."""
    policies: LifecyclePolicies = attrs.field(repr=False, eq=False)
    """The repository the handle talks through."""

    def refresh(self) -> LifecycleExecution:
        """The execution as the service sees it now."""
        response = self.policies._caller.call(
            "GetLifecycleExecution", lifecycle_execution_id=self.id
        )
        return converter.structure(response["lifecycle_execution"], LifecycleExecution)

    def resources(
        self, *, parent_resource_id: str | None = None, page_size: int | None = None
    ) -> Paginated[LifecycleExecutionResource]:
        """The resources the run acted on (or skipped), lazily.

        `parent_resource_id` (an AMI id, for example) lists what the run did to the
        resources under it instead.
        """
        return self.policies._list(
            "ListLifecycleExecutionResources",
            "resources",
            LifecycleExecutionResource,
            lifecycle_execution_id=self.id,
            parent_resource_id=parent_resource_id,
            max_results=page_size,
        )

    def cancel(self, *, client_token: str | None = None) -> None:
        """Stop the run; resources it has already acted on stay as they are."""
        self.policies.cancel(self.id, client_token=client_token)

    def wait(self, *, timeout: float = 3600.0, poll_interval: float = 30.0) -> LifecycleExecution:
        """Poll until the run ends (SUCCESS, FAILED or CANCELLED) and return it.

        Raises `LifecycleExecutionWaitTimeoutError` after `timeout` seconds; passing
        failures while polling (throttling, 5xx) do not end the wait.
        """
        if timeout <= 0 or poll_interval <= 0:
            raise ValidationError("timeout", "timeout and poll_interval must be above 0")
        retry = self.policies._caller.retry
        started = retry.clock()
        status: str | None = None
        while True:
            try:
                execution = self.refresh()
            except ImageBuilderError as error:
                if not is_retryable(error):
                    raise
            else:
                status = execution.state.status.value
                if execution.state.status in _ENDED:
                    return execution
            elapsed = retry.clock() - started
            if elapsed >= timeout:
                raise LifecycleExecutionWaitTimeoutError(self.id, timeout, status)
            retry.sleep(min(poll_interval, timeout - elapsed))


class LifecyclePolicies(Repository):
    """Create, read, update, list and delete lifecycle policies; follow their runs.

    ``ib.lifecycle_policies``. See the module docstring for when the service runs them.
    """

    __slots__ = ()
    resource_type = ResourceType.LIFECYCLE_POLICY
    model_argument = "policy"

    @overload
    def create(
        self, policy: LifecyclePolicy, /, **overrides: Unpack[CreateLifecyclePolicyOverrides]
    ) -> LifecyclePolicy: ...
    @overload
    def create(self, /, **arguments: Unpack[CreateLifecyclePolicyArguments]) -> LifecyclePolicy: ...
    @takes("CreateLifecyclePolicy")
    def create(self, policy: LifecyclePolicy | None = None, /, **arguments: Any) -> LifecyclePolicy:
        """Create a lifecycle policy; return it as stored.

        The rules and selection are checked with `imagebuilder_sdk.lifecycle.check_policy`
        before anything is sent. A policy is ENABLED unless `status` says otherwise, and
        then first runs within a day. With ``dry_run=True`` the service only checks the
        request and answers `DryRunOperationError` when it would have succeeded.
        """
        return self.get(self._create_arn(policy, arguments))

    def _create_arn(
        self,
        policy: LifecyclePolicy | None,
        arguments: dict[str, Any],
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateLifecyclePolicy", policy, {}, arguments)
        _check(params)
        response = self._caller.call("CreateLifecyclePolicy", **params)
        return str(response["lifecycle_policy_arn"])

    @overload
    def update(
        self, policy: LifecyclePolicy, /, **overrides: Unpack[UpdateLifecyclePolicyOverrides]
    ) -> LifecyclePolicy: ...
    @overload
    def update(self, /, **arguments: Unpack[UpdateLifecyclePolicyArguments]) -> LifecyclePolicy: ...
    @takes("UpdateLifecyclePolicy")
    def update(self, policy: LifecyclePolicy | None = None, /, **arguments: Any) -> LifecyclePolicy:
        """Replace a policy's settings (the whole policy); return it as stored.

        Pass the model from `get` changed with `attrs.evolve`, or every setting with
        `arn=` naming the policy.
        """
        params = self._request("UpdateLifecyclePolicy", policy, _RENAMES, arguments)
        self._target(params, "lifecycle_policy_arn")
        _check(params)
        response = self._caller.call("UpdateLifecyclePolicy", **params)
        return self.get(response["lifecycle_policy_arn"])

    def get(self, arn: str | Arn) -> LifecyclePolicy:
        """The lifecycle policy an ARN names."""
        response = self._caller.call("GetLifecyclePolicy", lifecycle_policy_arn=self._arn(arn))
        return self._fetched_tags.remember(
            converter.structure(response["lifecycle_policy"], LifecyclePolicy)
        )

    def delete(self, arn: str | Arn) -> None:
        """Delete a lifecycle policy (runs under way go on)."""
        self._caller.call("DeleteLifecyclePolicy", lifecycle_policy_arn=self._arn(arn))

    def list(
        self,
        *,
        name: str | None = None,
        status: LifecyclePolicyStatus | str | None = None,
        resource_type: LifecyclePolicyResourceType | str | None = None,
        page_size: int | None = None,
    ) -> Paginated[LifecyclePolicySummary]:
        """Lifecycle policies, lazily; options filter on the service side."""
        return self._list(
            "ListLifecyclePolicies",
            "lifecycle_policy_summary_list",
            LifecyclePolicySummary,
            filters={"name": name, "status": status, "resourceType": resource_type},
            max_results=page_size,
        )

    def executions(
        self, arn: str | Arn, *, page_size: int | None = None
    ) -> Paginated[LifecycleExecution]:
        """The runs of a lifecycle policy (or the runs that acted on an image), lazily."""
        text = self._arn(arn, expect=(ResourceType.LIFECYCLE_POLICY, ResourceType.IMAGE))
        return self._list(
            "ListLifecycleExecutions",
            "lifecycle_executions",
            LifecycleExecution,
            resource_arn=text,
            max_results=page_size,
        )

    def execution(self, execution_id_: str) -> LifecycleRun:
        """A handle on one run, from its id (``lce-...``); nothing is requested yet."""
        return LifecycleRun(_execution_id(execution_id_), self)

    def cancel(self, execution_id_: str, *, client_token: str | None = None) -> None:
        """Cancel a run that is under way."""
        self._caller.call(
            "CancelLifecycleExecution",
            lifecycle_execution_id=_execution_id(execution_id_),
            client_token=client_token,
        )


def _check(params: dict[str, object]) -> None:
    for field in ("resource_type", "policy_details", "resource_selection"):
        if params.get(field) is None:
            raise ValidationError(field, "is required: pass it or a model that has it")
    check_policy(params["resource_type"], params["policy_details"], params["resource_selection"])
