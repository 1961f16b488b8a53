"""A create (or update) that succeeded, and a read-back that failed: the error says so.

`create()` is two requests: the create, then a `Get` that reads the resource back. When
only the second fails, the resource exists; the error is a `ReadBackError` with its
ARN and the clientToken of the create, and both documented recoveries return it:
`get(error.arn)`, or the same call again with ``client_token=error.client_token``.

The second relies on the service's idempotency: a request that repeats a client token
with the same parameters gets the first request's result back and changes nothing
(the API reference's ``clientToken`` members send the reader to EC2's idempotency
rules, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Run_Instance_Idempotency.html;
the same token with other parameters is ``IdempotentParameterMismatchException``,
https://docs.aws.amazon.com/botocore/latest/reference/services/imagebuilder/client/exceptions/IdempotentParameterMismatchException.html).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import attrs
import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.errors import (
    ConnectionFailedError,
    ReadBackError,
    ResourceAlreadyExistsError,
    ServerError,
)
from imagebuilder_sdk.models import Distribution
from imagebuilder_sdk.testing import Emulator
from tests.reliability.conftest import Figures
from tests.reliability.proxy import Mode, Proxy
from tests.reliability.snapshot import count_owned
from tests.reliability.support import LINUX_DOC, Builder, facade, http_facade


@dataclass(frozen=True)
class Case:
    """One create, import or update whose read-back breaks."""

    label: str
    repository: str
    get_operation: str
    kind: str
    #: Makes what the call needs; returns the call (taking client_token=) to make.
    prepare: Callable[[ImageBuilder], Callable[..., Any]]


def _component(ib: ImageBuilder) -> Callable[..., Any]:
    return lambda **token: Builder(ib).component(**token)


def _import(ib: ImageBuilder) -> Callable[..., Any]:
    return lambda **token: ib.components.import_(
        name="imported", semantic_version="1.0.0", type="BUILD", platform="Linux",
        data="echo hi", **token,
    )  # fmt: skip


def _image_recipe(ib: ImageBuilder) -> Callable[..., Any]:
    component = str(Builder(ib).component().arn)
    return lambda **token: Builder(ib).image_recipe([component], **token)


def _container_recipe(ib: ImageBuilder) -> Callable[..., Any]:
    component = str(Builder(ib).component().arn)
    return lambda **token: Builder(ib).container_recipe([component], **token)


def _pipeline(ib: ImageBuilder) -> Callable[..., Any]:
    build = Builder(ib)
    recipe = str(build.image_recipe([str(build.component().arn)]).arn)
    infrastructure = str(build.infrastructure().arn)
    return lambda **token: build.pipeline(recipe, infrastructure, **token)


def _update_infrastructure(ib: ImageBuilder) -> Callable[..., Any]:
    made = Builder(ib).infrastructure()
    changed = attrs.evolve(made, description="changed")
    return lambda **token: ib.infrastructure_configurations.update(changed, **token)


def _update_distribution(ib: ImageBuilder) -> Callable[..., Any]:
    made = Builder(ib).distribution()
    return lambda **token: ib.distribution_configurations.update(
        arn=str(made.arn), distributions=[Distribution(region="us-west-2")], **token
    )


def _update_pipeline(ib: ImageBuilder) -> Callable[..., Any]:
    made = _pipeline(ib)()
    changed = attrs.evolve(made, description="changed")
    return lambda **token: ib.image_pipelines.update(changed, **token)


CASES = (
    Case("components.create", "components", "GetComponent", "component", _component),
    Case("components.import_", "components", "GetComponent", "component", _import),
    Case("image_recipes.create", "image_recipes", "GetImageRecipe", "image-recipe", _image_recipe),
    Case(
        "container_recipes.create",
        "container_recipes",
        "GetContainerRecipe",
        "container-recipe",
        _container_recipe,
    ),
    Case(
        "infrastructure_configurations.create",
        "infrastructure_configurations",
        "GetInfrastructureConfiguration",
        "infrastructure-configuration",
        lambda ib: lambda **token: Builder(ib).infrastructure(**token),
    ),
    Case(
        "distribution_configurations.create",
        "distribution_configurations",
        "GetDistributionConfiguration",
        "distribution-configuration",
        lambda ib: lambda **token: Builder(ib).distribution(**token),
    ),
    Case(
        "image_pipelines.create", "image_pipelines", "GetImagePipeline", "image-pipeline", _pipeline
    ),
    Case(
        "infrastructure_configurations.update",
        "infrastructure_configurations",
        "GetInfrastructureConfiguration",
        "infrastructure-configuration",
        _update_infrastructure,
    ),
    Case(
        "distribution_configurations.update",
        "distribution_configurations",
        "GetDistributionConfiguration",
        "distribution-configuration",
        _update_distribution,
    ),
    Case(
        "image_pipelines.update",
        "image_pipelines",
        "GetImagePipeline",
        "image-pipeline",
        _update_pipeline,
    ),
)


def _break_and_recover(case: Case) -> tuple[ReadBackError, int, int, bool]:
    """Break the read-back; recover both ways. Returns error, counts, and whether both worked."""
    emulator = Emulator()
    ib = facade(emulator, max_attempts=3)
    call = case.prepare(ib)
    before = count_owned(emulator)[case.kind]
    emulator.faults.server_error(case.get_operation, times=None)
    with pytest.raises(ReadBackError) as caught:
        call()
    emulator.faults.clear()
    error = caught.value
    read = getattr(ib, case.repository).get(error.arn)
    repeated = call(client_token=error.client_token)
    after = count_owned(emulator)[case.kind]
    return error, before, after, str(read.arn) == error.arn == str(repeated.arn)


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_failed_read_back_names_the_resource_and_recovers(case: Case) -> None:
    """ReadBackError has the ARN, the token and the cause; get and the same token recover."""
    error, before, after, recovered = _break_and_recover(case)
    assert isinstance(error.cause, ServerError)
    assert error.__cause__ is error.cause
    assert error.operation.startswith(("Create", "Import", "Update"))
    assert error.arn in str(error)
    assert ("updated" if ".update" in case.label else "created") in str(error)
    assert recovered
    assert after - before == (0 if ".update" in case.label else 1)


def test_repeating_the_call_without_the_token_would_fail() -> None:
    """Why the token matters: a new token repeats the create, which the name refuses."""
    emulator = Emulator()
    ib = facade(emulator, max_attempts=2)
    emulator.faults.server_error("GetInfrastructureConfiguration", times=None)
    with pytest.raises(ReadBackError):
        Builder(ib).infrastructure()
    emulator.faults.clear()
    with pytest.raises(ResourceAlreadyExistsError):
        Builder(ib).infrastructure()


def test_read_back_cut_by_the_network_over_http(emulator: Emulator) -> None:
    """Over HTTP, every read-back hangs up: ReadBackError, and get(error.arn) works."""
    with emulator.serve() as url, Proxy(url) as proxy:
        ib = http_facade(proxy.url, sleep=emulator.advance)
        proxy.spoil("GetInfrastructureConfiguration", Mode.DROP_AFTER_WORK, times=8)
        with pytest.raises(ReadBackError) as caught:
            Builder(ib).infrastructure()
        assert isinstance(caught.value.cause, ConnectionFailedError)
        assert caught.value.cause.operation == "GetInfrastructureConfiguration"
        made = ib.infrastructure_configurations.get(caught.value.arn)
        assert made.name == "build-infra"


def test_a_create_that_fails_itself_is_not_a_read_back_error(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """Nothing was made, so the create's own error comes out unchanged."""
    emulator.faults.server_error("CreateComponent", times=None)
    with pytest.raises(ServerError):
        ib.components.create(
            name="nope", semantic_version="1.0.0", platform="Linux", data=LINUX_DOC
        )


def test_every_read_back_failure_is_recoverable(figures: Figures) -> None:
    """Across every create, import and update: recovered both ways, nothing duplicated."""
    recovered = duplicates = 0
    for case in CASES:
        _, before, after, both = _break_and_recover(case)
        recovered += both
        duplicates += after - before - (0 if ".update" in case.label else 1)
    assert duplicates == 0
    figures.record("readback.operations", len(CASES))
    figures.record("readback.recovered", recovered)
    figures.record("readback.duplicates", duplicates)
