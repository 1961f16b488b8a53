"""Canonical forms of declared and existing content, and the diff between them.

A declaration and the resource the account holds are compared field by field on a
canonical form: plain JSON-like values (dicts with sorted keys, lists, strings,
numbers, booleans), with models flattened by attribute name, enums by value and
versions as text. Two rules keep the comparison honest:

- only what the declaration says is compared: a field (or nested member) it leaves
  out is not managed, so a default the service fills in is not drift;
- references know wildcards: a declared ``.../update-linux/1.0.x`` is satisfied by a
  stored ``.../update-linux/1.0.x`` and by a stored ``.../update-linux/1.0.12``, and a
  declared version ARN by a build of that version (``.../1.0.12/1``).

>>> covers({"a": 1}, {"a": 1, "b": 2})
True
>>> covers(
...     "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.x",
...     "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.12/1",
... )
True
>>> [str(c) for c in diff({"tags": {"team": "web"}}, {"tags": {"team": "ops"}})]
["tags.team: 'ops' -> 'web'"]
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter

__all__ = ["FieldChange", "canonical", "covers", "diff", "fingerprint"]


@attrs.frozen
class FieldChange:
    """One field that differs: its dotted path, the value the account has and the wanted one."""

    path: str
    """Where, such as ``schedule.scheduleExpression`` or ``components[0].component_arn``."""
    before: Any
    """The value in the account (canonical form); None when it is not set there."""
    after: Any
    """The declared value (canonical form)."""

    def __str__(self) -> str:
        return f"{self.path}: {self.before!r} -> {self.after!r}"


def canonical(value: object) -> Any:
    """`value` as plain, comparable data: models by attribute, enums by value, no Nones."""
    if isinstance(value, enum.Enum):  # before str: the models' enums are str subclasses
        return canonical(value.value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (SemanticVersion, BuildVersion, VersionFilter, Arn)):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        items = {f.name: canonical(getattr(value, f.name)) for f in fields}
        return {k: v for k, v in sorted(items.items()) if v is not None}
    if isinstance(value, Mapping):
        pairs = {str(k): canonical(v) for k, v in value.items()}
        return {k: v for k, v in sorted(pairs.items()) if v is not None}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(canonical(v) for v in value)
    pending = getattr(value, "canonical_text", None)
    if isinstance(pending, str):
        return pending
    raise ValidationError("value", f"cannot compare a {type(value).__name__}", value=None)


def fingerprint(value: object) -> str:
    """A stable digest of `value`'s canonical form (hex)."""
    text = json.dumps(canonical(value), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def covers(wanted: Any, have: Any) -> bool:
    """Whether `have` (the account's canonical value) satisfies `wanted` (declared)."""
    return not diff(wanted, have)


def diff(wanted: Any, have: Any, path: str = "") -> list[FieldChange]:
    """The fields where `have` does not satisfy `wanted`, by the rules in the module doc."""
    if isinstance(wanted, Mapping):
        if have is None:
            have = {}  # nothing there yet: show each declared member
        if not isinstance(have, Mapping):
            return [FieldChange(path or "(value)", have, wanted)]
        changes: list[FieldChange] = []
        for key, value in wanted.items():
            changes += diff(value, have.get(key), f"{path}.{key}" if path else str(key))
        return changes
    if isinstance(wanted, list):
        if have is None:
            have = [None] * len(wanted)  # nothing there yet: show each declared item
        if not isinstance(have, list) or len(have) != len(wanted):
            return [FieldChange(path or "(value)", have, wanted)]
        changes = []
        for index, (w, h) in enumerate(zip(wanted, have, strict=True)):
            changes += diff(w, h, f"{path}[{index}]")
        return changes
    if wanted == have or _same_reference(wanted, have):
        return []
    return [FieldChange(path or "(value)", have, wanted)]


def _same_reference(wanted: object, have: object) -> bool:
    """Whether two ARN texts name the same resource, wildcards and builds considered."""
    if not (isinstance(wanted, str) and isinstance(have, str)):
        return False
    if not (wanted.startswith("arn:") and have.startswith("arn:")):
        return False
    try:
        w, h = Arn.parse(wanted), Arn.parse(have)
    except ValidationError:
        return False
    if w.with_version(None) != h.with_version(None):
        return False
    if isinstance(w.version, VersionFilter):
        if isinstance(h.version, VersionFilter):
            return w.version == h.version
        return h.version is not None and w.version.matches(h.version)
    if isinstance(w.version, SemanticVersion) and isinstance(h.version, BuildVersion):
        return h.version.semantic_version == w.version
    return False
