"""Paginated: lazy, re-iterable, following tokens through short and empty pages."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk.errors import ImageBuilderError
from imagebuilder_sdk.pagination import Page, Paginated


class Service:
    """Serves fixed pages by token and records the tokens it was asked for."""

    def __init__(self, pages: Sequence[Sequence[int]]) -> None:
        self.pages = [list(page) for page in pages]
        self.asked: list[str | None] = []

    def fetch(self, token: str | None) -> tuple[Sequence[int], str | None]:
        self.asked.append(token)
        index = 0 if token is None else int(token.removeprefix("t"))
        following = f"t{index + 1}" if index + 1 < len(self.pages) else None
        return self.pages[index], following


def test_nothing_is_fetched_before_iteration() -> None:
    """Making a listing, and printing it, fetches nothing."""
    service = Service([[1], [2]])
    listing = Paginated(service.fetch)
    assert "lazy" in repr(listing)
    assert service.asked == []


def test_iteration_follows_every_token() -> None:
    """Iterating yields every item and asks for each page once, in order."""
    service = Service([[1, 2], [], [3], [4, 5]])
    assert list(Paginated(service.fetch)) == [1, 2, 3, 4, 5]
    assert service.asked == [None, "t1", "t2", "t3"]


def test_pages_say_whether_more_follow() -> None:
    """pages() yields Page objects; only the last says there is no more."""
    pages = list(Paginated(Service([[1], [], [2, 3]]).fetch).pages())
    assert pages == [Page([1], True), Page([], True), Page([2, 3], False)]


def test_each_iteration_starts_again() -> None:
    """A listing can be iterated twice; each time from the first page."""
    service = Service([[1], [2]])
    listing = Paginated(service.fetch)
    assert list(listing) == list(listing) == [1, 2]
    assert service.asked == [None, "t1", None, "t1"]


def test_first_fetches_no_more_than_needed() -> None:
    """first() skips empty pages and stops at the first item."""
    service = Service([[], [7, 8], [9]])
    assert Paginated(service.fetch).first() == 7
    assert service.asked == [None, "t1"]


def test_first_of_an_empty_listing_is_none() -> None:
    """first() of a listing without items is None."""
    assert Paginated(Service([[], []]).fetch).first() is None


def test_partial_iteration_fetches_only_what_it_reads() -> None:
    """Stopping after three items leaves later pages unfetched."""
    service = Service([[1, 2], [3, 4], [5, 6]])
    assert list(itertools.islice(Paginated(service.fetch), 3)) == [1, 2, 3]
    assert service.asked == [None, "t1"]


def test_a_repeated_token_ends_the_listing_with_an_sdk_error() -> None:
    """A token the service already gave stops the loop with an ImageBuilderError."""
    listing = Paginated(lambda token: ([1], "same"))
    with pytest.raises(ImageBuilderError, match="same"):
        list(listing)


@settings(max_examples=40)
@given(st.lists(st.lists(st.integers(), max_size=4), min_size=1, max_size=8))
def test_any_split_into_pages_yields_the_whole(pages: list[list[int]]) -> None:
    """However the items are split into pages, iteration yields them all, one fetch a page."""
    service = Service(pages)
    assert list(Paginated(service.fetch)) == [item for page in pages for item in page]
    assert len(service.asked) == len(pages)


def test_repr_names_the_operation_and_its_options() -> None:
    """A listing says which operation it runs and with which options and filters."""
    from imagebuilder_sdk import ImageBuilder

    ib = ImageBuilder.local()
    listing = ib.components.list(owner="Amazon", name="update-linux", platform="Linux")
    text = repr(listing)
    assert text.startswith("<Paginated ListComponents(")
    assert "owner='Amazon'" in text
    assert "'name': ['update-linux']" in text
    assert "'platform': ['Linux']" in text
    assert ib.emulator is not None
    assert ib.emulator.requests == []  # printing it fetched nothing
