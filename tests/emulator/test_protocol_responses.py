"""The REST-JSON layer: answers and errors, read back by botocore's own parser."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.model import ServiceModel
from botocore.parsers import create_parser

from imagebuilder_sdk.testing._protocol import HttpResponse, RestJsonProtocol


@pytest.fixture(scope="module")
def protocol() -> RestJsonProtocol:
    """One protocol built from the installed service model."""
    return RestJsonProtocol()


def parsed(response: HttpResponse, operation: str, model: ServiceModel) -> dict[str, Any]:
    """What botocore's rest-json parser makes of a response."""
    output = model.operation_model(operation).output_shape
    assert output is not None
    raw = {"status_code": response.status, "headers": response.headers, "body": response.body}
    result: dict[str, Any] = create_parser("rest-json").parse(raw, output)
    return result


def test_output_members_go_to_the_json_body(protocol: RestJsonProtocol) -> None:
    """Output members are written to the JSON body under their model names."""
    result = {"requestId": "r-1", "policy": "{}"}
    response = protocol.response("GetImagePolicy", result, request_id="r-1")
    assert (response.status, json.loads(response.body)) == (200, result)


def test_members_outside_the_output_shape_are_not_sent(protocol: RestJsonProtocol) -> None:
    """Only members of the output shape reach the wire; None values are left out."""
    result = {"requestId": "r-1", "policy": None, "internalNote": "x"}
    response = protocol.response("GetImagePolicy", result, request_id="r-1")
    assert json.loads(response.body) == {"requestId": "r-1"}


def test_response_carries_request_id_header(protocol: RestJsonProtocol) -> None:
    """Every answer has an x-amzn-requestid header and a JSON content type."""
    response = protocol.response("ListComponents", {}, request_id="req-42")
    assert response.headers["x-amzn-requestid"] == "req-42"
    assert response.headers["Content-Type"] == "application/json"


def test_botocore_parses_an_answer_with_its_request_id(
    protocol: RestJsonProtocol, service_model: ServiceModel
) -> None:
    """botocore reads the body members and puts the request id in ResponseMetadata."""
    result = {"requestId": "r-7", "componentSummaryList": [], "nextToken": "t"}
    answer = parsed(
        protocol.response("ListComponents", result, "r-7"), "ListComponents", service_model
    )
    assert answer["nextToken"] == "t"
    assert answer["ResponseMetadata"]["RequestId"] == "r-7"


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("ResourceNotFoundException", 404),
        ("CallRateLimitExceededException", 429),
        ("ServiceQuotaExceededException", 402),
        ("ServiceUnavailableException", 503),
        ("InvalidRequestException", 400),
        ("ThrottlingException", 400),
    ],
)
def test_error_status_comes_from_the_model(
    protocol: RestJsonProtocol, code: str, status: int
) -> None:
    """An error's status is its shape's httpStatusCode; codes outside the model get 400."""
    assert protocol.error(code, "m", "r").status == status


def test_botocore_reads_code_message_and_request_id_of_an_error(
    protocol: RestJsonProtocol, service_model: ServiceModel
) -> None:
    """The errortype header and message body give botocore the right Error dict."""
    response = protocol.error("ResourceInUseException", "in use by a pipeline", "r-9")
    answer = parsed(response, "DeleteImageRecipe", service_model)
    assert answer["Error"] == {"Code": "ResourceInUseException", "Message": "in use by a pipeline"}
    assert answer["ResponseMetadata"]["RequestId"] == "r-9"
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_error_can_override_status_and_add_headers(protocol: RestJsonProtocol) -> None:
    """Protocol-level errors (405) keep their own status and extra headers."""
    response = protocol.error(
        "MethodNotAllowedException", "no", "r", status=405, headers={"Allow": "PUT"}
    )
    assert (response.status, response.headers["Allow"]) == (405, "PUT")
