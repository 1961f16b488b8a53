"""The rules behind `imagebuilder_sdk.versions`: forms, limits, and their error texts.

Kept apart so that `versions` holds only its public classes. The numbers and forms
follow the service model's ``VersionNumber``, ``VersionNumberWithBuild`` and
``WildcardVersionNumber`` patterns, with the service's limit of 2**30 - 1 per part.
"""

from __future__ import annotations

import re
from typing import Any

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
