"""The base classes shared by every model: an enum that tolerates new values."""

from __future__ import annotations

import enum
import threading

__all__ = ["OpenEnum"]

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
