"""Component documents (AWSTOE YAML): the checks and facts the service reads from them.

With PyYAML installed (the ``yaml`` extra) a document must parse to a mapping with a
``phases`` list, and the component's type and parameters are read from it; without
PyYAML any non-empty document is accepted as a build component without parameters.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from imagebuilder_sdk.testing._state import ServiceError

__all__ = ["describe_document", "shell_document"]


_PARAMETER_TYPES = {
    "string": "String",
    "integer": "Integer",
    "boolean": "Boolean",
    "stringlist": "StringList",
}


def _load_yaml(text: str) -> tuple[bool, Any]:
    """``(True, data)`` when PyYAML parsed the text, ``(False, None)`` without PyYAML."""
    try:
        yaml = importlib.import_module("yaml")
    except ImportError:
        return False, None
    try:
        return True, yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _bad(f"The document is not valid YAML: {exc.__class__.__name__}.") from exc


def _bad(reason: str) -> ServiceError:
    return ServiceError(
        "InvalidParameterValueException",
        f"The value supplied for parameter 'data' is not valid. {reason}",
    )


def _parameters(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for entry in document.get("parameters") or []:
        if not isinstance(entry, dict) or len(entry) != 1:
            raise _bad("Each parameter must be a mapping with one name.")
        [(name, spec)] = entry.items()
        spec = spec if isinstance(spec, dict) else {}
        kind = _PARAMETER_TYPES.get(str(spec.get("type", "string")).lower())
        if kind is None:
            raise _bad(
                f"Parameter {name!r} has a type other than {', '.join(_PARAMETER_TYPES.values())}."
            )
        detail: dict[str, Any] = {"name": str(name), "type": kind}
        if "default" in spec:
            detail["defaultValue"] = [str(spec["default"])]
        if spec.get("description"):
            detail["description"] = str(spec["description"])
        found.append(detail)
    return found


def describe_document(data: str) -> tuple[str, list[dict[str, Any]]]:
    """The component type (``BUILD``/``TEST``) and parameter details of a document.

    Raises ``InvalidParameterValueException`` for a document the service would refuse.
    """
    parsed, document = _load_yaml(data)
    if not parsed:
        return "BUILD", []
    if not isinstance(document, dict) or not isinstance(document.get("phases"), list):
        raise _bad("A component document is a YAML mapping with a 'phases' list.")
    phases = set()
    for phase in document["phases"]:
        if not isinstance(phase, dict) or "name" not in phase:
            raise _bad("Each phase needs a 'name' and 'steps'.")
        phases.add(str(phase["name"]))
    if not phases <= {"build", "validate", "test"}:
        raise _bad("Phase names are build, validate and test.")
    kind = "TEST" if phases == {"test"} else "BUILD"
    return kind, _parameters(document)


def shell_document(name: str, script: str, platform: str, kind: str) -> str:
    """The AWSTOE document the service makes of an imported shell script."""
    action = "ExecutePowerShell" if platform == "Windows" else "ExecuteBash"
    phase = "test" if kind == "TEST" else "build"
    lines = "".join(
        f"            - {json.dumps(line)}\n" for line in script.splitlines() if line.strip()
    )
    return (
        f"name: {name}\n"
        "description: Imported from a shell script.\n"
        "schemaVersion: 1.0\n"
        "phases:\n"
        f"  - name: {phase}\n"
        "    steps:\n"
        "      - name: Script\n"
        f"        action: {action}\n"
        "        inputs:\n"
        "          commands:\n"
        f"{lines}"
    )
