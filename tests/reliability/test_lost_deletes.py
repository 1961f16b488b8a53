"""Lost delete answers: the retry that finds the resource gone has finished the delete.

A delete is carried out and its answer lost (a dropped connection or a 500). The SDK
retries, the resource is gone, and the service answers ``ResourceNotFoundException``
(DeleteImage and the other deletes list it among their errors in the API reference,
https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_DeleteImage.html).
That retry is the delete succeeding late: the call returns, and the log says why. A
delete whose first attempt finds nothing still raises `ResourceNotFoundError`, as does
one whose earlier attempts were only refused (throttled: the service did nothing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.errors import ResourceNotFoundError
from imagebuilder_sdk.testing import Emulator
from tests.reliability.conftest import Figures
from tests.reliability.proxy import Mode, Proxy
from tests.reliability.snapshot import count_owned
from tests.reliability.support import Builder, facade, http_facade


@dataclass(frozen=True)
class Case:
    """One delete: the repository, the operation, the kind, and how to make one to delete."""

    repository: str
    operation: str
    kind: str
    make: Callable[[ImageBuilder], str]


def _recipe(ib: ImageBuilder) -> str:
    build = Builder(ib)
    return str(build.image_recipe([str(build.component().arn)]).arn)


def _container_recipe(ib: ImageBuilder) -> str:
    build = Builder(ib)
    return str(build.container_recipe([str(build.component().arn)]).arn)


def _pipeline(ib: ImageBuilder) -> str:
    build = Builder(ib)
    return str(build.pipeline(_recipe(ib), str(build.infrastructure().arn)).arn)


def _image(ib: ImageBuilder) -> str:
    built = ib.images.create(
        image_recipe_arn=_recipe(ib),
        infrastructure_configuration_arn=str(Builder(ib).infrastructure("img-infra").arn),
    )
    built.wait(poll_interval=60)
    return built.arn


CASES = (
    Case("components", "DeleteComponent", "component", lambda ib: str(Builder(ib).component().arn)),
    Case("image_recipes", "DeleteImageRecipe", "image-recipe", _recipe),
    Case("container_recipes", "DeleteContainerRecipe", "container-recipe", _container_recipe),
    Case(
        "infrastructure_configurations",
        "DeleteInfrastructureConfiguration",
        "infrastructure-configuration",
        lambda ib: str(Builder(ib).infrastructure().arn),
    ),
    Case(
        "distribution_configurations",
        "DeleteDistributionConfiguration",
        "distribution-configuration",
        lambda ib: str(Builder(ib).distribution().arn),
    ),
    Case("image_pipelines", "DeleteImagePipeline", "image-pipeline", _pipeline),
    Case("images", "DeleteImage", "image", _image),
)
HOWS = ("drop", "500")


def _delete_losing_answer(case: Case, how: str) -> tuple[Emulator, int, int]:
    """Make one, delete it with the first answer lost; return the emulator and counts."""
    emulator = Emulator()
    ib = facade(emulator)
    arn = case.make(ib)
    before = count_owned(emulator)[case.kind]
    emulator.clear_requests()
    emulator.faults.lose_response(case.operation, how=how)
    getattr(ib, case.repository).delete(arn)
    return emulator, before, count_owned(emulator)[case.kind]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("case", CASES, ids=[case.operation for case in CASES])
def test_retried_delete_that_finds_it_gone_is_done(
    case: Case, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The answer was lost, the retry finds nothing: delete returns, one fewer resource."""
    caplog.set_level(logging.INFO, logger="imagebuilder_sdk")
    emulator, before, after = _delete_losing_answer(case, how)
    assert after == before - 1
    sent = [r for r in emulator.requests if r.operation == case.operation]
    assert [r.fault for r in sent] == ["lose_response", None]
    assert sent[1].outcome == "ResourceNotFoundException"  # the retry found it gone
    assert any(
        vars(record).get("operation") == case.operation
        and "the delete is done" in record.getMessage()
        for record in caplog.records
    )


@pytest.mark.parametrize("case", CASES, ids=[case.operation for case in CASES])
def test_first_attempt_on_a_missing_resource_still_raises(case: Case) -> None:
    """Deleting what is not there raises ResourceNotFoundError after one attempt."""
    emulator = Emulator()
    ib = facade(emulator)
    arn = case.make(ib)
    getattr(ib, case.repository).delete(arn)
    with pytest.raises(ResourceNotFoundError) as caught:
        getattr(ib, case.repository).delete(arn)
    assert caught.value.attempts == 1


def test_throttled_then_missing_still_raises(emulator: Emulator, ib: ImageBuilder) -> None:
    """Throttled attempts did nothing, so a retry that finds nothing is a real miss."""
    arn = str(Builder(ib).component().arn)
    ib.components.delete(arn)
    emulator.faults.throttle("DeleteComponent", times=2)
    with pytest.raises(ResourceNotFoundError) as caught:
        ib.components.delete(arn)
    assert caught.value.attempts == 3


def test_delete_answer_dropped_by_the_network_over_http(emulator: Emulator) -> None:
    """Over HTTP, a proxy drops the answer after the server deleted: the call returns."""
    with emulator.serve() as url, Proxy(url) as proxy:
        ib = http_facade(proxy.url, sleep=emulator.advance)
        arn = str(Builder(ib).distribution().arn)
        proxy.spoil("DeleteDistributionConfiguration", Mode.DROP_AFTER_WORK)
        ib.distribution_configurations.delete(arn)
        assert proxy.spoiled == [("DeleteDistributionConfiguration", Mode.DROP_AFTER_WORK)]
        assert proxy.count("DeleteDistributionConfiguration") == 2
        assert count_owned(emulator)["distribution-configuration"] == 0


def test_lost_delete_answers_all_count_as_done(figures: Figures) -> None:
    """Every delete, both ways of losing its answer: done, and nothing left behind."""
    cases = left = 0
    for case in CASES:
        for how in HOWS:
            _, before, after = _delete_losing_answer(case, how)
            cases += 1
            left += after - (before - 1)
    assert left == 0
    figures.record("deletes.operations", len(CASES))
    figures.record("deletes.lost_answers", cases)
    figures.record("deletes.not_done", left)
