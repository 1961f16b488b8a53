"""check_request: every rule of the service model, said in words, on the right parameter."""

from __future__ import annotations

import re
from typing import Any

import botocore.session
import pytest
from botocore.model import StructureShape
from hypothesis import given
from hypothesis import strategies as st

from imagebuilder_sdk._validation import check_request
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.idempotency import resolve_client_token

MODEL = botocore.session.get_session().get_service_model("imagebuilder")
COMPONENT = "arn:aws:imagebuilder:us-east-1:123456789012:component/hello/1.0.0/1"
INFRA = "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/infra"
NAME_PATTERN = re.compile(MODEL.shape_for("ResourceName").metadata["pattern"])


def shape(operation: str) -> StructureShape:
    """The input shape of an operation."""
    found = MODEL.operation_model(operation).input_shape
    assert found is not None
    return found


def component(**changes: Any) -> dict[str, Any]:
    """A valid CreateComponent request with some members changed (None drops one)."""
    request = {
        "name": "hello",
        "semanticVersion": "1.0.0",
        "platform": "Linux",
        "data": "x",
        "clientToken": "token-1",
        **changes,
    }
    return {key: value for key, value in request.items() if value is not None}


def refusal(operation: str, request: dict[str, Any]) -> ValidationError:
    """The ValidationError check_request raises for `request`."""
    with pytest.raises(ValidationError) as caught:
        check_request(shape(operation), request)
    return caught.value


def test_a_valid_request_passes() -> None:
    """A request that keeps every rule raises nothing."""
    check_request(shape("CreateComponent"), component())


def test_no_input_shape_checks_nothing() -> None:
    """An operation without input accepts an empty request."""
    check_request(None, {})


@pytest.mark.parametrize(
    ("member", "field"),
    [("name", "name"), ("semanticVersion", "semantic_version"), ("clientToken", "client_token")],
)
def test_a_missing_required_member_is_named(member: str, field: str) -> None:
    """A missing required member is reported in snake_case as required."""
    error = refusal("CreateComponent", component(**{member: None}))
    assert (error.field, error.rule) == (field, "is required")


def test_enum_values_are_listed() -> None:
    """A value outside an enum lists the allowed ones and keeps the value."""
    error = refusal("CreateComponent", component(platform="Solaris"))
    assert error.field == "platform"
    assert error.rule == "must be one of Windows, Linux, macOS; got 'Solaris'"
    assert error.value == "Solaris"


@pytest.mark.parametrize("name", ["ab", " abc", "abc ", "hello world!", "x" * 129])
def test_bad_names_get_the_name_rule(name: str) -> None:
    """A name breaking ResourceName is told the 3-128 characters rule."""
    error = refusal("CreateComponent", component(name=name))
    assert error.field == "name"
    assert error.rule.startswith("must be 3-128 characters of letters, digits")


@pytest.mark.parametrize("name", ["abc", "a b", "web-server_2", "x" * 128])
def test_good_names_pass(name: str) -> None:
    """Names the pattern admits pass, spaces inside included."""
    check_request(shape("CreateComponent"), component(name=name))


@given(st.one_of(st.text(max_size=12), st.from_regex(NAME_PATTERN, fullmatch=True)))
def test_name_check_agrees_with_the_model_pattern(name: str) -> None:
    """Any text passes the name check exactly when the model's pattern admits it."""
    if NAME_PATTERN.search(name) is not None:
        check_request(shape("CreateComponent"), component(name=name))
    else:
        assert refusal("CreateComponent", component(name=name)).field == "name"


def test_version_rule_in_words() -> None:
    """A malformed semantic version gets the major.minor.patch rule."""
    error = refusal("CreateComponent", component(semanticVersion="1.0"))
    assert error.rule == "must be a semantic version major.minor.patch (like 1.0.0); got '1.0'"


def test_wildcard_version_rule_mentions_the_wildcard() -> None:
    """Where the model allows wildcards, the rule says so."""
    request = {
        "name": "web",
        "semanticVersion": "1.0",
        "parentImage": "ami-1",
        "components": [{"componentArn": COMPONENT}],
        "clientToken": "t",
    }
    error = refusal("CreateImageRecipe", request)
    assert error.field == "semantic_version"
    assert "wildcard x" in error.rule


def test_arn_rule_names_the_kind_with_its_article() -> None:
    """An ARN of the wrong shape is told which kind it must be, in good English."""
    request = {"infrastructureConfigurationArn": INFRA, "imageRecipeArn": COMPONENT}
    error = refusal("CreateImage", {**request, "clientToken": "t"})
    assert error.field == "image_recipe_arn"
    assert error.rule.startswith("must be an image recipe ARN; got ")


def test_nested_members_are_named_by_path() -> None:
    """A bad member inside a list of structures is named with its index."""
    request = {
        "name": "web",
        "semanticVersion": "1.0.0",
        "parentImage": "ami-1",
        "components": [{"componentArn": COMPONENT}, {"componentArn": "nope"}],
        "clientToken": "t",
    }
    assert refusal("CreateImageRecipe", request).field == "components[1].component_arn"


def test_nested_required_members_are_named_by_path() -> None:
    """A missing member inside a nested structure is named with its path."""
    request = {
        "name": "web",
        "semanticVersion": "1.0.0",
        "parentImage": "ami-1",
        "components": [{}],
        "clientToken": "t",
    }
    error = refusal("CreateImageRecipe", request)
    assert (error.field, error.rule) == ("components[0].component_arn", "is required")


def test_list_length_limits() -> None:
    """A list shorter than the model's minimum is refused."""
    request = {"name": "web", "semanticVersion": "1.0.0", "parentImage": "ami-1"}
    error = refusal("CreateImageRecipe", {**request, "components": [], "clientToken": "t"})
    assert (error.field, error.rule) == ("components", "must have at least 1 item(s)")


def test_map_keys_and_values_are_checked() -> None:
    """An empty tag key and an over-long tag value are both refused, by path."""
    key = refusal("TagResource", {"resourceArn": COMPONENT, "tags": {"": "v"}})
    assert (key.field, key.rule) == ("tags key", "must not be empty")
    value = refusal("TagResource", {"resourceArn": COMPONENT, "tags": {"k": "v" * 257}})
    assert value.field == "tags['k']"
    assert value.rule == "must be at most 256 characters long, got 257"


@pytest.mark.parametrize(
    ("request_", "field", "rule"),
    [
        ({"maxResults": 0}, "max_results", "must be between 1 and 100, got 0"),
        ({"maxResults": 101}, "max_results", "must be between 1 and 100, got 101"),
        ({"maxResults": True}, "max_results", "must be an integer, got bool"),
        ({"maxResults": "5"}, "max_results", "must be an integer, got str"),
        ({"byName": "yes"}, "by_name", "must be true or false, got str"),
        ({"owner": 3}, "owner", "must be a string, got int"),
        ({"filters": {"name": "x"}}, "filters", "must be a list, got dict"),
        ({"filters": ["name"]}, "filters[0]", "must be a Filter, got str"),
    ],
)
def test_types_and_ranges(request_: dict[str, Any], field: str, rule: str) -> None:
    """Wrong types and numbers out of range are named and explained."""
    error = refusal("ListComponents", request_)
    assert (error.field, error.rule) == (field, rule)


def test_string_length_limits() -> None:
    """A string past the model's maximum is refused with the length."""
    error = refusal("CreateComponent", component(description="d" * 1025))
    assert (error.field, error.rule) == (
        "description",
        "must be at most 1024 characters long, got 1025",
    )


def test_empty_string_with_a_minimum_of_one() -> None:
    """An empty string where the model needs one character says it must not be empty."""
    error = refusal("CreateComponent", component(description=""))
    assert (error.field, error.rule) == ("description", "must not be empty")


def test_client_token_limit_is_the_models() -> None:
    """The token limit of idempotency and of the check is the model's ClientToken maximum."""
    limit = MODEL.shape_for("ClientToken").metadata["max"]
    assert resolve_client_token("t" * limit) == "t" * limit
    check_request(shape("CreateComponent"), component(clientToken="t" * limit))
    with pytest.raises(ValidationError):
        resolve_client_token("t" * (limit + 1))
    error = refusal("CreateComponent", component(clientToken="t" * (limit + 1)))
    assert error.field == "client_token"


def test_message_names_field_and_rule() -> None:
    """str() of the error is 'field: rule'."""
    error = refusal("CreateComponent", component(platform="BeOS"))
    assert str(error) == f"platform: {error.rule}"


def test_enum_rule_is_one_wording_with_the_right_spelling() -> None:
    """Enum refusals list the values, quote the value and suggest the spelling for a case slip."""
    from imagebuilder_sdk._validation import enum_rule

    assert enum_rule(["Windows", "Linux"], "linux") == (
        "must be one of Windows, Linux; got 'linux' (did you mean 'Linux'?)"
    )
    assert enum_rule(["Windows", "Linux"], "BSD") == "must be one of Windows, Linux; got 'BSD'"


def test_a_pattern_refusal_keeps_the_regex_as_an_attribute() -> None:
    """A tag key starting with aws: is refused in words; error.pattern holds the regex."""
    error = refusal("CreateComponent", component(tags={"aws:team": "x"}))
    assert error.field == "tags key"
    assert error.rule.startswith("must not start with 'aws:'")
    assert error.pattern == MODEL.shape_for("TagKey").metadata["pattern"]


@pytest.mark.parametrize(
    ("operation", "parent", "refused"),
    [
        ("CreateImageRecipe", "ami-0123456789abcdef0", False),
        ("CreateImageRecipe", "ami-1", True),
        ("CreateImageRecipe", COMPONENT, True),
        ("CreateContainerRecipe", "amazonlinux:2023", False),
        ("CreateContainerRecipe", "ami-0123456789abcdef0", True),
    ],
)
def test_parent_image_kinds(operation: str, parent: str, refused: bool) -> None:
    """check_request kind-checks parentImage by the recipe kind (see the reliability tests)."""
    request: dict[str, Any] = {
        "name": "web",
        "semanticVersion": "1.0.0",
        "parentImage": parent,
        "components": [{"componentArn": COMPONENT}],
        "clientToken": "t",
    }
    if operation == "CreateContainerRecipe":
        request |= {
            "containerType": "DOCKER",
            "targetRepository": {"service": "ECR", "repositoryName": "app"},
        }
    if refused:
        assert refusal(operation, request).field == "parent_image"
    else:
        check_request(shape(operation), request)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timeout": float("nan")}, "timeout"),
        ({"poll_interval": "5"}, "poll_interval"),
        ({"on_progress": 5}, "on_progress"),
        ({"progress": "yes"}, "progress"),
    ],
)
def test_wait_options(options: dict[str, Any], field: str) -> None:
    """check_wait_options refuses non-finite or non-numeric seconds, callbacks, switches."""
    from imagebuilder_sdk._validation import check_wait_options

    arguments: dict[str, Any] = {"timeout": 10.0, "poll_interval": 1.0, "on_progress": None}
    with pytest.raises(ValidationError) as caught:
        check_wait_options(**{**arguments, **options})
    assert caught.value.field == field


def test_botocore_unknown_nested_member_is_named_by_path() -> None:
    """botocore's 'Unknown parameter in components[0]: "bogus"' becomes components[0].bogus."""
    from botocore.exceptions import ParamValidationError

    from imagebuilder_sdk._translate import translate

    report = 'Unknown parameter in components[0]: "bogus", must be one of: componentArn'
    error = translate(ParamValidationError(report=report), "CreateImageRecipe")
    assert isinstance(error, ValidationError)
    assert error.field == "components[0].bogus"
    top = translate(ParamValidationError(report='Unknown parameter in input: "extra"'), "X")
    assert isinstance(top, ValidationError)
    assert top.field == "extra"
