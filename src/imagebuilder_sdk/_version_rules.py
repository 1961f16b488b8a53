"""The rules behind `imagebuilder_sdk.versions`: forms, limits, and their error texts.

Kept apart so that `versions` holds only its public classes. The numbers and forms
follow the service model's ``VersionNumber``, ``VersionNumberWithBuild`` and
``WildcardVersionNumber`` patterns, with the service's limit of 2**30 - 1 per part.
`check_version_bounds` applies that limit to request members whose pattern alone
cannot (the patterns admit any run of digits).
"""

from __future__ import annotations

import re
from typing import Any, cast

import attrs

from imagebuilder_sdk.errors import ValidationError

__all__ = [
    "ANY_FORM",
    "BUILD",
    "BUILD_FORM",
    "BUILD_RULE",
    "FILTER",
    "FILTER_FORM",
    "MAX_VERSION_NUMBER",
    "ORDER_RULE",
    "RANGE_RULE",
    "SEMANTIC",
    "SEMANTIC_FORM",
    "check_build",
    "check_optional_part",
    "check_part",
    "check_text",
    "check_version_bounds",
    "check_written",
    "parse_build",
    "parse_part",
]

MAX_VERSION_NUMBER = 2**30 - 1
"""The largest number the service accepts for MAJOR, MINOR or PATCH (1073741823)."""

SEMANTIC = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)")
BUILD = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)/([0-9]+)")
FILTER = re.compile(r"([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x)")

SEMANTIC_FORM = "must be MAJOR.MINOR.PATCH in decimal digits, like '1.2.3'"
BUILD_FORM = "must be MAJOR.MINOR.PATCH/BUILD in decimal digits, like '1.2.3/4'"
FILTER_FORM = "must be MAJOR.MINOR.PATCH where a part may be the wildcard 'x', like '1.x.x'"
ANY_FORM = "must be a version like '1.2.3', a build version like '1.2.3/4' or a filter like '1.x.x'"
RANGE_RULE = f"MAJOR, MINOR and PATCH must each be from 0 to {MAX_VERSION_NUMBER} (2^30 - 1)"
BUILD_RULE = f"the build number must be from 1 to {MAX_VERSION_NUMBER}"
ORDER_RULE = "a wildcard 'x' may only be followed by wildcards (like '1.x.x', not '1.x.3')"

#: The version part of an Image Builder ARN: what follows the name.
_ARN_VERSION = re.compile(r":imagebuilder:[^:]*:[^:]*:[a-z-]+(?:/[a-z]+)?/[a-z0-9_-]+/(.+)$")


def check_text(text: object, field: str) -> str:
    """`text` itself if it is a string; `ValidationError` naming `field` if not."""
    if not isinstance(text, str):
        raise ValidationError(field, f"must be a string, got {type(text).__name__}", value=text)
    return text


def _bounded(digits: str) -> int | None:
    """The value of `digits` if it is at most MAX_VERSION_NUMBER, else None.

    Leading zeros are dropped first, so that a long run of them is cheap and cannot
    trip Python's limit on int() of very long digit strings.
    """
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(MAX_VERSION_NUMBER)):
        return None
    number = int(significant)
    return number if number <= MAX_VERSION_NUMBER else None


def parse_part(digits: str, text: str, field: str) -> int:
    """A MAJOR, MINOR or PATCH part of `text`; `ValidationError` past the limit."""
    number = _bounded(digits)
    if number is None:
        raise ValidationError(field, f"{RANGE_RULE}, got {text!r}", value=text)
    return number


def parse_build(digits: str, text: str, field: str) -> int:
    """The build number part of `text`; `ValidationError` unless from 1 to the limit."""
    number = _bounded(digits)
    if number is None or number < 1:
        raise ValidationError(field, f"{BUILD_RULE}, got {text!r}", value=text)
    return number


def check_part(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: an int from 0 to the limit (not a bool)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 <= value <= MAX_VERSION_NUMBER
    ):
        raise ValidationError(
            attribute.name, f"must be an integer from 0 to {MAX_VERSION_NUMBER}", value=value
        )


def check_optional_part(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: None (a wildcard) or a valid part."""
    if value is not None:
        check_part(instance, attribute, value)


def check_build(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: an int from 1 to the limit (not a bool)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1 <= value <= MAX_VERSION_NUMBER
    ):
        raise ValidationError(
            attribute.name, f"must be an integer from 1 to {MAX_VERSION_NUMBER}", value=value
        )


def check_written(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: the text a version was read from must spell its own numbers.

    The text keeps the caller's spelling (``2019.12.02``); numbers decide equality and
    order, so the text must say the same numbers or the two would disagree.
    """
    if value is None:
        return
    if not isinstance(value, str):
        raise ValidationError("text", f"must be a string, got {type(value).__name__}", value=value)
    written = [None if part == "x" else _bounded(part) for part in re.split(r"[./]", value)]
    fields = attrs.fields(cast(Any, type(instance)))
    numbers = [getattr(instance, f.name) for f in fields if f.name != attribute.name]
    if written != numbers:
        raise ValidationError(
            "text", f"must spell the version's own numbers {numbers}, got {value!r}", value=value
        )


def check_version_bounds(shape_name: str, value: str, path: str) -> None:
    """Refuse a version number past 2^30 - 1 in a version or ARN request member.

    The service model's patterns (``VersionNumber``, ``WildcardVersionNumber``, the ARN
    shapes) accept any run of digits; the service's documented limit per part is
    1073741823. `shape_name` picks which members hold versions.
    """
    if shape_name.endswith("VersionNumber"):
        digits = value
    elif shape_name.endswith("Arn"):
        match = _ARN_VERSION.search(value)
        if match is None:
            return
        digits = match.group(1)
    else:
        return
    for number in re.findall(r"[0-9]+", digits):
        if _bounded(number) is None:
            raise ValidationError(path, f"{RANGE_RULE}, got {value!r}", value=value)
