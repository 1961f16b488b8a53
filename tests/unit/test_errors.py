"""The error tree: one class per service error code, the bases, and what str() shows."""

from __future__ import annotations

import botocore.session
import pytest

from imagebuilder_sdk import errors
from imagebuilder_sdk.build_errors import (
    ImageBuildCancelledError,
    ImageBuildFailedError,
    WaitTimeoutError,
)
from imagebuilder_sdk.errors import (
    ApiError,
    ConnectionFailedError,
    ImageBuilderError,
    ValidationError,
    error_for_code,
)

MODEL = botocore.session.get_session().get_service_model("imagebuilder")
CODES = sorted(shape.name for shape in MODEL.error_shapes)


def test_the_model_has_twenty_codes() -> None:
    """botocore's model of the service lists 20 error codes."""
    assert len(CODES) == 20


@pytest.mark.parametrize("code", CODES)
def test_each_code_has_the_class_named_after_it(code: str) -> None:
    """error_for_code gives the public class named ...Error, which knows its code."""
    cls = error_for_code(code)
    assert cls.__name__ == code.removesuffix("Exception") + "Error"
    assert cls.__name__ in errors.__all__
    assert cls.error_code == code
    assert issubclass(cls, ApiError)


@pytest.mark.parametrize(
    ("code", "base"),
    [
        ("CallRateLimitExceededException", errors.ThrottlingError),
        ("TooManyRequestsException", errors.ThrottlingError),
        ("ThrottlingException", errors.ThrottlingError),
        ("ServiceException", errors.ServerError),
        ("ServiceUnavailableException", errors.ServerError),
        ("AccessDeniedException", PermissionError),
        ("ForbiddenException", PermissionError),
        ("ResourceNotFoundException", LookupError),
        ("ResourceDependencyException", errors.ResourceConflictError),
        ("ResourceInUseException", errors.ResourceConflictError),
        ("ClientException", errors.InvalidInputError),
        ("DryRunOperationException", errors.InvalidInputError),
        ("IdempotentParameterMismatchException", errors.InvalidInputError),
        ("InvalidPaginationTokenException", errors.InvalidInputError),
        ("InvalidParameterCombinationException", errors.InvalidInputError),
        ("InvalidParameterException", errors.InvalidInputError),
        ("InvalidParameterValueException", errors.InvalidInputError),
        ("InvalidRequestException", errors.InvalidInputError),
        ("InvalidVersionNumberException", errors.InvalidInputError),
    ],
)
def test_codes_are_grouped_under_their_bases(code: str, base: type[Exception]) -> None:
    """Codes can be caught by group: throttling, server, permissions, conflicts, input."""
    assert issubclass(error_for_code(code), base)


def test_the_standalone_codes_have_no_group() -> None:
    """Already-exists and quota errors sit directly under ApiError."""
    for code in ("ResourceAlreadyExistsException", "ServiceQuotaExceededException"):
        assert error_for_code(code).__bases__ == (ApiError,)


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("SomethingNewException", 500, errors.ServerError),
        ("SomethingNewException", 503, errors.ServerError),
        ("SomethingNewException", 400, ApiError),
        ("SomethingNewException", None, ApiError),
        ("Throttling", 400, errors.ThrottlingError),
        ("ThrottledException", 400, errors.ThrottlingError),
        ("RequestLimitExceeded", 400, errors.ThrottlingError),
        ("", None, ApiError),
    ],
)
def test_unknown_codes_fall_back(code: str, status: int | None, expected: type[ApiError]) -> None:
    """An unknown code is a ServerError for 5xx, a ThrottlingError by its name, else ApiError."""
    assert error_for_code(code, status) is expected


def test_an_unknown_code_is_kept() -> None:
    """A fallback error still carries the code the service sent."""
    error = error_for_code("BrandNewException", 400)("new", code="BrandNewException")
    assert error.code == "BrandNewException"


def test_the_code_defaults_to_the_class_code() -> None:
    """A typed error made without a code reports its own."""
    assert errors.ResourceInUseError("busy").code == "ResourceInUseException"


def test_str_shows_code_operation_status_request_id_and_attempts() -> None:
    """str() shows everything needed to report the error."""
    error = errors.ServiceUnavailableError(
        "try later",
        operation="CreateImage",
        request_id="3f1c",
        status_code=503,
        attempts=4,
    )
    assert str(error) == (
        "ServiceUnavailableException in CreateImage: try later "
        "(HTTP 503, request id 3f1c, after 4 attempts)"
    )


def test_str_of_a_bare_error() -> None:
    """Without details, str() is the code and the message."""
    assert str(errors.InvalidParameterError("bad")) == "InvalidParameterException: bad"


def test_str_of_a_codeless_error_uses_the_class_name() -> None:
    """An ApiError without a code is shown by its class name."""
    assert str(ApiError("odd")) == "ApiError: odd"


def test_api_errors_keep_their_fields() -> None:
    """code, message, operation, request_id, status_code and attempts are attributes."""
    error = errors.ResourceNotFoundError(
        "gone", operation="GetImage", request_id="r", status_code=404, attempts=2
    )
    fields = (
        error.code,
        error.message,
        error.operation,
        error.request_id,
        error.status_code,
        error.attempts,
    )
    assert fields == ("ResourceNotFoundException", "gone", "GetImage", "r", 404, 2)


def test_validation_error_is_a_value_error() -> None:
    """ValidationError is also a ValueError, and shows 'field: rule'."""
    error = ValidationError("semantic_version", "must be like 1.0.0", value="1.0")
    assert isinstance(error, ValueError)
    assert (error.field, error.rule, error.value) == (
        "semantic_version",
        "must be like 1.0.0",
        "1.0",
    )
    assert str(error) == "semantic_version: must be like 1.0.0"


def test_validation_error_lists_every_problem() -> None:
    """With several problems, each is on its own line."""
    error = ValidationError("data", "2 problems", problems=["phases: missing", "name: empty"])
    assert error.problems == ("phases: missing", "name: empty")
    assert str(error) == "data: 2 problems\n  - phases: missing\n  - name: empty"


def test_validation_error_without_a_field() -> None:
    """Without a field the message is the rule alone."""
    assert str(ValidationError("", "nothing to do")) == "nothing to do"


def test_connection_failed_is_a_connection_error() -> None:
    """ConnectionFailedError is a ConnectionError and shows operation and attempts."""
    error = ConnectionFailedError("reset by peer", operation="ListImages", attempts=3)
    assert isinstance(error, ConnectionError)
    assert str(error) == "ListImages: reset by peer (after 3 attempt(s))"


def test_wait_errors() -> None:
    """The wait errors name the build and why the wait ended."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/1"
    assert str(ImageBuildFailedError(arn, None)) == f"image build {arn} failed: no reason given"
    assert str(ImageBuildCancelledError(arn)) == f"image build {arn} was cancelled"
    timeout = WaitTimeoutError(arn, 90.0, "BUILDING")
    assert isinstance(timeout, TimeoutError)
    assert str(timeout) == f"image build {arn} still BUILDING after 90 seconds"


@pytest.mark.parametrize("name", [n for n in errors.__all__ if n != "error_for_code"])
def test_every_error_is_an_image_builder_error(name: str) -> None:
    """Every public error class derives from ImageBuilderError."""
    assert issubclass(getattr(errors, name), ImageBuilderError)


@pytest.mark.parametrize("name", [n for n in errors.__all__ if n != "error_for_code"])
def test_the_tree_in_the_docstring_is_complete(name: str) -> None:
    """The module docstring draws every error class."""
    assert errors.__doc__ is not None
    assert f" {name}" in errors.__doc__
