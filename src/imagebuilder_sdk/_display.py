"""How models and listings look: short reprs, HTML tables for notebooks, flat records.

Everything here works on any attrs class by its attribute names, so the generated
models need no per-class code:

>>> from imagebuilder_sdk.models import ComponentState, ComponentStatus
>>> ComponentState(status=ComponentStatus.DEPRECATED, reason="no longer used")
ComponentState(status=DEPRECATED, reason='no longer used')
"""

from __future__ import annotations

import enum
import html
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any, cast

import attrs

__all__ = ["listing_html", "model_html", "model_repr", "record", "short_arn", "show_date"]

#: Attributes that identify a model at a glance, shown first in this order
#: (``state`` stands in for ``status`` where the status sits inside a state object).
_LEAD = ("name", "version", "status", "platform", "type")
#: How many attributes a repr shows before eliding the rest with "…".
_REPR_FIELDS = 4
#: How many characters of a free-text value a repr shows.
_REPR_TEXT = 40
#: Free text too long to show (documents, Dockerfiles): only its first line and size.
_BULK = frozenset({"data", "dockerfile_template_data"})
#: Free text that may carry private values (instance user data): only its size.
_PRIVATE = frozenset({"user_data_override"})
# fmt: off
#: Columns of a listing's records, in order; each item type gets those it has.
_COLUMNS = (
    "name", "version", "type", "container_type", "platform", "os_version", "status",
    "last_run_status", "owner", "parent_image", "instance_types", "instance_profile_name",
    "regions", "amis", "date_created", "date_updated", "date_last_run", "date_next_run", "arn",
)
# fmt: on
_STYLE = 'class="imagebuilder-sdk"'


def short_arn(text: str) -> str:
    """An ARN without its partition, service, region and account; other text unchanged.

    >>> short_arn("arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/3")
    '…/image/web/1.0.0/3'
    >>> short_arn("arn:aws:sns:us-east-1:123456789012:builds"), short_arn("web")
    ('…:builds', 'web')
    """
    parts = text.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        return text
    resource = parts[5]
    return f"…/{resource}" if "/" in resource else f"…:{resource}"


def show_date(value: datetime) -> str:
    """A date to the minute, in UTC when it has a time zone.

    >>> show_date(datetime(2026, 11, 27, 10, 15, 42, tzinfo=timezone.utc))
    '2026-11-27 10:15 UTC'
    """
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _is_model(value: object) -> bool:
    return attrs.has(type(value))


def _is_arn(value: object) -> bool:
    return isinstance(value, str) and value.startswith("arn:")


def _is_sequence(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))


def _status_of(state: object) -> object:
    """The `status` inside a state object (`ImageState`, `ComponentState`), if any."""
    return getattr(state, "status", None) if _is_model(state) else None


def _field_names(cls: type) -> list[str]:
    """The attribute names of an attrs class, in declared order."""
    return [f.name for f in attrs.fields(cast("type[attrs.AttrsInstance]", cls))]


def _set_fields(obj: object) -> list[tuple[str, Any]]:
    """The attributes of `obj` that have a value, lead attributes first."""
    pairs = [(name, getattr(obj, name)) for name in _field_names(type(obj))]
    pairs = [(name, value) for name, value in pairs if value is not None]

    def rank(pair: tuple[str, Any]) -> int:
        name = "status" if pair[0] == "state" else pair[0]
        return _LEAD.index(name) if name in _LEAD else len(_LEAD)

    return sorted(pairs, key=rank)  # stable: the rest keep their declared order


# -- repr --------------------------------------------------------------------------


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _short(name: str, value: Any) -> str:
    """One attribute's value in a repr: scalars in full, the rest summarised."""
    if name in _BULK or name in _PRIVATE:
        return f"<{len(value)} chars>" if isinstance(value, str) else "<…>"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return show_date(value)
    if isinstance(value, str):
        text = short_arn(value)
        if len(text) > _REPR_TEXT:
            text = text[: _REPR_TEXT - 1] + "…"
        return repr(text)
    if _is_model(value):
        return f"{type(value).__name__}(…)"
    if isinstance(value, Mapping):
        return f"{{{len(value)} items}}"
    if _is_sequence(value):
        if len(value) <= 3 and not any(_is_model(v) or _is_sequence(v) for v in value):
            return "[" + ", ".join(_short("", v) for v in value) + "]"
        return f"[{len(value)} items]"
    return repr(value)


def _repr_order(pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Lead attributes, then scalars, then nested values, and the ARN last."""

    def group(pair: tuple[str, Any]) -> int:
        name, value = pair
        if name in _LEAD or name == "state":
            return 0
        if name == "arn":
            return 3
        nested = _is_model(value) or isinstance(value, Mapping) or _is_sequence(value)
        return 2 if nested else 1

    return sorted(pairs, key=group)


def model_repr(obj: object) -> str:
    """A one-line repr: identity first (name, version, status), the rest elided."""
    shown: list[str] = []
    pairs = _repr_order(_set_fields(obj))
    for name, value in pairs[:_REPR_FIELDS]:
        status = _status_of(value) if name == "state" else None
        if status is not None:
            shown.append(f"status={_short('status', status)}")
        else:
            shown.append(f"{name}={_short(name, value)}")
    if len(pairs) > _REPR_FIELDS:
        shown.append("…")
    return f"{type(obj).__name__}({', '.join(shown)})"


# -- HTML ----------------------------------------------------------------------------


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _folded(summary: str, body: str) -> str:
    return f"<details><summary>{_esc(summary)}</summary>{body}</details>"


def _count(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _cell(name: str, value: Any) -> str:
    """One value as HTML: nested parts folded, dates readable, ARNs shortened."""
    if name in _PRIVATE:
        return _esc(f"({len(value)} chars)" if isinstance(value, str) else "(hidden)")
    if name in _BULK and isinstance(value, str):
        return _esc(f"{_first_line(value)} … ({len(value)} chars)")
    if isinstance(value, enum.Enum):
        return _esc(value.value)
    if isinstance(value, datetime):
        return _esc(show_date(value))
    if _is_arn(value):
        return f'<span title="{_esc(value)}">{_esc(short_arn(value))}</span>'
    if _is_model(value):
        return _folded(model_repr(value), model_html(value, heading=False))
    if isinstance(value, Mapping):
        rows = "".join(
            f"<tr><th>{_esc(k)}</th><td>{_cell('', v)}</td></tr>" for k, v in value.items()
        )
        return _folded(_count(len(value)), f"<table {_STYLE}>{rows}</table>")
    if _is_sequence(value):
        if any(_is_model(v) for v in value):
            items = "".join(f"<li>{_cell(name, v)}</li>" for v in value)
            return _folded(_count(len(value)), f"<ol>{items}</ol>")
        return ", ".join(_cell(name, v) for v in value)
    return _esc(value)


def model_html(obj: object, *, heading: bool = True) -> str:
    """A model as a two-column HTML table of its attributes that have a value."""
    rows = "".join(
        f"<tr><th>{_esc(name)}</th><td>{_cell(name, value)}</td></tr>"
        for name, value in _set_fields(obj)
    )
    head = ""
    if heading:
        head = f'<thead><tr><th colspan="2">{_esc(type(obj).__name__)}</th></tr></thead>'
    return f"<table {_STYLE}>{head}<tbody>{rows}</tbody></table>"


def listing_html(records: Sequence[Mapping[str, Any]], *, more: bool) -> str:
    """Records (see `record`) as one HTML table; `more` adds a note that more exist."""
    columns: dict[str, None] = {}
    for row in records:
        columns.update(dict.fromkeys(row))
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{'' if row.get(c) is None else _cell(c, row.get(c))}</td>" for c in columns)
        + "</tr>"
        for row in records
    )
    table = f"<table {_STYLE}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if not records:
        table = "<p><em>(no items)</em></p>"
    if more:
        shown = _count(len(records))
        table += f"<p><em>{shown} shown; more…</em> (iterate to fetch them all)</p>"
    return table


# -- records -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value for a record: enums as their text, sequences as lists, models as dicts."""
    if isinstance(value, enum.Enum):
        return value.value
    if _is_model(value):
        return {name: _plain(v) for name, v in _set_fields(value)}
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if _is_sequence(value):
        return [_plain(v) for v in value]
    return value


def _column(item: object, column: str) -> Any:
    """An attribute of `item`, or one of the two derived columns."""
    if _is_model(item) and column in _field_names(type(item)):
        return getattr(item, column)
    if column == "status":
        return _status_of(getattr(item, "state", None))
    outputs = getattr(item, "output_resources", None)  # column == "amis"
    return [ami.image for ami in getattr(outputs, "amis", None) or () if ami.image is not None]


def _columns_of(cls: type) -> list[str]:
    names = set(_field_names(cls))
    derived = {"status": "state" in names, "amis": "output_resources" in names}
    return [c for c in _COLUMNS if c in names or derived.get(c, False)]


def record(item: object) -> dict[str, Any]:
    """One listing item as a plain dict of its useful columns (for tables, DataFrames).

    Models get the columns of `_COLUMNS` their class has (a state's status flattened
    to ``status``), or every attribute when their class has none of them; a mapping
    is copied; anything else becomes ``{"value": item}``.
    """
    if _is_model(item):
        columns = _columns_of(type(item))
        columns = columns or _field_names(type(item))
        return {c: _plain(_column(item, c)) for c in columns}
    if isinstance(item, Mapping):
        return dict(item)
    return {"value": item}
