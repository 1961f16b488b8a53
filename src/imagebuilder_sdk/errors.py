"""The typed errors of imagebuilder-sdk.

Every error the SDK raises derives from `ImageBuilderError`. Errors the service
returns are `ApiError`s, one class per error code of the service model (the code's
``...Exception`` suffix becomes ``...Error``), grouped under bases you can catch::

    ImageBuilderError
    ├── ValidationError (ValueError)            bad input caught before any request
    ├── StructureError (ValueError)             a dict that cannot become the model asked for
    ├── OutputMissingError (LookupError)        an image's outputs read before it has any
    ├── ConnectionFailedError (ConnectionError)  no answer from the endpoint
    ├── ConfigurationError                      the AWS settings cannot make a working client
    │   ├── CredentialsError                    no (or incomplete) credentials were found
    │   ├── ProfileNotFoundError (LookupError)  the named profile is not in the AWS config
    │   ├── RegionError                         no region was given, or it is malformed
    │   └── EndpointError                       the endpoint URL is malformed
    ├── ReadBackError                           created or updated, but reading it back failed
    ├── WaitError                               waiting for an image build ended badly
    │   ├── ImageBuildFailedError               the build reached FAILED       } defined in
    │   ├── ImageBuildCancelledError            the build reached CANCELLED    } build_errors,
    │   ├── ApprovalRequiredError               a step waits for an action     } as they carry
    │   └── WaitTimeoutError (TimeoutError)     still running at the deadline  } the Image
    └── ApiError                                the service answered with an error
        ├── IncompleteResponseError             an answer lacked what it always has; retried
        ├── ThrottlingError                     retried by RetryPolicy
        │   ├── CallRateLimitExceededError
        │   └── TooManyRequestsError
        ├── ServerError                         retried by RetryPolicy
        │   ├── ServiceError
        │   └── ServiceUnavailableError
        ├── AccessDeniedError (PermissionError)
        ├── ForbiddenError (PermissionError)
        ├── ResourceNotFoundError (LookupError)
        ├── ResourceAlreadyExistsError
        ├── ResourceConflictError
        │   ├── ResourceDependencyError
        │   └── ResourceInUseError
        ├── ServiceQuotaExceededError
        └── InvalidInputError                   the service refused the request
            ├── ClientError
            ├── DryRunOperationError
            ├── IdempotentParameterMismatchError
            ├── InvalidPaginationTokenError
            ├── InvalidParameterCombinationError
            ├── InvalidParameterError
            ├── InvalidParameterValueError
            ├── InvalidRequestError
            └── InvalidVersionNumberError

This module depends on nothing else in the package, so every module can raise its
errors; the four wait errors carry the `Image` model, so they live in
`imagebuilder_sdk.build_errors` (and are exported by `imagebuilder_sdk` too).

`error_for_code` finds the class for a code; a code the SDK does not know yet
becomes a plain `ApiError` (or `ServerError` for a 5xx status), keeping its code.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AccessDeniedError",
    "ApiError",
    "CallRateLimitExceededError",
    "ClientError",
    "ConfigurationError",
    "ConnectionFailedError",
    "CredentialsError",
    "DryRunOperationError",
    "EndpointError",
    "ForbiddenError",
    "IdempotentParameterMismatchError",
    "ImageBuilderError",
    "IncompleteResponseError",
    "InvalidInputError",
    "InvalidPaginationTokenError",
    "InvalidParameterCombinationError",
    "InvalidParameterError",
    "InvalidParameterValueError",
    "InvalidRequestError",
    "InvalidVersionNumberError",
    "OutputMissingError",
    "ProfileNotFoundError",
    "ReadBackError",
    "RegionError",
    "ResourceAlreadyExistsError",
    "ResourceConflictError",
    "ResourceDependencyError",
    "ResourceInUseError",
    "ResourceNotFoundError",
    "ServerError",
    "ServiceError",
    "ServiceQuotaExceededError",
    "ServiceUnavailableError",
    "StructureError",
    "ThrottlingError",
    "TooManyRequestsError",
    "ValidationError",
    "WaitError",
    "error_for_code",
]


class ImageBuilderError(Exception):
    """Root of every error raised by imagebuilder-sdk."""


class ValidationError(ImageBuilderError, ValueError):
    """Input refused on the client side, before any request was sent.

    `field` names the offending parameter (``"version"``, ``"components[0].component_arn"``)
    and `rule` says what it must satisfy; `problems` lists every problem when a check
    found more than one (as a component document validation does). When the rule
    comes from a pattern of the service model, the message says it in words and
    `pattern` keeps the regular expression itself.
    """

    def __init__(
        self,
        field: str,
        rule: str,
        *,
        value: object = None,
        problems: Sequence[str] = (),
        pattern: str | None = None,
    ) -> None:
        self.field = field
        self.rule = rule
        self.value = value
        self.problems = tuple(problems)
        self.pattern = pattern
        message = f"{field}: {rule}" if field else rule
        if self.problems:
            message += "".join(f"\n  - {p}" for p in self.problems)
        super().__init__(message)


class StructureError(ImageBuilderError, ValueError):
    """A dict could not be turned into the model asked for.

    `shape` is the model class's name, `member` the API member that is missing or of the
    wrong kind (empty when the whole value is), `reason` what was wrong.
    """

    def __init__(self, shape: str, member: str, reason: str) -> None:
        self.shape = shape
        self.member = member
        self.reason = reason
        where = f"{shape}.{member}" if member else shape
        super().__init__(f"cannot build {where}: {reason}")


class OutputMissingError(ImageBuilderError, LookupError):
    """An image's outputs were read before the service reported any (it is still building).

    Raised by `Image.amis` and `Image.containers`; `arn` names the image and `status`
    is its state when it was read. Wait for the build first (`ImageBuild.wait()`).
    """

    def __init__(self, arn: str, status: str) -> None:
        self.arn = arn
        self.status = status
        super().__init__(f"image {arn} has no output resources yet (status {status})")


class ConnectionFailedError(ImageBuilderError, ConnectionError):
    """The endpoint could not be reached, or the connection dropped (after all retries)."""

    def __init__(self, message: str, *, operation: str = "", attempts: int = 1) -> None:
        self.message = message
        self.operation = operation
        self.attempts = attempts
        super().__init__(message)

    def __str__(self) -> str:
        where = f"{self.operation}: " if self.operation else ""
        return f"{where}{self.message} (after {self.attempts} attempt(s))"


class ConfigurationError(ImageBuilderError):
    """The AWS settings (credentials, profile, region, endpoint) cannot make a working client.

    `hint` says in one line what to do about it; `str()` is the problem and the hint.
    """

    def __init__(self, message: str, *, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}; {hint}" if hint else message)


class CredentialsError(ConfigurationError):
    """No AWS credentials were found, or those found are incomplete."""


class ProfileNotFoundError(ConfigurationError, LookupError):
    """The named profile is not in the AWS config or credentials files."""


class RegionError(ConfigurationError):
    """No region was given or configured, or the one given is malformed."""


class EndpointError(ConfigurationError):
    """The endpoint URL given is malformed."""


class ReadBackError(ImageBuilderError):
    """The resource was created (or updated), but reading it back failed.

    The change happened: `arn` names the resource, and `cause` (also ``__cause__``) is
    the error of the read-back. Either way of recovering returns the resource::

        except ReadBackError as error:
            component = ib.components.get(error.arn)
            # or: the same call again, with client_token=error.client_token

    `operation` is the call that made the change and `client_token` the token it sent;
    repeating exactly the same request with that token makes nothing new.
    """

    def __init__(
        self,
        arn: str,
        *,
        operation: str = "",
        client_token: str | None = None,
        cause: ImageBuilderError | None = None,
    ) -> None:
        self.arn = arn
        self.operation = operation
        self.client_token = client_token
        self.cause = cause
        done = "updated" if operation.startswith("Update") else "created"
        where = f"{operation} " if operation else ""
        super().__init__(
            f"{where}{done} {arn}, but reading it back failed: {cause}; "
            f"get(error.arn) reads it, or repeat the call with client_token=error.client_token"
        )


class ApiError(ImageBuilderError):
    """The service answered a request with an error.

    Carries the service's error `code` and `message`, the `operation` that failed, the
    `request_id` to quote to AWS support, the HTTP `status_code`, and how many
    `attempts` the SDK made before giving up.
    """

    #: The service error code this class stands for ("" for the grouping bases).
    error_code: str = ""

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        operation: str = "",
        request_id: str | None = None,
        status_code: int | None = None,
        attempts: int = 1,
    ) -> None:
        self.code = code or self.error_code
        self.message = message
        self.operation = operation
        self.request_id = request_id
        self.status_code = status_code
        self.attempts = attempts
        super().__init__(message)

    def __str__(self) -> str:
        where = f" in {self.operation}" if self.operation else ""
        parts = [f"{self.code or type(self).__name__}{where}: {self.message}"]
        details = []
        if self.status_code is not None:
            details.append(f"HTTP {self.status_code}")
        if self.request_id:
            details.append(f"request id {self.request_id}")
        if self.attempts > 1:
            details.append(f"after {self.attempts} attempts")
        if details:
            parts.append(f"({', '.join(details)})")
        return " ".join(parts)


class IncompleteResponseError(ApiError):
    """An answer lacked a member the service always sends (cut short or garbled on the way).

    `shape` and `member` name what was missing and `path` where in the answer. The
    retry policy sends the request again (with the same client token), so this is
    raised only when every attempt's answer was incomplete.
    """

    def __init__(
        self,
        *,
        operation: str,
        shape: str,
        member: str,
        path: str,
        request_id: str | None = None,
        status_code: int | None = None,
        attempts: int = 1,
    ) -> None:
        self.shape = shape
        self.member = member
        self.path = path
        what = f"{shape}.{member}" if member else f"a {shape} value"
        at = f" at {path}" if path else ""
        super().__init__(
            f"the answer lacks {what}{at}, which the service always sends",
            code="IncompleteResponse",
            operation=operation,
            request_id=request_id,
            status_code=status_code,
            attempts=attempts,
        )


class ThrottlingError(ApiError):
    """The service refused the call because of its rate limits."""

    error_code = "ThrottlingException"


class CallRateLimitExceededError(ThrottlingError):
    """Too many calls of one operation in a short time."""

    error_code = "CallRateLimitExceededException"


class TooManyRequestsError(ThrottlingError):
    """Too many requests from the account in a short time."""

    error_code = "TooManyRequestsException"


class ServerError(ApiError):
    """A fault on the service side (5xx)."""


class ServiceError(ServerError):
    """The service failed to handle a valid request."""

    error_code = "ServiceException"


class ServiceUnavailableError(ServerError):
    """The service is temporarily unavailable."""

    error_code = "ServiceUnavailableException"


class AccessDeniedError(ApiError, PermissionError):
    """The caller's credentials do not allow the call."""

    error_code = "AccessDeniedException"


class ForbiddenError(ApiError, PermissionError):
    """The caller may not act on this resource."""

    error_code = "ForbiddenException"


class ResourceNotFoundError(ApiError, LookupError):
    """The resource named in the request does not exist."""

    error_code = "ResourceNotFoundException"


class ResourceAlreadyExistsError(ApiError):
    """A resource with this name (and version) exists already; bump the version."""

    error_code = "ResourceAlreadyExistsException"


class ResourceConflictError(ApiError):
    """The resource's current state or its users prevent the change."""


class ResourceDependencyError(ResourceConflictError):
    """Another resource still uses this one; delete or update that one first."""

    error_code = "ResourceDependencyException"


class ResourceInUseError(ResourceConflictError):
    """The resource is busy (for example, a build is running)."""

    error_code = "ResourceInUseException"


class ServiceQuotaExceededError(ApiError):
    """An account quota of the service is used up."""

    error_code = "ServiceQuotaExceededException"


class InvalidInputError(ApiError):
    """The service refused the request's parameters."""


class ClientError(InvalidInputError):
    """The service blamed the request (its generic client-side error)."""

    error_code = "ClientException"


class DryRunOperationError(InvalidInputError):
    """A dry run would have succeeded."""

    error_code = "DryRunOperationException"


class IdempotentParameterMismatchError(InvalidInputError):
    """The idempotency token was used before with a different request.

    Each logical call must use its own `client_token`; reuse one only to repeat exactly
    the same request (for example, to resume after a crash).
    """

    error_code = "IdempotentParameterMismatchException"


class InvalidPaginationTokenError(InvalidInputError):
    """The pagination token is not one the service issued (or it expired)."""

    error_code = "InvalidPaginationTokenException"


class InvalidParameterCombinationError(InvalidInputError):
    """Two parameters of the request cannot be used together."""

    error_code = "InvalidParameterCombinationException"


class InvalidParameterError(InvalidInputError):
    """A parameter of the request is not valid."""

    error_code = "InvalidParameterException"


class InvalidParameterValueError(InvalidInputError):
    """A parameter value is not valid (a reference that does not resolve, for example)."""

    error_code = "InvalidParameterValueException"


class InvalidRequestError(InvalidInputError):
    """The request is not valid for the resource's current state."""

    error_code = "InvalidRequestException"


class InvalidVersionNumberError(InvalidInputError):
    """The semantic version is not valid for this resource."""

    error_code = "InvalidVersionNumberException"


class WaitError(ImageBuilderError):
    """Waiting for an image build ended without an available image."""


def _code_classes() -> dict[str, type[ApiError]]:
    found: dict[str, type[ApiError]] = {}
    pending: list[type[ApiError]] = [ApiError]
    while pending:
        cls = pending.pop()
        if cls.error_code:
            found.setdefault(cls.error_code, cls)
        pending.extend(cls.__subclasses__())
    return found


_BY_CODE: dict[str, type[ApiError]] = _code_classes()


def error_for_code(code: str, status_code: int | None = None) -> type[ApiError]:
    """The error class for a service error code.

    >>> error_for_code("ResourceNotFoundException").__name__
    'ResourceNotFoundError'
    >>> error_for_code("SomethingNewException", 503).__name__
    'ServerError'
    """
    cls = _BY_CODE.get(code)
    if cls is not None:
        return cls
    # 501 Not Implemented is permanent (an operation an endpoint lacks): not a ServerError.
    if status_code is not None and status_code >= 500 and status_code != 501:
        return ServerError
    if code in ("Throttling", "ThrottledException", "RequestLimitExceeded"):
        return ThrottlingError
    return ApiError
