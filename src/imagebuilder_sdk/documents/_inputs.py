"""Checking a step's inputs against its action module's catalogue entry."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from imagebuilder_sdk.documents._modules import ASSERT_OPERATORS, InputKind, InputSpec, ModuleSpec
from imagebuilder_sdk.documents._problems import Findings, describe, show

__all__ = ["KIND_WORDS", "check_inputs", "did_you_mean", "is_reference"]

KIND_WORDS: dict[InputKind, str] = {
    "string": "a string",
    "boolean": "true or false",
    "integer": "an integer",
    "string_list": "a list of strings",
    "string_map": "a mapping of names to strings",
    "parameters": "a list of mappings with 'name' and 'value'",
    "any": "a value",
}


def is_reference(value: object) -> bool:
    """True for a string holding a ``{{ ... }}`` reference (checked elsewhere)."""
    return isinstance(value, str) and "{{" in value


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` when a choice is close to `word`, else ``""``."""
    options = list(choices)
    folded = word.lower()
    exact = [c for c in options if c.lower() == folded]
    prefix = [c for c in options if len(word) >= 3 and c.lower().startswith(folded)]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    match = next(iter(exact + prefix + close), None)
    return f"; did you mean '{match}'?" if match else ""


def _scalar(value: object) -> bool:
    # Values YAML can hold but JSON cannot (bytes) are reported once, by the tree check.
    return value is not None and not isinstance(value, (list, dict))


def _needs(module: str, spec: InputSpec) -> str:
    return f"{module} needs '{spec.name}', {KIND_WORDS[spec.kind]}"


def _check_value(f: Findings, path: str, module: str, spec: InputSpec, value: object) -> None:
    kind = spec.kind
    if value is None:
        f.error(path, f"{_needs(module, spec)}; it is empty")
    elif kind == "string" and not _scalar(value):
        f.error(path, f"{_needs(module, spec)}, not {describe(value)}")
    elif kind == "string" and spec.choices and not is_reference(value):
        if str(value).lower() not in {c.lower() for c in spec.choices}:
            f.error(path, f"{show(value)} is not allowed; use one of {', '.join(spec.choices)}")
    elif kind == "boolean" and not isinstance(value, bool):
        if not (is_reference(value) or str(value).lower() in ("true", "false")):
            f.error(path, f"{module}'s '{spec.name}' must be true or false, not {show(value)}")
    elif kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        if not is_reference(value):
            f.error(path, f"{module}'s '{spec.name}' must be an integer, not {describe(value)}")
    elif kind == "string_list":
        if not isinstance(value, list):
            f.error(path, f"{_needs(module, spec)}, not {describe(value)}")
        elif spec.required and not value:
            f.error(path, f"{_needs(module, spec)}; the list is empty")
        else:
            for i, item in enumerate(value):
                if not _scalar(item):
                    f.error(f"{path}[{i}]", f"{module}'s '{spec.name}' items must be strings")
    elif kind == "string_map":
        if not isinstance(value, dict):
            f.error(path, f"{_needs(module, spec)}, not {describe(value)}")
        else:
            for key, item in value.items():
                if not _scalar(item):
                    f.error(f"{path}.{key}", "must be a string")
    elif kind == "parameters":
        _check_parameter_list(f, path, module, spec, value)
    elif kind == "any" and isinstance(value, dict):
        f.error(path, f"{module}'s '{spec.name}' must be a string, a number or a list")


def _check_parameter_list(
    f: Findings, path: str, module: str, spec: InputSpec, value: object
) -> None:
    if not isinstance(value, list):
        f.error(path, f"{_needs(module, spec)}, not {describe(value)}")
        return
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not {"name", "value"} <= item.keys():
            f.error(f"{path}[{i}]", "write each parameter as '- name: ...' with 'value: ...'")


def _summary(module: ModuleSpec) -> str:
    wanted = [s for s in module.inputs if s.required or s.name in module.one_of]
    joiner = " or " if module.one_of else " and "
    return joiner.join(f"'{s.name}' ({KIND_WORDS[s.kind]})" for s in wanted)


def _check_entry(
    f: Findings, path: str, module: ModuleSpec, entry: dict[str, object], platform: str | None
) -> None:
    for spec in module.inputs:
        if spec.required and spec.name not in entry:
            f.error(f"{path}.{spec.name}", _needs(module.name, spec))
    if module.one_of:
        given = [name for name in module.one_of if entry.get(name) is not None]
        if len(given) != 1:
            options = " or ".join(f"'{name}'" for name in module.one_of)
            how = "not both" if given else "one of them"
            f.error(path, f"{module.name} needs {options}, {how}")
    for key, value in entry.items():
        found = module.input(key)
        if found is None:
            hint = did_you_mean(key, [s.name for s in module.inputs])
            f.warning(
                f"{path}.{key}", f"{module.name} has no input '{key}'{hint}; AWSTOE ignores it"
            )
            continue
        if value is None and not found.required:
            continue
        _check_value(f, f"{path}.{key}", module.name, found, value)
        if platform == "Windows" and not found.windows:
            f.warning(f"{path}.{key}", f"{module.name} refuses '{key}' on Windows")


def _check_assert(f: Findings, path: str, inputs: object) -> None:
    if not isinstance(inputs, dict):
        f.error(path, "Assert needs a mapping with one operator, like stringEquals, and 'value'")
        return
    operators = [key for key in inputs if key in ASSERT_OPERATORS]
    for key in inputs:
        if key not in ASSERT_OPERATORS and key != "value":
            hint = did_you_mean(key, sorted(ASSERT_OPERATORS))
            f.warning(f"{path}.{key}", f"'{key}' is not an operator Assert knows{hint}")
    if not operators:
        f.error(path, "Assert needs a comparison (like stringEquals) or and/or/not")
    elif len(operators) > 1:
        f.error(path, "Assert takes one operator at the top; combine several with 'and' or 'or'")


def check_inputs(
    f: Findings, path: str, module: ModuleSpec, inputs: object, platform: str | None
) -> None:
    """Report missing, unknown and mistyped inputs of one step (`path` ends in ``.inputs``)."""
    if module.name == "Assert":
        _check_assert(f, path, inputs)
        return
    if inputs is None:
        if module.inputs_required:
            f.error(path, f"{module.name} needs inputs: {_summary(module)}")
        return
    if module.layout == "mapping":
        if isinstance(inputs, dict):
            _check_entry(f, path, module, inputs, platform)
        else:
            f.error(path, f"{module.name} takes one mapping of inputs, not {describe(inputs)}")
        return
    if isinstance(inputs, dict):
        f.error(
            path,
            f"{module.name} takes a list of mappings, one per item; start each with '- '",
        )
    elif not isinstance(inputs, list) or not inputs:
        f.error(path, f"{module.name} needs a list with at least one mapping of inputs")
    else:
        for i, entry in enumerate(inputs):
            if isinstance(entry, dict):
                _check_entry(f, f"{path}[{i}]", module, entry, platform)
            else:
                f.error(f"{path}[{i}]", f"{module.name} inputs are mappings, not {describe(entry)}")
