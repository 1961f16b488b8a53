"""Pipeline schedules and distribution regions, checked as the service checks them.

Cron rules, from the user guide page "Use cron expressions in EC2 Image Builder":
``cron(MINUTE HOUR DAY MONTH DAY-OF-WEEK YEAR)``; minutes 0-59, hours 0-23, days 1-31
(``, - * ? / L W``), months 1-12 or JAN-DEC, days of the week 1-7 or SUN-SAT
(``, - * ? L #``), years 1970-2199. The guide calls all six fields required, yet the
AWS CLI's own example (``create-image-pipeline.rst``) schedules ``cron(0 0 * * SUN)``
and shows it accepted, so a missing YEAR (five fields) means every year. Anything that
is not ``cron(...)`` (``every sunday``, a bare ``0 2 * * *``) is refused.

`next_run` computes ``dateNextRun`` for this whole grammar. Where both DAY and
DAY-OF-WEEK name days, a day that fits either one fits (as classic cron does); ``W``
is the weekday nearest the given day within its month.

>>> str(next_run("cron(0 0 * * SUN)", None, datetime(2026, 11, 27, 10, tzinfo=timezone.utc)))
'2026-11-29 00:00:00+00:00'
"""

from __future__ import annotations

import calendar
import functools
import re
import zoneinfo
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple

import botocore.loaders

from imagebuilder_sdk.testing._state import ServiceError

__all__ = ["check_region", "check_timezone", "next_run", "parse_cron"]

_MONTHS = {name: index for index, name in enumerate(calendar.month_abbr) if name}
_DAYS = {"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
_CRON = re.compile(r"cron\(([^()]*)\)")
_YEARS_AHEAD = 6  # how far next_run looks before it says "never"


class Cron(NamedTuple):
    """A parsed expression: allowed values per field, plus the day-of-month specials."""

    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int] | None  # None: any day (``*`` or ``?``)
    day_specials: tuple[str, ...]  # "L", "15W", "LW"
    months: frozenset[int]
    weekdays: frozenset[int] | None  # 1 = Sunday; None: any
    weekday_specials: tuple[str, ...]  # "6L" (last Friday), "2#1" (first Monday)
    years: frozenset[int] | None


def _invalid(member: str, reason: str) -> ServiceError:
    return ServiceError(
        "InvalidParameterValueException",
        f"The value supplied for parameter '{member}' is not valid. {reason}",
    )


def _value(text: str, low: int, high: int, names: dict[str, int]) -> int:
    number = names.get(text.upper()) if not text.isdigit() else int(text)
    if number is None or not low <= number <= high:
        raise ValueError(text)
    return number


def _field(text: str, low: int, high: int, names: dict[str, int] | None = None) -> frozenset[int]:
    """The values a plain field (numbers, names, ``, - * /``) allows."""
    found: set[int] = set()
    for part in text.split(","):
        body, _, step_text = part.partition("/")
        step = int(step_text) if step_text.isdigit() and int(step_text) > 0 else None
        if step_text and step is None:
            raise ValueError(part)
        if body == "*":
            start, end = low, high
        elif "-" in body:
            first, last = body.split("-", 1)
            start, end = _value(first, low, high, names or {}), _value(last, low, high, names or {})
        else:
            start = _value(body, low, high, names or {})
            end = high if step else start
        if start > end:
            raise ValueError(part)
        found.update(range(start, end + 1, step or 1))
    return frozenset(found)


def _days(text: str) -> tuple[frozenset[int] | None, tuple[str, ...]]:
    if text in ("*", "?"):
        return None, ()
    specials = tuple(p for p in text.split(",") if p == "L" or p == "LW" or p.endswith("W"))
    for special in specials:
        if special.endswith("W") and special not in ("LW",):
            _value(special[:-1], 1, 31, {})
    plain = [p for p in text.split(",") if p not in specials]
    return (_field(",".join(plain), 1, 31) if plain else frozenset()), specials


def _weekdays(text: str) -> tuple[frozenset[int] | None, tuple[str, ...]]:
    if text in ("*", "?"):
        return None, ()
    specials = tuple(p for p in text.split(",") if "#" in p or (p.endswith("L") and p != "L"))
    for special in specials:
        if "#" in special:
            day, nth = special.split("#", 1)
            _value(day, 1, 7, _DAYS)
            _value(nth, 1, 5, {})
        else:
            _value(special[:-1], 1, 7, _DAYS)
    plain = ["7" if p == "L" else p for p in text.split(",") if p not in specials]
    return (_field(",".join(plain), 1, 7, _DAYS) if plain else frozenset()), specials


def parse_cron(expression: str, member: str = "schedule.scheduleExpression") -> Cron:
    """Read ``cron(...)``; InvalidParameterValueException naming `member` if it is not one."""
    match = _CRON.fullmatch(expression)
    if match is None:
        raise _invalid(
            member, f"Use cron(MINUTE HOUR DAY MONTH DAY-OF-WEEK YEAR), got {expression!r}."
        )
    fields = match.group(1).split(" ")
    if len(fields) not in (5, 6):
        raise _invalid(
            member, f"A cron expression has 6 fields (YEAR may be left out), got {expression!r}."
        )
    try:
        days, day_specials = _days(fields[2])
        weekdays, weekday_specials = _weekdays(fields[4])
        years = _field(fields[5], 1970, 2199) if len(fields) == 6 and fields[5] != "*" else None
        return Cron(
            _field(fields[0], 0, 59),
            _field(fields[1], 0, 23),
            days,
            day_specials,
            _field(fields[3], 1, 12, _MONTHS),
            weekdays,
            weekday_specials,
            years,
        )
    except ValueError as exc:
        raise _invalid(member, f"The cron field {exc} of {expression!r} is out of range.") from None


def _weekday(day: datetime) -> int:
    return (day.isoweekday() % 7) + 1  # Sunday 1 ... Saturday 7


def _nearest_weekday(year: int, month: int, wanted: int) -> int:
    last = calendar.monthrange(year, month)[1]
    day = min(wanted, last)
    weekday = calendar.weekday(year, month, day)  # Monday 0
    if weekday == 5:
        return day - 1 if day > 1 else day + 2
    if weekday == 6:
        return day + 1 if day < last else day - 2
    return day


def _day_fits(cron: Cron, day: datetime) -> bool:
    last = calendar.monthrange(day.year, day.month)[1]
    by_day = cron.days is not None or bool(cron.day_specials)
    by_weekday = cron.weekdays is not None or bool(cron.weekday_specials)
    day_ok = (cron.days is not None and day.day in cron.days) or any(
        (s == "L" and day.day == last)
        or (s == "LW" and day.day == _nearest_weekday(day.year, day.month, last))
        or (
            s.endswith("W")
            and s != "LW"
            and day.day == _nearest_weekday(day.year, day.month, int(s[:-1]))
        )
        for s in cron.day_specials
    )
    weekday = _weekday(day)
    weekday_ok = (cron.weekdays is not None and weekday in cron.weekdays) or any(
        (
            "#" in s
            and weekday == _value(s.split("#")[0], 1, 7, _DAYS)
            and (day.day - 1) // 7 + 1 == int(s.split("#")[1])
        )
        or (s.endswith("L") and weekday == _value(s[:-1], 1, 7, _DAYS) and day.day + 7 > last)
        for s in cron.weekday_specials
    )
    if by_day and by_weekday:
        return day_ok or weekday_ok
    if by_day:
        return day_ok
    if by_weekday:
        return weekday_ok
    return True


def next_run(expression: str, zone: str | None, after: datetime) -> datetime | None:
    """The first time after `after` (aware) the schedule fires, in UTC; None if never soon."""
    cron = parse_cron(expression)
    tz = zoneinfo.ZoneInfo(zone) if zone else timezone.utc
    local = after.astimezone(tz)
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    for _ in range(366 * _YEARS_AHEAD):
        if (
            (cron.years is None or day.year in cron.years)
            and day.month in cron.months
            and _day_fits(cron, day)
        ):
            for hour in sorted(cron.hours):
                for minute in sorted(cron.minutes):
                    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
                    if moment > local:
                        return moment.astimezone(timezone.utc)
        day = (day + timedelta(days=1)).replace(hour=0)
    return None


def check_timezone(zone: str, member: str = "schedule.timezone") -> None:
    """Refuse a name that is not an IANA time zone (the Schedule.timezone documentation)."""
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise _invalid(
            member, f"{zone!r} is not an IANA time zone, like America/Los_Angeles."
        ) from None


@functools.cache
def _regions() -> frozenset[str]:
    data: dict[str, Any] = botocore.loaders.create_loader().load_data("endpoints")
    return frozenset(region for partition in data["partitions"] for region in partition["regions"])


def check_region(region: str, member: str) -> None:
    """Refuse a region botocore's endpoint data does not know (``us-east-9``, ``US-EAST-1``)."""
    if region not in _regions():
        raise _invalid(member, f"{region!r} is not an AWS Region, like us-east-1.")
