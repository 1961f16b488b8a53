"""Lazy listings: iterate to get items, pages are fetched only as they are needed.

`Paginated` wraps a function that fetches one page given the previous page's token.
Nothing is requested until iteration starts; each iteration starts again from the
first page. `.pages()` yields the pages themselves, for callers that want them.
For exploring, `to_records()` and `to_dataframe()` flatten the items into rows, and
Jupyter shows a listing as a table of its first items (`to_html`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from imagebuilder_sdk import _display
from imagebuilder_sdk.errors import ImageBuilderError, ValidationError

if TYPE_CHECKING:
    import pandas

__all__ = ["Page", "PageFetcher", "Paginated"]

T = TypeVar("T")


@attrs.frozen
class Page(Generic[T]):
    """One page of a listing."""

    items: Sequence[T]
    """The items of this page (a page may be short, or empty, with more to come)."""
    has_more: bool
    """Whether the service said there are more pages."""


#: Fetches one page: given the previous page's token (None for the first), it returns
#: the items and the next token (None at the end).
PageFetcher = Callable[[str | None], tuple[Sequence[T], str | None]]


class Paginated(Generic[T]):
    """A lazy, re-iterable listing of `T`.

    >>> pages = {None: ([1, 2], "a"), "a": ([], "b"), "b": ([3], None)}
    >>> listing = Paginated(lambda token: pages[token])
    >>> list(listing)
    [1, 2, 3]
    >>> [page.items for page in listing.pages()]
    [[1, 2], [], [3]]

    Its ``repr`` names the operation and the options of the request, when given:

    >>> Paginated(lambda token: pages[token], operation="ListComponents", options={"owner": "Self"})
    <Paginated ListComponents(owner='Self'), lazy: iterate to fetch>
    """

    __slots__ = ("_fetch", "_operation", "_options")

    def __init__(
        self,
        fetch: PageFetcher[T],
        *,
        operation: str | None = None,
        options: Mapping[str, object] | None = None,
    ) -> None:
        self._fetch = fetch
        self._operation = operation
        self._options = dict(options or {})

    def pages(self) -> Iterator[Page[T]]:
        """Each page in turn, following the service's tokens to the end."""
        token: str | None = None
        seen: set[str] = set()
        while True:
            items, token = self._fetch(token)
            yield Page(items, token is not None)
            if token is None:
                return
            if token in seen:  # a service bug would otherwise loop forever
                raise ImageBuilderError(f"the service repeated the pagination token {token!r}")
            seen.add(token)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def first(self) -> T | None:
        """The first item, fetching no more pages than needed to find it."""
        return next(iter(self), None)

    def to_records(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The items (the first `limit` of them) as plain dicts of their useful columns.

        Each row has the columns that identify and describe the item type (name,
        version, type, platform, status, owner, dates, ARN...), with enums as text.
        Only the pages needed for `limit` items are fetched.
        """
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise ValidationError("limit", "must be a whole number or None", value=limit)
        if limit is not None and limit < 0:
            raise ValidationError("limit", "must not be negative", value=limit)
        return [_display.record(item) for item in itertools.islice(self, limit)]

    def to_dataframe(self, limit: int | None = None) -> pandas.DataFrame:
        """The rows of `to_records` as a pandas DataFrame (the ``pandas`` extra)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "to_dataframe() needs pandas: pip install 'imagebuilder-sdk[pandas]'"
            ) from None
        frame: pandas.DataFrame = pandas.DataFrame(self.to_records(limit))
        return frame

    def to_html(self, limit: int = 20) -> str:
        """An HTML table of the first `limit` items, with a note when there are more.

        Fetches only the pages needed to fill the table; Jupyter shows this.
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValidationError("limit", "must be a whole number of at least 1", value=limit)
        items: list[T] = []
        more = False
        for page in self.pages():
            items.extend(page.items)
            if len(items) >= limit:
                more = len(items) > limit or page.has_more
                break
        records = [_display.record(item) for item in items[:limit]]
        return _display.listing_html(records, more=more)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        if self._operation is None:
            return f"<{type(self).__name__}, lazy: iterate to fetch>"
        shown = ", ".join(f"{k}={_show(v)}" for k, v in self._options.items() if v is not None)
        return f"<{type(self).__name__} {self._operation}({shown}), lazy: iterate to fetch>"


def _show(value: object) -> str:
    """A request option as a reader wants it: enums by value, filters as name=values."""
    if isinstance(value, (list, tuple)) and value and all(_is_filter(v) for v in value):
        return "{" + ", ".join(f"{v.name!r}: {_show(v.values)}" for v in value) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return repr(getattr(value, "value", value))


def _is_filter(value: object) -> bool:
    """Whether `value` is an API filter (a ``name`` and its ``values``)."""
    return hasattr(value, "name") and hasattr(value, "values")
