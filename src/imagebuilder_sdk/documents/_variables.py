"""Validating a document's ``parameters`` and ``constants``."""

from __future__ import annotations

import re
from collections.abc import Mapping

from imagebuilder_sdk.documents._inputs import did_you_mean, is_reference
from imagebuilder_sdk.documents._model import JsonValue
from imagebuilder_sdk.documents._problems import Findings, describe, show

__all__ = ["VARIABLE_NAME", "check_variables"]

VARIABLE_NAME = re.compile(r"[A-Za-z0-9_-]{3,128}")
"""Parameter and constant names: 3 to 128 letters, digits, ``-`` and ``_``."""

PARAMETER_TYPES = ("string", "integer", "boolean", "stringList")
_PARAMETER_KEYS = ("type", "default", "description", "allowedValues")
_CONSTANT_KEYS = ("type", "value")


def _fits(kind: object, value: object) -> bool:
    if is_reference(value):
        return True
    if kind == "string":
        return isinstance(value, (str, int, float, bool))
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, str) and value.strip().lstrip("+-").isdigit()
        )
    if kind == "boolean":
        return isinstance(value, bool) or str(value).lower() in ("true", "false")
    if kind == "stringList":
        return isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
    return True


def _check_parameter(f: Findings, path: str, body: Mapping[str, JsonValue]) -> None:
    kind = body.get("type")
    if kind is None:
        f.error(f"{path}.type", "missing; add 'type: string' (or integer, boolean, stringList)")
    elif kind not in PARAMETER_TYPES:
        hint = did_you_mean(str(kind), PARAMETER_TYPES)
        f.error(f"{path}.type", f"{show(kind)} is not string, integer, boolean or stringList{hint}")
    default = body.get("default")
    if default is not None and kind in PARAMETER_TYPES and not _fits(kind, default):
        f.error(f"{path}.default", f"does not fit type {kind}; it is {describe(default)}")
    allowed = body.get("allowedValues")
    if allowed is not None:
        if not isinstance(allowed, list):
            f.error(f"{path}.allowedValues", f"must be a list, not {describe(allowed)}")
        elif default is not None and default not in allowed:
            f.error(f"{path}.default", "is not one of the allowedValues")
    description = body.get("description")
    if description is not None and not isinstance(description, str):
        f.error(f"{path}.description", f"must be a string, not {describe(description)}")
    for key in [k for k in body if k not in _PARAMETER_KEYS]:
        f.warning(f"{path}.{key}", f"a parameter has no key '{key}'; AWSTOE ignores it")


def _check_constant(f: Findings, path: str, body: Mapping[str, JsonValue]) -> None:
    kind = body.get("type")
    if kind is None:
        f.error(f"{path}.type", "missing; add 'type: string'")
    elif kind != "string":
        f.error(f"{path}.type", f"{show(kind)} is not allowed; constants are 'type: string'")
    value = body.get("value")
    if value is None:
        f.error(f"{path}.value", "missing; a constant needs a value")
    elif not isinstance(value, (str, int, float, bool)):
        f.error(f"{path}.value", f"must be a string, not {describe(value)}")
    for key in [k for k in body if k not in _CONSTANT_KEYS]:
        f.warning(f"{path}.{key}", f"a constant has no key '{key}'; AWSTOE ignores it")


def check_variables(f: Findings, tree: Mapping[str, JsonValue]) -> set[str]:
    """Report problems of parameters and constants; return the names they declare."""
    declared: dict[str, str] = {}
    for section in ("parameters", "constants"):
        entries = tree.get(section)
        if entries is None:
            continue
        if not isinstance(entries, list):
            f.error(
                section, f"must be a list like '- Name: {{type: string}}', not {describe(entries)}"
            )
            continue
        for index, entry in enumerate(entries):
            path = f"{section}[{index}]"
            if not isinstance(entry, dict) or len(entry) != 1:
                f.error(path, "must be a mapping with one key, the name: '- Name: {type: string}'")
                continue
            ((name, body),) = entry.items()
            here = f"{path}.{name}"
            if not VARIABLE_NAME.fullmatch(name):
                f.error(here, f"{show(name)}: names are 3 to 128 letters, digits, '-' or '_'")
            if name in declared:
                f.error(here, f"{show(name)} is already declared at {declared[name]}")
            else:
                declared[name] = path
            if not isinstance(body, dict):
                f.error(here, f"must be a mapping with type and more, not {describe(body)}")
            elif section == "parameters":
                _check_parameter(f, here, body)
            else:
                _check_constant(f, here, body)
    return set(declared)
