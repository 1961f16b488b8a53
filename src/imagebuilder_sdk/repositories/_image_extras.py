"""The newer image operations: imports, scan findings and resource state updates.

Mixed into `Images` (``ib.images.import_vm``, ``ib.images.findings``,
``ib.images.deprecate``...) and `ImageBuild` (``build.findings()``, ``build.gate()``,
``build.deprecate()``...), kept here so the older image module stays small.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from typing_extensions import Unpack

from imagebuilder_sdk.arguments import ImportDiskImageArguments, ImportVmImageArguments
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.findings import Severity, at_or_above, security_gate
from imagebuilder_sdk.findings import parse_severity as _severity_of
from imagebuilder_sdk.models import (
    Filter,
    Image,
    ImageScanFinding,
    ImageScanFindingAggregation,
    ImageScanFindingsFilter,
    LifecyclePolicyDetailExclusionRulesAmis,
    ResourceState,
    ResourceStateUpdateExclusionRules,
    ResourceStateUpdateIncludeResources,
    ResourceStatus,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, takes
from imagebuilder_sdk.versions import BuildVersion

if TYPE_CHECKING:
    from imagebuilder_sdk.repositories.images import ImageBuild, Images
    from imagebuilder_sdk.repositories.lifecycle_policies import LifecycleRun

__all__ = ["BuildExtras", "ImageExtras"]

#: The one filter ListImageScanFindings takes, by keyword.
_FINDING_FILTERS = {
    "image_arn": "imageBuildVersionArn",
    "pipeline_arn": "imagePipelineArn",
    "vulnerability_id": "vulnerabilityId",
    "severity": "severity",
}
#: How ListImageScanFindingAggregations groups its counts, by `by`.
AggregateBy = Literal["account", "image", "pipeline", "vulnerability"]
_AGGREGATIONS = {
    "account": "accountId",
    "image": "imageBuildVersionArn",
    "pipeline": "imagePipelineArn",
    "vulnerability": "vulnerabilityId",
}


class ImageExtras(Repository):
    """Imports, findings and state updates of ``ib.images`` (see `Images`)."""

    __slots__ = ()

    if TYPE_CHECKING:  # defined by `Images`, the one class that uses this mixin

        def build(self, arn: str | Arn) -> ImageBuild:
            """A handle on an existing build (`Images.build`)."""

    @takes("ImportVmImage")
    def import_vm(self, /, **arguments: Unpack[ImportVmImageArguments]) -> ImageBuild:
        """Make an Image Builder image from a finished VM Import task; return its handle.

        The import moves through states like a build: ``build.wait()`` follows it.
        """
        response = self._caller.call("ImportVmImage", **arguments)
        return self.build(str(response["image_arn"]))

    @takes("ImportDiskImage")
    def import_disk(self, /, **arguments: Unpack[ImportDiskImageArguments]) -> ImageBuild:
        """Make an image from an ISO disk image in S3 (`uri`); return its build handle.

        The import runs on the instances of `infrastructure_configuration_arn`.
        """
        params: dict[str, object] = dict(arguments)
        self._references(params)
        response = self._caller.call("ImportDiskImage", **params)
        return self.build(str(response["image_build_version_arn"]))

    def findings(
        self,
        arn: str | Arn | None = None,
        *,
        pipeline_arn: str | Arn | None = None,
        vulnerability_id: str | None = None,
        severity: Severity | str | None = None,
        at_least: Severity | str | None = None,
        page_size: int | None = None,
    ) -> Paginated[ImageScanFinding]:
        """Scan findings, lazily: of one image build (`arn`), a pipeline's images, one
        vulnerability, or one exact severity; with none of these, the whole account's.

        The service takes one of those four filters at a time. `at_least` keeps the
        findings of that severity or worse, on the client side, and combines with any.
        `page_size` is 1 to 25, the service's limit.
        """
        given = {
            "image_arn": None if arn is None else self._arn(arn, "arn", ResourceType.IMAGE),
            "pipeline_arn": None
            if pipeline_arn is None
            else self._arn(pipeline_arn, "pipeline_arn", ResourceType.IMAGE_PIPELINE),
            "vulnerability_id": vulnerability_id,
            "severity": None if severity is None else _severity_of(severity, "severity").value,
        }
        chosen = {key: value for key, value in given.items() if value is not None}
        if len(chosen) > 1:
            raise ValidationError(
                sorted(chosen)[1],
                "the service filters findings on one of arn, pipeline_arn, vulnerability_id "
                f"and severity at a time, got {', '.join(sorted(chosen))}; "
                "use at_least= for a severity floor",
            )
        if page_size is not None and (
            isinstance(page_size, bool) or not isinstance(page_size, int) or page_size > 25
        ):
            raise ValidationError(
                "page_size", f"must be an integer from 1 to 25, got {page_size!r}"
            )
        params: dict[str, object] = {"max_results": page_size}
        if chosen:
            params["filters"] = [
                ImageScanFindingsFilter(name=_FINDING_FILTERS[key], values=[value])
                for key, value in chosen.items()
            ]
        floor = None if at_least is None else _severity_of(at_least, "at_least")
        self._caller.check("ListImageScanFindings", **params)
        caller = self._caller
        structure = converter.get_structure_hook(ImageScanFinding)

        def fetch(token: str | None) -> tuple[Sequence[ImageScanFinding], str | None]:
            response = caller.call("ListImageScanFindings", next_token=token, **params)
            page = [structure(item, ImageScanFinding) for item in response.get("findings") or ()]
            return (page if floor is None else at_or_above(page, floor)), response.get("next_token")

        return Paginated(fetch)

    def finding_aggregations(
        self,
        by: AggregateBy = "account",
        values: Sequence[str] | None = None,
    ) -> Paginated[ImageScanFindingAggregation]:
        """Counts of findings by severity, grouped `by` account, image, pipeline or
        vulnerability; `values` (ARNs, ids) keeps only those groups.
        """
        if not isinstance(by, str) or by not in _AGGREGATIONS:
            raise ValidationError("by", f"must be one of {', '.join(_AGGREGATIONS)}, got {by!r}")
        params: dict[str, Any] = {}
        if values is not None:
            if isinstance(values, str) or not values:
                raise ValidationError("values", "must be a non-empty list of strings")
            params["filter"] = Filter(name=_AGGREGATIONS[by], values=list(values))
        elif by != "account":
            raise ValidationError("values", f"name the {by} groups to count (ARNs or ids)")
        return self._list(
            "ListImageScanFindingAggregations",
            "responses",
            ImageScanFindingAggregation,
            **params,
        )

    def update_state(
        self,
        arn: str | Arn,
        status: ResourceStatus | str,
        *,
        amis: bool | None = None,
        snapshots: bool | None = None,
        containers: bool | None = None,
        exclude_amis: LifecyclePolicyDetailExclusionRulesAmis | None = None,
        execution_role: str | None = None,
        update_at: datetime | None = None,
        client_token: str | None = None,
    ) -> LifecycleRun:
        """Move an image build (and, as asked, its AMIs, snapshots, containers) to `status`.

        `status` is AVAILABLE, DEPRECATED, DISABLED or DELETED. The service does it as a
        lifecycle execution, now or at `update_at`; the handle returned follows it
        (``.wait()``, ``.resources()``). AMIs matching `exclude_amis` are spared.
        """
        from imagebuilder_sdk.repositories.lifecycle_policies import LifecyclePolicies

        target = self._arn(arn, "arn", ResourceType.IMAGE)
        if not isinstance(Arn.parse(target).version, BuildVersion):
            raise ValidationError("arn", "must be an image build version ARN (.../1.0.0/1)")
        include = ResourceStateUpdateIncludeResources(
            amis=_flag(amis, "amis"),
            snapshots=_flag(snapshots, "snapshots"),
            containers=_flag(containers, "containers"),
        )
        if exclude_amis is not None and not isinstance(
            exclude_amis, LifecyclePolicyDetailExclusionRulesAmis
        ):
            raise ValidationError("exclude_amis", "must come from lifecycle.ami_exclusions(...)")
        if update_at is not None and (
            not isinstance(update_at, datetime) or update_at.tzinfo is None
        ):
            raise ValidationError("update_at", "must be a timezone-aware datetime")
        response = self._caller.call(
            "StartResourceStateUpdate",
            resource_arn=target,
            state=ResourceState(status=_status(status)),
            include_resources=None if include == ResourceStateUpdateIncludeResources() else include,
            exclusion_rules=None
            if exclude_amis is None
            else ResourceStateUpdateExclusionRules(amis=exclude_amis),
            execution_role=execution_role,
            update_at=update_at,
            client_token=client_token,
        )
        return LifecyclePolicies(self._caller).execution(str(response["lifecycle_execution_id"]))

    def deprecate(self, arn: str | Arn, **options: Any) -> LifecycleRun:
        """Deprecate an image build; options as in `update_state` (``amis=True``...)."""
        return self.update_state(arn, ResourceStatus.DEPRECATED, **options)

    def disable(self, arn: str | Arn, **options: Any) -> LifecycleRun:
        """Disable an image build; options as in `update_state`."""
        return self.update_state(arn, ResourceStatus.DISABLED, **options)

    def delete_resources(self, arn: str | Arn, **options: Any) -> LifecycleRun:
        """Delete an image build with what it made (``amis=True, snapshots=True``...).

        Unlike `Images.delete`, this can deregister the AMIs, delete their snapshots
        and the container images; options as in `update_state`.
        """
        return self.update_state(arn, ResourceStatus.DELETED, **options)


class BuildExtras:
    """Findings, the gate and state updates of one build (see `ImageBuild`)."""

    __slots__ = ()
    if TYPE_CHECKING:
        arn: str
        images: Images

    def findings(
        self, *, at_least: Severity | str | None = None, page_size: int | None = None
    ) -> Paginated[ImageScanFinding]:
        """The scan findings of this build, lazily (`at_least` keeps the worse ones)."""
        return self.images.findings(self.arn, at_least=at_least, page_size=page_size)

    def gate(
        self,
        *,
        fail_at: Severity | str = Severity.HIGH,
        fix_available_only: bool = False,
        timeout: float = 4 * 3600.0,
        poll_interval: float = 30.0,
    ) -> Image:
        """Wait for the build and fail if its findings reach `fail_at`; see `security_gate`."""
        return security_gate(
            cast("ImageBuild", self),  # only ImageBuild mixes this in
            fail_at=fail_at,
            fix_available_only=fix_available_only,
            timeout=timeout,
            poll_interval=poll_interval,
        )

    def update_state(self, status: ResourceStatus | str, **options: Any) -> LifecycleRun:
        """Move this build to `status`; see `Images.update_state`."""
        return self.images.update_state(self.arn, status, **options)

    def deprecate(self, **options: Any) -> LifecycleRun:
        """Deprecate this build; see `Images.update_state`."""
        return self.images.deprecate(self.arn, **options)

    def disable(self, **options: Any) -> LifecycleRun:
        """Disable this build; see `Images.update_state`."""
        return self.images.disable(self.arn, **options)

    def delete_resources(self, **options: Any) -> LifecycleRun:
        """Delete this build and, as asked, its AMIs, snapshots, containers."""
        return self.images.delete_resources(self.arn, **options)


def _status(value: object) -> ResourceStatus:
    if isinstance(value, str) and value in ResourceStatus.__members__.values():
        return ResourceStatus(value)
    allowed = ", ".join(s.value for s in ResourceStatus.__members__.values())
    raise ValidationError("status", f"must be one of {allowed}, got {value!r}", value=value)


def _flag(value: object, field: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ValidationError(field, f"must be True, False or None, got {value!r}", value=value)
    return value
