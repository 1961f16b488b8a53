"""Complete models for tests that care about only some of their attributes.

Answers always carry the members the service guarantees, so the model classes
require them. `complete(Image, name="web")` builds an `Image` whose other required
attributes hold plain placeholders of the right type, leaving every optional
attribute unset.
"""

from __future__ import annotations

import enum
import sys
import typing
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any, TypeVar, cast

import attrs

__all__ = ["PLACEHOLDER_DATE", "complete"]

M = TypeVar("M")

#: The date every placeholder date attribute holds.
PLACEHOLDER_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def complete(cls: type[M], **given: object) -> M:
    """An instance of model `cls` with `given` attributes and placeholders elsewhere.

    Each required attribute not given gets: ``"placeholder"`` for text (``"1.0.0"``
    for a `version`), the first member of an enum, `PLACEHOLDER_DATE` for a date,
    ``0``/``False`` for numbers and flags, an empty list or dict for collections and,
    for a nested model, `complete` of that model.
    """
    values: dict[str, object] = dict(given)
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls)):
        if field.name not in values and field.default is attrs.NOTHING:
            hint = field.type
            if isinstance(hint, str):
                hint = eval(hint, vars(sys.modules[cls.__module__]))
            values[field.name] = _placeholder(field.name, hint)
    return cls(**values)


def _placeholder(name: str, hint: Any) -> object:
    origin = typing.get_origin(hint)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _placeholder(name, options[0])
    if origin is not None and isinstance(origin, type):
        if issubclass(origin, Mapping):
            return {}
        if issubclass(origin, Sequence):
            return []
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return next(iter(hint))
        if issubclass(hint, str):
            return "1.0.0" if name == "version" else "placeholder"
        if issubclass(hint, bool):
            return False
        if issubclass(hint, int | float):
            return 0
        if issubclass(hint, datetime):
            return PLACEHOLDER_DATE
        if attrs.has(hint):
            return complete(hint)
    raise TypeError(f"no placeholder for {name}: {hint!r}")
