"""Validators and helpers the declaration modules share (no declaration lives here)."""

from __future__ import annotations

from typing import Any

import attrs

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.plan._kinds import Bump, Resolve, Versioned
from imagebuilder_sdk.versions import SemanticVersion, VersionFilter

__all__ = [
    "VersionedDocument",
    "check_bump",
    "check_data",
    "check_filter",
    "check_version",
    "document_tree",
    "model_fields_of",
    "one_of",
]


def model_fields_of(model: type) -> frozenset[str]:
    """The attribute names of an attrs model class."""
    return frozenset(f.name for f in attrs.fields(model))


def check_version(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, a `SemanticVersion` or its text."""
    if value is not None and not isinstance(value, SemanticVersion):
        if not isinstance(value, str):
            raise ValidationError("version", "must be a version such as '1.2.0'", value=value)
        SemanticVersion.parse(value, field="version")


def check_bump(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a `Bump` or its value."""
    if isinstance(value, Bump):
        return
    if value not in {b.value for b in Bump}:
        raise ValidationError("bump", "must be 'patch', 'minor' or 'major'", value=value)


def check_data(document: str, *, optional: bool = False) -> Any:
    """An attrs validator: YAML text, or a document builder (anything with ``to_yaml``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) and not hasattr(value, "to_yaml"):
            raise ValidationError(
                "data", f"must be YAML text or a {document}, got {type(value).__name__}"
            )

    return check


def check_filter(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a `VersionFilter` or its text."""
    if not isinstance(value, VersionFilter):
        VersionFilter.parse(value, field=attribute.name)  # type: ignore[arg-type]


def one_of(*kinds: type, optional: bool = False) -> Any:
    """An attrs validator: the value is one of `kinds` (a clear error, not a TypeError)."""
    names = " or ".join(k.__name__ for k in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kinds):
            raise ValidationError(
                attribute.name, f"must be a {names}, got {type(value).__name__}", value=None
            )

    return check


def document_tree(text: str) -> Any:
    """A YAML document as data, so layout and comments are not changes; text without PyYAML."""
    try:
        import yaml
    except ImportError:  # pragma: no cover - the yaml extra is missing
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


class VersionedDocument(Versioned):
    """A versioned kind with a YAML document in `data` (components, workflows).

    A document object is sent as its YAML text, and documents are compared as data.
    """

    __slots__ = ()

    def request_value(self, field: str, value: Any, resolve: Resolve) -> Any:
        if field == "data" and value is not None and not isinstance(value, str):
            return value.to_yaml()
        return super().request_value(field, value, resolve)

    def normalise(self, attribute: str, value: Any) -> Any:
        if attribute == "data" and isinstance(value, str):
            return document_tree(value)
        return value
