"""Bad input: every create and update method refuses it before sending anything.

Hypothesis breaks one parameter at a time of a valid call (by the service model's
rules: patterns, lengths, enums, ranges, required members, types; and nested
settings), and the call must raise `ValidationError` naming that parameter, while the
emulator sees no request at all.
"""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import ApiError, ImageBuilder, ValidationError
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_cases import Case, Target, cases
from tests.reliability.bad_input_targets import TARGETS
from tests.reliability.conftest import Figures
from tests.reliability.support import facade

#: Examples per broken parameter (a parameter with fewer ways to break runs fewer).
EXAMPLES = 8


def _refused(ib: ImageBuilder, target: Target, case: Case) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        target.method(ib)(**case.kwargs)
    return caught.value


def _try_all(
    ib: ImageBuilder, target: Target, label: str, strategy: st.SearchStrategy[Case]
) -> int:
    """Run the examples of one broken parameter; returns how many ran."""
    ran = 0

    @settings(max_examples=EXAMPLES)
    @given(case=strategy)
    def check(case: Case) -> None:
        nonlocal ran
        ran += 1
        error = _refused(ib, target, case)
        assert error.field == case.field, f"{target.name} {label}: {error}"

    check()
    return ran


def test_valid_keywords_are_accepted() -> None:
    """Each target's valid keywords pass the checks and reach the emulator."""
    emulator = Emulator()
    ib = facade(emulator)
    for target in TARGETS:
        emulator.clear_requests()
        with contextlib.suppress(ApiError):  # the referenced resources do not exist
            target.method(ib)(**target.valid)
        assert [r.operation for r in emulator.requests][:1] == [target.operation]


def test_invalid_input_is_refused_before_sending(figures: Figures) -> None:
    """Broken parameters raise ValidationError naming them; no request is ever sent."""
    emulator = Emulator()
    ib = facade(emulator)
    tried: Counter[str] = Counter()
    for target in TARGETS:
        for label, strategy in cases(target, ib).items():
            tried[target.name] += _try_all(ib, target, label, strategy)
    assert emulator.requests == []
    assert set(tried) == {target.name for target in TARGETS}
    figures.record("bad_input.methods", len(TARGETS))
    figures.record("bad_input.inputs", sum(tried.values()), from_hypothesis=True)
    figures.record("bad_input.requests", len(emulator.requests))
