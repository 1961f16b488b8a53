"""The REST-JSON layer on a small made-up model: every member location and scalar type.

Image Builder's own inputs only use URI, query string and body members; these tests
hold the rest of the protocol (headers, typed query members, output headers and status
codes) to what botocore does with them.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.model import ServiceModel
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

from imagebuilder_sdk.testing._protocol import HttpRequest, ProtocolError, RestJsonProtocol

_STRING: dict[str, Any] = {"type": "string"}

TINY: dict[str, Any] = {
    "version": "2.0",
    "metadata": {
        "apiVersion": "2020-01-01",
        "endpointPrefix": "tiny",
        "protocol": "rest-json",
        "serviceId": "tiny",
        "signatureVersion": "v4",
        "uid": "tiny-2020-01-01",
    },
    "operations": {
        "GetThing": {
            "name": "GetThing",
            "http": {"method": "GET", "requestUri": "/things/{id}/parts/{part}"},
            "input": {"shape": "GetThingRequest"},
            "output": {"shape": "GetThingResponse"},
            "errors": [{"shape": "BadThing"}],
        }
    },
    "shapes": {
        "GetThingRequest": {
            "type": "structure",
            "required": ["id", "part"],
            "members": {
                "id": {"shape": "String", "location": "uri", "locationName": "id"},
                "part": {"shape": "String", "location": "uri", "locationName": "part"},
                "limit": {"shape": "Int", "location": "querystring", "locationName": "max"},
                "deep": {"shape": "Bool", "location": "querystring", "locationName": "deep"},
                "ratio": {"shape": "Dbl", "location": "querystring", "locationName": "ratio"},
                "token": {"shape": "String", "location": "header", "locationName": "X-Token"},
            },
        },
        "GetThingResponse": {
            "type": "structure",
            "members": {
                "name": {"shape": "String"},
                "etag": {"shape": "String", "location": "header", "locationName": "ETag"},
                "code": {"shape": "Int", "location": "statusCode"},
            },
        },
        "BadThing": {
            "type": "structure",
            "members": {"message": {"shape": "String"}},
            "error": {"httpStatusCode": 418},
            "exception": True,
        },
        "String": _STRING,
        "Int": {"type": "integer"},
        "Bool": {"type": "boolean"},
        "Dbl": {"type": "double"},
    },
}


@pytest.fixture(scope="module")
def tiny() -> RestJsonProtocol:
    """A protocol over the made-up model."""
    return RestJsonProtocol(ServiceModel(TINY, "tiny"))


def test_uri_query_and_header_members_come_back_typed(tiny: RestJsonProtocol) -> None:
    """Integers, booleans, doubles and headers are read back as botocore sent them."""
    model = tiny.service_model
    params = {"id": "a b", "part": "p/1", "limit": 7, "deep": True, "ratio": 0.5, "token": "t"}
    sent = create_serializer("rest-json").serialize_to_request(
        params, model.operation_model("GetThing")
    )
    target = sent["url_path"] + "?" + percent_encode_sequence(sent["query_string"])
    request = HttpRequest(sent["method"], target, sent["headers"], sent["body"])
    assert tiny.parse(request) == ("GetThing", params)


def test_non_numeric_query_integer_is_refused(tiny: RestJsonProtocol) -> None:
    """A query value that is not the member's number type is a 400 naming the member."""
    with pytest.raises(ProtocolError) as caught:
        tiny.parse(HttpRequest("GET", "/things/a/parts/b?max=ten"))
    assert caught.value.status == 400
    assert "limit" in caught.value.message


def test_non_boolean_query_value_is_refused(tiny: RestJsonProtocol) -> None:
    """A boolean query member accepts only true or false."""
    with pytest.raises(ProtocolError):
        tiny.parse(HttpRequest("GET", "/things/a/parts/b?deep=maybe"))


def test_header_names_match_case_insensitively(tiny: RestJsonProtocol) -> None:
    """Header members are found whatever case the client used."""
    request = HttpRequest("GET", "/things/a/parts/b", {"x-token": "t"})
    assert tiny.parse(request)[1]["token"] == "t"


def test_header_and_status_code_outputs_leave_the_body(tiny: RestJsonProtocol) -> None:
    """Output members located in a header or the status code are sent there."""
    result = {"name": "n", "etag": "e-1", "code": 201}
    response = tiny.response("GetThing", result, request_id="r")
    output = tiny.service_model.operation_model("GetThing").output_shape
    assert output is not None
    raw = {"status_code": response.status, "headers": response.headers, "body": response.body}
    answer = create_parser("rest-json").parse(raw, output)
    assert (response.status, answer["name"], answer["etag"]) == (201, "n", "e-1")


def test_error_shapes_of_another_model_give_their_status(tiny: RestJsonProtocol) -> None:
    """Status codes are looked up in whichever model the protocol was built on."""
    assert tiny.error("BadThing", "m", "r").status == 418
