"""Turning botocore's exceptions into the SDK's typed errors."""

from __future__ import annotations

import re

from botocore import xform_name
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ParamValidationError,
    ReadTimeoutError,
)
from botocore.exceptions import (
    ConnectionError as BotocoreConnectionError,
)

from imagebuilder_sdk.errors import (
    ApiError,
    ConnectionFailedError,
    ImageBuilderError,
    ValidationError,
    error_for_code,
)

__all__ = ["translate"]

_CONNECTION_ERRORS = (
    EndpointConnectionError,
    ConnectionClosedError,
    ConnectTimeoutError,
    ReadTimeoutError,
    BotocoreConnectionError,
)


def _from_client_error(error: ClientError, operation: str) -> ApiError:
    response = error.response
    details = response.get("Error", {})
    metadata = response.get("ResponseMetadata", {})
    code = str(details.get("Code", "") or "")
    status = metadata.get("HTTPStatusCode")
    cls = error_for_code(code, status)
    return cls(
        str(details.get("Message", "") or code or "the service returned an error"),
        code=code,
        operation=operation,
        request_id=metadata.get("RequestId") or None,
        status_code=status,
    )


#: The parameter botocore's report names first: ``parameter components[0].componentArn``.
_REPORTED_PARAMETER = re.compile(r'parameter (?:in input: )?"?([A-Za-z0-9_.\[\]]+)')


def _snake_path(path: str) -> str:
    """'components[0].componentArn' -> 'components[0].component_arn'."""
    return ".".join(
        re.sub(r"^[^\[]+", lambda name: xform_name(name.group()), part) for part in path.split(".")
    )


def _from_param_validation(error: ParamValidationError) -> ValidationError:
    report = str(error.kwargs.get("report", error)).strip()
    # Name the parameter as the SDK's callers know it, not the whole request.
    found = _REPORTED_PARAMETER.search(report)
    field = _snake_path(found.group(1)) if found else "request"
    return ValidationError(field, f"botocore refused the parameters: {report}")


def translate(error: Exception, operation: str) -> ImageBuilderError | None:
    """The SDK error for a botocore exception, or None when it is not botocore's."""
    if isinstance(error, ClientError):
        return _from_client_error(error, operation)
    if isinstance(error, ParamValidationError):
        return _from_param_validation(error)
    if isinstance(error, _CONNECTION_ERRORS):
        # botocore's messages name the endpoint only, never credentials.
        return ConnectionFailedError(str(error), operation=operation)
    return None
