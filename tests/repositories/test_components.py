"""`ib.components` against the emulator: every method, through the real boto3 client."""

from __future__ import annotations

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder, SemanticVersion, ValidationError
from imagebuilder_sdk.documents import ComponentDocument, ExecuteBash, Phase
from imagebuilder_sdk.errors import (
    IdempotentParameterMismatchError,
    ResourceInUseError,
    ResourceNotFoundError,
)
from imagebuilder_sdk.models import (
    Component,
    ComponentSummary,
    ComponentType,
    ComponentVersion,
    Platform,
)
from imagebuilder_sdk.testing import Emulator
from tests.repositories.conftest import DOCUMENT, sent


def _version_arn(build_arn: str | None) -> str:
    assert build_arn is not None
    return build_arn.rsplit("/", 1)[0]


def test_create_returns_the_stored_component(component: Component) -> None:
    """create() fetches the new build: first build of the version, as sent."""
    assert component.arn == "arn:aws:imagebuilder:us-east-1:123456789012:component/hello/1.0.0/1"
    assert component.semantic_version == SemanticVersion(1, 0, 0)
    assert component.platform is Platform.LINUX
    assert component.data == DOCUMENT


def test_create_sends_the_members_given(
    ib: ImageBuilder, emulator: Emulator, component: Component
) -> None:
    """The CreateComponent request carries the keywords under their API names."""
    (request,) = sent(emulator, "CreateComponent")
    assert request.params["name"] == "hello"
    assert request.params["semanticVersion"] == "1.0.0"
    assert request.params["platform"] == "Linux"
    assert request.params["data"] == DOCUMENT


def test_create_from_a_model_with_a_new_version(ib: ImageBuilder, component: Component) -> None:
    """A model from get(), evolved to a new version, creates that version."""
    fetched = ib.components.get(str(component.arn))
    created = ib.components.create(attrs.evolve(fetched, version="1.1.0"))
    assert created.arn == "arn:aws:imagebuilder:us-east-1:123456789012:component/hello/1.1.0/1"
    assert (created.name, created.platform, created.data) == ("hello", Platform.LINUX, DOCUMENT)


def test_keywords_win_over_the_model(ib: ImageBuilder, component: Component) -> None:
    """A keyword given with a model replaces the model's value."""
    created = ib.components.create(component, semantic_version="2.0.0", description="second")
    assert (created.version, created.description) == ("2.0.0", "second")


def test_create_accepts_a_document_model(ib: ImageBuilder) -> None:
    """A ComponentDocument is sent as its YAML text."""
    document = ComponentDocument(
        name="greet", phases=[Phase("build", [ExecuteBash("Greet", ["echo hi"])])]
    )
    created = ib.components.create(
        name="greet", semantic_version="1.0.0", platform="Linux", data=document
    )
    assert created.data == document.to_yaml()


def test_create_refuses_a_broken_document_before_sending(
    ib: ImageBuilder, emulator: Emulator
) -> None:
    """A document that fails validation raises ValidationError on `data`, sending nothing."""
    with pytest.raises(ValidationError) as caught:
        ib.components.create(
            name="broken", semantic_version="1.0.0", platform="Linux", data="phases: []\n"
        )
    assert caught.value.field == "data"
    assert emulator.requests == []


def test_same_version_and_content_twice_is_in_use(ib: ImageBuilder, component: Component) -> None:
    """Creating an existing version with the same content again raises ResourceInUseError.

    Source: the service model's ``CreateComponentRequest.name`` documentation: identical
    content for an existing name and version fails (changed content makes a new build);
    CreateComponent models ResourceInUseException, not ResourceAlreadyExistsException.
    """
    with pytest.raises(ResourceInUseError) as caught:
        ib.components.create(component)
    assert caught.value.operation == "CreateComponent"


def test_reused_token_with_another_request_is_a_mismatch(
    ib: ImageBuilder, component: Component
) -> None:
    """The same client_token for a different request raises IdempotentParameterMismatchError."""
    ib.components.create(component, semantic_version="1.1.0", client_token="deploy-1")
    with pytest.raises(IdempotentParameterMismatchError):
        ib.components.create(component, semantic_version="1.2.0", client_token="deploy-1")


def test_import_creates_a_component_from_a_script(ib: ImageBuilder) -> None:
    """import_() turns a shell script into a BUILD component and returns it."""
    imported = ib.components.import_(
        name="setup", semantic_version="1.0.0", type="BUILD", platform="Linux", data="echo hi"
    )
    assert imported.name == "setup"
    assert imported.type is ComponentType.BUILD
    assert imported.arn is not None
    assert imported.arn.endswith("component/setup/1.0.0/1")


def test_get_returns_a_component(ib: ImageBuilder, component: Component) -> None:
    """get() of a build version ARN returns that Component."""
    fetched = ib.components.get(str(component.arn))
    assert isinstance(fetched, Component)
    assert fetched == component


def test_get_of_a_missing_component_is_not_found(ib: ImageBuilder, emulator: Emulator) -> None:
    """A missing component raises ResourceNotFoundError with the request's id."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:component/nothing/1.0.0/1"
    with pytest.raises(ResourceNotFoundError) as caught:
        ib.components.get(arn)
    (request,) = emulator.requests
    assert (caught.value.operation, caught.value.status_code) == ("GetComponent", 404)
    assert caught.value.request_id == request.request_id
    assert isinstance(caught.value, LookupError)


def test_delete_removes_the_build(ib: ImageBuilder, component: Component) -> None:
    """After delete(), get() raises ResourceNotFoundError."""
    ib.components.delete(str(component.arn))
    with pytest.raises(ResourceNotFoundError):
        ib.components.get(str(component.arn))


def test_list_yields_own_component_versions(ib: ImageBuilder, component: Component) -> None:
    """list() yields ComponentVersion items of the account's own components."""
    listed = list(ib.components.list())
    assert [type(item) for item in listed] == [ComponentVersion]
    assert (listed[0].name, listed[0].version) == ("hello", "1.0.0")


def test_list_filters_by_owner_and_name(ib: ImageBuilder, emulator: Emulator) -> None:
    """Owner and name options become the request's owner and name filter."""
    listed = list(ib.components.list(owner="Amazon", name="update-linux"))
    assert listed
    assert {item.name for item in listed} == {"update-linux"}
    (request,) = sent(emulator, "ListComponents")
    assert request.params["owner"] == "Amazon"
    assert request.params["filters"] == [{"name": "name", "values": ["update-linux"]}]


def test_build_versions_lists_the_builds_of_a_version(
    ib: ImageBuilder, component: Component
) -> None:
    """build_versions() of a version ARN yields a ComponentSummary per build."""
    builds = list(ib.components.build_versions(_version_arn(component.arn)))
    assert [type(b) for b in builds] == [ComponentSummary]
    assert builds[0].arn == component.arn


def test_latest_compares_versions_as_numbers(ib: ImageBuilder, component: Component) -> None:
    """latest() picks 1.10.0 over 1.9.0."""
    for version in ("1.9.0", "1.10.0", "1.2.0"):
        ib.components.create(component, semantic_version=version)
    best = ib.components.latest("hello")
    assert best is not None
    assert best.version == "1.10.0"


def test_latest_respects_the_filter(ib: ImageBuilder, component: Component) -> None:
    """latest(name, '1.x.x') ignores 2.0.0; a filter nothing matches gives None."""
    ib.components.create(component, semantic_version="2.0.0")
    ib.components.create(component, semantic_version="1.4.0")
    best = ib.components.latest("hello", "1.x.x")
    assert best is not None
    assert best.version == "1.4.0"
    assert ib.components.latest("hello", "3.x.x") is None
