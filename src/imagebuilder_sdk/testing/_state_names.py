"""ARNs and semantic versions for the emulator, read by the SDK's own rules.

Thin, cached adapters over `imagebuilder_sdk.arns` and `imagebuilder_sdk.versions`
that answer None where those raise `ValidationError`: the emulator turns a name that
does not parse into the service's own error, and reads the same ARNs many times.

>>> arn_name("My Component")
'my-component'
>>> parse_arn("arn:aws:imagebuilder:us-east-1:aws:image/al2023/1.x.x").version
'1.x.x'
>>> version_matches((1, 2, 3), "1.x.x")
True
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from imagebuilder_sdk.arns import Arn, normalize_name
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter

__all__ = [
    "ParsedArn",
    "Version",
    "arn_key",
    "arn_name",
    "format_version",
    "is_wildcard",
    "parse_arn",
    "parse_version",
    "parse_version_filter",
    "record_arn",
    "record_version_key",
    "version_matches",
    "without_build",
]

#: A semantic version as a comparable tuple.
Version = tuple[int, int, int]


class ParsedArn(NamedTuple):
    """The parts of an Image Builder ARN; `version` and `build` may be absent.

    `kind` is the resource type as the ARN writes it (``workflow/build`` for a
    workflow); `version` is the semantic version or filter, without the build.
    """

    partition: str
    region: str
    owner: str
    kind: str
    name: str
    version: str | None
    build: int | None


@functools.lru_cache(maxsize=16384)
def arn_key(arn: str) -> tuple[object, ...]:
    """What identifies the resource an ARN names, with versions read as numbers.

    ``.../component/x/2019.12.02/1`` and ``.../component/x/2019.12.2/1`` have one key:
    the service keeps the text it was given, and matches versions by number. ARN text
    that does not parse is its own key.
    """
    parsed = parse_arn(arn)
    if parsed is None:
        return (arn,)
    version: object = None if parsed.version is None else parse_version(parsed.version)
    if parsed.version is not None and version is None:
        version = (parsed.version,)  # a wildcard: only the same filter has this key
    return (*parsed[:5], version, parsed.build)


def arn_name(name: str) -> str:
    """The ARN form of a resource name: lower case, blanks turned into hyphens."""
    return normalize_name(name)


@functools.lru_cache(maxsize=16384)
def parse_arn(arn: str) -> ParsedArn | None:
    """Split an Image Builder ARN, or None if it is not one."""
    try:
        parsed = Arn.parse(arn)
    except ValidationError:
        return None
    kind = parsed.resource_type.value
    if parsed.workflow_type is not None:
        kind = f"{kind}/{parsed.workflow_type}"
    version = None if parsed.version is None else str(parsed.version)
    build = None
    if isinstance(parsed.version, BuildVersion):
        version, build = str(parsed.version.semantic_version), parsed.version.build
    return ParsedArn(
        parsed.partition, parsed.region, parsed.owner, kind, parsed.name, version, build
    )


def record_arn(record: dict[str, Any]) -> ParsedArn | None:
    """`parse_arn` of a stored record's ``arn``, kept in the record for the next listing.

    `parse_arn`'s cache holds 16,384 ARNs; a listing of more stored resources than that
    would miss it on every record and every page. The parse is kept under the private
    member ``_parsedArn`` (no shape declares it, so no answer shows it), with the ARN it
    was parsed from, so a changed ``arn`` is parsed again.
    """
    return _kept(record)[1]


def record_version_key(record: dict[str, Any]) -> tuple[Any, ...]:
    """A versioned record's order, ``(name, major, minor, patch, build)``; kept as above."""
    key = _kept(record)[2]
    assert key is not None, record["arn"]
    return key


def _kept(record: dict[str, Any]) -> tuple[str, ParsedArn | None, tuple[Any, ...] | None]:
    arn = record["arn"]
    kept: tuple[str, ParsedArn | None, tuple[Any, ...] | None] | None = record.get("_parsedArn")
    if kept is not None and kept[0] == arn:
        return kept
    parsed = parse_arn(arn)
    key = None
    if parsed is not None:
        numbers = parse_version(parsed.version or "") or (0, 0, 0)
        key = (parsed.name, *numbers, parsed.build or 0)
    kept = (arn, parsed, key)
    record["_parsedArn"] = kept
    return kept


@functools.lru_cache(maxsize=4096)
def parse_version(text: str) -> Version | None:
    """``"1.2.3"`` as ``(1, 2, 3)``, or None if it is not a valid semantic version."""
    try:
        version = SemanticVersion.parse(text)
    except ValidationError:
        return None
    return version.major, version.minor, version.patch


def format_version(version: Version) -> str:
    """``(1, 2, 3)`` as ``"1.2.3"``."""
    return str(SemanticVersion(*version))


def without_build(arn: str) -> str:
    """A build version ARN's version ARN (``.../1.0.0/2`` gives ``.../1.0.0``)."""
    return arn.rsplit("/", 1)[0]


def is_wildcard(text: str) -> bool:
    """Whether a version string holds an ``x`` placeholder."""
    return "x" in text


@functools.lru_cache(maxsize=4096)
def parse_version_filter(text: str) -> VersionFilter | None:
    """A version or a filter like ``"1.x.x"``; None if invalid (an ``x`` before a number)."""
    try:
        return VersionFilter.parse(text)
    except ValidationError:
        return None


def version_matches(version: Version, pattern: str) -> bool:
    """Whether `version` fits a version or wildcard pattern like ``"1.x.x"``."""
    wanted = parse_version_filter(pattern)
    return wanted is not None and wanted.matches(SemanticVersion(*version))
