"""Check a request against its input shape, as the service does before acting on it.

botocore validates requests on the client, but over HTTP anyone can send anything;
this checker, driven by the service model, refuses what the service would: missing
required members, wrong JSON types, unknown enum values, lengths and ranges out of
bounds and strings that do not match their pattern. Messages name the member.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from imagebuilder_sdk.testing._state import ServiceError

__all__ = ["check_input"]

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "double": (int, float),
    "float": (int, float),
    "timestamp": (str, int, float),
    "blob": (str, bytes),
    "list": (list, tuple),
    "map": (dict,),
    "structure": (dict,),
}


@functools.cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _has_type(value: object, type_name: str) -> bool:
    if isinstance(value, bool) and type_name in ("integer", "long", "double", "float"):
        return False
    return isinstance(value, _TYPES.get(type_name, (object,)))


def _error_codes(operation: OperationModel) -> tuple[str, str]:
    """The codes this operation uses for a malformed request and for a bad value."""
    names = {shape.name for shape in operation.error_shapes}
    if "InvalidRequestException" not in names and "InvalidParameterException" in names:
        return "InvalidParameterException", "InvalidParameterException"
    return "InvalidRequestException", "InvalidParameterValueException"


class _Checker:
    def __init__(self, operation: OperationModel) -> None:
        self.malformed, self.bad_value = _error_codes(operation)

    def fail(self, code: str, path: str, rule: str) -> ServiceError:
        if path.rsplit(".", 1)[-1] == "semanticVersion" and code == self.bad_value:
            code = "InvalidVersionNumberException"
        return ServiceError(code, f"The value supplied for parameter '{path}' is not valid. {rule}")

    def check(self, value: Any, shape: Shape, path: str) -> None:
        if not _has_type(value, shape.type_name):
            raise self.fail(self.malformed, path, f"Expected a {shape.type_name}.")
        meta = shape.metadata
        if isinstance(shape, StructureShape):
            self.structure(value, shape, path)
        elif isinstance(shape, ListShape):
            self.bounds(len(value), meta, path, "items")
            for index, item in enumerate(value):
                self.check(item, shape.member, f"{path}[{index}]")
        elif isinstance(shape, MapShape):
            self.bounds(len(value), meta, path, "entries")
            for key, item in value.items():
                self.check(key, shape.key, f"{path}.{key}")
                self.check(item, shape.value, f"{path}.{key}")
        elif shape.type_name == "string":
            self.string(value, shape, path)
        elif shape.type_name in ("integer", "long"):
            self.bounds(value, meta, path, "as a value")

    def structure(self, value: Mapping[str, Any], shape: StructureShape, path: str) -> None:
        for name in shape.required_members:
            if value.get(name) is None:
                where = f"{path}.{name}" if path else name
                raise self.fail(self.malformed, where, "The parameter is required.")
        for name, item in value.items():
            member = shape.members.get(name)
            if member is not None and item is not None:
                self.check(item, member, f"{path}.{name}" if path else name)

    def string(self, value: str, shape: Shape, path: str) -> None:
        meta = shape.metadata
        enum = meta.get("enum")
        if enum and value not in enum:
            raise self.fail(self.bad_value, path, f"Allowed values: {', '.join(enum)}.")
        self.bounds(len(value), meta, path, "characters")
        pattern = meta.get("pattern")
        if pattern and _pattern(pattern).fullmatch(value) is None:
            raise self.fail(self.bad_value, path, f"It must match the pattern {pattern}.")

    def bounds(self, size: int, meta: Mapping[str, Any], path: str, unit: str) -> None:
        low, high = meta.get("min"), meta.get("max")
        if low is not None and size < low:
            raise self.fail(self.bad_value, path, f"At least {low} {unit} required.")
        if high is not None and size > high:
            raise self.fail(self.bad_value, path, f"At most {high} {unit} allowed.")


def check_input(operation: OperationModel, params: Mapping[str, Any]) -> None:
    """Raise the ServiceError the service would return for a malformed request."""
    shape = operation.input_shape
    if shape is None:
        return
    _Checker(operation).check(dict(params), shape, "")
