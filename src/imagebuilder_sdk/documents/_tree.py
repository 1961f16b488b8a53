"""Converting between the document model and the plain document tree.

The tree is what a YAML parser returns: dicts, lists and scalars, with the document's
own key names (``schemaVersion``, ``onFailure``). `document_to_tree` orders keys the way
people write them; keys the model does not know travel in each class's ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from imagebuilder_sdk.documents._model import (
    ComponentDocument,
    Constant,
    JsonValue,
    Loop,
    LoopRange,
    Parameter,
    Phase,
    Step,
    _to_json,
)
from imagebuilder_sdk.errors import ValidationError

__all__ = ["document_from_text", "document_from_tree", "document_to_tree"]

_DOC_KEYS = ("name", "description", "schemaVersion", "parameters", "constants", "phases")
_STEP_KEYS = ("name", "action", "onFailure", "timeoutSeconds", "maxAttempts", "loop", "if")


class _Unrepresentable(Exception):
    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def _drop_none(pairs: Mapping[str, JsonValue]) -> dict[str, JsonValue]:
    return {key: value for key, value in pairs.items() if value is not None}


def _version_to_tree(version: str) -> JsonValue:
    if re.fullmatch(r"[0-9]+", version):
        return int(version)
    if re.fullmatch(r"[0-9]+\.[0-9]+", version) and repr(float(version)) == version:
        return float(version)
    return version


def _loop_to_tree(loop: Loop) -> dict[str, JsonValue]:
    out = _drop_none({"name": loop.name, "forEach": loop.for_each})
    if loop.for_ is not None:
        r = loop.for_
        out["for"] = {"start": r.start, "end": r.end, "updateBy": r.update_by, **r.extra}
    return {**out, **loop.extra}


def _step_to_tree(step: Step) -> dict[str, JsonValue]:
    out = _drop_none(
        {
            "name": step.name,
            "action": step.action,
            "onFailure": step.on_failure,
            "timeoutSeconds": step.timeout_seconds,
            "maxAttempts": step.max_attempts,
            "loop": _loop_to_tree(step.loop) if step.loop is not None else None,
            "if": step.if_,
        }
    )
    out.update(step.extra)
    if step.inputs is not None:
        out["inputs"] = step.inputs
    return out


def document_to_tree(doc: ComponentDocument) -> dict[str, JsonValue]:
    """The document tree of `doc`, keys in the order people write them."""
    out = _drop_none({"name": doc.name, "description": doc.description})
    out["schemaVersion"] = _version_to_tree(doc.schema_version)
    if doc.parameters:
        out["parameters"] = [
            {
                p.name: {
                    **_drop_none(
                        {"type": p.type, "default": p.default, "description": p.description}
                    ),
                    **p.extra,
                }
            }
            for p in doc.parameters
        ]
    if doc.constants:
        out["constants"] = [
            {c.name: {**_drop_none({"type": c.type, "value": c.value}), **c.extra}}
            for c in doc.constants
        ]
    out["phases"] = [
        {"name": phase.name, "steps": [_step_to_tree(s) for s in phase.steps], **phase.extra}
        for phase in doc.phases
    ]
    out.update(doc.extra)
    return out


def _text(value: object, path: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise _Unrepresentable(path, "is missing")
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _Unrepresentable(path, "must be a string")


def _integer(value: object, path: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _Unrepresentable(path, "must be an integer")


def _mapping(value: object, path: str) -> dict[str, JsonValue]:
    if not isinstance(value, dict):
        raise _Unrepresentable(path, "must be a mapping")
    return value


def _items(value: object, path: str) -> list[JsonValue]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Unrepresentable(path, "must be a list")
    return value


def _rest(data: Mapping[str, JsonValue], known: tuple[str, ...]) -> dict[str, JsonValue]:
    return {key: value for key, value in data.items() if key not in known}


def _named(value: object, path: str) -> tuple[str, dict[str, JsonValue]]:
    entry = _mapping(value, path)
    if len(entry) != 1:
        raise _Unrepresentable(path, "must be a mapping with exactly one key, the name")
    ((name, body),) = entry.items()
    return name, _mapping(body, f"{path}.{name}")


def _parameter(value: object, path: str) -> Parameter:
    name, body = _named(value, path)
    return Parameter(
        name,
        _text(body.get("type"), f"{path}.{name}.type"),
        body.get("default"),
        _text(body.get("description"), f"{path}.{name}.description"),
        extra=_rest(body, ("type", "default", "description")),
    )


def _constant(value: object, path: str) -> Constant:
    name, body = _named(value, path)
    return Constant(
        name,
        body.get("value"),
        _text(body.get("type"), f"{path}.{name}.type"),
        extra=_rest(body, ("type", "value")),
    )


def _loop(value: object, path: str) -> Loop | None:
    if value is None:
        return None
    data = _mapping(value, path)
    for_ = None
    if data.get("for") is not None:
        r = _mapping(data["for"], f"{path}.for")
        bounds = [_integer(r.get(k), f"{path}.for.{k}") for k in ("start", "end", "updateBy")]
        if None in bounds:
            raise _Unrepresentable(f"{path}.for", "needs start, end and updateBy")
        start, end, update_by = (b for b in bounds if b is not None)
        for_ = LoopRange(start, end, update_by, extra=_rest(r, ("start", "end", "updateBy")))
    return Loop(
        _text(data.get("name"), f"{path}.name"),
        data.get("forEach"),
        for_,
        extra=_rest(data, ("name", "forEach", "for")),
    )


def _step(value: object, path: str) -> Step:
    data = _mapping(value, path)
    return Step(
        _text(data.get("name"), f"{path}.name", required=True) or "",
        _text(data.get("action"), f"{path}.action", required=True) or "",
        data.get("inputs"),
        _text(data.get("onFailure"), f"{path}.onFailure"),
        _integer(data.get("timeoutSeconds"), f"{path}.timeoutSeconds"),
        _integer(data.get("maxAttempts"), f"{path}.maxAttempts"),
        _loop(data.get("loop"), f"{path}.loop"),
        data.get("if"),
        extra=_rest(data, (*_STEP_KEYS, "inputs")),
    )


def _phase(value: object, path: str) -> Phase:
    data = _mapping(value, path)
    steps = _items(data.get("steps"), f"{path}.steps")
    return Phase(
        _text(data.get("name"), f"{path}.name", required=True) or "",
        [_step(s, f"{path}.steps[{i}]") for i, s in enumerate(steps)],
        extra=_rest(data, ("name", "steps")),
    )


def _build(data: object) -> ComponentDocument:
    if not isinstance(data, Mapping):
        raise _Unrepresentable("", "must be a mapping")
    # A plain copy; refuses values YAML can express but JSON cannot (bytes, sets).
    tree = _mapping(_to_json(data), "")
    version = tree.get("schemaVersion")
    if isinstance(version, float):
        version = repr(version)
    parameters = _items(tree.get("parameters"), "parameters")
    constants = _items(tree.get("constants"), "constants")
    phases = _items(tree.get("phases"), "phases")
    return ComponentDocument(
        _text(tree.get("name"), "name"),
        _text(tree.get("description"), "description"),
        _text(version, "schemaVersion", required=True) or "",
        [_parameter(p, f"parameters[{i}]") for i, p in enumerate(parameters)],
        [_constant(c, f"constants[{i}]") for i, c in enumerate(constants)],
        [_phase(p, f"phases[{i}]") for i, p in enumerate(phases)],
        extra=_rest(tree, _DOC_KEYS),
    )


def _refuse(data: object, reason: _Unrepresentable | ValidationError) -> ValidationError:
    from imagebuilder_sdk.documents._validate import validate_tree

    problems = [str(p) for p in validate_tree(data) if p.is_error]
    if not problems:
        problems = [str(reason)]
    return ValidationError(
        "data", "the component document does not fit the model", problems=problems
    )


def document_from_tree(data: object) -> ComponentDocument:
    """The model of a document tree; `ValidationError` if its shape does not fit."""
    try:
        return _build(data)
    except (_Unrepresentable, ValidationError) as exc:
        raise _refuse(data, exc) from None


def document_from_text(text: str) -> ComponentDocument:
    """Parse YAML text into the model; `ValidationError` if it does not parse or fit."""
    from imagebuilder_sdk.documents._yaml import YamlSyntaxError, parse_yaml

    try:
        data, _ = parse_yaml(text)
    except YamlSyntaxError as exc:
        raise ValidationError("data", f"YAML does not parse: {exc}") from None
    return document_from_tree(data)
