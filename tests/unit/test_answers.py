"""What an answer must contain: the guaranteed-members check, in the caller and the converter.

The table of members the service always sends (tools/guaranteed_members.py, with the
evidence per row) decides both the models' non-Optional attributes and what an answer
must contain. The example answers used here are AWS's own, transcribed from the AWS CLI
examples (`awscli/examples/imagebuilder/*.rst`), source noted per answer.
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.stub import ANY, Stubber
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import ImageBuilder, models
from imagebuilder_sdk._answers import missing_member
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.convert._wire import GUARANTEED
from imagebuilder_sdk.errors import IncompleteResponseError, StructureError
from imagebuilder_sdk.retry import RetryPolicy
from tools.generate_models import OPERATIONS
from tools.guaranteed_members import EXAMPLE_ANSWERS

COMPONENT = "arn:aws:imagebuilder:us-east-1:123456789012:component/hello/1.0.0/1"
SERVICE = botocore.session.get_session().get_service_model("imagebuilder")

#: AWS's example answers of the operations the SDK covers today.
COVERED = [answer for answer in EXAMPLE_ANSWERS if answer[0] in OPERATIONS]


def _stubbed() -> tuple[ImageBuilder, Stubber]:
    client = boto3.session.Session().client(
        "imagebuilder",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    policy = RetryPolicy(max_attempts=3, sleep=lambda _: None, random=lambda: 0.0)
    return ImageBuilder(client, retry=policy), Stubber(client)


def _component() -> dict[str, Any]:
    return {
        "arn": COMPONENT,
        "name": "hello",
        "version": "1.0.0",
        "type": "BUILD",
        "platform": "Linux",
        "owner": "123456789012",
        "dateCreated": "2026-11-27T10:15:30.123Z",
        "data": "name: hello\n",
    }


def test_an_answer_without_its_resource_is_retried_then_raised_typed() -> None:
    """GetComponent answered three times without `component`: IncompleteResponseError."""
    ib, stub = _stubbed()
    for _ in range(3):
        stub.add_response("get_component", {"requestId": "r-1"}, {"componentBuildVersionArn": ANY})
    with stub, pytest.raises(IncompleteResponseError) as caught:
        ib.components.get(COMPONENT)
    error = caught.value
    assert (error.operation, error.shape, error.member) == (
        "GetComponent",
        "GetComponentResponse",
        "component",
    )
    assert error.attempts == 3
    stub.assert_no_pending_responses()


def test_a_cut_answer_is_asked_for_again_and_the_second_one_is_used() -> None:
    """An empty first answer to GetComponent is retried; the complete second one is returned."""
    ib, stub = _stubbed()
    stub.add_response("get_component", {}, {"componentBuildVersionArn": ANY})
    stub.add_response(
        "get_component", {"component": _component()}, {"componentBuildVersionArn": ANY}
    )
    with stub:
        component = ib.components.get(COMPONENT)
    assert component.arn == COMPONENT


def test_a_retried_create_keeps_its_client_token() -> None:
    """CreateComponent answered without the ARN is sent again with the same clientToken."""
    ib, stub = _stubbed()
    tokens: list[str] = []
    stub.client.meta.events.register(
        "before-parameter-build.imagebuilder.CreateComponent",
        lambda params, **_: tokens.append(params["clientToken"]),
    )
    stub.add_response("create_component", {"requestId": "r"}, ANY_CREATE)
    stub.add_response(
        "create_component", {"componentBuildVersionArn": COMPONENT, "requestId": "r"}, ANY_CREATE
    )
    stub.add_response(
        "get_component", {"component": _component()}, {"componentBuildVersionArn": ANY}
    )
    with stub:
        ib.components.create(
            name="hello",
            semantic_version="1.0.0",
            platform="Linux",
            data="x: 1",
            validate_document=False,
        )
    assert len(tokens) == 2
    assert tokens[0] == tokens[1]


ANY_CREATE = {
    "name": ANY,
    "semanticVersion": ANY,
    "platform": ANY,
    "data": ANY,
    "clientToken": ANY,
}


def test_a_nested_missing_member_is_named_by_its_path() -> None:
    """A listed image without `arn` is reported at `imageVersionList[1].arn`."""
    operation = SERVICE.operation_model("ListImages")
    item = {
        "arn": "arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0",
        "name": "web",
        "version": "1.0.0",
        "type": "AMI",
        "platform": "Linux",
        "owner": "123456789012",
        "dateCreated": "2026-11-27T10:15:30.123Z",
    }
    answer = {"imageVersionList": [item, {k: v for k, v in item.items() if k != "arn"}]}
    found = missing_member(operation, answer)
    assert found is not None
    assert found[1:] == ("arn", "imageVersionList[1].arn")


def test_a_listing_page_without_its_items_is_an_error_not_a_short_listing() -> None:
    """A page that lacks `componentVersionList` is refused, not read as an empty page."""
    operation = SERVICE.operation_model("ListComponents")
    assert missing_member(operation, {"nextToken": "t"}) == (
        "ListComponentsResponse",
        "componentVersionList",
        "componentVersionList",
    )
    assert missing_member(operation, {"componentVersionList": []}) is None


def test_the_converter_names_a_missing_guaranteed_member() -> None:
    """Structuring a Component without `arn` raises StructureError naming Component.arn."""
    data = {k: v for k, v in _component().items() if k != "arn"}
    with pytest.raises(StructureError) as caught:
        converter.structure(data, models.Component)
    assert (caught.value.shape, caught.value.member) == ("Component", "arn")


def test_a_member_botocore_requires_but_aws_omits_is_optional() -> None:
    """AWS's GetDistributionConfiguration example has no timeoutMinutes: it structures, and
    unstructuring does not invent it (aws-cli get-distribution-configuration.rst)."""
    answer = next(a for op, _, a in COVERED if op == "GetDistributionConfiguration")
    data: Any = answer["distributionConfiguration"]
    assert "timeoutMinutes" not in data
    model = converter.structure(data, models.DistributionConfiguration)
    assert model.timeout_minutes is None
    assert "timeoutMinutes" not in converter.unstructure(model)


def test_the_example_answers_cover_many_operations() -> None:
    """At least 25 of AWS's published answers are transcribed for the 49 operations."""
    assert len(COVERED) >= 25
    assert len({op for op, _, _ in COVERED}) >= 25


def _thin(shape: Shape, value: Any, draw: Any) -> Any:
    """`value` with members the table does not guarantee left out at random, recursively."""
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        kept = {}
        for name, member in shape.members.items():
            if name not in value:
                continue
            if name in GUARANTEED.get(shape.name, ()) or draw(st.booleans()):
                kept[name] = _thin(member, value[name], draw)
        return kept
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_thin(shape.member, item, draw) for item in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {k: _thin(shape.value, v, draw) for k, v in value.items()}
    return value


def _structure_members(shape: StructureShape, answer: dict[str, Any]) -> int:
    """Structure each model-typed member of an answer; return how many models were built."""
    built = 0
    for name, member in shape.members.items():
        value = answer.get(name)
        if value is None:
            continue
        if isinstance(member, StructureShape):
            converter.structure(value, getattr(models, member.name))
            built += 1
        elif isinstance(member, ListShape) and isinstance(member.member, StructureShape):
            cls = getattr(models, member.member.name)
            built += len([converter.structure(item, cls) for item in value])
    return built


@settings(max_examples=60)
@given(data=st.data(), index=st.integers(0, max(len(COVERED) - 1, 0)))
def test_aws_example_answers_structure_with_optional_members_left_out(
    data: st.DataObject, index: int
) -> None:
    """Every AWS example answer, thinned at random, passes the check and structures."""
    operation_name, source, answer = COVERED[index]
    operation = SERVICE.operation_model(operation_name)
    shape = operation.output_shape
    assert isinstance(shape, StructureShape)
    thinned = _thin(shape, copy.deepcopy(answer), data.draw)
    assert missing_member(operation, thinned) is None, source
    _structure_members(shape, thinned)


def test_the_error_tree_depends_on_nothing_in_the_package() -> None:
    """errors.py imports no other module of imagebuilder_sdk (no import cycle through models)."""
    source = Path(__file__).resolve().parents[2] / "src" / "imagebuilder_sdk" / "errors.py"
    imported = []
    for node in ast.walk(ast.parse(source.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
    assert [name for name in imported if name.startswith("imagebuilder_sdk")] == []
