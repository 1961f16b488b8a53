"""Every public method of the SDK, with a valid call and, per parameter, values it must refuse.

`METHODS` is found by inspecting an `ImageBuilder` (the facade's own methods and every
public method of each repository), so a method added later is swept without a change
here. Each parameter's bad values follow from its annotation: values of another type,
non-finite numbers, sets, bytes, a settings model of another class, strings where a
list belongs, dicts with keys no model has, and arguments nested hundreds deep.
"""

from __future__ import annotations

import datetime
import inspect
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from imagebuilder_sdk import ImageBuilder, RetryPolicy
from imagebuilder_sdk.lifecycle import keep_newest, select_recipes
from imagebuilder_sdk.models import Placement, TenancyType
from tests.reliability.bad_input_targets import COMPONENT, DIST, INFRA, PIPE, RECIPE, TARGETS

__all__ = ["METHODS", "Method", "bad_values"]

_ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"
#: An identifier of the right kind for each repository (and the facade's tag methods).
_ARNS = {
    "ib": COMPONENT,
    "components": COMPONENT,
    "image_recipes": RECIPE,
    "container_recipes": f"{_ACCOUNT}:container-recipe/box-one/1.0.0",
    "infrastructure_configurations": INFRA,
    "distribution_configurations": DIST,
    "image_pipelines": PIPE,
    "images": f"{_ACCOUNT}:image/recipe-one/1.0.0/1",
    "workflows": f"{_ACCOUNT}:workflow/build/flow-one/1.0.0/1",
}
_REPOSITORIES = tuple(name for name in _ARNS if name != "ib")
_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["123456789012"]}, "Action": ["x"]}],
}
#: Required arguments of the methods not in `TARGETS`, by parameter name.
_REQUIRED: dict[str, object] = {
    "tags": {"team": "qa"},
    "keys": ["team"],
    "policy": _POLICY,
    "name": "comp-one",
    "semantic_version": "1.0.0",
    "platform": "Linux",
    "vm_import_task_id": "import-ami-0123456789abcdef0",
    "os_version": "Amazon Linux 2023",
    "infrastructure_configuration_arn": INFRA,
    "uri": "s3://bucket/disk.iso",
    "execution_role": "arn:aws:iam::123456789012:role/lifecycle",
    "resource_type": "AMI_IMAGE",
    "policy_details": [keep_newest(2)],
    "resource_selection": select_recipes(("recipe-one", "1.0.x")),
    "status": "DEPRECATED",
    "source_image": f"{_ACCOUNT}:image/recipe-one/1.0.0/1",
    "distribution_configuration_arn": DIST,
    "image_build_version_arn": f"{_ACCOUNT}:image/recipe-one/1.0.0/1",
    "workflow_execution_id": "wf-0123abcd-0123-4567-89ab-0123456789ab",
    "step_execution_id": "step-0123abcd-0123-4567-89ab-0123456789ab",
    "type": "BUILD",
}
#: SDK-only switches read for their truth value, not sent: not swept.
_NOT_SWEPT = frozenset({"session", "validate_document"})


def _deep(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


_NON_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])
_WRONG_MODEL = Placement(tenancy=TenancyType.DEFAULT)
_DEEP = st.just(_deep(600))
_JUNK = st.one_of(
    st.integers(),
    st.floats(),
    _NON_FINITE,
    st.booleans(),
    st.binary(max_size=4),
    st.frozensets(st.integers(), min_size=1, max_size=2).map(set),
    st.just(_WRONG_MODEL),
    _DEEP,
)

#: Bad values by the kind of parameter (read from its annotation).
_BAD: dict[str, st.SearchStrategy[Any]] = {
    "text": st.one_of(
        _JUNK,
        st.lists(st.integers(), min_size=1, max_size=2),
        st.just({"a": "b"}),
        st.just(datetime.date(2026, 1, 1)),
    ),
    "texts": st.one_of(
        st.integers(),
        _NON_FINITE,
        st.text(min_size=1, max_size=6),
        st.just({"a": "b"}),
        st.just({"a"}),
        st.just(_WRONG_MODEL),
        st.lists(st.one_of(st.none(), st.integers(), _NON_FINITE, st.just(["x"])), min_size=1),
        _DEEP,
    ),
    "models": st.one_of(
        st.integers(),
        st.text(min_size=1, max_size=6),
        st.just(_WRONG_MODEL),
        st.just([_WRONG_MODEL]),
        st.lists(st.one_of(st.text(max_size=4), st.integers(), st.none()), min_size=1),
        st.just([{"not_a_member": 1}]),
        _DEEP,
    ),
    "model": st.one_of(
        st.integers(),
        _NON_FINITE,
        st.text(max_size=6),
        st.just([_WRONG_MODEL]),
        st.just({"not_a_member": 1}),
        _DEEP,
    ),
    "tags": st.one_of(
        _JUNK,
        st.text(min_size=1, max_size=6),
        st.just([("team", "qa")]),
        st.sampled_from(
            [{None: "x"}, {5: "x"}, {"k": 5}, {"k": None}, {"k": math.nan}, {"k": ["x"]}, {}]
        ),
    ),
    "policy": st.one_of(
        st.integers(),
        _NON_FINITE,
        st.just([]),
        st.just({"a"}),
        st.sampled_from(["", "not json", '{"a": NaN}', "[1, 2", "   "]),
        st.sampled_from(
            [{"a": {1}}, {"a": math.nan}, {"a": datetime.datetime(2026, 1, 1)}, {"a": b"x"}]
        ),
    ),
    "keys": st.one_of(
        st.integers(), _NON_FINITE, st.just([None]), st.just([5]), st.just([["x"]]), st.just([])
    ),
    "seconds": st.one_of(
        _NON_FINITE,
        st.sampled_from(["10", True, False, [1], 0, -1, 0.0, {"s": 1}]),
        st.floats(max_value=0),
    ),
    "int": st.one_of(
        _NON_FINITE, st.sampled_from([0, 101, -1, 2.5, "5", True, [1]]), st.integers(max_value=0)
    ),
    "bool": st.sampled_from(["yes", "no", 2, math.nan, [True]]),
    "callable": st.sampled_from([5, "print", [], {"f": 1}]),
    "retry": st.sampled_from([5, "fast", {"max_attempts": 2}, RetryPolicy]),
}


def _kind(annotation: str) -> str | None:
    """The kind of a parameter from its annotation text; None for one not swept."""
    checks = (
        ("Callable", "callable"),
        ("RetryPolicy", "retry"),
        ("Mapping[str, Any]", "policy"),
        ("Mapping[str, str]", "tags"),
        ("Iterable[str]", "keys"),
        ("Sequence[str]", "texts"),
        ("Sequence[", "models"),
        ("float", "seconds"),
        ("int", "int"),
        ("bool", "bool"),
        ("str", "text"),
    )
    for needle, kind in checks:
        if needle in annotation:
            return kind
    if annotation.split(" |")[0][:1].isupper():
        return "model"
    return None


@dataclass(frozen=True)
class Method:
    """One public method: how to reach it, a valid call, and the kind of each parameter."""

    name: str
    reach: Callable[[ImageBuilder], Callable[..., object]]
    positional: tuple[str, ...]
    valid: Mapping[str, object]
    kinds: Mapping[str, str]

    def call(self, ib: ImageBuilder, broken: str, value: object) -> object:
        """Call the method with the valid arguments, `broken` replaced by `value`."""
        arguments = {**self.valid, broken: value}
        args = [arguments.pop(name) for name in self.positional if name in arguments]
        return self.reach(ib)(*args, **arguments)


def _reach(owner: str, name: str) -> Callable[[ImageBuilder], Callable[..., object]]:
    if owner == "ib":
        return lambda ib: getattr(ib, name)
    return lambda ib: getattr(getattr(ib, owner), name)


def _valid(owner: str, name: str, parameters: list[inspect.Parameter]) -> dict[str, object]:
    target = next((t for t in TARGETS if t.name == f"{owner}.{name}"), None)
    if target is not None:
        return dict(target.valid)
    found: dict[str, object] = {}
    for parameter in parameters:
        if parameter.default is not parameter.empty:
            continue
        if parameter.name == "arn":
            found["arn"] = _ARNS[owner]
        else:
            found[parameter.name] = _REQUIRED[parameter.name]
    return found


def _methods() -> tuple[Method, ...]:
    ib = ImageBuilder.local()
    owners: list[tuple[str, object]] = [("ib", ib)]
    owners += [(name, getattr(ib, name)) for name in _REPOSITORIES]
    found = []
    for owner, obj in owners:
        for name, member in inspect.getmembers(obj, callable):
            if name.startswith("_") or (owner == "ib" and name in ("connect", "local")):
                continue
            parameters = [
                p
                for p in inspect.signature(member).parameters.values()
                if p.kind is not p.VAR_KEYWORD and p.name not in _NOT_SWEPT
            ]
            kinds = {p.name: _kind(str(p.annotation)) for p in parameters}
            found.append(
                Method(
                    f"{owner}.{name}",
                    _reach(owner, name),
                    tuple(
                        p.name
                        for p in parameters
                        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                    ),
                    _valid(owner, name, parameters),
                    {k: v for k, v in kinds.items() if v is not None},
                )
            )
    return tuple(found)


#: Every public method of the facade and its repositories.
METHODS = _methods()


def bad_values(kind: str) -> st.SearchStrategy[Any]:
    """Values a parameter of this kind must refuse."""
    return _BAD[kind]
