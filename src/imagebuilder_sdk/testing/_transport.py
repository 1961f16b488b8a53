"""Attach mode: answer a boto3 client's requests in process, through botocore's events.

botocore emits ``before-send.<service>.<operation>`` with the prepared HTTP request just
before it would go on the wire; a handler that returns a response replaces the network
call. Everything around it stays real: parameter validation, serialisation, signing,
retries, response parsing and `ClientError`s. A dropped connection is raised as the
exception botocore itself raises for one, so retry logic sees what it would see live.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import botocore
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.compat import HTTPHeaders
from botocore.exceptions import ConnectionClosedError, EndpointConnectionError

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.testing._faults import ConnectionDropped
from imagebuilder_sdk.testing._protocol import HttpRequest, HttpResponse

__all__ = ["EVENT_NAME", "SIGNER_EVENT", "attach", "detach"]

#: The botocore event the emulator listens to (every imagebuilder operation).
EVENT_NAME = "before-send.imagebuilder"
#: The event botocore asks which signer to use, before it signs (and before-send).
SIGNER_EVENT = "choose-signer.imagebuilder"
_UNIQUE_ID = "imagebuilder_sdk.testing"
_SIGNER_ID = "imagebuilder_sdk.testing.signer"  # unique ids are per emitter, not per event

Handler = Callable[[HttpRequest], HttpResponse]


class _RawBody:
    """The ``raw`` object botocore reads a response body from (`stream()`)."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, amt: int | None = None, decode_content: bool = True) -> Iterator[bytes]:
        """Yield the whole body once."""
        if self._body:
            yield self._body

    def read(self, amt: int | None = None) -> bytes:
        """Return the whole body."""
        return self._body

    def close(self) -> None:
        """Nothing to release."""


def _body_bytes(body: object) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, (bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    read = getattr(body, "read", None)
    if callable(read):
        data = read()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    raise TypeError(f"cannot read a request body of type {type(body).__name__}")


class _Attachments:
    """The ``before-send`` handler of one client: the latest attached emulator answers.

    botocore calls every handler of an event, so one client gets one handler, which
    keeps the attached emulators in order and asks only the most recent.
    """

    def __init__(self) -> None:
        self.handlers: dict[str, Handler] = {}

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse | None:
        if not self.handlers:
            return None
        handle = list(self.handlers.values())[-1]
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        sent = {str(k): str(v) for k, v in request.headers.items()}
        http_request = HttpRequest(request.method, target, sent, _body_bytes(request.body))
        try:
            response = handle(http_request)
        except ConnectionDropped as dropped:
            if dropped.after_backend:
                raise ConnectionClosedError(endpoint_url=request.url) from None
            raise EndpointConnectionError(endpoint_url=request.url) from None
        headers = HTTPHeaders()
        for name, value in response.headers.items():
            headers[name] = value
        return AWSResponse(request.url, response.status, headers, _RawBody(response.body))


class _SignWhenPossible:
    """``choose-signer`` handler: leave requests unsigned when the client has no credentials.

    botocore signs before ``before-send``, so a client made on a machine without AWS
    credentials would fail with ``NoCredentialsError`` before the emulator could answer.
    The emulator checks no signature, so such a client's requests go unsigned while it
    is attached; a client with credentials is signed as usual.
    """

    def __init__(self, client: Any) -> None:
        self._client = weakref.ref(client)

    def __call__(self, **_: Any) -> Any:
        client = self._client()
        signer = getattr(client, "_request_signer", None)
        if signer is not None and getattr(signer, "_credentials", None) is None:
            return botocore.UNSIGNED
        return None


_lock = threading.Lock()
_attached: weakref.WeakKeyDictionary[Any, _Attachments] = weakref.WeakKeyDictionary()


def attach(client: Any, handle: Handler, key: str) -> Any:
    """Route every request of an imagebuilder `client` to `handle`; returns the client.

    `key` names the attachment (one per emulator). The most recent attachment answers;
    attaching with the same key again moves it to the top.
    """
    meta = getattr(client, "meta", None)
    service = getattr(getattr(meta, "service_model", None), "service_name", None)
    if service != "imagebuilder":
        raise ValidationError("client", "must be a boto3 'imagebuilder' client", value=service)
    with _lock:
        attachments = _attached.get(client)
        if attachments is None:
            attachments = _attached[client] = _Attachments()
            client.meta.events.register_first(EVENT_NAME, attachments, unique_id=_UNIQUE_ID)
            client.meta.events.register_first(
                SIGNER_EVENT, _SignWhenPossible(client), unique_id=_SIGNER_ID
            )
        attachments.handlers.pop(key, None)
        attachments.handlers[key] = handle
    return client


def detach(client: Any, key: str) -> None:
    """Remove the attachment `key` from `client`; a client without it is left alone."""
    with _lock:
        attachments = _attached.get(client)
        if attachments is None:
            return
        attachments.handlers.pop(key, None)
        if not attachments.handlers:
            client.meta.events.unregister(EVENT_NAME, unique_id=_UNIQUE_ID)
            client.meta.events.unregister(SIGNER_EVENT, unique_id=_SIGNER_ID)
            del _attached[client]
