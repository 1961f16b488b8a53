"""Lost responses: the work is done, the answer is lost, the retry returns the first result.

For every create operation of the seven resources (and ImportComponent and
StartImagePipelineExecution), the emulator carries the request out and then loses the
answer, by dropping the connection or by answering 500. The SDK retries with the same
clientToken, the emulator replays the first answer, and exactly one resource (or one
image build) exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.testing import Emulator
from tests.reliability.conftest import Figures
from tests.reliability.snapshot import count_owned
from tests.reliability.support import Builder, facade


@dataclass(frozen=True)
class Case:
    """One create operation: the resource kind it makes, and how to reach and call it."""

    operation: str
    kind: str
    #: Creates what the operation needs, returns the call to make (giving the new ARN).
    prepare: Callable[[ImageBuilder], Callable[[], str]]


def _component(ib: ImageBuilder) -> Callable[[], str]:
    return lambda: str(Builder(ib).component().arn)


def _import(ib: ImageBuilder) -> Callable[[], str]:
    def run() -> str:
        made = ib.components.import_(
            name="imported-script",
            semantic_version="1.0.0",
            type="BUILD",
            platform="Linux",
            data="echo imported",
        )
        return str(made.arn)

    return run


def _image_recipe(ib: ImageBuilder) -> Callable[[], str]:
    component = Builder(ib).component()
    return lambda: str(Builder(ib).image_recipe([str(component.arn)]).arn)


def _container_recipe(ib: ImageBuilder) -> Callable[[], str]:
    component = Builder(ib).component()
    return lambda: str(Builder(ib).container_recipe([str(component.arn)]).arn)


def _infrastructure(ib: ImageBuilder) -> Callable[[], str]:
    return lambda: str(Builder(ib).infrastructure().arn)


def _distribution(ib: ImageBuilder) -> Callable[[], str]:
    return lambda: str(Builder(ib).distribution().arn)


def _recipe_and_infrastructure(ib: ImageBuilder) -> tuple[str, str]:
    build = Builder(ib)
    recipe = build.image_recipe([str(build.component().arn)])
    return str(recipe.arn), str(build.infrastructure().arn)


def _pipeline(ib: ImageBuilder) -> Callable[[], str]:
    recipe, infrastructure = _recipe_and_infrastructure(ib)
    return lambda: str(Builder(ib).pipeline(recipe, infrastructure).arn)


def _image(ib: ImageBuilder) -> Callable[[], str]:
    recipe, infrastructure = _recipe_and_infrastructure(ib)
    return lambda: (
        ib.images.create(
            image_recipe_arn=recipe, infrastructure_configuration_arn=infrastructure
        ).arn
    )


def _start(ib: ImageBuilder) -> Callable[[], str]:
    recipe, infrastructure = _recipe_and_infrastructure(ib)
    pipeline = str(Builder(ib).pipeline(recipe, infrastructure).arn)
    return lambda: ib.image_pipelines.start(pipeline).arn


CASES = (
    Case("CreateComponent", "component", _component),
    Case("ImportComponent", "component", _import),
    Case("CreateImageRecipe", "image-recipe", _image_recipe),
    Case("CreateContainerRecipe", "container-recipe", _container_recipe),
    Case("CreateInfrastructureConfiguration", "infrastructure-configuration", _infrastructure),
    Case("CreateDistributionConfiguration", "distribution-configuration", _distribution),
    Case("CreateImagePipeline", "image-pipeline", _pipeline),
    Case("CreateImage", "image", _image),
    Case("StartImagePipelineExecution", "image", _start),
)
HOWS = ("drop", "500")


def _lose_once(case: Case, how: str) -> tuple[Emulator, dict[str, int], str]:
    """Prepare, lose the answer of one call of the operation; return counts and the ARN."""
    emulator = Emulator()
    ib = facade(emulator)
    call = case.prepare(ib)
    before = count_owned(emulator)
    emulator.clear_requests()
    emulator.faults.lose_response(case.operation, how=how)
    arn = call()
    after = count_owned(emulator)
    return emulator, {kind: after[kind] - before[kind] for kind in after}, arn


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("case", CASES, ids=[case.operation for case in CASES])
def test_lost_response_is_retried_into_the_first_result(case: Case, how: str) -> None:
    """The retry gets the first answer: one new resource, the ARN the first attempt made."""
    emulator, added, arn = _lose_once(case, how)
    assert added == {kind: int(kind == case.kind) for kind in added}
    sent = [r for r in emulator.requests if r.operation == case.operation]
    assert [r.fault for r in sent] == ["lose_response", None]
    assert sent[1].outcome == "ok"
    assert sent[0].params == sent[1].params  # the same request, clientToken included
    assert arn.split(":", 5)[5].split("/", 1)[0] == case.kind
    if case.kind == "image":
        assert arn.endswith("/1")  # the first build of its version, not the second


def test_every_create_operation_is_covered(figures: Figures) -> None:
    """The cases cover every create-like operation of the service model."""
    from botocore.session import get_session

    model = get_session().get_service_model("imagebuilder")
    creates = {
        name
        for name in model.operation_names
        if name.startswith(("Create", "Import", "Start"))
        and "clientToken" in getattr(model.operation_model(name).input_shape, "members", {})
    }
    assert creates <= {case.operation for case in CASES} | _OUT_OF_SCOPE
    figures.record("lost.operations", len(CASES))


#: Create operations of resources that are not among the SDK's seven repositories.
_OUT_OF_SCOPE = frozenset(
    {
        "CreateLifecyclePolicy",
        "CreateWorkflow",
        "ImportDiskImage",
        "ImportVmImage",
        "StartResourceStateUpdate",
    }
)


def test_lost_responses_leave_no_duplicates(figures: Figures) -> None:
    """Across all cases and both ways of losing an answer, nothing is created twice."""
    lost = duplicates = 0
    for case in CASES:
        for how in HOWS:
            emulator, added, _ = _lose_once(case, how)
            lost += emulator.faults.injected.get("lose_response", 0)
            duplicates += sum(added.values()) - 1
    assert duplicates == 0
    figures.record("lost.faults", lost)
    figures.record("lost.duplicates", duplicates)
