"""Lazy listings: iterate to get items, pages are fetched only as they are needed.

`Paginated` wraps a function that fetches one page given the previous page's token.
Nothing is requested until iteration starts; each iteration starts again from the
first page. `.pages()` yields the pages themselves, for callers that want them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["Page", "Paginated"]

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
    """

    __slots__ = ("_fetch",)

    def __init__(self, fetch: PageFetcher[T]) -> None:
        self._fetch = fetch

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
                raise RuntimeError(f"the service repeated the pagination token {token!r}")
            seen.add(token)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def first(self) -> T | None:
        """The first item, fetching no more pages than needed to find it."""
        return next(iter(self), None)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} (lazy; iterate to fetch)>"
