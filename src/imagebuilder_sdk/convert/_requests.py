"""Operation requests and responses: snake_case parameters to API members and back.

Repositories speak in snake_case (`component_build_version_arn=...`); the operation's
input shape in botocore's service model says which API member each one is, so no
repository spells a wire name. Values are written in their wire form by walking them
alongside the member's shape, so models, enums and versions may be passed as they are.

The rules for nested settings (one place, so every method follows them):

- A settings model must be the class named for the member (`ComponentConfiguration`
  in ``components=[...]``); another model (a `Component`) is refused with a hint.
- A dict may stand for a settings model; its keys are the model's snake_case
  attribute names (``{"component_arn": ...}``). The API's camelCase names
  (``componentArn``) and unknown keys are refused, naming the key.
- A string where a list belongs is refused (it is never split into characters),
  and map keys must be strings (never passed through `str()`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs
from botocore import xform_name
from botocore.model import ListShape, MapShape, OperationModel, Shape, StringShape, StructureShape

from imagebuilder_sdk import models
from imagebuilder_sdk.convert._dates import format_iso
from imagebuilder_sdk.convert._wire import DATE_FIELDS, WIRE_NAMES
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import OpenEnum

__all__ = ["request_params", "response_members"]


@functools.lru_cache(maxsize=256)
def _names(shape: StructureShape | None) -> dict[str, str]:
    """snake_case name -> API member name, for the members of a shape."""
    if shape is None:
        return {}
    return {xform_name(member): member for member in shape.members}


_MODELS = "imagebuilder_sdk.models"


def _is_model(value: object) -> bool:
    return attrs.has(type(value)) and type(value).__module__.startswith(_MODELS)


@functools.lru_cache(maxsize=512)
def _attributes(shape: StructureShape) -> dict[str, str]:
    """snake_case attribute name -> API member name, for a structure shape."""
    known = WIRE_NAMES.get(shape.name)
    if known is not None:
        return dict(known)
    return {xform_name(member): member for member in shape.members}


def _a(name: str) -> str:
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def _wrong_model(value: object, shape: StructureShape, path: str) -> ValidationError:
    got = type(value).__name__
    expected = shape.name
    hint = f"pass {expected}(...)"
    arn_members = [name for name in _attributes(shape) if name.endswith("_arn")]
    if getattr(value, "arn", None) is not None and len(arn_members) == 1:
        # A Component where a ComponentConfiguration belongs: say how to refer to it.
        hint = f"pass {expected}({arn_members[0]}={got.lower()}.arn)"
    return ValidationError(path, f"must be {_a(expected)}, got {_a(got)}; {hint}", value=value)


def _structure(value: object, shape: StructureShape, path: str) -> object:
    if _is_model(value):
        expected = getattr(models, shape.name, None)
        if expected is not None and not isinstance(value, expected):
            raise _wrong_model(value, shape, path)
        fields = attrs.fields(type(value))  # type: ignore[arg-type]  # _is_model: attrs
        items = [(field.name, getattr(value, field.name)) for field in fields]
        dates = DATE_FIELDS.get(type(value).__name__, {})
    elif isinstance(value, Mapping):
        items = list(value.items())
        dates = DATE_FIELDS.get(shape.name, {})
    else:
        return value  # the shape check refuses it, naming the type
    names = _attributes(shape)
    result: dict[str, object] = {}
    for name, item in items:
        if item is None:
            continue
        where = f"{path}.{name}" if path else str(name)
        member = names.get(name) if isinstance(name, str) else None
        if member is None or member not in shape.members:
            if not isinstance(name, str):
                raise ValidationError(
                    f"{path} key", f"must be a string, got {type(name).__name__}", value=name
                )
            snake = {wire: snake for snake, wire in names.items()}.get(name)
            if snake is not None:
                rule = f"is the API's name; dict keys are attribute names: use {snake!r}"
            else:
                accepted = ", ".join(sorted(n for n, m in names.items() if m in shape.members))
                rule = f"is not a member of {shape.name} (accepted: {accepted})"
            raise ValidationError(where, rule, value=item)
        if isinstance(item, datetime) and dates.get(name) == "iso":
            result[member] = format_iso(item)
            continue
        result[member] = _to_wire(item, shape.members[member], where)
    return result


def _to_wire(value: object, shape: Shape, path: str) -> object:
    """`value` in the API's form for `shape`; what does not fit is left for the checks.

    The walk follows the shape, never the value, so it ends however deep the value is.
    """
    if isinstance(shape, StructureShape):
        return _structure(value, shape, path)
    if isinstance(shape, ListShape):
        if isinstance(value, (str, bytes)):
            raise ValidationError(
                path,
                f"must be a list, got a {type(value).__name__} (wrap it: [{value!r}])",
                value=value,
            )
        if isinstance(value, (list, tuple)):
            return [_to_wire(item, shape.member, f"{path}[{n}]") for n, item in enumerate(value)]
        return value
    if isinstance(shape, MapShape):
        if not isinstance(value, Mapping):
            return value
        result: dict[str, object] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(
                    f"{path} key", f"must be a string, got {type(key).__name__}", value=key
                )
            result[key] = _to_wire(item, shape.value, f"{path}[{key!r}]")
        return result
    if isinstance(shape, StringShape):
        if isinstance(value, OpenEnum):
            return value.value
        if attrs.has(type(value)) and not _is_model(value):
            return str(value)  # versions and ARNs are written in their text form
        if isinstance(value, datetime):
            return format_iso(value)
        return value
    return value


def request_params(operation: OperationModel, params: Mapping[str, object]) -> dict[str, Any]:
    """The API request for `operation` from snake_case parameters; None values are left out.

    An unknown parameter name is a `ValidationError` naming it and the accepted ones.
    """
    shape = operation.input_shape
    names = _names(shape)
    request: dict[str, Any] = {}
    for name, value in params.items():
        if value is None:
            continue
        member = names.get(name)
        if member is None:
            accepted = ", ".join(sorted(names))
            raise ValidationError(
                name, f"is not a parameter of {operation.name} (accepted: {accepted})"
            )
        assert shape is not None  # `names` is empty without an input shape
        request[member] = _to_wire(value, shape.members[member], name)
    return request


def response_members(operation: OperationModel, response: Mapping[str, Any]) -> dict[str, Any]:
    """The response's top-level members under snake_case names (metadata left out)."""
    names = {wire: snake for snake, wire in _names(operation.output_shape).items()}
    return {names[key]: value for key, value in response.items() if key in names}
