"""ARNs and semantic versions as the emulated service mints and reads them.

A private stand-in for `imagebuilder_sdk.arns` / `imagebuilder_sdk.versions`, kept
small: the emulator needs only to format ARNs, split them, and order versions.

>>> arn_name("My Component")
'my-component'
>>> parse_arn("arn:aws:imagebuilder:us-east-1:aws:image/al2023/1.x.x").version
'1.x.x'
>>> version_matches((1, 2, 3), "1.x.x")
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "MAX_VERSION_PART",
    "ParsedArn",
    "arn_name",
    "format_version",
    "is_wildcard",
    "parse_arn",
    "parse_version",
    "parse_version_filter",
    "version_matches",
]

#: The service caps each part of a semantic version at 2**30 - 1.
MAX_VERSION_PART = 2**30 - 1

_ARN = re.compile(
    r"^arn:(?P<partition>aws[^:]*):imagebuilder:(?P<region>[^:]+):(?P<owner>[^:]+):"
    r"(?P<kind>[a-z-]+(?:/(?:build|test|distribution))?)/(?P<name>[a-z0-9-_]+)"
    r"(?:/(?P<version>[0-9x]+\.[0-9x]+\.[0-9x]+)(?:/(?P<build>[0-9]+))?)?$"
)
_VERSION = re.compile(r"^([0-9]+)\.([0-9]+)\.([0-9]+)$")
_FILTER = re.compile(r"^([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x)$")

Version = tuple[int, int, int]


class ParsedArn(NamedTuple):
    """The parts of an Image Builder ARN; `version` and `build` may be absent."""

    partition: str
    region: str
    owner: str
    kind: str
    name: str
    version: str | None
    build: int | None


def arn_name(name: str) -> str:
    """The ARN form of a resource name: lower case, blanks turned into hyphens."""
    return name.strip().lower().replace(" ", "-")


def parse_arn(arn: str) -> ParsedArn | None:
    """Split an Image Builder ARN, or None if it is not one."""
    match = _ARN.match(arn)
    if match is None:
        return None
    build = match.group("build")
    return ParsedArn(
        match.group("partition"),
        match.group("region"),
        match.group("owner"),
        match.group("kind"),
        match.group("name"),
        match.group("version"),
        int(build) if build is not None else None,
    )


def parse_version(text: str) -> Version | None:
    """``"1.2.3"`` as ``(1, 2, 3)``, or None if it is not a valid semantic version."""
    match = _VERSION.match(text)
    if match is None:
        return None
    major, minor, patch = (int(part) for part in match.groups())
    if max(major, minor, patch) > MAX_VERSION_PART:
        return None
    return major, minor, patch


def format_version(version: Version) -> str:
    """``(1, 2, 3)`` as ``"1.2.3"``."""
    return ".".join(str(part) for part in version)


def is_wildcard(text: str) -> bool:
    """Whether a version string holds an ``x`` placeholder."""
    return "x" in text


def parse_version_filter(text: str) -> tuple[int | None, ...] | None:
    """``"1.x.x"`` as ``(1, None, None)``; None if invalid (an ``x`` before a number)."""
    match = _FILTER.match(text)
    if match is None:
        return None
    parts = tuple(None if part == "x" else int(part) for part in match.groups())
    seen_wildcard = False
    for part in parts:
        if part is None:
            seen_wildcard = True
        elif seen_wildcard:
            return None
    return parts


def version_matches(version: Version, pattern: str) -> bool:
    """Whether `version` fits a version or wildcard pattern like ``"1.x.x"``."""
    parts = parse_version_filter(pattern)
    if parts is None:
        return False
    return all(want is None or want == have for want, have in zip(parts, version, strict=True))
