"""The base classes shared by every model: a class with readable reprs, an open enum."""

from __future__ import annotations

import enum
import threading

from imagebuilder_sdk import _display

__all__ = ["Model", "OpenEnum"]

_lock = threading.Lock()


class OpenEnum(str, enum.Enum):
    """A `str`-valued enum that keeps values it does not know yet.

    The service adds enum values over time. A value this SDK version does not list
    becomes a pseudo-member instead of an error, so it survives a round trip:

    >>> class Color(OpenEnum):
    ...     RED = "RED"
    >>> Color("RED") is Color.RED
    True
    >>> new = Color("ULTRAVIOLET")
    >>> new.value, new.is_known, new == "ULTRAVIOLET"
    ('ULTRAVIOLET', False, True)
    >>> Color("ULTRAVIOLET") is new
    True
    """

    @classmethod
    def _missing_(cls, value: object) -> OpenEnum | None:
        if not isinstance(value, str):
            return None
        with _lock:
            existing = cls._value2member_map_.get(value)
            if existing is not None:
                return existing  # type: ignore[return-value]
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            cls._value2member_map_[value] = member
            return member

    @property
    def is_known(self) -> bool:
        """Whether this value is one the SDK lists (False for a newer service value)."""
        return any(self is member for member in type(self).__members__.values())

    def __str__(self) -> str:
        return str(self.value)


class Model:
    """Base of every model class: a short `repr` and an HTML table for notebooks.

    The repr names the model by what identifies it (name, version, status) and elides
    the rest; `_repr_html_` is what Jupyter shows, with nested parts folded away.
    Equality and hashing stay those attrs generates for each class.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return _display.model_repr(self)

    def _repr_html_(self) -> str:
        """The model as a compact HTML table (what Jupyter displays)."""
        return _display.model_html(self)
