"""Client-side checks of a request against the service model, before anything is sent.

botocore checks types and required members; this also checks what it leaves to the
service: patterns (names, versions, ARNs of the right kind), lengths, number ranges and
enum values. Every problem becomes a `ValidationError` that names the parameter in the
SDK's snake_case (``components[0].component_arn``) and says which rule it breaks.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape

from imagebuilder_sdk._version_rules import check_version_bounds
from imagebuilder_sdk.errors import ValidationError

__all__ = ["check_request", "check_wait_options", "enum_rule"]

_NO_NUL = "must not contain a NUL character"
_UUID = "8-4-4-4-12 hexadecimal digits"

#: Each pattern of the service model said in words (the error keeps the pattern itself
#: in `ValidationError.pattern`); a pattern missing here is described generically.
_RULES = {
    "ResourceName": (
        "must be 3-128 characters of letters, digits, '-' and '_', with spaces allowed "
        "inside but not at either end"
    ),
    "VersionNumber": "must be a semantic version major.minor.patch (like 1.0.0)",
    "WildcardVersionNumber": (
        "must be a version major.minor.patch where a part may be the wildcard x (like 1.x.x)"
    ),
    "LifecycleExecutionId": f"must be a lifecycle execution id: 'lce-' and {_UUID}",
    "WorkflowExecutionId": f"must be a workflow execution id: 'wf-' and {_UUID}",
    "WorkflowStepExecutionId": f"must be a workflow step execution id: 'step-' and {_UUID}",
    "InlineComponentData": _NO_NUL,
    "ComponentParameterName": _NO_NUL,
    "ComponentParameterValue": _NO_NUL,
    "InlineDockerFileTemplate": _NO_NUL,
    "WorkflowParameterName": _NO_NUL,
    "WorkflowParameterValue": _NO_NUL,
    "InlineWorkflowData": _NO_NUL,
    "TagKey": (
        "must not start with 'aws:' and may hold only letters, digits, spaces and _ . : / = + - @"
    ),
    "AmiNameString": (
        "must be letters, digits, spaces and - _ : . { } (at least 3 characters), starting "
        "with a letter, digit, -, _ or { and ending with a letter, digit, -, _ or }"
    ),
    "AccountId": "must be a 12-digit AWS account id",
    "LaunchTemplateId": "must be a launch template id: 'lt-' and 17 letters or digits",
    "SsmParameterName": "may hold only letters, digits and _ . - /",
    "ParallelGroup": (
        "must be 1-100 characters of letters, digits and - _ + #, starting with a letter or digit"
    ),
    "LogGroupName": "must be 1-512 characters of letters, digits and - _ / .",
    "Timezone": "must be an IANA time zone name such as 'Etc/UTC' or 'America/New_York'",
    "UserDataOverride": "must be base64-encoded text",
    "AmiWatermarkName": (
        "must be 3-128 characters of letters, digits, spaces and ( ) [ ] . / ' @ _ -, "
        "with no space at either end"
    ),
    "InstanceProfileNameType": "may hold only letters, digits and _ + = , . @ -",
    "HttpTokens": "must be 'optional' or 'required'",
    "MarketplaceResourceLocation": "must be an S3 URL s3://bucket/key (not ending in /)",
    "FilterName": "must be 1-1024 letters",
    "FilterValue": ('must be 1-1024 characters of letters, digits, spaces and . / _ : , { } " * -'),
}


def enum_rule(allowed: Sequence[str], value: object) -> str:
    """The one wording of an enum refusal, with the right spelling when only case differs.

    >>> enum_rule(["Windows", "Linux", "macOS"], "linux")
    "must be one of Windows, Linux, macOS; got 'linux' (did you mean 'Linux'?)"
    """
    rule = f"must be one of {', '.join(allowed)}; got {value!r}"
    if isinstance(value, str):
        close = [option for option in allowed if option.lower() == value.lower()]
        if close:
            rule += f" (did you mean {close[0]!r}?)"
    return rule


@functools.lru_cache(maxsize=512)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _kind(shape_name: str) -> str:
    """'ImageRecipeArn' -> 'an image recipe ARN', with the article that fits."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", shape_name).lower().replace(" arn", "")
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words} ARN"


def _fail(path: str, rule: str, value: object, pattern: str | None = None) -> ValidationError:
    return ValidationError(path, rule, value=value, pattern=pattern)


def _check_string(shape: StringShape, value: object, path: str) -> None:
    if not isinstance(value, str):
        raise _fail(path, f"must be a string, got {type(value).__name__}", value)
    if shape.enum and value not in shape.enum:
        raise _fail(path, enum_rule(shape.enum, value), value)
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
            rule = "is not in the form the service model allows (see the error's pattern)"
        raise _fail(path, f"{rule}; got {value!r}", value, pattern)
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


#: An EC2 AMI id: 'ami-' and 8 or 17 hexadecimal digits.
_AMI_ID = re.compile(r"ami-(?:[0-9a-f]{8}|[0-9a-f]{17})")
_IMAGE_PARENT = (
    "must be an Image Builder image ARN (a version or a filter like x.x.x), an AMI id "
    "(ami- and 8 or 17 hex digits), 'ssm:' and a parameter name, or a Marketplace product id"
)
_CONTAINER_PARENT = (
    "must be an Image Builder image ARN or a container image URI such as 'amazonlinux:2023'"
)


def _check_parent_image(container: bool, value: object) -> None:
    """What the service takes as a recipe's parent image (CreateImageRecipe and
    CreateContainerRecipe in the API reference: an image ARN or AMI id, an SSM
    parameter or Marketplace product for image recipes; an image ARN or a container
    image URI for container recipes)."""
    from imagebuilder_sdk.arns import Arn, ResourceType  # arns imports this module's users

    if not isinstance(value, str):
        return  # the shape check names the type
    rule = _CONTAINER_PARENT if container else _IMAGE_PARENT
    if value.startswith("arn:"):
        try:
            Arn.parse(value, field="parent_image", expect=ResourceType.IMAGE)
        except ValidationError as error:
            raise _fail("parent_image", f"{rule}; {error.rule}", value) from None
    elif container:
        if _AMI_ID.fullmatch(value) or not value.strip() or any(c.isspace() for c in value):
            raise _fail("parent_image", f"{rule}; got {value!r}", value)
    elif value.startswith("ami-"):
        if not _AMI_ID.fullmatch(value):
            raise _fail("parent_image", f"{rule}; got {value!r}", value)
    elif value.startswith("ssm:"):
        if len(value) == len("ssm:") or any(c.isspace() for c in value):
            raise _fail("parent_image", f"{rule}; got {value!r}", value)
    elif not value.strip() or any(c.isspace() for c in value):
        raise _fail("parent_image", f"{rule}; got {value!r}", value)


#: Checks beyond the shapes, for the requests they apply to.
_PARENT_IMAGE_REQUESTS = {"CreateImageRecipeRequest": False, "CreateContainerRecipeRequest": True}


def check_request(shape: StructureShape | None, request: Mapping[str, Any]) -> None:
    """Raise `ValidationError` for the first rule of the input `shape` the request breaks."""
    if shape is not None:
        _check_structure(shape, request, "")
        container = _PARENT_IMAGE_REQUESTS.get(shape.name)
        if container is not None and request.get("parentImage") is not None:
            _check_parent_image(container, request["parentImage"])


def _seconds(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(name, f"must be a number of seconds, got {type(value).__name__}", value)
    if not math.isfinite(value) or value <= 0:
        raise _fail(
            name, f"must be a finite number of seconds greater than 0, got {value!r}", value
        )


def check_wait_options(
    timeout: object,
    poll_interval: object,
    on_progress: Callable[..., object] | None,
    progress: object = False,
) -> None:
    """Refuse a wait's options before its first poll: numbers of seconds, a callable, a bool."""
    _seconds("timeout", timeout)
    _seconds("poll_interval", poll_interval)
    if not isinstance(progress, bool):
        raise _fail("progress", f"must be True or False, got {type(progress).__name__}", progress)
    if on_progress is not None and not callable(on_progress):
        raise _fail(
            "on_progress",
            f"must be a callable taking the Image, or None; got {type(on_progress).__name__}",
            on_progress,
        )
