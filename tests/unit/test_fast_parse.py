"""The generated answer parser (`imagebuilder_sdk._fast_parse`) gives exactly botocore's result.

Each test feeds the same answer to botocore's own ``RestJSONParser`` twice: once as
botocore does alone, and once the way the endpoint runs it with the SDK's
``before-parse`` handler registered (handler first, then the parser on what the
handler left, then botocore's merge of ``customized_response_dict``). Both must end
in the same value, compared strictly (types, key order, exceptions), for every output
shape of the service, on answers drawn from the service model with the noise real
answers can carry: ``null`` members and list items, unknown members, numbers and
booleans sent as text, wrong types.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any
from unittest import mock

import boto3
import botocore.parsers
import pytest
from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape
from botocore.parsers import RestJSONParser
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks._canned import IMAGE_ARN, CannedTransport, get_image_answer
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk import _fast_parse as fast_parse
from tests.strategies import SERVICE_MODEL, iso_dates

OPERATIONS = sorted(SERVICE_MODEL.operation_names)
HEADERS = {"x-amzn-RequestId": "req-1", "Content-Type": "application/json"}

_json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
_junk = st.recursive(
    _json_scalars | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)


def _maybe(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a well-formed value; now and then null or a value of another type."""
    return st.one_of(value, value, value, value, value, value, st.none(), _junk)


def _wire(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """A JSON value where `shape` is expected, as the service (or a broken proxy) sends it."""
    if isinstance(shape, StructureShape):
        if depth > 6:
            return st.just({})
        members = {name: _maybe(_wire(m, depth + 1)) for name, m in shape.members.items()}
        unknown = st.dictionaries(st.sampled_from(["extra", "futureMember"]), _junk, max_size=1)
        return st.tuples(st.fixed_dictionaries({}, optional=members), unknown).map(
            lambda pair: {**pair[1], **pair[0]}
        )
    if isinstance(shape, ListShape):
        return st.lists(_maybe(_wire(shape.member, depth + 1)), max_size=3)
    if isinstance(shape, MapShape):
        return st.dictionaries(
            st.text(max_size=4), _maybe(_wire(shape.value, depth + 1)), max_size=2
        )
    kind = shape.type_name
    if kind in ("integer", "long"):
        return st.integers(-(2**40), 2**40) | st.floats(-1e6, 1e6) | st.sampled_from(["7", "x"])
    if kind in ("double", "float"):
        return st.floats(allow_nan=False) | st.integers() | st.sampled_from(["1.5", "x"])
    if kind == "boolean":
        return st.booleans() | st.sampled_from(["true", "false", "TRUE", "yes", 1])
    if kind == "timestamp":
        return st.integers(0, 4_000_000_000) | st.floats(0, 4e9) | iso_dates() | st.just("soon")
    if kind == "string":
        enum = getattr(shape, "enum", None)
        return st.sampled_from(enum) if enum else st.text(max_size=8)
    raise NotImplementedError(kind)


def _output(operation: OperationModel) -> StructureShape:
    shape = operation.output_shape
    assert shape is not None
    return shape


def _strict(value: Any) -> Any:
    """`value` with every type and key order made visible, for a strict comparison."""
    if isinstance(value, dict):
        return ("dict", [(_strict(k), _strict(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_strict(v) for v in value])
    return (type(value).__name__, repr(value))


def _outcome(parse: Any) -> Any:
    try:
        return ("value", _strict(parse()))
    except Exception as error:  # both sides must fail alike
        return ("error", type(error).__name__, str(error))


def _botocore_alone(operation: OperationModel, body: bytes, status: int = 200) -> Any:
    answer = {"status_code": status, "headers": dict(HEADERS), "body": body}
    return _outcome(lambda: RestJSONParser().parse(answer, _output(operation)))


def _with_handler(
    operation: OperationModel, body: bytes, status: int = 200, *, timestamps: bool = True
) -> Any:
    answer = {"status_code": status, "headers": dict(HEADERS), "body": body}

    def run() -> Any:
        customized: dict[str, Any] = {}
        handler = fast_parse._BeforeParse(timestamps)
        handler(
            operation_model=operation, response_dict=answer, customized_response_dict=customized
        )
        parsed = RestJSONParser().parse(answer, _output(operation))
        parsed.update(customized)
        return parsed

    return _outcome(run)


@st.composite
def _answers(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(OPERATIONS))
    shape = _output(SERVICE_MODEL.operation_model(name))
    return name, json.dumps(draw(_wire(shape))).encode()


@settings(max_examples=250)
@given(_answers())
def test_equal_to_botocore_on_drawn_answers(answer: tuple[str, bytes]) -> None:
    """Any answer, any operation: the same dicts (or the same error) as botocore alone."""
    name, body = answer
    operation = SERVICE_MODEL.operation_model(name)
    assert _with_handler(operation, body) == _botocore_alone(operation, body)


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_output_shape_is_parsed_here(name: str) -> None:
    """All 77 output shapes get a generated parser (none left to botocore's walk).

    With the client's timestamp parser left at botocore's default, nothing in this
    service's answers needs botocore: no blobs, documents, unions, renamed members or
    header members in any output shape.
    """
    operation = SERVICE_MODEL.operation_model(name)
    assert fast_parse.parser_for(operation) is not None


@pytest.mark.parametrize("name", OPERATIONS)
@settings(max_examples=5)
@given(data=st.data())
def test_each_operation_equal_to_botocore(name: str, data: st.DataObject) -> None:
    """A few drawn answers of every operation, so no shape is missed by chance."""
    operation = SERVICE_MODEL.operation_model(name)
    body = json.dumps(data.draw(_wire(_output(operation)))).encode()
    assert _with_handler(operation, body) == _botocore_alone(operation, body)


def _timestamp_operations() -> Iterator[str]:
    for name in OPERATIONS:
        operation = SERVICE_MODEL.operation_model(name)
        if fast_parse.parser_for(operation, timestamps=False) is None:
            yield name


def test_without_default_timestamps_botocore_parses_shapes_with_timestamps() -> None:
    """With another timestamp parser, answers with timestamps go to botocore untouched."""
    names = list(_timestamp_operations())
    assert "GetImage" in names
    assert "ListImages" not in names
    operation = SERVICE_MODEL.operation_model("GetImage")
    body = json.dumps({"image": {"name": "x", "deprecationTime": 1.5}}).encode()
    answer = {"status_code": 200, "headers": {}, "body": body}
    customized: dict[str, Any] = {}
    fast_parse._BeforeParse(False)(
        operation_model=operation, response_dict=answer, customized_response_dict=customized
    )
    assert customized == {}
    assert answer["body"] == body


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, b'{"message": "bad"}'),
        (500, b""),
        (503, b"<html>busy</html>"),
        (200, b"not json"),
        (200, b"[1, 2]"),
        (200, b'"text"'),
        (200, b"\xff\xfe"),
        (200, b'{"image": "not an object"}'),
        (200, b'{"image": {"buildType": 1, "osVersion": {}}, "requestId": 3}'),
    ],
)
def test_errors_and_broken_bodies_as_botocore(status: int, body: bytes) -> None:
    """Errors, bodies that are not a JSON object, and wrong types end as botocore's do."""
    operation = SERVICE_MODEL.operation_model("GetImage")
    assert _with_handler(operation, body, status) == _botocore_alone(operation, body, status)


def _client(**config: Any) -> Any:
    return boto3.session.Session().client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        **config,
    )


def _answer_with(client: Any, body: bytes) -> None:
    """Answer `client`'s `GetImage` calls with `body` (no network)."""
    transport = CannedTransport({"GetImage": lambda _request: body})
    client.meta.events.register("before-send.imagebuilder", transport)


#: A small answer with the one timestamp member of an image.
IMAGE_BODY = json.dumps(
    {
        "requestId": "r",
        "image": {
            "arn": "arn:aws:imagebuilder:us-east-1:123456789012:image/a/1.0.0/1",
            "name": "a",
            "version": "1.0.0",
            "deprecationTime": 1767323045.678,
            "outputResources": {"amis": [{"region": "us-east-1", "image": "ami-1"}]},
        },
    }
).encode()


def test_a_wrapped_client_answers_as_botocore_without_walking_the_shape() -> None:
    """`ImageBuilder(client)` installs the parser: raw calls on that client return the same
    dicts as on a client without it, while botocore's shape walk no longer runs per member.
    """
    plain, wrapped = _client(), _client()
    for client in (plain, wrapped):
        _answer_with(client, IMAGE_BODY)
    ImageBuilder(wrapped)
    ImageBuilder(wrapped)  # installing twice registers one handler
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/a/1.0.0/1"
    parser: Any = RestJSONParser  # botocore's stubs leave out its private handlers
    walk = parser._handle_structure
    with mock.patch.object(parser, "_handle_structure", autospec=True, side_effect=walk) as spy:
        expected = plain.get_image(imageBuildVersionArn=arn)
        walked_alone = spy.call_count
        spy.reset_mock()
        got = wrapped.get_image(imageBuildVersionArn=arn)
    assert _strict(got) == _strict(expected)
    # The answer, the image, its outputs and one AMI; then only the emptied body.
    assert walked_alone == 4
    assert spy.call_count == 1


def test_typed_answer_unchanged() -> None:
    """The SDK's typed `Image` is the same with the generated parser as without it."""
    full = get_image_answer()({})  # every member of the image filled in
    wrapped = _client()
    _answer_with(wrapped, full)
    fast = ImageBuilder(wrapped).images.get(IMAGE_ARN)
    with mock.patch.object(fast_parse, "install"):
        plain = _client()
        _answer_with(plain, full)
        slow = ImageBuilder(plain).images.get(IMAGE_ARN)
    assert fast == slow
    assert fast.deprecation_time is not None
    assert fast.deprecation_time.year == 2026


def test_botocore_debug_log_sees_the_body() -> None:
    """While botocore's parser logs at debug level, it parses (and logs) the body itself."""
    operation = SERVICE_MODEL.operation_model("GetImage")
    answer = {"status_code": 200, "headers": {}, "body": IMAGE_BODY}
    customized: dict[str, Any] = {}
    logger = logging.getLogger("botocore.parsers")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        fast_parse._BeforeParse(True)(
            operation_model=operation, response_dict=answer, customized_response_dict=customized
        )
    finally:
        logger.setLevel(previous)
    assert customized == {}
    assert answer["body"] == IMAGE_BODY


def test_a_changed_timestamp_parser_is_respected() -> None:
    """A session that keeps timestamps as sent (as the AWS CLI's does) still gets them so."""
    session = boto3.session.Session()
    factory = session._session.get_component("response_parser_factory")  # botocore's own knob
    custom = botocore.parsers.ResponseParserFactory()
    custom.set_parser_defaults(timestamp_parser=lambda value: value)
    session._session.register_component("response_parser_factory", custom)
    try:
        client = session.client(
            "imagebuilder",
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
    finally:
        session._session.register_component("response_parser_factory", factory)
    _answer_with(client, IMAGE_BODY)
    ImageBuilder(client)
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/a/1.0.0/1"
    assert client.get_image(imageBuildVersionArn=arn)["image"]["deprecationTime"] == 1767323045.678
    assert fast_parse._default_timestamps(client) is False
    assert fast_parse._default_timestamps(_client()) is True
