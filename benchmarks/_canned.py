"""Canned API answers: fully populated bodies drawn from the service model, and a transport.

`populated(shape)` fills every member of a structure shape (lists and maps get two
entries, enums their first value), so conversion benchmarks pay for every field.
`CannedTransport` answers a boto3 client's requests from prepared JSON bodies through
botocore's ``before-send`` event: serialization, signing and response parsing all run
as they would against the service, and only the network is skipped.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import boto3
import botocore.session
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.compat import HTTPHeaders
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape

__all__ = [
    "ACCOUNT",
    "Answer",
    "CannedTransport",
    "IMAGE_ARN",
    "REGION",
    "canned_client",
    "get_image_answer",
    "image_versions_page",
    "list_pages",
    "populated",
    "service_model",
    "streamed_pages",
    "summaries_pages",
]

ACCOUNT = "123456789012"
REGION = "us-east-1"
#: The build-version ARN of the image `GetImage` answers with.
IMAGE_ARN = f"arn:aws:imagebuilder:{REGION}:{ACCOUNT}:image/golden-linux/1.2.3/4"

_CREATED = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)
_SESSION = boto3.session.Session()

#: Returns the JSON body for one request, given the request's own JSON body.
Answer = Callable[[Mapping[str, Any]], bytes]


@functools.cache
def service_model() -> ServiceModel:
    """botocore's Image Builder service model (loaded once per process)."""
    model: ServiceModel = botocore.session.get_session().get_service_model("imagebuilder")
    return model


def _string(shape: Shape, member: str) -> object:
    if isinstance(shape, StringShape) and shape.enum:
        return shape.enum[0]
    if shape.name == "DateTime":
        return _CREATED.strftime("%Y-%m-%dT%H:%M:%S.") + f"{_CREATED.microsecond // 1000:03d}Z"
    if member == "arn" or shape.name.endswith("Arn") or member.endswith("Arn"):
        return f"arn:aws:imagebuilder:{REGION}:{ACCOUNT}:component/{member.lower()}/1.0.0/1"
    return f"{member}-value"


def _value(shape: Shape, member: str, wire: bool, depth: int) -> object:
    if isinstance(shape, StructureShape):
        return populated(shape, wire=wire, _depth=depth + 1)
    if isinstance(shape, ListShape):
        return [_value(shape.member, member, wire, depth) for _ in range(2)]
    if isinstance(shape, MapShape):
        return {f"{member}-key-{i}": _value(shape.value, member, wire, depth) for i in range(2)}
    if shape.type_name == "string":
        return _string(shape, member)
    if shape.type_name == "timestamp":
        return _CREATED.timestamp() if wire else _CREATED
    if shape.type_name in ("integer", "long"):
        return int(shape.metadata.get("min", 1) or 1)
    if shape.type_name == "double":
        return 1.5
    if shape.type_name == "boolean":
        return True
    raise TypeError(f"no canned value for shape type {shape.type_name}")


def populated(shape: Shape | str, *, wire: bool = False, _depth: int = 0) -> dict[str, Any]:
    """Every member of a structure shape, filled; `wire` gives timestamps as epoch numbers.

    Without `wire` the dict is what botocore's parser hands back (timestamps as
    timezone-aware datetimes), ready for the SDK's converter.
    """
    if isinstance(shape, str):
        shape = service_model().shape_for(shape)
    if not isinstance(shape, StructureShape):
        raise TypeError(f"{shape.name} is not a structure shape")
    if _depth > 8:  # no shape of this API is recursive, but never loop if one becomes so
        return {}
    return {name: _value(member, name, wire, _depth) for name, member in shape.members.items()}


def image_versions_page(start: int, count: int) -> list[dict[str, Any]]:
    """`count` fully populated `ImageVersion` entries, numbered from `start`."""
    items = []
    for number in range(start, start + count):
        created = _CREATED + timedelta(minutes=number)
        name = f"golden-{number % 7}"
        version = f"1.{number // 1000}.{number % 1000}"
        items.append(
            {
                "arn": f"arn:aws:imagebuilder:{REGION}:{ACCOUNT}:image/{name}/{version}",
                "name": name,
                "type": "AMI",
                "version": version,
                "platform": "Linux",
                "osVersion": "Amazon Linux 2023",
                "owner": ACCOUNT,
                "dateCreated": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "buildType": "USER_INITIATED",
                "imageSource": "CUSTOM",
            }
        )
    return items


def _page_body(start: int, count: int, total: int, page_size: int) -> bytes:
    end = min(start + count, total)
    body: dict[str, Any] = {
        "requestId": f"req-{start}",
        "imageVersionList": image_versions_page(start, end - start),
    }
    if end < total:
        body["nextToken"] = f"page-{end // page_size}"
    return json.dumps(body).encode()


def list_pages(total: int, page_size: int = 100) -> Answer:
    """A `ListImages` answer over `total` image versions, `page_size` a page, prepared now."""
    bodies = {
        None if start == 0 else f"page-{start // page_size}": _page_body(
            start, page_size, total, page_size
        )
        for start in range(0, max(total, 1), page_size)
    }

    def answer(request: Mapping[str, Any]) -> bytes:
        return bodies[request.get("nextToken")]

    return answer


def summaries_pages(operation: str, total: int, page_size: int = 100) -> Answer:
    """A listing answer of `operation` over `total` fully populated items, prepared now.

    Each item fills every member of the listing's item shape (as `populated` does), so
    both sides pay for every field; ``ListComponents`` gives `ComponentVersion` items,
    ``ListLifecyclePolicies`` `LifecyclePolicySummary` items (with timestamps), and so on.
    """
    output = service_model().operation_model(operation).output_shape
    assert output is not None
    member, shape = next(
        (name, m) for name, m in output.members.items() if isinstance(m, ListShape)
    )
    assert isinstance(shape, ListShape)
    item = populated(shape.member, wire=True)
    bodies: dict[str | None, bytes] = {}
    for start in range(0, max(total, 1), page_size):
        end = min(start + page_size, total)
        items = [{**item, "name": f"{item.get('name', 'item')}-{n}"} for n in range(start, end)]
        body: dict[str, Any] = {"requestId": f"req-{start}", member: items}
        if end < total:
            body["nextToken"] = f"page-{end // page_size}"
        bodies[None if start == 0 else f"page-{start // page_size}"] = json.dumps(body).encode()

    def answer(request: Mapping[str, Any]) -> bytes:
        return bodies[request.get("nextToken")]

    return answer


def streamed_pages(total: int, page_size: int = 100) -> Answer:
    """Like `list_pages`, but each page body is made when it is asked for (constant memory)."""

    def answer(request: Mapping[str, Any]) -> bytes:
        token = request.get("nextToken")
        start = 0 if token is None else int(str(token).removeprefix("page-")) * page_size
        return _page_body(start, page_size, total, page_size)

    return answer


class _RawBody:
    """The ``raw`` attribute botocore reads a response body from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, amt: int | None = None, decode_content: bool = True) -> Iterator[bytes]:
        """The whole body, at once."""
        yield self._body

    def read(self, amt: int | None = None) -> bytes:
        """The whole body."""
        return self._body

    def close(self) -> None:
        """Nothing to release."""


class CannedTransport:
    """A ``before-send`` handler answering each operation from its `Answer` function."""

    def __init__(self, answers: Mapping[str, Answer]) -> None:
        self._answers = dict(answers)
        self.requests = 0
        """How many requests it has answered."""

    def __call__(self, request: AWSPreparedRequest, event_name: str, **_: Any) -> AWSResponse:
        operation = event_name.rsplit(".", 1)[-1]
        body = request.body
        sent = json.loads(body) if isinstance(body, (bytes, str)) and body else {}
        payload = self._answers[operation](sent)
        self.requests += 1
        headers = HTTPHeaders()
        headers["content-type"] = "application/json"
        headers["x-amzn-requestid"] = "00000000-0000-0000-0000-000000000000"
        headers["content-length"] = str(len(payload))
        return AWSResponse(request.url, 200, headers, _RawBody(payload))


def canned_client(answers: Mapping[str, Answer]) -> tuple[Any, CannedTransport]:
    """A plain boto3 imagebuilder client (dummy credentials) answered by `answers`."""
    client = _SESSION.client(
        "imagebuilder",
        region_name=REGION,
        aws_access_key_id="benchmark",
        aws_secret_access_key="benchmark",
    )
    transport = CannedTransport(answers)
    # botocore's stubs say handlers return None; a before-send handler returns a response.
    client.meta.events.register("before-send.imagebuilder", transport)  # type: ignore[arg-type]
    return client, transport


def get_image_answer() -> Answer:
    """A `GetImage` answer: one fully populated `Image`, with its version references."""
    body = json.dumps(
        {
            "requestId": "req-get",
            "image": {**populated("Image", wire=True), "arn": IMAGE_ARN},
            "latestVersionReferences": populated("LatestVersionReferences", wire=True),
        }
    ).encode()
    return lambda _request: body
