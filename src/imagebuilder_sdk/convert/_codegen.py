"""Plain Python functions, generated per model class, that convert like cattrs' own.

For each model class, `fast_structure` and `fast_unstructure` write one function that
reads every member and converts it inline (no hook lookup per field) and fills the
instance's slots directly. Each expression converts a value the way cattrs' hook for
the declared type would, so the results are the same; if a generated function fails on
bad input, cattrs' own function runs instead, so errors are unchanged too.
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from collections.abc import Callable, Mapping, MutableMapping, MutableSequence, Sequence
from datetime import datetime
from typing import Any

import attrs
from cattrs import Converter

from imagebuilder_sdk.convert._dates import format_iso, parse_date
from imagebuilder_sdk.convert._wire import DATE_FIELDS, WIRE_NAMES
from imagebuilder_sdk.models import OpenEnum

__all__ = ["fast_structure", "fast_unstructure", "later"]


def _unstructure_epoch(value: datetime) -> datetime:
    # botocore serialises datetimes for `timestamp` members itself.
    return value


_PLAIN = (str, int, float, bool)
#: Whether `datetime.fromisoformat` reads a ``Z`` suffix itself (Python 3.11+).
_ISO_Z = sys.version_info >= (3, 11)
_SEQUENCES: dict[Any, type] = {Sequence: tuple, tuple: tuple, MutableSequence: list, list: list}
_MAPPINGS = (Mapping, MutableMapping, dict)
#: Writes the expression converting `var` to or from a declared type.
_Writer = Callable[[Any, str, int], str]


def _optional(declared: Any) -> tuple[Any, bool]:
    """(T, True) for ``T | None``; (declared, False) for anything else."""
    if typing.get_origin(declared) in (typing.Union, types.UnionType):
        args = typing.get_args(declared)
        if len(args) == 2 and type(None) in args:
            return next(a for a in args if a is not type(None)), True
    return declared, False


def _items(declared: Any) -> tuple[type, Any] | None:
    """(container, item type) for ``Sequence[T]``, ``list[T]``, ``tuple[T, ...]``."""
    origin, args = typing.get_origin(declared), typing.get_args(declared)
    if origin not in _SEQUENCES or not args or (origin is tuple and args[1:] != (Ellipsis,)):
        return None
    return _SEQUENCES[origin], args[0]


class _Source:
    """The source of one generated function and the objects its names refer to.

    Each expression it writes converts one value the way cattrs' hook for the declared
    type would, so the generated functions give exactly what cattrs' own would.
    """

    def __init__(self, conv: Converter) -> None:
        self.conv = conv
        self.names: dict[str, Any] = {}

    def ref(self, value: Any) -> str:
        name = f"_r{len(self.names)}"
        self.names[name] = value
        return name

    def structure(self, declared: Any, var: str, depth: int) -> str:
        if declared in _PLAIN:
            plain = self.ref(declared)
            return f"({var} if {var}.__class__ is {plain} else {plain}({var}))"
        if isinstance(declared, type) and issubclass(declared, OpenEnum):
            known, enum = self.ref(declared._value2member_map_.get), self.ref(declared)
            # A value that is not a known member's goes through the enum itself.
            return f"({known}({var}) or {enum}({var}))"
        items = _items(declared)
        if items is not None:
            return f"{self.ref(items[0])}({self.collection(self.structure, declared, var, depth)})"
        if typing.get_origin(declared) in _MAPPINGS:
            return self.collection(self.structure, declared, var, depth)
        hook, cls = self.ref(self.conv.get_structure_hook(declared)), self.ref(declared)
        return f"{hook}({var}, {cls})"

    def collection(self, convert: _Writer, declared: Any, var: str, depth: int) -> str:
        """A comprehension converting each item of a sequence, or each pair of a mapping."""
        args, one, two = typing.get_args(declared), f"i{depth}", f"j{depth}"
        if typing.get_origin(declared) in _MAPPINGS:
            pair = f"{convert(args[0], one, depth + 1)}: {convert(args[1], two, depth + 1)}"
            return f"{{{pair} for {one}, {two} in {var}.items()}}"
        return f"[{convert(args[0], one, depth + 1)} for {one} in {var}]"

    def date(self, var: str) -> str:
        parse = f"{self.ref(parse_date)}({var})"
        if not _ISO_Z:
            return parse
        # The service's own form (2026-11-27T10:15:30.123Z) parses directly, to the
        # same aware datetime `parse_date` gives; anything else goes through it.
        quick = self.ref(datetime.fromisoformat)
        exact = f"{var}.__class__ is str and len({var}) == 24 and {var}[23] == 'Z'"
        return f"({quick}({var}) if {exact} else {parse})"

    def unstructure(self, declared: Any, var: str, depth: int) -> str:
        if declared in _PLAIN:
            return var
        if isinstance(declared, type) and issubclass(declared, OpenEnum):
            # As `_unstructure_enum`: the value's text; a plain string goes as it is.
            return f"({var}._value_ if isinstance({var}, {self.ref(OpenEnum)}) else str({var}))"
        if _items(declared) is not None or typing.get_origin(declared) in _MAPPINGS:
            return self.collection(self.unstructure, declared, var, depth)
        return f"{self.ref(self.conv.get_unstructure_hook(declared))}({var})"

    def function(self, name: str, params: str, body: list[str], fallback: str) -> Any:
        lines = [f"def {name}({params}):", "    try:"]
        lines += [f"        {line}" for line in body]
        lines += ["    except Exception:", f"        return {fallback}"]
        namespace = dict(self.names)
        exec(compile("\n".join(lines), f"<imagebuilder_sdk {name}>", "exec"), namespace)
        return namespace[name]


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    if any(isinstance(a.type, str) for a in attrs.fields(cls)):
        attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def _slot_setters(cls: type) -> list[Any] | None:
    """Each field's slot setter, when filling the slots is all that `cls.__init__` does.

    That holds for a slotted attrs class whose generated `__init__` has no validators,
    converters or init hooks; for any other class, None.
    """
    code = getattr(cls.__dict__.get("__init__"), "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return None
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return None
    fields = _fields(cls)
    if set(cls.__dict__.get("__slots__", ())) - {"__weakref__"} != {f.name for f in fields}:
        return None
    slots: list[Any] = [cls.__dict__.get(field.name) for field in fields]
    if any(f.validator or f.converter or not f.init for f in fields) or not all(
        isinstance(slot, types.MemberDescriptorType) for slot in slots
    ):
        return None
    return [slot.__set__ for slot in slots]


def fast_structure(cls: type, conv: Converter, slow: Callable[..., Any]) -> Any:
    """A structure function for `cls`; None when a field is beyond what it handles."""
    source, wire = _Source(conv), WIRE_NAMES[cls.__name__]
    dates = DATE_FIELDS.get(cls.__name__, {})
    body, arguments = ["g = o.get"], []
    for number, field in enumerate(_fields(cls)):
        var, key = f"a{number}", wire.get(field.name, field.name)
        declared, optional = _optional(field.type)
        if field.default is attrs.NOTHING and not optional:
            convert = (
                source.date(var) if field.name in dates else source.structure(declared, var, 0)
            )
            body += [f"{var} = o[{key!r}]", f"{var} = {convert}"]
        elif field.default is not None or not optional:
            return None
        elif field.name in dates:
            # cattrs hands even an explicit None to the date hook (which refuses it).
            body += [f"{var} = g({key!r})", f"if {var} is not None or {key!r} in o:"]
            body.append(f"    {var} = {source.date(var)}")
        elif declared in _PLAIN:
            plain = source.ref(declared)
            body += [
                f"{var} = g({key!r})",
                f"if {var} is not None and {var}.__class__ is not {plain}:",
            ]
            body.append(f"    {var} = {plain}({var})")
        else:
            body += [f"{var} = g({key!r})", f"if {var} is not None:"]
            body.append(f"    {var} = {source.structure(declared, var, 0)}")
        arguments.append(f"{field.alias}={var}")
    setters = _slot_setters(cls)
    if setters is None:
        body.append(f"return {source.ref(cls)}({', '.join(arguments)})")
    else:
        # The same instance `__init__` would make, its slots filled directly (2x faster).
        body.append(f"m = {source.ref(object.__new__)}({source.ref(cls)})")
        body += [f"{source.ref(setter)}(m, a{n})" for n, setter in enumerate(setters)]
        body.append("return m")
    fallback = f"{source.ref(slow)}(o, t)"
    return source.function(f"structure_{cls.__name__}", "o, t=None", body, fallback)


def fast_unstructure(cls: type, conv: Converter, slow: Callable[..., Any]) -> Any:
    """An unstructure function for `cls`; None when a field is beyond what it handles."""
    source, wire = _Source(conv), WIRE_NAMES[cls.__name__]
    dates = DATE_FIELDS.get(cls.__name__, {})
    body = ["r = {}"]
    # Required members first, then the others, in the order cattrs writes them.
    fields = sorted(_fields(cls), key=lambda f: f.default is not attrs.NOTHING)
    for number, field in enumerate(fields):
        var, key = f"a{number}", wire.get(field.name, field.name)
        declared, optional = _optional(field.type)
        kind = dates.get(field.name)
        if kind:
            hook = {"iso": format_iso, "epoch": _unstructure_epoch}[kind]
            expr = f"{source.ref(hook)}({var})"
        else:
            expr = source.unstructure(declared, var, 0)
        body.append(f"{var} = i.{field.name}")
        if field.default is None and optional:
            body += [f"if {var} is not None:", f"    r[{key!r}] = {expr}"]
        elif field.default is attrs.NOTHING and not optional:
            body.append(f"r[{key!r}] = {expr}")
        else:
            return None
    body.append("return r")
    fallback = f"{source.ref(slow)}(i)"
    return source.function(f"unstructure_{cls.__name__}", "i", body, fallback)


def later(make: Callable[[type], Callable[..., Any]], cls: type) -> Callable[..., Any]:
    """Calls ``make(cls)``'s function, made on the first call (only bad input needs it)."""
    made = functools.cache(lambda: make(cls))
    return lambda *args: made()(*args)
