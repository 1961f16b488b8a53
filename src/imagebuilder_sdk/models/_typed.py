"""Typed views of the `arn` and `version` members that models keep as wire strings.

Models keep the values exactly as the API sent them; these mixins parse them on
demand, so a user can sort by version or read the build number of an ARN without
string handling.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from imagebuilder_sdk.arns import Arn
    from imagebuilder_sdk.models._images import Ami, Container, ImageState, OutputResources
    from imagebuilder_sdk.versions import BuildVersion, SemanticVersion

__all__ = ["HasArn", "HasOutputs", "HasVersion"]


class HasArn:
    """Adds `parsed_arn` and `build_version` to models with an `arn` member."""

    __slots__ = ()
    arn: str

    @property
    def parsed_arn(self) -> Arn:
        """The `arn` split into partition, region, owner, type, name and version."""
        from imagebuilder_sdk.arns import Arn  # imported on use: keeps `import` fast

        return Arn.parse(self.arn)

    @property
    def build_version(self) -> BuildVersion | None:
        """The build version the `arn` names (``1.0.0/3``), when it names one."""
        from imagebuilder_sdk.versions import BuildVersion

        version = self.parsed_arn.version
        return version if isinstance(version, BuildVersion) else None


class HasVersion:
    """Adds `semantic_version` to models with a `version` member."""

    __slots__ = ()
    version: str

    @property
    def semantic_version(self) -> SemanticVersion:
        """The `version` as a `SemanticVersion` (the build number, if any, dropped).

        Raises `StructureError` if the version is a filter such as ``1.x.x``, which
        no answer carries where a version is read.
        """
        from imagebuilder_sdk.errors import StructureError
        from imagebuilder_sdk.versions import BuildVersion, VersionFilter, parse_version

        parsed = parse_version(self.version)
        if isinstance(parsed, BuildVersion):
            return parsed.semantic_version
        if isinstance(parsed, VersionFilter):
            raise StructureError(type(self).__name__, "version", f"{self.version!r} is a filter")
        return parsed


class HasOutputs:
    """Adds `amis` and `containers` to `Image`: its outputs, without None checks.

    The service sends an image's output resources once its build has made them, so
    `output_resources` stays Optional. An image that `ImageBuild.wait()` returns has
    them; these accessors read them and raise `OutputMissingError`, naming the image
    and its status, if the service sent none.
    """

    __slots__ = ()
    if TYPE_CHECKING:  # the model's own attributes (not annotated here at run time)
        arn: str
        state: ImageState
        output_resources: OutputResources | None

    def _outputs(self) -> OutputResources:
        if self.output_resources is None:
            from imagebuilder_sdk.errors import OutputMissingError

            raise OutputMissingError(self.arn, str(self.state.status))
        return self.output_resources

    @property
    def amis(self) -> Sequence[Ami]:
        """The AMIs the build made, one per region and account (empty for containers)."""
        return self._outputs().amis or ()

    @property
    def containers(self) -> Sequence[Container]:
        """The container images the build pushed (empty for AMI builds)."""
        return self._outputs().containers or ()
