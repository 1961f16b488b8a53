"""One call of one operation: checked request, one token, the retry loop, typed errors."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from botocore import xform_name
from botocore.model import OperationModel

from imagebuilder_sdk._answers import missing_member
from imagebuilder_sdk._translate import translate
from imagebuilder_sdk._validation import check_request
from imagebuilder_sdk.convert import request_params, response_members
from imagebuilder_sdk.errors import IncompleteResponseError
from imagebuilder_sdk.idempotency import resolve_client_token
from imagebuilder_sdk.retry import RetryPolicy

__all__ = ["Caller"]

logger = logging.getLogger("imagebuilder_sdk")


class Caller:
    """Calls operations of one boto3 client through one retry policy."""

    __slots__ = ("_client", "_methods", "_model", "retry")

    def __init__(self, client: Any, retry: RetryPolicy) -> None:
        self._client = client
        self._model = client.meta.service_model
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

        def attempt() -> Mapping[str, Any]:
            logger.debug("calling %s", operation)
            try:
                result: Mapping[str, Any] = method(**request)
            except Exception as error:
                translated = translate(error, operation)
                if translated is None:
                    raise
                raise translated from error
            # Inside the attempt, so an answer cut short on the way is asked for again
            # (with the same token) rather than taken for a success with nothing in it.
            missing = missing_member(model, result)
            if missing is not None:
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
        return response_members(model, response)

    def _method(self, operation: str) -> Any:
        method = self._methods.get(operation)
        if method is None:
            method = self._methods[operation] = getattr(self._client, xform_name(operation))
        return method
