"""Turning botocore's exceptions into the SDK's typed errors, with the secrets taken out.

`translate` handles what a call raises; `translate_setup` what building a client
raises (a missing profile, no region, a malformed endpoint). Credential, profile,
region and endpoint problems become `ConfigurationError`s with a one-line hint.

botocore's exceptions keep the signed request (``.request``, its headers holding the
session token and the signature), and the frames of their tracebacks keep it among
their locals. The SDK raises its own error *from* botocore's, so the cause stays
reachable for debugging; `scrub` first drops the request from every exception of the
chain and clears the locals of their finished frames (file, line and function stay).
"""

from __future__ import annotations

import contextlib
import re
import traceback

from botocore import xform_name
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    CredentialRetrievalError,
    EndpointConnectionError,
    HTTPClientError,
    InvalidRegionError,
    NoCredentialsError,
    NoRegionError,
    ParamValidationError,
    PartialCredentialsError,
    ProfileNotFound,
    ReadTimeoutError,
    SSOError,
    SSOTokenLoadError,
    TokenRetrievalError,
    UnauthorizedSSOTokenError,
)
from botocore.exceptions import (
    ConnectionError as BotocoreConnectionError,
)

from imagebuilder_sdk.errors import (
    ApiError,
    ConfigurationError,
    ConnectionFailedError,
    CredentialsError,
    EndpointError,
    ImageBuilderError,
    ProfileNotFoundError,
    RegionError,
    ValidationError,
    error_for_code,
)

__all__ = ["answer_may_be_lost", "scrub", "translate", "translate_setup"]

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


_CREDENTIALS_HINT = (
    "set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run `aws configure`, "
    "or `aws sso login` for an SSO profile"
)
_SSO_ERRORS = (SSOError, SSOTokenLoadError, TokenRetrievalError, UnauthorizedSSOTokenError)


def _credentials(error: Exception) -> CredentialsError | None:
    # Fixed texts: what a credential provider reports can quote the secrets it read.
    if isinstance(error, NoCredentialsError):
        return CredentialsError("no AWS credentials were found", hint=_CREDENTIALS_HINT)
    if isinstance(error, PartialCredentialsError):
        provider = error.kwargs.get("provider", "a provider")
        return CredentialsError(
            f"the AWS credentials from {provider} are incomplete", hint=_CREDENTIALS_HINT
        )
    if isinstance(error, CredentialRetrievalError):
        provider = error.kwargs.get("provider", "a provider")
        return CredentialsError(
            f"the AWS credentials could not be read from {provider}", hint=_CREDENTIALS_HINT
        )
    if isinstance(error, _SSO_ERRORS):
        return CredentialsError(
            "the SSO session has expired or was never started",
            hint="run `aws sso login` with the profile you use",
        )
    return None


def translate_setup(error: Exception) -> ConfigurationError | None:
    """The SDK error for what building a session or client raised, or None."""
    if isinstance(error, ProfileNotFound):
        profile = error.kwargs.get("profile", "")
        return ProfileNotFoundError(
            f"the AWS profile {profile!r} is not configured",
            hint="check the name with `aws configure list-profiles`, or pass another",
        )
    if isinstance(error, NoRegionError):
        return RegionError(
            "no AWS region was given or configured",
            hint="pass region_name='us-east-1' (or another), or set AWS_DEFAULT_REGION",
        )
    if isinstance(error, InvalidRegionError):
        region = error.kwargs.get("region_name", "")
        return RegionError(
            f"the region name {region!r} is malformed",
            hint="use a region code such as 'us-east-1' or 'eu-west-1'",
        )
    if isinstance(error, ValueError) and str(error).startswith("Invalid endpoint"):
        return EndpointError(
            str(error), hint="give endpoint_url as a full URL such as 'https://host:443'"
        )
    return _credentials(error)


#: The parameter botocore's report names first: ``parameter components[0].componentArn``.
_REPORTED_PARAMETER = re.compile(r'parameter (?:in input: )?"?([A-Za-z0-9_.\[\]]+)')


#: An unknown member in botocore's report: ``Unknown parameter in components[0]: "bogus"``.
_UNKNOWN_MEMBER = re.compile(r'Unknown parameter in ([A-Za-z0-9_.\[\]]+): "([^"]+)"')


def _snake_path(path: str) -> str:
    """'components[0].componentArn' -> 'components[0].component_arn'."""
    return ".".join(
        re.sub(r"^[^\[]+", lambda name: xform_name(name.group()), part) for part in path.split(".")
    )


def _from_param_validation(error: ParamValidationError) -> ValidationError:
    report = str(error.kwargs.get("report", error)).strip()
    # Name the parameter as the SDK's callers know it, not the whole request.
    unknown = _UNKNOWN_MEMBER.search(report)
    found = _REPORTED_PARAMETER.search(report)
    if unknown is not None:
        where, member = unknown.groups()
        field = _snake_path(member if where == "input" else f"{where}.{member}")
    else:
        field = _snake_path(found.group(1)) if found else "request"
    return ValidationError(field, f"botocore refused the parameters: {report}")


def answer_may_be_lost(error: BaseException) -> bool:
    """Whether the request may have been carried out although its answer never arrived.

    True for a 5xx answer and for a connection that closed or timed out after the
    request went out; False for a connection that was never made, and for every answer
    that refused the request.
    """
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return isinstance(status, int) and status >= 500
    return isinstance(error, HTTPClientError)


#: Attributes of botocore's and urllib3's exceptions that hold the request as signed.
_SIGNED = ("request",)


def scrub(error: BaseException) -> None:
    """Drop what holds secrets from `error` and every exception chained to it, in place.

    The signed request goes from each exception (its attribute and botocore's
    ``kwargs``), and the locals of every finished frame of their tracebacks are
    cleared; a frame still running (the caller's own) is left alone.
    """
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        for name in _SIGNED:
            if getattr(current, name, None) is not None:
                with contextlib.suppress(AttributeError):  # read-only: nothing to drop
                    setattr(current, name, None)
        kwargs = getattr(current, "kwargs", None)
        if isinstance(kwargs, dict):
            for name in _SIGNED:
                kwargs.pop(name, None)
        if current.__traceback__ is not None:
            traceback.clear_frames(current.__traceback__)
        pending += [current.__cause__, current.__context__]


def translate(error: Exception, operation: str) -> ImageBuilderError | None:
    """The SDK error for a botocore exception, or None when it is not botocore's.

    The botocore exception is scrubbed (see `scrub`) before the SDK error is made.
    """
    if not isinstance(error, (ClientError, BotoCoreError)):
        return None
    scrub(error)
    if isinstance(error, ClientError):
        return _from_client_error(error, operation)
    if isinstance(error, ParamValidationError):
        return _from_param_validation(error)
    credentials = _credentials(error)
    if credentials is not None:
        return credentials
    if isinstance(error, _CONNECTION_ERRORS):
        # botocore's messages name the endpoint only, never credentials.
        return ConnectionFailedError(str(error), operation=operation)
    return None
