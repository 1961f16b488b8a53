"""The emulated Image Builder service: its behaviour, behind one `dispatch` call.

`Backend.dispatch` takes an operation name and its request members in wire form
(camelCase names, JSON values) and returns the answer's members in wire form, or
raises `ServiceError` with the error code the service would use. The HTTP and
in-process plumbing around it lives in the emulator's other modules::

    backend = Backend()
    answer = backend.dispatch("ListComponents", {"owner": "Amazon"})
    answer["componentVersionList"][0]["name"]
"""

from __future__ import annotations

import copy
import importlib
import threading
import uuid
from collections.abc import Mapping
from typing import Any

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing._clock import Clock, VirtualClock
from imagebuilder_sdk.testing._echo import echo
from imagebuilder_sdk.testing._state import (
    NOT_IMPLEMENTED,
    Handler,
    ServiceError,
    State,
    service_model,
)
from imagebuilder_sdk.testing._state_builds import DEFAULT_STAGE_DURATIONS, fail_build
from imagebuilder_sdk.testing._state_idempotency import IdempotencyCache
from imagebuilder_sdk.testing._state_lifecycle import run_due, start_execution
from imagebuilder_sdk.testing._state_seed import seed
from imagebuilder_sdk.testing._state_seed_extra import seed_extra
from imagebuilder_sdk.testing._state_validate import check_input

__all__ = ["Backend", "ServiceError"]

#: The module of this package that implements each group of operations. A module is
#: imported on the first call of one of its operations, so an emulator that serves a few
#: operations does not load the code (and the schedule, workflow and lifecycle engines)
#: of all of them. tests/emulator/test_lazy_operations.py holds this table to the
#: modules' own ``OPERATIONS``.
_MODULES: dict[str, tuple[str, ...]] = {
    "_ops_components": (
        "CreateComponent",
        "DeleteComponent",
        "GetComponent",
        "ImportComponent",
        "ListComponentBuildVersions",
        "ListComponents",
    ),
    "_ops_configs": (
        "CreateDistributionConfiguration",
        "CreateInfrastructureConfiguration",
        "DeleteDistributionConfiguration",
        "DeleteInfrastructureConfiguration",
        "GetDistributionConfiguration",
        "GetInfrastructureConfiguration",
        "ListDistributionConfigurations",
        "ListInfrastructureConfigurations",
        "UpdateDistributionConfiguration",
        "UpdateInfrastructureConfiguration",
    ),
    "_ops_images": (
        "CancelImageCreation",
        "CreateImage",
        "DeleteImage",
        "GetImage",
        "ListImageBuildVersions",
        "ListImagePackages",
        "ListImages",
    ),
    "_ops_pipelines": (
        "CreateImagePipeline",
        "DeleteImagePipeline",
        "GetImagePipeline",
        "ListImagePipelineImages",
        "ListImagePipelines",
        "StartImagePipelineExecution",
        "UpdateImagePipeline",
    ),
    "_ops_policies": (
        "GetComponentPolicy",
        "GetContainerRecipePolicy",
        "GetImagePolicy",
        "GetImageRecipePolicy",
        "PutComponentPolicy",
        "PutContainerRecipePolicy",
        "PutImagePolicy",
        "PutImageRecipePolicy",
    ),
    "_ops_recipes": (
        "CreateContainerRecipe",
        "CreateImageRecipe",
        "DeleteContainerRecipe",
        "DeleteImageRecipe",
        "GetContainerRecipe",
        "GetImageRecipe",
        "ListContainerRecipes",
        "ListImageRecipes",
    ),
    "_ops_tags": ("ListTagsForResource", "TagResource", "UntagResource"),
    # The newer operations (issues 17 and 18), each group in its own module.
    "_ops_distribution": ("DistributeImage", "RetryImage"),
    "_ops_findings": ("ListImageScanFindingAggregations", "ListImageScanFindings"),
    "_ops_imports": ("GetMarketplaceResource", "ImportDiskImage", "ImportVmImage"),
    "_ops_lifecycle": (
        "CancelLifecycleExecution",
        "CreateLifecyclePolicy",
        "DeleteLifecyclePolicy",
        "GetLifecycleExecution",
        "GetLifecyclePolicy",
        "ListLifecycleExecutionResources",
        "ListLifecycleExecutions",
        "ListLifecyclePolicies",
        "StartResourceStateUpdate",
        "UpdateLifecyclePolicy",
    ),
    "_ops_workflows": (
        "CreateWorkflow",
        "DeleteWorkflow",
        "GetWorkflow",
        "GetWorkflowExecution",
        "GetWorkflowStepExecution",
        "ListWaitingWorkflowSteps",
        "ListWorkflowBuildVersions",
        "ListWorkflowExecutions",
        "ListWorkflowStepExecutions",
        "ListWorkflows",
        "SendWorkflowStepAction",
    ),
}

#: The module of each operation `dispatch` implements.
_MODULE_OF: dict[str, str] = {
    operation: module for module, operations in _MODULES.items() for operation in operations
}

#: The handlers of the modules loaded so far, by operation.
_HANDLERS: dict[str, Handler] = {}


def _handler(operation: str) -> Handler | None:
    """The handler of `operation`, its module imported on first use; None if there is none."""
    handler = _HANDLERS.get(operation)
    if handler is None:
        module = _MODULE_OF.get(operation)
        if module is None:
            return None
        # The import lock makes a concurrent first call wait for the module, not see half.
        loaded: dict[str, Handler] = importlib.import_module(
            f"imagebuilder_sdk.testing.{module}"
        ).OPERATIONS
        _HANDLERS.update(loaded)
        handler = loaded.get(operation)
    return handler


def _unavailable(operation: str) -> ServiceError:
    """The answer for an operation without a handler: 501 for the service's, 400 else.

    An operation of the service model that the emulator does not implement gets
    ``501 NotImplementedException`` naming it, so that a test sees at once that the
    emulator, not its request, is the problem (never a validation error).
    """
    if operation in service_model().operation_names:
        return ServiceError(
            NOT_IMPLEMENTED,
            f"The Image Builder emulator does not implement {operation} yet.",
            status=501,
        )
    return ServiceError("InvalidRequestException", f"Unknown operation {echo(operation)}.")


class Backend:
    """One emulated account in one region: every resource, build and answer.

    Thread-safe: one lock serialises the requests. Builds move on with `clock`
    (a `VirtualClock` unless given), computed afresh on every read.
    """

    def __init__(
        self,
        *,
        account_id: str = "123456789012",
        region: str = "us-east-1",
        clock: Clock | None = None,
    ) -> None:
        self.account_id = account_id
        self.region = region
        self.clock: Clock = clock if clock is not None else VirtualClock()
        self._state = State(account_id, region, self.clock)
        self._state.stage_durations = dict(DEFAULT_STAGE_DURATIONS)
        self._lock = threading.RLock()
        self._idempotency = IdempotencyCache()
        seed(self._state)
        seed_extra(self._state)

    def __repr__(self) -> str:
        return f"Backend(account_id={self.account_id!r}, region={self.region!r})"

    @property
    def stage_durations(self) -> dict[str, float]:
        """Seconds a new build spends in PENDING, BUILDING, TESTING, DISTRIBUTING, INTEGRATING.

        Change entries (``backend.stage_durations["BUILDING"] = 600``) or assign a new
        dict; builds that have started keep the durations they started with.
        """
        return self._state.stage_durations

    @stage_durations.setter
    def stage_durations(self, durations: Mapping[str, float]) -> None:
        with self._lock:
            self._state.generation += 1  # kept listings are out of date
            self._state.stage_durations = dict(durations)

    def fail_step(
        self,
        step_name: str,
        image_build_version_arn: str | None = None,
        *,
        reason: str = "Emulated step failure",
    ) -> None:
        """Make the workflow step `step_name` fail: in the given running build, or the next one.

        The step ends FAILED with `reason`; the build fails with it unless the step's
        ``onFailure`` is ``Continue``. Raises `ValidationError` for an unknown build, a
        step the build does not run, or a step that has already ended.
        """
        from imagebuilder_sdk.testing._state_workflows import fail_step

        with self._lock:
            self._state.generation += 1  # kept listings are out of date
            fail_step(self._state, step_name, image_build_version_arn, reason)

    def fail_build(
        self,
        image_build_version_arn: str | None = None,
        *,
        stage: str = "BUILDING",
        reason: str = "Emulated failure",
    ) -> None:
        """Make a build end in FAILED at the end of `stage`, with `reason`.

        With no ARN, the next build that starts fails; with the ARN of a running build,
        that build fails (at once if it is already past `stage`). Raises
        `ValidationError` for an unknown stage, an unknown build or a finished one.
        """
        with self._lock:
            self._state.generation += 1  # kept listings are out of date
            fail_build(self._state, image_build_version_arn, stage, reason)

    def run_lifecycle_policy(self, lifecycle_policy_arn: str) -> str:
        """Start an execution of a lifecycle policy now (as its daily run would); returns its id.

        The execution selects its images at once and acts on them after
        `lifecycle_seconds`. Raises `ValidationError` for an unknown policy.
        """
        with self._lock:
            self._state.generation += 1  # kept listings are out of date
            policy = self._state.table("lifecycle-policy").get(lifecycle_policy_arn)
            if policy is None:
                raise ValidationError(
                    "lifecycle_policy_arn",
                    "must name a lifecycle policy of this emulator",
                    value=lifecycle_policy_arn,
                )
            return str(start_execution(self._state, policy=policy)["arn"])

    @property
    def lifecycle_seconds(self) -> float:
        """Seconds a lifecycle execution is IN_PROGRESS before its actions take effect (60)."""
        return self._state.lifecycle_seconds

    @lifecycle_seconds.setter
    def lifecycle_seconds(self, seconds: float) -> None:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
            raise ValidationError(
                "lifecycle_seconds", "must be a number of seconds >= 0", value=seconds
            )
        with self._lock:
            self._state.generation += 1  # kept listings are out of date
            self._state.lifecycle_seconds = seconds

    @property
    def findings_seed(self) -> int:
        """Seed of the emulated scan findings (0): another seed draws other findings."""
        return self._state.findings_seed

    @findings_seed.setter
    def findings_seed(self, seed: int) -> None:
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise ValidationError("findings_seed", "must be an int", value=seed)
        with self._lock:
            self._state.generation += 1  # kept listings are out of date
            self._state.findings_seed = seed

    @property
    def operations(self) -> frozenset[str]:
        """The operation names `dispatch` implements."""
        return frozenset(_MODULE_OF)

    def dispatch(self, operation: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """Run one operation and return its answer's members (JSON-ready, wire names)."""
        handler = _handler(operation)
        if handler is None:
            raise _unavailable(operation)
        model = service_model().operation_model(operation)
        request = copy.deepcopy(dict(params))
        input_members = model.input_shape.members if model.input_shape is not None else {}
        token = request.get("clientToken") if "clientToken" in input_members else None
        with self._lock:
            if not operation.startswith("List"):  # a List changes nothing
                self._state.generation += 1
            run_due(self._state)  # lifecycle policies run on the clock, like builds
            check_input(model, request)
            if token is not None:
                replayed = self._idempotency.replay(operation, token, request)
                if replayed is not None:
                    return self._stamp(model.output_shape, replayed)
            answer = {k: v for k, v in handler(self._state, request).items() if v is not None}
            if token is not None and "clientToken" in self._members(model.output_shape):
                answer["clientToken"] = token
            if token is not None:
                self._idempotency.remember(operation, token, request, answer)
            return self._stamp(model.output_shape, copy.deepcopy(answer))

    @staticmethod
    def _members(shape: Any) -> Mapping[str, Any]:
        return shape.members if shape is not None else {}

    def _stamp(self, shape: Any, answer: dict[str, Any]) -> dict[str, Any]:
        """Give the answer a fresh request id, where the output shape has one."""
        if "requestId" in self._members(shape):
            answer["requestId"] = str(uuid.uuid4())
        return answer
