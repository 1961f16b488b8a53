"""Client-side checks of a request against the service model, before anything is sent.

botocore checks types and required members; this also checks what it leaves to the
service: patterns (names, versions, ARNs of the right kind), lengths, number ranges and
enum values. Every problem becomes a `ValidationError` that names the parameter in the
SDK's snake_case (``components[0].component_arn``) and says which rule it breaks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape

from imagebuilder_sdk._version_rules import check_version_bounds
from imagebuilder_sdk.errors import ValidationError

__all__ = ["check_request"]

#: Rules said in words for the shapes users meet most; others quote their pattern.
_RULES = {
    "ResourceName": (
        "must be 3-128 characters of letters, digits, '-' and '_', with spaces allowed "
        "inside but not at either end"
    ),
    "VersionNumber": "must be a semantic version major.minor.patch (like 1.0.0)",
    "WildcardVersionNumber": (
        "must be a version major.minor.patch where a part may be the wildcard x (like 1.x.x)"
    ),
}


@functools.lru_cache(maxsize=512)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _kind(shape_name: str) -> str:
    """'ImageRecipeArn' -> 'an image recipe ARN', with the article that fits."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", shape_name).lower().replace(" arn", "")
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words} ARN"


def _fail(path: str, rule: str, value: object) -> ValidationError:
    return ValidationError(path, rule, value=value)


def _check_string(shape: StringShape, value: object, path: str) -> None:
    if not isinstance(value, str):
        raise _fail(path, f"must be a string, got {type(value).__name__}", value)
    if shape.enum and value not in shape.enum:
        allowed = ", ".join(shape.enum)
        raise _fail(path, f"must be one of {allowed}; got {value!r}", value)
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    if low is not None and len(value) < low:
        rule = "must not be empty" if low == 1 else f"must be at least {low} characters long"
        raise _fail(path, rule, value)
    if high is not None and len(value) > high:
        raise _fail(path, f"must be at most {high} characters long, got {len(value)}", value)
    pattern = shape.metadata.get("pattern")
    if pattern and not _pattern(pattern).search(value):
        if shape.name in _RULES:
            rule = _RULES[shape.name]
        elif shape.name.endswith("Arn") and shape.name != "Arn":
            rule = f"must be {_kind(shape.name)}"
        else:
            rule = f"must match the pattern {pattern}"
        raise _fail(path, f"{rule}; got {value!r}", value)
    check_version_bounds(shape.name, value, path)


def _check(shape: Shape, value: object, path: str) -> None:
    if isinstance(shape, StructureShape):
        if not isinstance(value, Mapping):
            raise _fail(path, f"must be a {shape.name}, got {type(value).__name__}", value)
        _check_structure(shape, value, path)
    elif isinstance(shape, ListShape):
        if not isinstance(value, (list, tuple)):
            raise _fail(path, f"must be a list, got {type(value).__name__}", value)
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None and len(value) < low:
            raise _fail(path, f"must have at least {low} item(s)", value)
        if high is not None and len(value) > high:
            raise _fail(path, f"must have at most {high} items, got {len(value)}", value)
        for index, item in enumerate(value):
            _check(shape.member, item, f"{path}[{index}]")
    elif isinstance(shape, MapShape):
        if not isinstance(value, Mapping):
            raise _fail(path, f"must be a mapping, got {type(value).__name__}", value)
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None and len(value) < low:
            raise _fail(path, f"must have at least {low} entr{'y' if low == 1 else 'ies'}", value)
        if high is not None and len(value) > high:
            raise _fail(path, f"must have at most {high} entries, got {len(value)}", value)
        for key, item in value.items():
            _check(shape.key, key, f"{path} key")
            _check(shape.value, item, f"{path}[{key!r}]")
    elif isinstance(shape, StringShape):
        _check_string(shape, value, path)
    elif shape.type_name in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, f"must be an integer, got {type(value).__name__}", value)
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            raise _fail(path, f"must be between {low} and {high}, got {value}", value)
    elif shape.type_name == "boolean" and not isinstance(value, bool):
        raise _fail(path, f"must be true or false, got {type(value).__name__}", value)


def _check_structure(shape: StructureShape, value: Mapping[str, Any], prefix: str) -> None:
    for member in shape.required_members:
        if value.get(member) is None:
            path = f"{prefix}.{xform_name(member)}" if prefix else xform_name(member)
            raise _fail(path, "is required", None)
    for member, item in value.items():
        member_shape = shape.members.get(member)
        if member_shape is None or item is None:
            continue
        path = f"{prefix}.{xform_name(member)}" if prefix else xform_name(member)
        _check(member_shape, item, path)


def check_request(shape: StructureShape | None, request: Mapping[str, Any]) -> None:
    """Raise `ValidationError` for the first rule of the input `shape` the request breaks."""
    if shape is not None:
        _check_structure(shape, request, "")
