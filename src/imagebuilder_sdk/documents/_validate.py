"""`validate`: every problem of a component document, found in one pass.

The validator works on the plain document tree, so it can report on documents that are
too broken for the model; a `ComponentDocument` is first turned into its tree.

>>> problems = validate("schemaVersion: 1.0\\nphases: []\\n")
>>> [str(p) for p in problems]
['phases: is empty; add a build, validate or test phase']
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping

from imagebuilder_sdk._validation import enum_rule
from imagebuilder_sdk.documents._inputs import did_you_mean
from imagebuilder_sdk.documents._model import ComponentDocument, JsonValue
from imagebuilder_sdk.documents._modules import ALL_PLATFORMS
from imagebuilder_sdk.documents._problems import Findings, Problem, describe, show
from imagebuilder_sdk.documents._references import ReferenceContext
from imagebuilder_sdk.documents._steps import check_steps
from imagebuilder_sdk.documents._variables import check_variables
from imagebuilder_sdk.documents._yaml import YamlSyntaxError, parse_yaml, render_yaml
from imagebuilder_sdk.errors import ValidationError

__all__ = ["max_data_length", "validate", "validate_tree"]

_DOC_KEYS = ("name", "description", "schemaVersion", "parameters", "constants", "phases")
_PHASE_KEYS = ("name", "steps")
_RUN_PHASES = ("build", "validate", "test", "container-host-test")
_NEEDED_PHASES = ("build", "validate", "test")
_SCHEMA_VERSIONS = ("1.0", "1")


@functools.cache
def max_data_length() -> int:
    """The most characters CreateComponent accepts in ``data`` (from the service model)."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("imagebuilder")
    request = model.operation_model("CreateComponent").input_shape
    assert request is not None
    shape = request.members["data"]
    return int(shape.metadata["max"])


def _platform(value: str | None) -> str | None:
    if value is None:
        return None
    for known in ALL_PLATFORMS:
        if isinstance(value, str) and value.lower() == known.lower():
            return known
    raise ValidationError("platform", enum_rule(list(ALL_PLATFORMS), value), value=value)


def _check_length(f: Findings, text: str) -> None:
    limit = max_data_length()
    if not text.strip():
        f.error("", "the document is empty; write at least schemaVersion and phases")
    elif len(text) > limit:
        f.error(
            "",
            f"the document is {len(text)} characters; CreateComponent accepts at most {limit} "
            "in 'data': shorten it, or upload it to S3 and pass 'uri' instead",
        )
    if "\x00" in text:
        f.error("", "the document contains a NUL character, which the service refuses")


def _check_json(f: Findings, path: str, value: object) -> None:
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_json(f, f"{path}[{i}]", item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(f, f"{path}.{key}" if path else str(key), item)
    elif value is not None and not isinstance(value, (str, int, float, bool)):
        f.error(path, f"{describe(value)} is not a value AWSTOE reads; write a string instead")


def _check_header(f: Findings, tree: Mapping[str, JsonValue]) -> None:
    version = tree.get("schemaVersion")
    if version is None:
        f.error("schemaVersion", "missing; add 'schemaVersion: 1.0'")
    elif isinstance(version, bool) or str(version) not in _SCHEMA_VERSIONS:
        f.error("schemaVersion", f"{show(version)} is not a schema version; use 1.0")
    for key in ("name", "description"):
        value = tree.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            f.error(key, f"must be a string, not {describe(value)}")
    for key in [k for k in tree if k not in _DOC_KEYS]:
        hint = did_you_mean(key, _DOC_KEYS)
        f.warning(key, f"a document has no key '{key}'{hint}; AWSTOE ignores it")


def _check_phases(
    f: Findings, tree: dict[str, JsonValue], ctx: ReferenceContext, platform: str | None
) -> None:
    phases = tree.get("phases")
    if phases is None:
        f.error("phases", "missing; add a build, validate or test phase with its steps")
        return
    if not isinstance(phases, list):
        f.error("phases", f"must be a list of phases, not {describe(phases)}")
        return
    if not phases:
        f.error("phases", "is empty; add a build, validate or test phase")
        return
    seen: dict[str, int] = {}
    for index, phase in enumerate(phases):
        path = f"phases[{index}]"
        if not isinstance(phase, dict):
            f.error(path, f"a phase is a mapping with name and steps, not {describe(phase)}")
            continue
        name = phase.get("name")
        if not isinstance(name, str):
            f.error(f"{path}.name", "missing; name the phase build, validate or test")
            name = ""
        elif name in seen:
            f.error(
                f"{path}.name",
                f"phase {show(name)} is already phases[{seen[name]}]; put its steps in one phase",
            )
        else:
            seen[name] = index
            if name not in _RUN_PHASES:
                f.warning(
                    f"{path}.name",
                    f"Image Builder never runs a phase named {show(name)}"
                    f"{did_you_mean(name, _RUN_PHASES)}; it runs build, validate, test and "
                    "container-host-test",
                )
        steps = phase.get("steps")
        if not steps:
            f.error(f"{path}.steps", "a phase needs at least one step")
        elif not isinstance(steps, list):
            f.error(f"{path}.steps", f"must be a list of steps, not {describe(steps)}")
        else:
            check_steps(f, path, name, index, steps, ctx, platform)
        for key in [k for k in phase if k not in _PHASE_KEYS]:
            f.warning(f"{path}.{key}", f"a phase has no key '{key}'; AWSTOE ignores it")
    if seen and not any(name in seen for name in _NEEDED_PHASES):
        f.error("phases", "include at least one of the phases build, validate and test")


def validate_tree(data: object, *, platform: str | None = None) -> list[Problem]:
    """Every problem of a document tree (what a YAML parser returns); no size check."""
    f = Findings()
    if not isinstance(data, dict):
        f.error(
            "",
            f"a document is a mapping with schemaVersion and phases, not {describe(data)}",
        )
        return f.problems
    _check_json(f, "", data)
    _check_header(f, data)
    variables = check_variables(f, data)
    _check_phases(f, data, ReferenceContext.of(data, variables), _platform(platform))
    return f.problems


def _rendered(tree: dict[str, JsonValue]) -> str:
    try:
        return render_yaml(tree)
    except ImportError:
        return json.dumps(tree)  # JSON is YAML too, and about as long


def validate(
    document_or_text: ComponentDocument | str | Mapping[str, JsonValue],
    *,
    platform: str | None = None,
) -> list[Problem]:
    """Every problem of a component document, errors and warnings, in document order.

    `document_or_text` is a `ComponentDocument`, the YAML text of one (as sent in
    CreateComponent's ``data``), or its parsed tree. `platform` (``Linux``, ``Windows``
    or ``macOS``) turns on warnings for modules the platform cannot run. An empty list
    means the document is fine.
    """
    canonical = _platform(platform)
    f = Findings()
    if isinstance(document_or_text, str):
        _check_length(f, document_or_text)
        if not document_or_text.strip():
            return f.problems
        try:
            data, duplicates = parse_yaml(document_or_text)
        except YamlSyntaxError as exc:
            f.error("", f"YAML does not parse: {exc}")
            return f.problems
        for dup in duplicates:
            f.error(
                "",
                f"key {show(dup.key)} appears twice in one mapping (line {dup.line}); "
                "only the last one would count, so remove or rename one",
            )
    elif isinstance(document_or_text, (ComponentDocument, Mapping)):
        tree = (
            document_or_text.to_dict()
            if isinstance(document_or_text, ComponentDocument)
            else dict(document_or_text)
        )
        _check_length(f, _rendered(tree))
        data = tree
    else:
        raise ValidationError(
            "document_or_text",
            "must be a ComponentDocument, YAML text or a document tree",
            value=type(document_or_text).__name__,
        )
    return f.problems + validate_tree(data, platform=canonical)
