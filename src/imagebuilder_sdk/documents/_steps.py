"""Validating the steps of one phase: names, actions, step options, loops, inputs."""

from __future__ import annotations

import re
from typing import TypeGuard

from imagebuilder_sdk.documents._inputs import check_inputs, did_you_mean
from imagebuilder_sdk.documents._model import JsonValue
from imagebuilder_sdk.documents._modules import ACTION_MODULES, ModuleSpec
from imagebuilder_sdk.documents._problems import Findings, describe, show
from imagebuilder_sdk.documents._references import ReferenceContext, StepPlace, check_references

__all__ = ["STEP_NAME", "check_steps"]

STEP_NAME = re.compile(r"[A-Za-z0-9_-]+")
"""Step and loop names: letters, digits, ``-`` and ``_`` (a dot would break references)."""

_ON_FAILURE = ("Abort", "Continue", "Ignore")
_STEP_KEYS = (
    "name",
    "action",
    "inputs",
    "onFailure",
    "timeoutSeconds",
    "maxAttempts",
    "loop",
    "if",
)
_LOOP_KEYS = ("name", "forEach", "for")
_DELIMITERS = frozenset(".,;:\n\t -_")


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_options(
    f: Findings, path: str, step: dict[str, JsonValue], spec: ModuleSpec | None
) -> None:
    on_failure = step.get("onFailure")
    if on_failure is not None and on_failure not in _ON_FAILURE:
        hint = did_you_mean(str(on_failure), _ON_FAILURE)
        f.error(f"{path}.onFailure", f"{show(on_failure)} is not Abort, Continue or Ignore{hint}")
    timeout = step.get("timeoutSeconds")
    if timeout is not None and not (_whole(timeout) and (timeout == -1 or timeout >= 1)):
        f.error(
            f"{path}.timeoutSeconds",
            "must be a whole number of seconds, 1 or more, or -1 for no limit",
        )
    attempts = step.get("maxAttempts")
    if attempts is not None and not (_whole(attempts) and attempts >= 1):
        f.error(f"{path}.maxAttempts", "must be a whole number, 1 or more")
    if spec is not None and spec.name == "ExecuteDocument":
        if timeout not in (None, -1):
            f.error(f"{path}.timeoutSeconds", "ExecuteDocument has no timeout; leave it out")
        if attempts not in (None, 1):
            f.error(f"{path}.maxAttempts", "ExecuteDocument runs once; leave maxAttempts out")
    if spec is not None and spec.name == "Reboot" and timeout is not None:
        f.warning(f"{path}.timeoutSeconds", "Reboot ignores timeoutSeconds; leave it out")
    condition = step.get("if")
    if "if" in step and not isinstance(condition, (dict, list)):
        f.error(f"{path}.if", "a condition is a mapping with one operator, like stringEquals")


def _check_range(f: Findings, path: str, value: object) -> None:
    if not isinstance(value, dict):
        f.error(path, "'for' needs a mapping with start, end and updateBy")
        return
    bounds = {}
    for key in ("start", "end", "updateBy"):
        if not _whole(value.get(key)):
            f.error(f"{path}.{key}", "must be an integer (references are not allowed here)")
        else:
            bounds[key] = value[key]
    if len(bounds) == 3:
        start, end, by = bounds["start"], bounds["end"], bounds["updateBy"]
        if by == 0:
            f.error(f"{path}.updateBy", "must not be 0: the loop would never end")
        elif (end - start) * by < 0:
            sign = "positive" if end > start else "negative"
            f.error(f"{path}.updateBy", f"moves away from end; use a {sign} updateBy")


def _check_for_each(f: Findings, path: str, value: object) -> None:
    if isinstance(value, list):
        if not value:
            f.error(path, "needs at least one value")
        for i, item in enumerate(value):
            if not isinstance(item, (str, int, float)) or isinstance(item, bool):
                f.error(f"{path}[{i}]", "loop values must be strings")
    elif isinstance(value, dict):
        if not isinstance(value.get("list"), str):
            f.error(f"{path}.list", "needs 'list', a string of values joined by the delimiter")
        delimiter = value.get("delimiter")
        if delimiter is not None and (
            not isinstance(delimiter, str) or delimiter not in _DELIMITERS
        ):
            f.error(f"{path}.delimiter", "must be one character of . , ; : - _ space tab newline")
        for key in [k for k in value if k not in ("list", "delimiter")]:
            f.warning(f"{path}.{key}", f"forEach has no key '{key}'; AWSTOE ignores it")
    else:
        f.error(path, "must be a list of strings, or a mapping with 'list' and 'delimiter'")


def _check_loop(f: Findings, path: str, loop: object, names: dict[str, str]) -> None:
    if not isinstance(loop, dict):
        f.error(path, "a loop is a mapping with forEach or for")
        return
    name = loop.get("name")
    if name is not None:
        if not isinstance(name, str) or not STEP_NAME.fullmatch(name):
            f.error(f"{path}.name", "loop names use letters, digits, '-' and '_' only")
        elif name in names:
            f.error(f"{path}.name", f"loop name {show(name)} is also used at {names[name]}")
        else:
            names[name] = path
    given = [key for key in ("forEach", "for") if loop.get(key) is not None]
    if len(given) != 1:
        f.error(path, "give a loop exactly one of forEach and for")
    if loop.get("for") is not None:
        _check_range(f, f"{path}.for", loop["for"])
    if loop.get("forEach") is not None:
        _check_for_each(f, f"{path}.forEach", loop["forEach"])
    for key in [k for k in loop if k not in _LOOP_KEYS]:
        f.warning(f"{path}.{key}", f"a loop has no key '{key}'; AWSTOE ignores it")


def _check_action(
    f: Findings, path: str, step: dict[str, JsonValue], platform: str | None
) -> ModuleSpec | None:
    action = step.get("action")
    if action is None:
        f.error(path, "missing; name the action module to run, such as ExecuteBash")
        return None
    if not isinstance(action, str):
        f.error(path, f"must be the name of an action module, not {describe(action)}")
        return None
    spec = ACTION_MODULES.get(action)
    if spec is None:
        hint = did_you_mean(action, ACTION_MODULES)
        f.error(path, f"{show(action)} is not an AWSTOE action module{hint}")
    elif platform is not None and platform not in spec.platforms:
        where = " and ".join(sorted(spec.platforms))
        f.warning(path, f"{action} runs only on {where}; this is a {platform} component")
    return spec


def check_steps(
    f: Findings,
    path: str,
    phase: str,
    phase_index: int,
    steps: list[JsonValue],
    ctx: ReferenceContext,
    platform: str | None,
) -> None:
    """Report the problems of every step of one phase (`path` is the phase's path)."""
    seen: dict[str, int] = {}
    loops: dict[str, str] = {}
    for index, step in enumerate(steps):
        here = f"{path}.steps[{index}]"
        if not isinstance(step, dict):
            f.error(here, f"a step is a mapping with name, action and inputs, not {describe(step)}")
            continue
        name = step.get("name")
        if isinstance(name, (int, float)) and not isinstance(name, bool):
            name = str(name)  # AWSTOE reads a numeric name as its text
        if name is None:
            f.error(f"{here}.name", "missing; every step needs a name")
        elif not isinstance(name, str) or not STEP_NAME.fullmatch(name):
            f.error(
                f"{here}.name",
                f"{show(name)} is not a valid step name; use letters, digits, '-' and '_' only",
            )
        elif name in seen:
            f.error(
                f"{here}.name",
                f"step name {show(name)} is already used by steps[{seen[name]}] of phase "
                f"{show(phase)}; step names must be unique within a phase",
            )
        else:
            seen[name] = index
        spec = _check_action(f, f"{here}.action", step, platform)
        _check_options(f, here, step, spec)
        loop = step.get("loop")
        if "loop" in step:
            _check_loop(f, f"{here}.loop", loop, loops)
        if spec is not None:
            check_inputs(f, f"{here}.inputs", spec, step.get("inputs"), platform)
        loop_name = loop.get("name") if isinstance(loop, dict) else None
        place = StepPlace(
            phase,
            phase_index,
            index,
            loop_name if isinstance(loop_name, str) else None,
            isinstance(loop, dict),
        )
        for key in ("loop", "if", "inputs"):
            if key in step:
                check_references(f, f"{here}.{key}", step[key], ctx, place)
        for key in [k for k in step if k not in _STEP_KEYS]:
            hint = did_you_mean(key, _STEP_KEYS)
            f.warning(f"{here}.{key}", f"a step has no key '{key}'{hint}; AWSTOE ignores it")
