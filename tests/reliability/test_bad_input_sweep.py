"""A sweep over every public method: bad input raises ValidationError and sends nothing.

Hypothesis picks, for each method, a parameter and a value of the wrong kind for it
(see `bad_input_sweep`), keeps every other argument valid, and the call must raise
`ValidationError`, nothing else, while the emulator sees no request at all.
`connect` and `local`, which build the client, are swept with their own arguments.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.testing import Emulator
from tests.reliability.bad_input_sweep import METHODS, Method, bad_values
from tests.reliability.support import facade

#: Examples per method (a few per parameter): enough to try each kind of bad value.
EXAMPLES = 15

_TRIED: Counter[str] = Counter()


def test_the_sweep_covers_every_public_method() -> None:
    """The sweep finds the facade's tag methods and every repository verb (77 in all)."""
    names = {method.name for method in METHODS}
    assert {"ib.tag", "ib.untag", "ib.tags", "images.wait", "components.put_policy"} <= names
    assert len(METHODS) == 77
    assert all(method.kinds for method in METHODS)


@pytest.mark.parametrize("method", METHODS, ids=[m.name for m in METHODS])
def test_bad_input_raises_only_validation_error(method: Method) -> None:
    """Any parameter given a value of the wrong kind raises ValidationError; nothing is sent."""
    emulator = Emulator()
    ib = facade(emulator)
    choices = sorted(method.kinds)

    @settings(max_examples=EXAMPLES)
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        broken = data.draw(st.sampled_from(choices), label="parameter")
        value = data.draw(bad_values(method.kinds[broken]), label="value")
        _TRIED[method.name] += 1
        emulator.clear_requests()
        with pytest.raises(ValidationError):
            method.call(ib, broken, value)
        assert emulator.requests == [], f"{method.name}({broken}=...) sent a request"

    check()


_CONNECT: dict[str, st.SearchStrategy[Any]] = {
    "region_name": st.one_of(st.integers(), st.just(["us-east-1"]), st.floats()),
    "profile_name": st.one_of(st.integers(), st.just(["dev"]), st.floats()),
    "retry": bad_values("retry"),
    "config": st.sampled_from(["x", 5, {"retries": 3}]),
}
_LOCAL: dict[str, st.SearchStrategy[Any]] = {
    "speed": bad_values("seconds"),
    "retry": bad_values("retry"),
    "account_id": st.one_of(st.integers(), st.just("12"), st.just(["123456789012"])),
    "region": st.one_of(st.integers(), st.just(["us-east-1"]), st.just("")),
}


@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_connect_refuses_bad_arguments(data: st.DataObject) -> None:
    """connect() with a wrong-typed argument raises ValidationError (no client is made)."""
    broken = data.draw(st.sampled_from(sorted(_CONNECT)), label="parameter")
    value = data.draw(_CONNECT[broken], label="value")
    arguments: dict[str, Any] = {"region_name": "us-east-1", broken: value}
    with pytest.raises(ValidationError) as caught:
        ImageBuilder.connect(**arguments)
    assert caught.value.field == broken


@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_local_refuses_bad_arguments(data: st.DataObject) -> None:
    """local() with a wrong-typed argument raises ValidationError."""
    broken = data.draw(st.sampled_from(sorted(_LOCAL)), label="parameter")
    value = data.draw(_LOCAL[broken], label="value")
    with pytest.raises(ValidationError) as caught:
        ImageBuilder.local(**{broken: value})
    assert caught.value.field == broken
