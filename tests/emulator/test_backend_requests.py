"""Backend tests for what every request goes through: checks, idempotency, threads."""

from __future__ import annotations

import threading
import uuid

from imagebuilder_sdk.testing._backend import Backend
from tests.emulator.conftest import OPERATIONS as ALL_OPERATIONS
from tests.emulator.test_backend_support import AL2023, LINUX_DOC, MODEL, Api

ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"
OPERATIONS = frozenset(ALL_OPERATIONS)


def _component_request(**extra: object) -> dict[str, object]:
    return {
        "name": "hello",
        "semanticVersion": "1.0.0",
        "platform": "Linux",
        "data": LINUX_DOC,
        "clientToken": "token-1",
        **extra,
    }


def test_backend_implements_the_77_operations() -> None:
    """dispatch knows exactly the 77 operations, all of them in the service model."""
    assert len(OPERATIONS) == 77
    assert Backend().operations == OPERATIONS
    assert set(OPERATIONS) <= set(MODEL.operation_names)


def test_unknown_operation_is_refused() -> None:
    """A name that is no operation of the service raises InvalidRequestException.

    (An operation the service has but the emulator lacks is a 501: test_unimplemented.)
    """
    assert Api().raw_error("MakeCoffee").code == "InvalidRequestException"


def test_missing_required_member_is_named() -> None:
    """A request without a required member is refused, naming the member."""
    request = _component_request()
    del request["platform"]
    error = Api().raw_error("CreateComponent", **request)
    assert error.code == "InvalidRequestException"
    assert "'platform'" in error.message


def test_missing_nested_member_is_named() -> None:
    """A missing member inside a list entry is named with its path."""
    error = Api().raw_error(
        "CreateImageRecipe",
        name="web",
        semanticVersion="1.0.0",
        parentImage=AL2023,
        components=[{"parameters": []}],
        clientToken="t",
    )
    assert "components[0].componentArn" in error.message


def test_wrong_json_type_is_refused() -> None:
    """A number where a string belongs raises InvalidRequestException."""
    error = Api().raw_error("CreateComponent", **_component_request(name=42))
    assert error.code == "InvalidRequestException"
    assert "'name'" in error.message


def test_boolean_is_not_an_integer() -> None:
    """true is not accepted as maxResults."""
    assert Api().raw_error("ListComponents", maxResults=True).code == "InvalidRequestException"


def test_unknown_enum_value_is_refused() -> None:
    """A platform the model does not list raises InvalidParameterValueException."""
    error = Api().raw_error("CreateComponent", **_component_request(platform="Solaris"))
    assert error.code == "InvalidParameterValueException"
    assert "'platform'" in error.message


def test_max_results_out_of_range_is_refused() -> None:
    """maxResults outside 1..100 raises InvalidParameterValueException."""
    api = Api()
    assert api.raw_error("ListComponents", maxResults=0).code == "InvalidParameterValueException"
    assert api.raw_error("ListImages", maxResults=101).code == "InvalidParameterValueException"


def test_malformed_arn_is_refused() -> None:
    """An ARN that does not match its pattern raises InvalidParameterValueException."""
    error = Api().raw_error("GetImageRecipe", imageRecipeArn="arn:aws:s3:::bucket")
    assert error.code == "InvalidParameterValueException"
    assert "imageRecipeArn" in error.message


def test_bad_tag_request_uses_invalid_parameter() -> None:
    """Tag operations refuse bad input with InvalidParameterException, as modelled."""
    error = Api().raw_error("TagResource", resourceArn="not-an-arn", tags={"a": "b"})
    assert error.code == "InvalidParameterException"


def test_same_token_and_request_returns_the_first_answer() -> None:
    """A repeated request with its token returns the same ARN and creates nothing."""
    api = Api()
    first = api("CreateComponent", **_component_request())
    second = api("CreateComponent", **_component_request())
    assert second["componentBuildVersionArn"] == first["componentBuildVersionArn"]
    assert second["clientToken"] == "token-1"
    assert len(api("ListComponents")["componentVersionList"]) == 1


def test_same_token_with_another_request_is_a_mismatch() -> None:
    """Reusing a token for a different request raises IdempotentParameterMismatchException."""
    api = Api()
    api("CreateComponent", **_component_request())
    error = api.error("CreateComponent", **_component_request(semanticVersion="2.0.0"))
    assert error.code == "IdempotentParameterMismatchException"


def test_failed_request_does_not_use_up_its_token() -> None:
    """A request that failed can be retried with the same token once the cause is fixed."""
    api = Api()
    request = {
        "imageRecipeArn": api.recipe(),
        "infrastructureConfigurationArn": f"{ACCOUNT}:infrastructure-configuration/infra",
        "clientToken": "build-1",
    }
    assert api.error("CreateImage", **request).code == "InvalidParameterValueException"
    api.infra()
    assert api("CreateImage", **request)["imageBuildVersionArn"].endswith("/1.0.0/1")


def test_repeated_create_image_starts_one_build() -> None:
    """CreateImage repeated with its token starts no second build."""
    api = Api()
    request = {
        "imageRecipeArn": api.recipe(),
        "infrastructureConfigurationArn": api.infra(),
        "clientToken": "build-1",
    }
    first = api("CreateImage", **request)["imageBuildVersionArn"]
    again = api("CreateImage", **request)["imageBuildVersionArn"]
    assert first == again
    listed = api("ListImageBuildVersions", imageVersionArn=first.rsplit("/", 1)[0])
    assert len(listed["imageSummaryList"]) == 1


def test_tokens_are_kept_per_operation() -> None:
    """The same token on two operations is two independent requests."""
    api = Api()
    api("CreateComponent", **_component_request())
    answer = api(
        "CreateInfrastructureConfiguration",
        name="infra",
        instanceProfileName="p",
        clientToken="token-1",
    )
    assert answer["infrastructureConfigurationArn"].endswith("/infra")


def test_each_answer_has_its_own_request_id() -> None:
    """requestId is a fresh UUID on every answer, replays included."""
    api = Api()
    ids = {api("CreateComponent", **_component_request())["requestId"] for _ in range(3)}
    assert len(ids) == 3
    assert all(uuid.UUID(i).version == 4 for i in ids)


def test_answers_are_copies() -> None:
    """Changing an answer does not change the stored resource."""
    api = Api()
    arn = api.component(tags={"a": "b"})
    api("GetComponent", componentBuildVersionArn=arn)["component"]["tags"]["a"] = "changed"
    assert api("GetComponent", componentBuildVersionArn=arn)["component"]["tags"] == {"a": "b"}


def test_account_and_region_shape_the_arns() -> None:
    """ARNs carry the backend's account and region, Amazon's included."""
    api = Api(Backend(account_id="111122223333", region="eu-west-1"))
    arn = api("CreateInfrastructureConfiguration", name="infra", instanceProfileName="p")[
        "infrastructureConfigurationArn"
    ]
    assert arn == "arn:aws:imagebuilder:eu-west-1:111122223333:infrastructure-configuration/infra"
    amazon = api("ListComponents", owner="Amazon")["componentVersionList"][0]["arn"]
    assert amazon.startswith("arn:aws:imagebuilder:eu-west-1:aws:component/")


def test_concurrent_creates_lose_and_duplicate_nothing() -> None:
    """Eight threads creating components at once leave exactly their components."""
    api = Api()
    errors: list[BaseException] = []

    def create(worker: int) -> None:
        try:
            for n in range(10):
                api.backend.dispatch(
                    "CreateComponent",
                    _component_request(
                        name=f"worker-{worker}",
                        semanticVersion=f"1.0.{n}",
                        clientToken=f"{worker}-{n}",
                    ),
                )
                api.backend.dispatch("ListComponents", {"maxResults": 5})
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=create, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    listed, token = [], None
    while True:
        page = api("ListComponents", maxResults=100, **({"nextToken": token} if token else {}))
        listed += page["componentVersionList"]
        token = page.get("nextToken")
        if token is None:
            break
    assert len({v["arn"] for v in listed}) == len(listed) == 80


def test_concurrent_repeats_of_one_token_create_one_resource() -> None:
    """Eight threads sending the same request and token create it once."""
    backend = Backend()
    answers: list[str] = []

    def send() -> None:
        answer = backend.dispatch("CreateComponent", _component_request())
        answers.append(answer["componentBuildVersionArn"])

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 8
    assert len(set(answers)) == 1
    assert len(backend.dispatch("ListComponents", {})["componentVersionList"]) == 1
