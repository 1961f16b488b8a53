"""REST-JSON for Image Builder, read entirely from botocore's service model.

`RestJsonProtocol` turns an HTTP request into an operation name and its input members
(wire form: the model's camelCase member names, JSON value types), and turns an
operation's output or a service error back into an HTTP response. Routes, member
locations, member types and error status codes all come from the model, so no line here
is about one particular operation::

    protocol = RestJsonProtocol()
    operation, params = protocol.parse(HttpRequest("GET", "/GetImage?imageBuildVersionArn=x"))
    response = protocol.response(operation, {"requestId": "r-1"}, request_id="r-1")

The attach transport and the HTTP server both go through this module, so the two ways
into the emulator cannot drift apart.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote

import botocore.session
from botocore.model import OperationModel, ServiceModel, Shape, StructureShape
from botocore.validate import ParamValidator

from imagebuilder_sdk.testing._echo import MAX_ECHO_CHARS, bounded, echo

__all__ = [
    "HttpRequest",
    "HttpResponse",
    "MAX_BODY_BYTES",
    "ProtocolError",
    "RestJsonProtocol",
    "load_service_model",
    "shared_botocore_session",
]

#: Largest request body accepted (10 MiB, the payload cap of the API front doors AWS
#: puts before REST services). Image Builder's biggest inputs (inline component
#: documents, policies) stay far below it; anything larger is answered with 413.
MAX_BODY_BYTES = 10 * 1024 * 1024

_LABEL = re.compile(r"{([^}]+)}")
#: The value botocore's validation report quotes whole: ``value: <value>, type: ...``.
_REPORTED_VALUE = re.compile(r"(value: )(.*?)(, type: )", re.DOTALL)


def _cut_values(report: str) -> str:
    """botocore's validation report with each quoted value cut to an echo's length."""

    def cut(found: re.Match[str]) -> str:
        value = found.group(2)
        shown = value if len(value) <= MAX_ECHO_CHARS else f"{echo(value)}"
        return f"{found.group(1)}{shown}{found.group(3)}"

    return _REPORTED_VALUE.sub(cut, report)


_BAD_JSON = "SerializationException"
_VALIDATION_CODES = ("InvalidRequestException", "InvalidParameterException")


@dataclass(frozen=True)
class HttpRequest:
    """An HTTP request as it arrived: method, target (path and query), headers, body."""

    method: str
    target: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP response ready to send."""

    status: int
    headers: dict[str, str]
    body: bytes


class ProtocolError(Exception):
    """A request refused before any operation ran (unknown route, bad JSON, bad member)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        operation: str = "",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        message = bounded(message)
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.operation = operation
        self.headers = dict(headers or {})


@functools.lru_cache(maxsize=1)
def shared_botocore_session() -> botocore.session.Session:
    """One botocore session for the whole emulator (its model and its clients).

    Creating a botocore session registers a few hundred handlers and scans botocore's
    data directory, about a quarter of a second on a loaded machine: done once, and
    the session's loader then caches the service model's JSON for every client.
    """
    return botocore.session.get_session()


@functools.lru_cache(maxsize=1)
def load_service_model() -> ServiceModel:
    """The imagebuilder service model that the installed botocore ships (loaded once)."""
    return shared_botocore_session().get_service_model("imagebuilder")


@dataclass(frozen=True)
class _Route:
    operation: OperationModel
    pattern: re.Pattern[str]
    labels: tuple[str, ...]


def _compile(request_uri: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A regex for the path part of a requestUri; a trailing label may hold slashes."""
    path = request_uri.split("?", 1)[0]
    labels: list[str] = []
    regex, last = "", 0
    for match in _LABEL.finditer(path):
        regex += re.escape(path[last : match.start()])
        label = match.group(1)
        greedy = label.endswith("+") or match.end() == len(path)
        labels.append(label.rstrip("+"))
        regex += f"(?P<g{len(labels)}>.+)" if greedy else f"(?P<g{len(labels)}>[^/]+)"
        last = match.end()
    regex += re.escape(path[last:])
    return re.compile(f"^{regex}$"), tuple(labels)


def _from_text(shape: Shape, text: str, name: str) -> Any:
    """A string from a URI, query string or header, as the member's JSON type."""
    kind = shape.type_name
    try:
        if kind in ("integer", "long"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
    except ValueError:
        raise ValueError(f"{name}: expected a number, got {echo(text)}") from None
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise ValueError(f"{name}: expected true or false, got {echo(text)}")
        return text.lower() == "true"
    return text


class RestJsonProtocol:
    """Routing and (de)serialisation of the imagebuilder REST-JSON protocol."""

    def __init__(self, service_model: ServiceModel | None = None) -> None:
        self.service_model = service_model or load_service_model()
        self._static: dict[str, dict[str, OperationModel]] = {}
        self._dynamic: list[_Route] = []
        for name in self.service_model.operation_names:
            operation = self.service_model.operation_model(name)
            uri = operation.http["requestUri"]
            method = operation.http["method"].upper()
            if _LABEL.search(uri):
                pattern, labels = _compile(uri)
                self._dynamic.append(_Route(operation, pattern, labels))
            else:
                self._static.setdefault(uri.split("?", 1)[0], {})[method] = operation
        self._validator = ParamValidator()
        self._statuses = {
            shape.name: int(shape.metadata["error"]["httpStatusCode"])
            for shape in self.service_model.error_shapes
            if "httpStatusCode" in shape.metadata.get("error", {})
        }

    @property
    def operation_names(self) -> frozenset[str]:
        """Every operation of the service model."""
        return frozenset(self.service_model.operation_names)

    def status_for(self, code: str) -> int:
        """The HTTP status the model gives an error code; 400 for codes it does not list."""
        return self._statuses.get(code, 400)

    def route(self, method: str, path: str) -> tuple[OperationModel, dict[str, str]]:
        """The operation for a method and raw path, with its URI labels (decoded)."""
        method = method.upper()
        candidates: dict[str, tuple[OperationModel, dict[str, str]]] = {
            m: (op, {}) for m, op in self._static.get(path, {}).items()
        }
        if not candidates:
            for route in self._dynamic:
                match = route.pattern.match(path)
                if match is not None:
                    values = {
                        label: unquote(match.group(f"g{i}"))
                        for i, label in enumerate(route.labels, 1)
                    }
                    method_name = route.operation.http["method"].upper()
                    candidates.setdefault(method_name, (route.operation, values))
        if method in candidates:
            return candidates[method]
        if candidates:
            allowed = ", ".join(sorted(candidates))
            raise ProtocolError(
                405,
                "MethodNotAllowedException",
                f"{method} is not allowed on {path}; use {allowed}",
                headers={"Allow": allowed},
            )
        raise ProtocolError(404, "UnknownOperationException", f"No operation at {method} {path}")

    def parse(self, request: HttpRequest) -> tuple[str, dict[str, Any]]:
        """The operation name and its input members (wire form) for an HTTP request."""
        if len(request.body) > MAX_BODY_BYTES:
            raise ProtocolError(
                413,
                "RequestEntityTooLargeException",
                f"The request body exceeds {MAX_BODY_BYTES} bytes",
            )
        path, _, query = request.target.partition("?")
        operation, labels = self.route(request.method, path)
        body = self._json_body(request.body, operation.name)
        shape = operation.input_shape
        if shape is None:
            return operation.name, {}
        try:
            params = self._members(shape, labels, query, request.headers, body)
        except ValueError as exc:
            raise self._invalid(operation, str(exc)) from None
        report = self._validator.validate(params, shape)
        if report.has_errors():
            raise self._invalid(operation, _cut_values(report.generate_report()))
        return operation.name, params

    def response(self, operation: str, result: Mapping[str, Any], request_id: str) -> HttpResponse:
        """The HTTP response for an operation's output members (wire form)."""
        shape = self.service_model.operation_model(operation).output_shape
        status = 200
        headers = {"Content-Type": "application/json", "x-amzn-requestid": request_id}
        body: dict[str, Any] = {}
        members = shape.members if isinstance(shape, StructureShape) else {}
        for name, value in result.items():
            member = members.get(name)
            if member is None or value is None:
                continue
            location = member.serialization.get("location")
            wire_name = member.serialization.get("name", name)
            if location == "statusCode":
                status = int(value)
            elif location == "header":
                headers[wire_name] = str(value).lower() if isinstance(value, bool) else str(value)
            else:
                body[wire_name] = value
        return HttpResponse(status, headers, json.dumps(body).encode("utf-8"))

    def error(
        self,
        code: str,
        message: str,
        request_id: str,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResponse:
        """An error response that botocore's rest-json parser reads as `code`/`message`."""
        all_headers = {
            "Content-Type": "application/json",
            "x-amzn-requestid": request_id,
            "x-amzn-errortype": code,
            **(headers or {}),
        }
        body = json.dumps({"message": bounded(message)}).encode("utf-8")
        return HttpResponse(status or self.status_for(code), all_headers, body)

    @staticmethod
    def _json_body(raw: bytes, operation: str) -> dict[str, Any]:
        if not raw.strip():
            return {}
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ProtocolError(
                400,
                "SerializationException",
                "The request body is not valid JSON",
                operation=operation,
            ) from None
        if not isinstance(body, dict):
            raise ProtocolError(
                400,
                "SerializationException",
                "The request body must be a JSON object",
                operation=operation,
            )
        return body

    def _invalid(self, operation: OperationModel, message: str) -> ProtocolError:
        codes = {shape.name for shape in operation.error_shapes}
        code = next((c for c in _VALIDATION_CODES if c in codes), _VALIDATION_CODES[0])
        return ProtocolError(self.status_for(code), code, message, operation=operation.name)

    @staticmethod
    def _members(
        shape: StructureShape,
        labels: Mapping[str, str],
        query: str,
        headers: Mapping[str, str],
        body: Mapping[str, Any],
    ) -> dict[str, Any]:
        """Input members gathered from every location the model names."""
        queries = parse_qs(query, keep_blank_values=True)
        lower_headers = {key.lower(): value for key, value in headers.items()}
        params: dict[str, Any] = {}
        used_query: set[str] = set()
        for name, member in shape.members.items():
            location = member.serialization.get("location")
            wire_name = member.serialization.get("name", name)
            if location == "uri":
                if wire_name in labels:
                    params[name] = _from_text(member, labels[wire_name], name)
            elif location == "querystring" and member.type_name != "map":
                used_query.add(wire_name)
                values = queries.get(wire_name)
                if values and member.type_name == "list":
                    item = member.member  # type: ignore[attr-defined]
                    params[name] = [_from_text(item, v, name) for v in values]
                elif values:
                    params[name] = _from_text(member, values[-1], name)
            elif location == "header":
                text = lower_headers.get(wire_name.lower())
                if text is not None:
                    params[name] = _from_text(member, text, name)
            elif location is None and wire_name in body:
                params[name] = body[wire_name]
        in_body = {
            member.serialization.get("name", name)
            for name, member in shape.members.items()
            if member.serialization.get("location") is None
        }
        unknown = sorted(set(body) - in_body)
        if unknown:
            # As the service does: a member this API version does not have is refused,
            # not silently dropped (a typo would otherwise go unnoticed).
            raise ValueError(f"Unknown member(s) in the request body: {', '.join(unknown)}")
        for name, member in shape.members.items():
            if member.serialization.get("location") == "querystring" and member.type_name == "map":
                rest = {k: v[-1] for k, v in queries.items() if k not in used_query}
                if rest:
                    params[name] = rest
        return params
