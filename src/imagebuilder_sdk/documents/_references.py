"""Checking ``{{ ... }}`` references in step inputs, loops and conditions.

A reference names a parameter or constant (``{{ MyParam }}``), a value of the step's
own loop (``{{ loop.value }}``, ``{{ myLoop.index }}``), or an input or output of an
earlier step (``{{ build.Download.inputs[0].destination }}``,
``{{ build.Version.outputs.stdout }}``). Tokens with a ``:`` are resolved outside the
document and are not checked; text such as ``{{ json .Config }}`` (a Go template in a
shell command) is not a reference and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from imagebuilder_sdk.documents._model import JsonValue
from imagebuilder_sdk.documents._modules import ACTION_MODULES
from imagebuilder_sdk.documents._problems import Findings

__all__ = ["ReferenceContext", "StepPlace", "check_references"]

_REFERENCE = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
_PART = re.compile(r"([^\[\]]+)((?:\[[0-9]+\])*)")
_TEST_STAGE = frozenset({"test", "container-host-test"})
_BUILD_STAGE = frozenset({"build", "validate"})


@attrs.frozen
class StepPlace:
    """Where the step holding a reference sits, and what loop it has."""

    phase: str
    phase_index: int
    step_index: int
    loop_name: str | None
    has_loop: bool


@attrs.define
class ReferenceContext:
    """What a document declares that references may name."""

    variables: set[str] = attrs.field(factory=set)
    """Parameter and constant names."""
    phases: dict[str, tuple[int, dict[str, tuple[int, object]]]] = attrs.field(factory=dict)
    """Phase name -> (phase index, step name -> (step index, action))."""
    loop_names: set[str] = attrs.field(factory=set)
    """Every loop name in the document."""

    @classmethod
    def of(cls, tree: dict[str, JsonValue], variables: set[str]) -> ReferenceContext:
        """The context of a document tree (malformed parts are skipped)."""
        ctx = cls(variables=set(variables))
        phases = tree.get("phases")
        for pi, phase in enumerate(phases if isinstance(phases, list) else []):
            if not isinstance(phase, dict) or not isinstance(phase.get("name"), str):
                continue
            steps: dict[str, tuple[int, object]] = {}
            raw_steps = phase.get("steps")
            for si, step in enumerate(raw_steps if isinstance(raw_steps, list) else []):
                if not isinstance(step, dict):
                    continue
                name = step.get("name")
                if isinstance(name, str):
                    steps.setdefault(name, (si, step.get("action")))
                loop = step.get("loop")
                if isinstance(loop, dict) and isinstance(loop.get("name"), str):
                    ctx.loop_names.add(str(loop["name"]))
            ctx.phases.setdefault(str(phase["name"]), (pi, steps))
        return ctx


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path)
            yield from _strings(item, f"{path}.{key}")


def check_references(
    findings: Findings, path: str, value: object, ctx: ReferenceContext, here: StepPlace
) -> None:
    """Report every reference in `value` (found at `path`) that cannot resolve."""
    for where, text in _strings(value, path):
        for match in _REFERENCE.finditer(text):
            _check_token(findings, where, match.group(1), ctx, here)


def _check_token(
    f: Findings, path: str, token: str, ctx: ReferenceContext, here: StepPlace
) -> None:
    if ":" in token:
        return
    ref = f"'{{{{ {token} }}}}'"
    parts = [_PART.fullmatch(part) for part in token.split(".")]
    if any(m is None for m in parts):
        f.error(path, f"{ref} is not a reference AWSTOE can resolve; check the dots and [index]")
        return
    names = [m.group(1) for m in parts if m is not None]
    head = names[0]
    if len(names) == 1:
        if head not in ctx.variables:
            f.error(
                path,
                f"{ref} names no parameter or constant; declare '{head}' under parameters "
                "or constants, or fix the spelling",
            )
        return
    if head == "loop" or head == here.loop_name:
        if not here.has_loop:
            f.warning(path, f"{ref} is left as it is: this step has no loop")
        elif len(names) != 2 or names[1] not in ("index", "value"):
            f.error(path, f"{ref}: a loop gives only '{head}.index' and '{head}.value'")
        return
    if head in ctx.phases:
        _check_chain(f, path, ref, names, ctx, here)
        return
    if head in ctx.loop_names:
        f.error(
            path, f"{ref} names the loop of another step; a loop's values exist only in its step"
        )
        return
    f.error(
        path,
        f"{ref}: '{head}' is not a phase of this document, this step's loop, a parameter or "
        "a constant",
    )


def _check_chain(
    f: Findings, path: str, ref: str, names: list[str], ctx: ReferenceContext, here: StepPlace
) -> None:
    phase = names[0]
    phase_index, steps = ctx.phases[phase]
    if len(names) < 4 or names[2] not in ("inputs", "outputs"):
        f.error(
            path,
            f"{ref}: write a step reference as phase.step.inputs.name or phase.step.outputs.name",
        )
        return
    step, kind, field = names[1], names[2], names[3]
    if step not in steps:
        f.error(path, f"{ref}: phase '{phase}' has no step named '{step}'")
        return
    step_index, action = steps[step]
    target, current = (phase_index, step_index), (here.phase_index, here.step_index)
    if target == current:
        f.error(path, f"{ref}: a step cannot read its own {kind}; refer to an earlier step")
        return
    if target > current:
        f.error(
            path,
            f"{ref}: step '{step}' of phase '{phase}' runs after this one; "
            "a step can only read the inputs and outputs of steps that ran before it",
        )
        return
    spec = ACTION_MODULES.get(action) if isinstance(action, str) else None
    if spec is not None and spec.name != "Assert":
        if kind == "outputs" and spec.outputs is not None and field not in spec.outputs:
            offers = ", ".join(spec.outputs) if spec.outputs else "nothing"
            f.error(path, f"{ref}: {spec.name} has no output '{field}' (it outputs {offers})")
        if kind == "inputs" and spec.input(field) is None:
            f.error(path, f"{ref}: {spec.name} has no input '{field}'")
    if here.phase in _TEST_STAGE and phase in _BUILD_STAGE:
        f.warning(
            path,
            f"{ref}: Image Builder runs the {here.phase} phase apart from the build stage, "
            f"so values from '{phase}' are not available there",
        )
