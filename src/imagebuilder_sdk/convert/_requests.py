"""Operation requests and responses: snake_case parameters to API members and back.

Repositories speak in snake_case (`component_build_version_arn=...`); the operation's
input shape in botocore's service model says which API member each one is, so no
repository spells a wire name. Values go through the model converter, so models, enums
and versions may be passed as they are.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from botocore import xform_name
from botocore.model import OperationModel, StructureShape

from imagebuilder_sdk.convert._converter import converter
from imagebuilder_sdk.errors import ValidationError

__all__ = ["request_params", "response_members"]


@functools.lru_cache(maxsize=256)
def _names(shape: StructureShape | None) -> dict[str, str]:
    """snake_case name -> API member name, for the members of a shape."""
    if shape is None:
        return {}
    return {xform_name(member): member for member in shape.members}


def _wire_value(value: object) -> object:
    if isinstance(value, (str, bool, int, float)) and type(value) in (str, bool, int, float):
        return value
    if isinstance(value, (list, tuple)):
        return [_wire_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _wire_value(v) for k, v in value.items()}
    if hasattr(value, "__attrs_attrs__") and not type(value).__module__.startswith(
        "imagebuilder_sdk.models"
    ):
        return str(value)  # versions and ARNs are written in their text form
    return converter.unstructure(value)


def request_params(operation: OperationModel, params: Mapping[str, object]) -> dict[str, Any]:
    """The API request for `operation` from snake_case parameters; None values are left out.

    An unknown parameter name is a `ValidationError` naming it and the accepted ones.
    """
    names = _names(operation.input_shape)
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
        try:
            request[member] = _wire_value(value)
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValidationError(
                name, f"has a value of the wrong type ({type(value).__name__}): {exc}"
            ) from None
    return request


def response_members(operation: OperationModel, response: Mapping[str, Any]) -> dict[str, Any]:
    """The response's top-level members under snake_case names (metadata left out)."""
    names = {wire: snake for snake, wire in _names(operation.output_shape).items()}
    return {names[key]: value for key, value in response.items() if key in names}
