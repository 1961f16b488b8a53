"""Parse, build and print Image Builder ARNs.

Every Image Builder resource has an ARN of the form
``arn:PARTITION:imagebuilder:REGION:OWNER:TYPE/NAME[/VERSION[/BUILD]]``; workflows put
their kind first (``workflow/build/NAME/...``). The version part is what lets one ARN
name a whole family of builds: ``.../component/hardening/1.x.x`` follows new minor
versions, ``.../component/hardening/1.2.0/3`` pins one build.

`Arn.parse` accepts what the service model's broadest ARN pattern (``ImageBuilderArn``)
admits, with the limits of `imagebuilder_sdk.versions` on the numbers; pass ``shape=``
to hold an ARN to one of the model's narrower shapes, and ``expect=`` to require a kind.

>>> arn = Arn.parse("arn:aws:imagebuilder:us-east-1:123456789012:component/hardening/1.2.0/3")
>>> arn.resource_type, arn.name, str(arn.version)
(<ResourceType.COMPONENT: 'component'>, 'hardening', '1.2.0/3')
>>> str(arn.with_version("1.x.x"))
'arn:aws:imagebuilder:us-east-1:123456789012:component/hardening/1.x.x'
>>> str(arn_for("image-recipe", "Web Server", "2.0.0", region="eu-west-1", owner="123456789012"))
'arn:aws:imagebuilder:eu-west-1:123456789012:image-recipe/web-server/2.0.0'
"""

from __future__ import annotations

from collections.abc import Collection

import attrs

from imagebuilder_sdk._arn_grammar import (
    WORKFLOW_TYPES,
    ArnVersion,
    ResourceType,
    article,
    check_name,
    check_owner,
    check_partition,
    check_region,
    normalize_name,
    split_arn,
    to_resource_type,
    to_version,
    to_workflow_type,
)
from imagebuilder_sdk._arn_patterns import arn_pattern
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter, parse_version

__all__ = [
    "Arn",
    "ArnVersion",
    "ResourceType",
    "WORKFLOW_TYPES",
    "arn_for",
    "build_version_arn",
    "normalize_name",
    "version_arn",
    "wildcard_arn",
]


@attrs.frozen
class Arn:
    """An Image Builder ARN, split into its parts. Frozen and hashable.

    ``str(Arn.parse(text)) == text`` for every ARN it accepts: a version keeps the text
    it was written with (``2019.12.02``), while ARNs compare by the version's numbers.
    """

    partition: str = attrs.field(validator=check_partition)
    """``aws``, ``aws-cn``, ``aws-us-gov``, ..."""
    region: str = attrs.field(validator=check_region)
    """The AWS Region, such as ``us-east-1``."""
    owner: str = attrs.field(validator=check_owner)
    """A 12-digit account id, ``aws`` (Amazon-managed), ``aws-marketplace`` or ``third-party``."""
    resource_type: ResourceType = attrs.field(converter=to_resource_type)
    """The kind of resource."""
    name: str = attrs.field(validator=check_name)
    """The resource name as the ARN writes it: lower case, ``-`` for spaces and ``_``."""
    version: ArnVersion | None = attrs.field(default=None, converter=to_version)
    """A version, a build version, a filter with wildcards, or None (unversioned kinds)."""
    workflow_type: str | None = attrs.field(default=None, converter=to_workflow_type)
    """``build``, ``test`` or ``distribution`` for a workflow; None for other kinds."""

    def __attrs_post_init__(self) -> None:
        if self.resource_type is ResourceType.WORKFLOW:
            if self.workflow_type not in WORKFLOW_TYPES:
                raise ValidationError(
                    "workflow_type",
                    f"a workflow ARN needs one of {', '.join(WORKFLOW_TYPES)}, "
                    f"got {self.workflow_type!r}",
                    value=self.workflow_type,
                )
        elif self.workflow_type is not None:
            raise ValidationError(
                "workflow_type",
                f"only workflow ARNs have one, not {self.resource_type.value} ARNs",
                value=self.workflow_type,
            )

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        field: str = "arn",
        expect: ResourceType | str | Collection[ResourceType | str] | None = None,
        shape: str | None = None,
    ) -> Arn:
        """Read an Image Builder ARN; raise `ValidationError` naming `field` if it is not one.

        Args:
            text: the ARN.
            field: the parameter name to put in errors.
            expect: the kind, or kinds, of resource the ARN must name.
            shape: the name of a service model ARN shape (``"ImageBuildVersionArn"``)
                whose pattern the ARN must also match.

        >>> Arn.parse("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x").is_wildcard
        True
        >>> Arn.parse("arn:aws:imagebuilder:us-east-1:aws:image/al2/1.0.0", expect="component")
        Traceback (most recent call last):
        ...
        imagebuilder_sdk.errors.ValidationError: arn: must be the ARN of a component, got an image ARN: 'arn:aws:imagebuilder:us-east-1:aws:image/al2/1.0.0'
        """  # noqa: E501  (doctest output stays on one line)
        arn = cls(*split_arn(text, field))
        if expect is not None:
            _check_kind(arn, text, field, expect)
        if shape is not None and not arn_pattern(shape).fullmatch(text):
            raise ValidationError(
                field, f"must match the service's {shape} pattern, got {text!r}", value=text
            )
        return arn

    @property
    def resource(self) -> str:
        """The part after the owner: ``component/hardening/1.2.0/3``."""
        parts = [self.resource_type.value]
        if self.workflow_type is not None:
            parts.append(self.workflow_type)
        parts.append(self.name)
        if self.version is not None:
            parts.append(str(self.version))
        return "/".join(parts)

    @property
    def is_wildcard(self) -> bool:
        """Whether the version has an ``x`` wildcard, so the ARN names many versions."""
        return isinstance(self.version, VersionFilter)

    @property
    def is_build_version(self) -> bool:
        """Whether the ARN names one build (``.../1.2.0/3``)."""
        return isinstance(self.version, BuildVersion)

    def with_version(self, version: ArnVersion | str | None) -> Arn:
        """This ARN with another version part (None drops it).

        >>> arn = Arn.parse("arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/2")
        >>> arn.with_version(arn.version.semantic_version).resource
        'image/web/1.0.0'
        """
        return attrs.evolve(self, version=version)

    def __str__(self) -> str:
        return f"arn:{self.partition}:imagebuilder:{self.region}:{self.owner}:{self.resource}"


def _check_kind(
    arn: Arn,
    text: str,
    field: str,
    expect: ResourceType | str | Collection[ResourceType | str],
) -> None:
    if isinstance(expect, str):
        wanted = [to_resource_type(expect)]
    else:
        wanted = [to_resource_type(kind) for kind in expect]
    if arn.resource_type in wanted:
        return
    kinds = " or ".join(article(kind.value) for kind in wanted)
    raise ValidationError(
        field,
        f"must be the ARN of {kinds}, got {article(arn.resource_type.value)} ARN: {text!r}",
        value=text,
    )


def arn_for(
    resource_type: ResourceType | str,
    name: str,
    version: ArnVersion | str | None = None,
    *,
    partition: str = "aws",
    region: str,
    owner: str,
    workflow_type: str | None = None,
) -> Arn:
    """Build the ARN of a resource from its name, as the service would mint it.

    `name` is normalised by `normalize_name`. A version is refused for the kinds that
    have none (pipelines, infrastructure and distribution configurations, lifecycle
    policies).

    >>> str(arn_for("workflow", "Test Suite", "1.0.0/1", region="us-east-1",
    ...             owner="123456789012", workflow_type="test"))
    'arn:aws:imagebuilder:us-east-1:123456789012:workflow/test/test-suite/1.0.0/1'
    """
    kind = to_resource_type(resource_type)
    if version is not None and not kind.is_versioned:
        raise ValidationError(
            "version", f"{article(kind.value)} ARN has no version, got {version!r}", value=version
        )
    return Arn(
        partition=partition,
        region=region,
        owner=owner,
        resource_type=kind,
        name=normalize_name(name),
        version=version,
        workflow_type=workflow_type,
    )


def version_arn(
    resource_type: ResourceType | str,
    name: str,
    version: SemanticVersion | BuildVersion | str,
    *,
    partition: str = "aws",
    region: str,
    owner: str,
    workflow_type: str | None = None,
) -> Arn:
    """The ARN of one version (``.../NAME/1.2.3``); a build number is dropped.

    >>> version_arn("component", "cis", "1.2.3/4", region="us-east-1", owner="aws").resource
    'component/cis/1.2.3'
    """
    parsed = parse_version(version) if isinstance(version, str) else version
    if isinstance(parsed, BuildVersion):
        parsed = parsed.semantic_version
    if not isinstance(parsed, SemanticVersion):
        raise ValidationError(
            "version", f"must be an exact version like '1.2.3', got {version!r}", value=version
        )
    return arn_for(
        resource_type,
        name,
        parsed,
        partition=partition,
        region=region,
        owner=owner,
        workflow_type=workflow_type,
    )


def build_version_arn(
    resource_type: ResourceType | str,
    name: str,
    version: SemanticVersion | BuildVersion | str,
    build: int | None = None,
    *,
    partition: str = "aws",
    region: str,
    owner: str,
    workflow_type: str | None = None,
) -> Arn:
    """The ARN of one build: give ``"1.2.3/4"``, or a version and `build`.

    >>> build_version_arn("image", "web", "1.2.3", 4, region="us-east-1", owner="aws").resource
    'image/web/1.2.3/4'
    """
    parsed = parse_version(version) if isinstance(version, str) else version
    if isinstance(parsed, BuildVersion) and build is not None and build != parsed.build:
        raise ValidationError(
            "build", f"conflicts with the build number in {str(parsed)!r}", value=build
        )
    if isinstance(parsed, SemanticVersion):
        if build is None:
            raise ValidationError("build", "is needed with a version that has no build number")
        parsed = parsed.with_build(build)
    if not isinstance(parsed, BuildVersion):
        raise ValidationError(
            "version", f"must be an exact version like '1.2.3', got {version!r}", value=version
        )
    return arn_for(
        resource_type,
        name,
        parsed,
        partition=partition,
        region=region,
        owner=owner,
        workflow_type=workflow_type,
    )


def wildcard_arn(
    resource_type: ResourceType | str,
    name: str,
    version_filter: VersionFilter | str = "x.x.x",
    *,
    partition: str = "aws",
    region: str,
    owner: str,
    workflow_type: str | None = None,
) -> Arn:
    """The ARN that follows the newest version matching `version_filter` (``1.x.x``).

    An exact filter (``1.2.3``) gives the plain version ARN.

    >>> wildcard_arn("image", "Amazon Linux", "2.x.x", region="us-east-1", owner="aws").resource
    'image/amazon-linux/2.x.x'
    """
    if isinstance(version_filter, str):
        version_filter = VersionFilter.parse(version_filter, field="version_filter")
    return arn_for(
        resource_type,
        name,
        version_filter,
        partition=partition,
        region=region,
        owner=owner,
        workflow_type=workflow_type,
    )
