"""The two wire forms of dates in the Image Builder API.

Most dates are ISO-8601 strings (the `DateTime` shape), written by the service as
``2026-11-27T10:15:30.123Z``; a few are `timestamp` members, which botocore itself
parses into datetimes. Both become timezone-aware datetimes in the models.
"""

from __future__ import annotations

from datetime import datetime, timezone

__all__ = ["format_iso", "parse_date"]


def parse_date(value: object) -> datetime:
    """A timezone-aware datetime from an ISO-8601 string, a datetime or epoch seconds.

    A value without a time zone is taken to be UTC, as the service means it.

    >>> parse_date("2026-11-27T10:15:30.123Z")
    datetime.datetime(2026, 11, 27, 10, 15, 30, 123000, tzinfo=datetime.timezone.utc)
    >>> parse_date(0).isoformat()
    '1970-01-01T00:00:00+00:00'
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"not an ISO-8601 date: {value!r}") from exc
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    else:
        raise TypeError(f"expected a date, got {type(value).__name__}")
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed


def format_iso(value: datetime) -> str:
    """The service's own ISO-8601 form: UTC, milliseconds, a ``Z`` suffix.

    >>> format_iso(parse_date("2026-11-27T11:15:30.5+01:00"))
    '2026-11-27T10:15:30.500Z'
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    utc = value.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
