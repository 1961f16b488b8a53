"""The REST-JSON layer: routing and reading requests the way botocore writes them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.model import ServiceModel, Shape, StructureShape
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

from imagebuilder_sdk.testing._protocol import (
    MAX_BODY_BYTES,
    HttpRequest,
    ProtocolError,
    RestJsonProtocol,
)
from tests.emulator.conftest import OPERATIONS

ARN = "arn:aws:imagebuilder:us-east-1:123456789012:component/my-component/1.0.0/1"


@pytest.fixture(scope="module")
def protocol() -> RestJsonProtocol:
    """One protocol built from the installed service model."""
    return RestJsonProtocol()


def sample(shape: Shape, name: str, depth: int = 0) -> Any:
    """A value the model accepts for `shape` (every member near the top, required below)."""
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        names = shape.members if depth < 3 else shape.required_members
        return {n: sample(shape.members[n], n, depth + 1) for n in names}
    if kind == "list":
        return [sample(shape.member, name, depth + 1)]  # type: ignore[attr-defined]
    if kind == "map":
        return {"key": sample(shape.value, name, depth + 1)}  # type: ignore[attr-defined]
    if kind in ("integer", "long"):
        return max(int(shape.metadata.get("min", 1)), 1)
    if kind == "boolean":
        return True
    if kind in ("float", "double"):
        return 1.5
    if kind == "timestamp":
        return 1764237600  # epoch seconds: what rest-json puts in a body
    enum = shape.metadata.get("enum")
    if enum:
        return enum[0]
    text = f"{name}-value/with:odd chars+"
    return text.ljust(int(shape.metadata.get("min", 0)), "x")


def as_sent(operation: str, params: dict[str, Any], model: ServiceModel) -> HttpRequest:
    """The HTTP request botocore's own rest-json serializer makes for `params`."""
    serialized = create_serializer("rest-json").serialize_to_request(
        params, model.operation_model(operation)
    )
    query = percent_encode_sequence(serialized["query_string"])
    target = serialized["url_path"] + (f"?{query}" if query else "")
    return HttpRequest(serialized["method"], target, serialized["headers"], serialized["body"])


@pytest.mark.parametrize("operation", OPERATIONS)
def test_each_operation_reads_back_what_botocore_sends(
    operation: str, protocol: RestJsonProtocol, service_model: ServiceModel
) -> None:
    """Every member botocore puts in the URI, query string or body comes back unchanged."""
    shape = service_model.operation_model(operation).input_shape
    params = sample(shape, operation) if shape is not None else {}
    assert protocol.parse(as_sent(operation, params, service_model)) == (operation, params)


def test_every_model_operation_has_a_route(
    protocol: RestJsonProtocol, service_model: ServiceModel
) -> None:
    """Routes come from the model: each of its operations is reached by its own request."""
    for operation in service_model.operation_names:
        http = service_model.operation_model(operation).http
        path = http["requestUri"].replace("{resourceArn}", "arn%3Ax")
        assert protocol.route(http["method"], path)[0].name == operation


def test_the_operation_list_names_77_model_operations(service_model: ServiceModel) -> None:
    """The implemented operations are 77 distinct names of the service model."""
    assert len(set(OPERATIONS)) == 77
    assert set(OPERATIONS) <= set(service_model.operation_names)


def test_resource_arn_label_is_percent_decoded(protocol: RestJsonProtocol) -> None:
    """The ARN in /tags/{resourceArn} arrives encoded (colons, slashes) and is decoded."""
    encoded = ARN.replace(":", "%3A").replace("/", "%2F")
    operation, params = protocol.parse(HttpRequest("GET", f"/tags/{encoded}"))
    assert (operation, params) == ("ListTagsForResource", {"resourceArn": ARN})


def test_resource_arn_with_raw_slashes_still_routes(protocol: RestJsonProtocol) -> None:
    """A hand-written request with unencoded slashes in the ARN reaches the tag routes."""
    operation, params = protocol.parse(HttpRequest("GET", f"/tags/{ARN}"))
    assert (operation, params) == ("ListTagsForResource", {"resourceArn": ARN})


def test_repeated_query_keys_become_a_list(protocol: RestJsonProtocol) -> None:
    """UntagResource's tagKeys arrive as repeated query keys and become a list."""
    request = HttpRequest("DELETE", "/tags/arn%3Ax?tagKeys=a&tagKeys=b%20c&tagKeys=d%2Be")
    _, params = protocol.parse(request)
    assert params == {"resourceArn": "arn:x", "tagKeys": ["a", "b c", "d+e"]}


def test_unknown_path_is_404(protocol: RestJsonProtocol) -> None:
    """A path no operation uses is refused with 404 UnknownOperationException."""
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("PUT", "/CreateSpaceship", body=b"{}"))
    assert (caught.value.status, caught.value.code) == (404, "UnknownOperationException")


def test_wrong_method_is_405_with_allow_header(protocol: RestJsonProtocol) -> None:
    """A known path with the wrong method is refused with 405 and an Allow header."""
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("GET", "/CreateComponent"))
    assert caught.value.status == 405
    assert caught.value.headers == {"Allow": "PUT"}


def test_tag_routes_allow_their_three_methods(protocol: RestJsonProtocol) -> None:
    """/tags/{arn} answers GET, POST and DELETE; PUT is refused with all three allowed."""
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("PUT", "/tags/arn%3Ax"))
    assert caught.value.headers == {"Allow": "DELETE, GET, POST"}


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe", b"[1, 2]", b'"text"'])
def test_body_that_is_not_a_json_object_is_400(protocol: RestJsonProtocol, body: bytes) -> None:
    """Malformed JSON, bad UTF-8 or a non-object body is a 400 SerializationException."""
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("POST", "/ListComponents", body=body))
    assert (caught.value.status, caught.value.code) == (400, "SerializationException")
    assert caught.value.operation == "ListComponents"


def test_oversized_body_is_413(protocol: RestJsonProtocol) -> None:
    """A body over MAX_BODY_BYTES is refused with 413 before it is parsed."""
    body = b" " * (MAX_BODY_BYTES + 1)
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("PUT", "/CreateComponent", body=body))
    assert caught.value.status == 413


def test_missing_required_member_is_invalid_request(protocol: RestJsonProtocol) -> None:
    """A request without a required member is a 400 InvalidRequestException naming it."""
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("GET", "/GetComponent"))
    assert (caught.value.status, caught.value.code) == (400, "InvalidRequestException")
    assert "componentBuildVersionArn" in caught.value.message


def test_tag_operations_report_invalid_parameter(protocol: RestJsonProtocol) -> None:
    """Operations without InvalidRequestException use their InvalidParameterException."""
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("POST", "/tags/arn%3Ax", body=b'{"tags": 3}'))
    assert caught.value.code == "InvalidParameterException"


def test_wrongly_typed_body_member_is_invalid_request(protocol: RestJsonProtocol) -> None:
    """A member of the wrong JSON type is refused rather than handed to the backend."""
    body = json.dumps({"maxResults": "ten"}).encode()
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("POST", "/ListComponents", body=body))
    assert caught.value.code == "InvalidRequestException"


def test_unknown_body_members_are_refused(protocol: RestJsonProtocol) -> None:
    """Members the model does not know are a 400 naming them, not silently dropped."""
    body = json.dumps({"maxResults": 5, "futureFlag": True}).encode()
    with pytest.raises(ProtocolError) as caught:
        protocol.parse(HttpRequest("POST", "/ListComponents", body=body))
    assert caught.value.status == 400
    assert "futureFlag" in str(caught.value)


def test_empty_body_means_no_members(protocol: RestJsonProtocol) -> None:
    """An empty body is read as an empty JSON object."""
    assert protocol.parse(HttpRequest("POST", "/ListImages")) == ("ListImages", {})
