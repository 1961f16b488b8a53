"""One call of one operation: checked request, one token, the retry loop, typed errors.

Two outcomes of a retried call are settled here, for every operation alike:

- a delete whose earlier attempt may have been carried out (its answer was lost: a
  5xx, or a connection that closed or timed out after sending) and whose retry finds
  the resource gone has done its work: the call returns as if the first answer had
  arrived, and says so in the log. A first attempt that finds nothing still raises
  `ResourceNotFoundError`.
- a create (or update) that succeeded is followed by a read-back; inside a
  `Caller.read_back` scope, the ARN and clientToken of the change are remembered, so
  that a failed read-back becomes a `ReadBackError` carrying them.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator, Mapping
from typing import Any

from botocore import xform_name
from botocore.model import OperationModel

from imagebuilder_sdk._answers import missing_member
from imagebuilder_sdk._fast_parse import install as install_fast_parse
from imagebuilder_sdk._translate import answer_may_be_lost, translate
from imagebuilder_sdk._validation import check_request
from imagebuilder_sdk.convert import request_params, response_members
from imagebuilder_sdk.errors import (
    ImageBuilderError,
    IncompleteResponseError,
    ReadBackError,
    ResourceNotFoundError,
)
from imagebuilder_sdk.idempotency import resolve_client_token
from imagebuilder_sdk.retry import RetryPolicy

__all__ = ["Caller", "ReadBack"]

logger = logging.getLogger("imagebuilder_sdk")


class ReadBack:
    """What a create (or update) call did, for the error when reading it back fails."""

    __slots__ = ("arn", "client_token", "operation")

    def __init__(self) -> None:
        self.operation = ""
        self.arn: str | None = None
        self.client_token: str | None = None


#: The read-back scope of the repository method running in this context, if any.
_READ_BACK: contextvars.ContextVar[ReadBack | None] = contextvars.ContextVar(
    "imagebuilder_sdk_read_back", default=None
)


def _created_arn(response: Mapping[str, Any]) -> str | None:
    """The ARN a create or update answer names (its one ``...Arn`` member)."""
    for name, value in response.items():
        if name.endswith("Arn") and isinstance(value, str) and value:
            return value
    return None


class Caller:
    """Calls operations of one boto3 client through one retry policy."""

    __slots__ = ("_client", "_methods", "_model", "retry")

    def __init__(self, client: Any, retry: RetryPolicy) -> None:
        self._client = client
        self._model = client.meta.service_model
        install_fast_parse(client)
        self._methods: dict[str, Any] = {}
        self.retry = retry

    @property
    def client(self) -> Any:
        """The boto3 client the calls go through."""
        return self._client

    def operation(self, name: str) -> OperationModel:
        """The service model of an operation."""
        model: OperationModel = self._model.operation_model(name)
        return model

    def check(self, operation: str, /, **params: object) -> None:
        """Raise `ValidationError` if `params` would be refused; send nothing."""
        model = self.operation(operation)
        check_request(model.input_shape, request_params(model, params))

    def call(self, operation: str, /, **params: object) -> dict[str, Any]:
        """Call `operation` with snake_case `params`; return its response's members.

        The request is checked against the service model first, so bad input raises
        `ValidationError` before anything is sent. When the operation takes a
        `client_token`, one is chosen here and reused by every attempt.
        """
        model = self.operation(operation)
        if "clientToken" in (model.input_shape.members if model.input_shape else {}):
            # Minted once, before the retry loop: every attempt must carry the same
            # token, or a retry after a lost response would create a second resource.
            params["client_token"] = resolve_client_token(params.get("client_token"))  # type: ignore[arg-type]
        request = request_params(model, params)
        check_request(model.input_shape, request)
        method = self._method(operation)
        deletes = operation.startswith("Delete")
        # Set once an attempt may have been carried out without its answer arriving.
        maybe_done = False

        def attempt() -> Mapping[str, Any]:
            nonlocal maybe_done
            logger.debug("calling %s", operation)
            try:
                result: Mapping[str, Any] = method(**request)
            except Exception as error:
                translated = translate(error, operation)
                if translated is None:
                    raise
                if deletes and maybe_done and isinstance(translated, ResourceNotFoundError):
                    logger.info(
                        "%s: the resource is gone; an earlier attempt whose answer was "
                        "lost deleted it, so the delete is done",
                        operation,
                        extra={"operation": operation, "error_code": translated.code},
                    )
                    return _answer_from_request(model, request)
                maybe_done = maybe_done or answer_may_be_lost(error)
                raise translated from error
            # Inside the attempt, so an answer cut short on the way is asked for again
            # (with the same token) rather than taken for a success with nothing in it.
            missing = missing_member(model, result)
            if missing is not None:
                maybe_done = True  # an answer came back, so the work was likely done
                metadata = result.get("ResponseMetadata") or {}
                shape, member, path = missing
                raise IncompleteResponseError(
                    operation=operation,
                    shape=shape,
                    member=member,
                    path=path,
                    request_id=metadata.get("RequestId") or None,
                    status_code=metadata.get("HTTPStatusCode"),
                )
            return result

        response = self.retry.call(attempt, operation=operation)
        scope = _READ_BACK.get()
        if scope is not None and scope.arn is None and "clientToken" in request:
            scope.operation = operation
            scope.arn = _created_arn(response)
            scope.client_token = str(request["clientToken"])
        return response_members(model, response)

    @staticmethod
    @contextlib.contextmanager
    def read_back() -> Iterator[ReadBack]:
        """A scope for a create (or update) followed by a read-back of what it made.

        The first mutating call inside the scope that succeeds is remembered. When an
        SDK error escapes the scope after it, the resource exists but could not be
        read: the error becomes a `ReadBackError` with the ARN, the clientToken and
        the original error as its cause.
        """
        scope = ReadBack()
        token = _READ_BACK.set(scope)
        try:
            yield scope
        except ImageBuilderError as error:
            if scope.arn is None or isinstance(error, ReadBackError):
                raise
            raise ReadBackError(
                scope.arn, operation=scope.operation, client_token=scope.client_token, cause=error
            ) from error
        finally:
            _READ_BACK.reset(token)

    def _method(self, operation: str) -> Any:
        method = self._methods.get(operation)
        if method is None:
            method = self._methods[operation] = getattr(self._client, xform_name(operation))
        return method


def _answer_from_request(model: OperationModel, request: Mapping[str, Any]) -> dict[str, Any]:
    """The answer a delete would have given: its output members that echo the request."""
    members = model.output_shape.members if model.output_shape else {}
    return {name: request[name] for name in members if name in request}
