"""The configured cattrs converter between API dicts and model classes.

One hook factory covers every model class: it renames attributes to the API's member
names (from the generated `_wire` table), omits unset members, ignores members the
models do not know yet (a newer API), and gives each date member its own wire form.

Listing thousands of items makes conversion a hot path, so for each model class the
factory writes one plain function (as cattrs does) that converts every field inline:
no hook lookups per field, no per-field error bookkeeping. If that function fails on
some input, cattrs' own function for the class runs instead, and what it finds wrong is
raised as the SDK's `StructureError`, naming the class and the member: a dict that
lacks a member the service always sends, or holds one of the wrong kind, never escapes
as a `KeyError` or a cattrs exception.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs
from cattrs import Converter
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from imagebuilder_sdk.convert._codegen import fast_structure, fast_unstructure, later
from imagebuilder_sdk.convert._dates import format_iso, parse_date
from imagebuilder_sdk.convert._wire import DATE_FIELDS, WIRE_NAMES
from imagebuilder_sdk.errors import StructureError
from imagebuilder_sdk.models import OpenEnum

__all__ = ["converter", "make_converter"]

_MODELS_PACKAGE = "imagebuilder_sdk.models"


def _is_model(cls: Any) -> bool:
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and cls.__module__.startswith(_MODELS_PACKAGE)
        and cls.__name__ in WIRE_NAMES
    )


def _structure_enum(value: Any, cls: type[OpenEnum]) -> OpenEnum:
    return cls(value)


def _unstructure_enum(value: OpenEnum | str) -> str:
    # A plain string where an enum is declared (volume_type="gp3") is sent as is.
    return str(value.value) if isinstance(value, OpenEnum) else str(value)


def _structure_date(value: Any, _: Any) -> datetime:
    return parse_date(value)


def _unstructure_iso(value: datetime) -> str:
    return format_iso(value)


def _unstructure_epoch(value: datetime) -> datetime:
    # botocore serialises datetimes for `timestamp` members itself.
    return value


def _overrides(cls: type, structuring: bool) -> dict[str, Any]:
    dates = DATE_FIELDS.get(cls.__name__, {})
    result = {}
    for attribute, wire in WIRE_NAMES[cls.__name__].items():
        kind = dates.get(attribute)
        if structuring:
            hook = _structure_date if kind else None
            result[attribute] = override(rename=wire, struct_hook=hook)
        else:
            unhook = {"iso": _unstructure_iso, "epoch": _unstructure_epoch}.get(kind or "")
            result[attribute] = override(rename=wire, unstruct_hook=unhook)
    return result


def _checked(cls: type, structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """`structure`, with any failure raised as a `StructureError` naming the member."""
    wire = WIRE_NAMES[cls.__name__]
    required = [wire[field.name] for field in attrs.fields(cls) if field.default is attrs.NOTHING]

    def run(value: Any, target: Any) -> Any:
        try:
            return structure(value, target)
        except StructureError:
            raise
        except Exception as exc:
            if not isinstance(value, dict):
                reason = f"expected a dict of API members, got {type(value).__name__}"
                raise StructureError(cls.__name__, "", reason) from None
            missing = [name for name in required if value.get(name) is None]
            if missing:
                raise StructureError(cls.__name__, missing[0], "is missing") from None
            raise StructureError(cls.__name__, "", _reason(exc)) from exc

    return run


def _reason(exc: BaseException) -> str:
    """The innermost messages of a cattrs error group, joined."""
    inner = getattr(exc, "exceptions", None)
    if inner:
        return "; ".join(_reason(e) for e in inner)
    note = "; ".join(getattr(exc, "__notes__", ()))
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} ({note})" if note else text


def make_converter(*, generated: bool = True) -> Converter:
    """A new converter for the models, configured like `converter`.

    ``generated=False`` keeps cattrs' own functions for every class (slower; the
    reference the generated ones are checked against).
    """
    conv = Converter(forbid_extra_keys=False)

    def cattrs_structure(cls: type) -> Callable[[Any, Any], Any]:
        made: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, conv, **_overrides(cls, structuring=True)
        )
        return _checked(cls, made)

    def cattrs_unstructure(cls: type) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, **_overrides(cls, structuring=False)
        )

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        fast = generated and fast_structure(cls, conv, later(cattrs_structure, cls))
        return fast or cattrs_structure(cls)

    def unstructure_factory(cls: type) -> Callable[[Any], Any]:
        fast = generated and fast_unstructure(cls, conv, later(cattrs_unstructure, cls))
        return fast or cattrs_unstructure(cls)

    # Enums go on the wire as plain strings; unknown values survive (see OpenEnum).
    # Registered by class (not by predicate) so they win over cattrs' hooks for `str`.
    conv.register_structure_hook(OpenEnum, _structure_enum)
    conv.register_unstructure_hook(OpenEnum, _unstructure_enum)
    conv.register_structure_hook_factory(_is_model, structure_factory)
    conv.register_unstructure_hook_factory(_is_model, unstructure_factory)
    return conv


#: The converter for every model: ``converter.structure(api_dict, Model)`` and
#: ``converter.unstructure(model)``.
converter: Converter = make_converter()
