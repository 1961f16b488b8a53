"""The grammar of Image Builder ARNs: kinds, parts, and splitting ARN text.

The public face of this is `imagebuilder_sdk.arns`; this module holds the pieces that
`Arn` and its builders share, so that each stays a readable size.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeAlias

import attrs

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter, parse_version

__all__ = [
    "ArnParts",
    "ArnVersion",
    "KINDS",
    "ResourceType",
    "WORKFLOW_TYPES",
    "article",
    "check_name",
    "check_owner",
    "check_partition",
    "check_region",
    "normalize_name",
    "split_arn",
    "to_resource_type",
    "to_version",
    "to_workflow_type",
]

ArnVersion: TypeAlias = SemanticVersion | BuildVersion | VersionFilter
"""What the version part of an ARN can be."""

WORKFLOW_TYPES = ("build", "test", "distribution")
"""The kinds of workflow, as they appear in workflow ARNs."""

_OWNER = re.compile(r"[0-9]{12}|aws(?:-[a-z-]+)?|third-party")
_NAME = re.compile(r"[a-z0-9_-]+")
_FORM = "arn:PARTITION:imagebuilder:REGION:OWNER:TYPE/NAME[/VERSION[/BUILD]]"


class ResourceType(str, enum.Enum):
    """The kinds of Image Builder resource, as written in their ARNs."""

    COMPONENT = "component"
    CONTAINER_RECIPE = "container-recipe"
    DISTRIBUTION_CONFIGURATION = "distribution-configuration"
    IMAGE = "image"
    IMAGE_PIPELINE = "image-pipeline"
    IMAGE_RECIPE = "image-recipe"
    INFRASTRUCTURE_CONFIGURATION = "infrastructure-configuration"
    LIFECYCLE_POLICY = "lifecycle-policy"
    WORKFLOW = "workflow"

    @property
    def is_versioned(self) -> bool:
        """Whether resources of this kind have semantic versions.

        >>> ResourceType.COMPONENT.is_versioned, ResourceType.IMAGE_PIPELINE.is_versioned
        (True, False)
        """
        return self in _VERSIONED


_VERSIONED = frozenset(
    {
        ResourceType.COMPONENT,
        ResourceType.CONTAINER_RECIPE,
        ResourceType.IMAGE,
        ResourceType.IMAGE_RECIPE,
        ResourceType.WORKFLOW,
    }
)
KINDS = ", ".join(kind.value for kind in ResourceType)


def to_resource_type(value: ResourceType | str) -> ResourceType:
    """The `ResourceType` named by `value`; `ValidationError` for an unknown kind."""
    try:
        return ResourceType(value)
    except ValueError:
        raise ValidationError(
            "resource_type", f"must be one of {KINDS}, got {value!r}", value=value
        ) from None


def to_version(value: ArnVersion | str | None) -> ArnVersion | None:
    """Text becomes a version object; an exact filter becomes its `SemanticVersion`."""
    if isinstance(value, str):
        value = parse_version(value)
    if isinstance(value, VersionFilter) and value.is_exact:
        return value.exact_version
    if value is None or isinstance(value, (SemanticVersion, BuildVersion, VersionFilter)):
        return value
    raise ValidationError(
        "version",
        f"must be a SemanticVersion, BuildVersion, VersionFilter or string, "
        f"got {type(value).__name__}",
        value=value,
    )


def to_workflow_type(value: object) -> str | None:
    """A workflow type in lower case; the models' ``WorkflowType.BUILD`` works too."""
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(
            "workflow_type", f"must be a string, got {type(value).__name__}", value=value
        )
    return value.lower()


def check_partition(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a partition that does not start with ``aws`` (the service's ``aws[^:]*``)."""
    if not isinstance(value, str) or not value.startswith("aws") or ":" in value:
        raise ValidationError("partition", "must start with 'aws' and hold no ':'", value=value)


def check_region(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse an empty region; the service's broad pattern admits anything but ``:``."""
    if not isinstance(value, str) or not value or ":" in value:
        raise ValidationError("region", "must be a non-empty string with no ':'", value=value)


def check_owner(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse an owner other than an account id, ``aws``, ``aws-NAME`` or ``third-party``."""
    if not isinstance(value, str) or not _OWNER.fullmatch(value):
        raise ValidationError(
            "owner",
            f"must be a 12-digit account id, 'aws', 'aws-NAME' or 'third-party', got {value!r}",
            value=value,
        )


def check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a name with characters that ARNs do not use."""
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise ValidationError(
            "name", f"must use only a-z, 0-9, '-' and '_', got {value!r}", value=value
        )


class ArnParts(NamedTuple):
    """The parts of an ARN, in the order `Arn` takes them."""

    partition: str
    region: str
    owner: str
    resource_type: ResourceType
    name: str
    version: ArnVersion | None
    workflow_type: str | None


def split_arn(text: str, field: str) -> ArnParts:
    """Split ARN text into its parts; raise `ValidationError` naming `field`."""
    if not isinstance(text, str):
        raise ValidationError(field, f"must be a string, got {type(text).__name__}", value=text)

    def refuse(problem: str) -> ValidationError:
        return ValidationError(
            field, f"is not an Image Builder ARN ({problem}): {text!r}", value=text
        )

    fields = text.split(":")
    if len(fields) != 6 or fields[0] != "arn":
        raise refuse(f"expected the form {_FORM}")
    _, partition, service, region, owner, resource = fields
    if not partition.startswith("aws"):
        raise refuse(f"the partition must start with 'aws', got {partition!r}")
    if service != "imagebuilder":
        raise refuse(f"the service must be 'imagebuilder', got {service!r}")
    if not region:
        raise refuse("the region is empty")
    if not _OWNER.fullmatch(owner):
        raise refuse(
            f"the owner must be a 12-digit account id, 'aws', 'aws-NAME' or 'third-party', "
            f"got {owner!r}"
        )
    kind_text, *rest = resource.split("/")
    try:
        kind = ResourceType(kind_text)
    except ValueError:
        raise refuse(f"the resource type must be one of {KINDS}, got {kind_text!r}") from None
    workflow_type = None
    if kind is ResourceType.WORKFLOW:
        workflow_type = rest.pop(0) if rest else ""
        if workflow_type not in WORKFLOW_TYPES:
            raise refuse(
                f"the workflow type must be one of {', '.join(WORKFLOW_TYPES)}, "
                f"got {workflow_type!r}"
            )
    name = rest.pop(0) if rest else ""
    if not _NAME.fullmatch(name):
        raise refuse(f"the name must be one or more of a-z, 0-9, '-' and '_', got {name!r}")
    version = _parse_version_part(rest, refuse)
    return ArnParts(partition, region, owner, kind, name, version, workflow_type)


def _parse_version_part(
    parts: list[str], refuse: Callable[[str], ValidationError]
) -> ArnVersion | None:
    """The version segments after the name: none, a version or filter, or version/build."""
    if len(parts) > 2:
        raise refuse(f"unexpected text after the version: {'/'.join(parts[2:])!r}")
    if len(parts) == 2 and "x" in parts[0]:
        # The service's broad ImageBuilderArn pattern lets a build number follow a
        # wildcard (x.x.x/3), but no resource is named so: refuse it.
        raise refuse(f"a build number may only follow an exact version, got {parts[0]!r}")
    try:
        if len(parts) == 2:
            return BuildVersion.parse("/".join(parts))
        if len(parts) == 1:
            # The ARN patterns admit a wildcard in any part (x.2.x), but the service
            # calls such a filter invalid and refuses it: hold ARNs to the filter rule.
            found = VersionFilter.parse(parts[0])
            return found.exact_version or found
    except ValidationError as error:
        raise refuse(f"bad version: {error.rule}") from None
    return None


def article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def normalize_name(name: str) -> str:
    """A resource name as the service writes it in ARNs: lower case, ``-`` for blanks.

    The service model says that names differing only in case, spaces or underscores
    count as the same name (``CreateComponentRequest.name``): so each space and each
    underscore becomes one ``-`` (runs are not merged), and letters go lower case.

    >>> normalize_name("Web Server_2")
    'web-server-2'
    """
    if not isinstance(name, str):
        raise ValidationError("name", f"must be a string, got {type(name).__name__}", value=name)
    normal = name.lower().replace(" ", "-").replace("_", "-")
    if not _NAME.fullmatch(normal):
        raise ValidationError(
            "name",
            f"must use only letters, digits, spaces, '-' and '_', got {name!r}",
            value=name,
        )
    return normal
