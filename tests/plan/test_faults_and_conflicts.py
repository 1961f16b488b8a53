"""Applies that fail half way, run twice at once, or find the account changed."""

from __future__ import annotations

import threading

import pytest

from imagebuilder_sdk import ImageBuilder, ImageBuilderError
from imagebuilder_sdk.plan import Outcome, PlanConflictError, Stack, client_token, plan
from imagebuilder_sdk.testing import Emulator
from tests.plan.conftest import BASELINE, account, counting, declare, facade, writes

EDITED = BASELINE.replace("dnf install -y htop jq", "dnf install -y htop jq tmux")
OTHER = BASELINE.replace("rpm -q htop jq", "rpm -q htop")


def _one_of_each(ib: ImageBuilder, versions: int = 1) -> None:
    found = account(ib)
    assert len(found["components"]) == versions
    assert len(found["image_recipes"]) == versions
    for kind in ("infrastructure", "distribution", "pipelines"):
        assert len(found[kind]) == 1, kind


def test_a_lost_answer_is_retried_with_the_same_token_and_creates_once(
    emulator: Emulator, ib: ImageBuilder, golden: Stack
) -> None:
    """The service ran CreateImageRecipe but its answer was lost: the retry replays it."""
    emulator.faults.lose_response("CreateImageRecipe")
    emulator.faults.lose_response("CreateImagePipeline", how="500")
    plan(ib, golden).apply()
    sent = [r for r in emulator.requests if r.operation == "CreateImageRecipe"]
    assert len(sent) == 2
    assert sent[0].params["clientToken"] == sent[1].params["clientToken"]
    _one_of_each(ib)
    assert not plan(ib, golden)


def test_a_crashed_apply_run_again_from_another_process_converges(
    emulator: Emulator, golden: Stack
) -> None:
    """An apply that dies after the component version is made, re-planned and applied by
    a new facade, finishes the job with no duplicate (counted by listing the account)."""
    first = facade(emulator, max_attempts=2)
    plan(first, golden).apply()
    emulator.faults.server_error("CreateImageRecipe", times=None)
    with pytest.raises(ImageBuilderError):
        plan(first, declare(EDITED)).apply()
    emulator.faults.clear()
    assert len(account(first)["components"]) == 2  # the new component version was made

    second = facade(emulator)
    resumed = plan(second, declare(EDITED))
    assert [(s.kind, s.summary) for s in resumed.changes] == [
        ("image recipe", "new version 1.0.1"),
        ("image pipeline", "update in place"),
    ]
    resumed.apply()
    _one_of_each(second, versions=2)
    assert not plan(second, declare(EDITED))


def test_the_same_plan_applied_again_after_a_crash_skips_what_is_done(
    emulator: Emulator, golden: Stack
) -> None:
    """Re-running one plan object after it failed: done steps are recognised, not redone."""
    ib = facade(emulator, max_attempts=1)
    planned = plan(ib, golden)
    emulator.faults.lose_response("CreateInfrastructureConfiguration")
    with pytest.raises(ImageBuilderError):
        planned.apply()
    assert len(account(ib)["infrastructure"]) == 1  # it ran; its answer was lost
    outcomes = {r.step.kind: r.outcome for r in planned.apply()}
    assert outcomes["component"] is Outcome.ALREADY_DONE
    assert outcomes["infrastructure configuration"] is Outcome.ALREADY_DONE
    assert outcomes["image pipeline"] is Outcome.CREATED
    _one_of_each(ib)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_faults_then_apply_again_until_it_succeeds_converges(
    emulator: Emulator, golden: Stack, seed: int
) -> None:
    """Under random faults (lost answers included), repeated plan+apply ends with exactly
    one of everything and an empty plan."""
    emulator.faults.random(rate=0.3, seed=seed)
    for _ in range(30):
        ib = facade(emulator, max_attempts=2)
        try:
            plan(ib, golden).apply()
            break
        except ImageBuilderError:
            continue
    else:  # pragma: no cover - the loop always ends in a success with these seeds
        pytest.fail("no apply succeeded")
    emulator.faults.clear()
    _one_of_each(ib)
    assert not plan(ib, golden)


def test_two_applies_at_once_make_no_duplicates(emulator: Emulator, golden: Stack) -> None:
    """Two processes apply the same declarations at the same time: each resource once;
    each apply either succeeds or reports a PlanConflictError."""
    facades = [facade(emulator), facade(emulator)]
    plans = [plan(ib, golden) for ib in facades]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        start.wait()
        try:
            plans[index].apply()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(e, PlanConflictError) for e in errors), errors
    assert len(errors) < 2
    _one_of_each(facades[0])
    assert not plan(facades[0], golden)


def test_two_plans_applied_one_after_the_other_write_once(
    emulator: Emulator, golden: Stack
) -> None:
    """The second of two identical plans finds every step done and writes nothing."""
    first, second = facade(emulator), facade(emulator)
    plans = [plan(first, golden), plan(second, golden)]
    plans[0].apply()
    with counting(second) as calls:
        results = plans[1].apply()
    assert writes(calls) == {}
    assert {r.outcome for r in results} == {Outcome.ALREADY_DONE}


def test_an_account_changed_since_the_plan_is_a_conflict_not_an_overwrite(
    emulator: Emulator, golden: Stack
) -> None:
    """Someone made another component version between plan and apply: the apply stops
    with PlanConflictError and writes nothing."""
    ours, theirs = facade(emulator), facade(emulator)
    plan(ours, golden).apply()
    planned = plan(ours, declare(EDITED))
    plan(theirs, declare(OTHER)).apply()
    with counting(ours) as calls, pytest.raises(PlanConflictError) as info:
        planned.apply()
    assert writes(calls) == {}
    assert info.value.step.kind == "component"
    assert info.value.found is not None
    assert info.value.found.arn.endswith("component/golden-baseline/1.0.1")
    assert "plan again" in str(info.value)


def test_a_change_to_an_undeclared_field_is_a_conflict(emulator: Emulator, golden: Stack) -> None:
    """An update replaces the whole pipeline, so a change someone made to a field the
    declaration leaves out is reported, not silently cleared."""
    ib = facade(emulator)
    plan(ib, golden).apply()
    planned = plan(ib, declare(EDITED))
    pipeline = ib.image_pipelines.get(account(ib)["pipelines"][0])
    ib.image_pipelines.update(pipeline, description="changed by hand")
    with pytest.raises(PlanConflictError) as info:
        planned.apply()
    assert info.value.step.kind == "image pipeline"


def test_client_tokens_are_stable_per_step_and_differ_between_steps(
    emulator: Emulator, golden: Stack
) -> None:
    """The token is a function of the step: planned by two processes, the same; two
    steps, different."""
    first, again = plan(facade(emulator), golden), plan(facade(emulator), golden)
    tokens = [client_token(s, s.declaration.request(lambda d: "x")) for s in first]
    assert tokens == [client_token(s, s.declaration.request(lambda d: "x")) for s in again]
    assert len(set(tokens)) == len(tokens)
    assert all(len(t) == 36 for t in tokens)
