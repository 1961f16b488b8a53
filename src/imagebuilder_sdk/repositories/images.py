"""Images: start builds, follow them to the end, read and list what they produced."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateImageArguments,
    DistributeImageArguments,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    Image,
    ImagePackage,
    ImageSummary,
    ImageType,
    ImageVersion,
    Ownership,
    Platform,
    WorkflowExecutionMetadata,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories import _workflow_runs
from imagebuilder_sdk.repositories._base import Repository, one_recipe, policy_text, takes
from imagebuilder_sdk.repositories._image_extras import BuildExtras, ImageExtras
from imagebuilder_sdk.repositories._workflow_runs import BuildStep, WaitingStep
from imagebuilder_sdk.versions import VersionFilter
from imagebuilder_sdk.waiters import WaitingStepHandler, wait_for_image

__all__ = ["ImageBuild", "Images"]

_RECIPES = (ResourceType.IMAGE_RECIPE, ResourceType.CONTAINER_RECIPE)


@attrs.frozen
class ImageBuild(BuildExtras):
    """A handle on one image build, by its build-version ARN.

    Returned by `ib.images.create` and `ib.image_pipelines.start`; another process
    can make one again from the ARN alone with `ib.images.build(arn)`. Its scan
    findings, the findings gate and state updates (`findings`, `gate`, `deprecate`,
    `disable`, `delete_resources`) come from `BuildExtras`.
    """

    arn: str
    """The build-version ARN of the image (``.../image/name/1.0.0/3``)."""
    images: Images = attrs.field(repr=False, eq=False)
    """The repository the handle talks through."""

    def refresh(self) -> Image:
        """The image as the service sees it now."""
        return self.images.get(self.arn)

    def wait(
        self,
        *,
        timeout: float = 4 * 3600.0,
        poll_interval: float = 30.0,
        on_progress: Callable[[Image], object] | None = None,
        progress: bool = False,
        on_step: Callable[[BuildStep], object] | None = None,
        on_waiting_step: WaitingStepHandler | None = None,
    ) -> Image:
        """Wait for the build to end; see `Images.wait`."""
        return self.images.wait(
            self.arn,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            progress=progress,
            on_step=on_step,
            on_waiting_step=on_waiting_step,
        )

    def cancel(self) -> None:
        """Cancel the build, if it is still running."""
        self.images.cancel(self.arn)

    def workflow_executions(
        self, *, page_size: int | None = None
    ) -> Paginated[WorkflowExecutionMetadata]:
        """The build's workflow runs (build, test, distribution...), lazily."""
        return _workflow_runs.executions(self.images._caller, self.arn, page_size)

    def steps(self) -> Paginated[BuildStep]:
        """Every step of every workflow run of the build, in order, lazily."""
        return _workflow_runs.build_steps(self.images._caller, self.arn)

    def waiting_steps(self) -> Paginated[WaitingStep]:
        """The build's steps that wait for an action (`WaitForAction`), lazily."""
        return _workflow_runs.waiting(self.images._caller, self.arn)

    def retry(self, *, client_token: str | None = None) -> ImageBuild:
        """Run a failed build again from where it failed (RetryImage); its handle."""
        return self.images.retry(self.arn, client_token=client_token)

    def distribute(self, **arguments: Unpack[DistributeImageArguments]) -> ImageBuild:
        """Distribute this build's image again (DistributeImage); the new build's handle."""
        return self.images.distribute(self.arn, **arguments)


class Images(ImageExtras, Repository):
    """Build, read, list, cancel and delete images; ``ib.images``.

    Imports, scan findings and state updates (`import_vm`, `import_disk`, `findings`,
    `finding_aggregations`, `update_state`...) come from `ImageExtras`.
    """

    __slots__ = ()
    resource_type = ResourceType.IMAGE

    @takes("CreateImage")
    def create(self, /, **arguments: Unpack[CreateImageArguments]) -> ImageBuild:
        """Start building an image from a recipe (image or container); return its handle.

        Give exactly one of `image_recipe_arn` and `container_recipe_arn`.
        """
        params: dict[str, object] = dict(arguments)
        one_recipe(params.get("image_recipe_arn"), params.get("container_recipe_arn"))
        self._references(params)
        response = self._caller.call("CreateImage", **params)
        return ImageBuild(str(response["image_build_version_arn"]), self)

    def build(self, arn: str | Arn) -> ImageBuild:
        """A handle on an existing build, from its build-version ARN alone."""
        return ImageBuild(self._arn(arn), self)

    def get(self, arn: str | Arn) -> Image:
        """The image a version or build-version ARN names."""
        response = self._caller.call("GetImage", image_build_version_arn=self._arn(arn))
        return converter.structure(response["image"], Image)

    def wait(
        self,
        arn: str | Arn,
        *,
        timeout: float = 4 * 3600.0,
        poll_interval: float = 30.0,
        on_progress: Callable[[Image], object] | None = None,
        progress: bool = False,
        on_step: Callable[[BuildStep], object] | None = None,
        on_waiting_step: WaitingStepHandler | None = None,
    ) -> Image:
        """Wait for a build to end and return the available image.

        Raises `ImageBuildFailedError` (naming the failed workflow, step and region),
        `ImageBuildCancelledError` or `WaitTimeoutError`; throttling and 5xx answers
        while polling do not end the wait. `on_step(step)` hears of each workflow step
        the build moves to; `on_waiting_step(step)` of each step waiting for an action
        (it may `resume` or `stop` it), or ``"raise"`` raises `ApprovalRequiredError`.
        See `imagebuilder_sdk.waiters`.
        """
        text = self._arn(arn)
        return wait_for_image(
            lambda: self.get(text),
            text,
            retry=self._caller.retry,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            progress=progress,
            follow=_workflow_runs.Follower(self._caller, text),
            on_step=on_step,
            on_waiting_step=on_waiting_step,
        )

    def retry(self, arn: str | Arn, *, client_token: str | None = None) -> ImageBuild:
        """Run a failed build again from the stage it failed at (RetryImage).

        Returns the handle of the build the service runs (the same build-version ARN).
        """
        response = self._caller.call(
            "RetryImage", image_build_version_arn=self._arn(arn), client_token=client_token
        )
        return ImageBuild(str(response["image_build_version_arn"]), self)

    @takes("DistributeImage")
    def distribute(
        self, source_image: str | Arn, /, **arguments: Unpack[DistributeImageArguments]
    ) -> ImageBuild:
        """Distribute an existing image again, without rebuilding it (DistributeImage).

        `source_image` is the image's ARN; returns the handle of the distribution build.
        """
        params: dict[str, object] = dict(arguments)
        self._references(params)
        response = self._caller.call(
            "DistributeImage", source_image=self._arn(source_image, "source_image"), **params
        )
        return ImageBuild(str(response["image_build_version_arn"]), self)

    def cancel(self, arn: str | Arn, *, client_token: str | None = None) -> None:
        """Cancel a running build."""
        self._caller.call(
            "CancelImageCreation",
            image_build_version_arn=self._arn(arn),
            client_token=client_token,
        )

    def delete(self, arn: str | Arn) -> None:
        """Delete an image build version (the AMIs it produced stay)."""
        self._caller.call("DeleteImage", image_build_version_arn=self._arn(arn))

    def list(
        self,
        *,
        name: str | None = None,
        platform: Platform | str | None = None,
        version: str | None = None,
        type: ImageType | str | None = None,
        os_version: str | None = None,
        owner: Ownership | str | None = None,
        by_name: bool | None = None,
        include_deprecated: bool | None = None,
        page_size: int | None = None,
    ) -> Paginated[ImageVersion]:
        """Image versions, lazily; options filter on the service side."""
        return self._list(
            "ListImages",
            "image_version_list",
            ImageVersion,
            filters={
                "name": name,
                "platform": platform,
                "version": version,
                "type": type,
                "osVersion": os_version,
            },
            owner=owner,
            by_name=by_name,
            include_deprecated=include_deprecated,
            max_results=page_size,
        )

    def build_versions(
        self,
        arn: str | Arn,
        *,
        page_size: int | None = None,
    ) -> Paginated[ImageSummary]:
        """The builds of one image version (a version ARN), lazily."""
        return self._list(
            "ListImageBuildVersions",
            "image_summary_list",
            ImageSummary,
            image_version_arn=self._arn(arn),
            max_results=page_size,
        )

    def packages(self, arn: str | Arn, *, page_size: int | None = None) -> Paginated[ImagePackage]:
        """The packages installed on a built image, lazily."""
        return self._list(
            "ListImagePackages",
            "image_package_list",
            ImagePackage,
            image_build_version_arn=self._arn(arn),
            max_results=page_size,
        )

    def latest(
        self,
        name: str,
        version_filter: VersionFilter | str = "x.x.x",
        *,
        owner: Ownership | str | None = None,
    ) -> ImageVersion | None:
        """The greatest version of image `name` matching `version_filter`, or None."""
        return self._latest(self.list, name, version_filter, owner)

    def get_policy(self, arn: str | Arn) -> str:
        """The resource policy of an image, as JSON text."""
        response = self._caller.call("GetImagePolicy", image_arn=self._arn(arn))
        return str(response.get("policy") or "")

    def put_policy(self, arn: str | Arn, policy: str | Mapping[str, Any]) -> None:
        """Set the resource policy of an image."""
        self._caller.call("PutImagePolicy", image_arn=self._arn(arn), policy=policy_text(policy))
