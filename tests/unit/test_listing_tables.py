"""Listings as tables: records, DataFrames and notebook HTML, fetching only what they show."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime

import pandas
import pytest

from imagebuilder_sdk import ImageBuilder, Paginated, ValidationError
from imagebuilder_sdk.models import ComponentConfiguration

DOC = (
    "name: hello\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n"
    "      - name: Say\n        action: ExecuteBash\n        inputs:\n"
    "          commands: [echo hello]\n"
)


def _counting(total: int, page_size: int) -> tuple[Paginated[int], list[str | None]]:
    """A listing of ``0..total-1`` in pages of `page_size`, and the tokens it was asked for."""
    asked: list[str | None] = []

    def fetch(token: str | None) -> tuple[Sequence[int], str | None]:
        asked.append(token)
        start = int(token or 0)
        end = min(start + page_size, total)
        return list(range(start, end)), (str(end) if end < total else None)

    return Paginated(fetch), asked


def _lists(ib: ImageBuilder) -> int:
    """How many ListComponents requests reached the emulator behind `ib`."""
    assert ib.emulator is not None
    return sum(r.operation == "ListComponents" for r in ib.emulator.requests)


def _built_image(ib: ImageBuilder) -> str:
    """Build one image on the emulator; return its build-version ARN."""
    component = ib.components.create(
        name="hello", semantic_version="1.0.0", platform="Linux", data=DOC
    )
    recipe = ib.image_recipes.create(
        name="web",
        semantic_version="1.0.0",
        parent_image="arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x",
        components=[ComponentConfiguration(component_arn=str(component.arn))],
    )
    infra = ib.infrastructure_configurations.create(name="small", instance_profile_name="ib")
    build = ib.images.create(
        image_recipe_arn=str(recipe.arn), infrastructure_configuration_arn=str(infra.arn)
    )
    return build.wait().arn or ""


def test_component_records_have_the_identifying_columns() -> None:
    """Component versions flatten to name, version, type, platform, status, owner, date, ARN."""
    ib = ImageBuilder.local()
    record = ib.components.list(owner="Amazon").to_records(limit=1)[0]
    assert list(record) == [
        "name",
        "version",
        "type",
        "platform",
        "status",
        "owner",
        "date_created",
        "arn",
    ]
    assert record["platform"] == "Linux"
    assert type(record["platform"]) is str
    assert isinstance(record["date_created"], datetime)
    assert record["arn"].startswith("arn:aws:imagebuilder:")


def test_image_build_records_flatten_status_and_amis() -> None:
    """Image summaries take their status from the state and list their AMI ids."""
    ib = ImageBuilder.local()
    arn = _built_image(ib)
    version_arn = arn.rsplit("/", 1)[0]
    record = ib.images.build_versions(version_arn).to_records()[0]
    assert record["status"] == "AVAILABLE"
    assert len(record["amis"]) == 1
    assert record["amis"][0].startswith("ami-")


def test_records_of_a_class_without_known_columns_have_every_attribute() -> None:
    """Items whose class has none of the usual columns keep all their attributes."""
    ib = ImageBuilder.local()
    arn = _built_image(ib)
    packages = ib.images.packages(arn).to_records()
    assert packages
    assert set(packages[0]) == {"package_name", "package_version"}


def test_records_of_plain_values_are_wrapped() -> None:
    """Items that are not models become ``{"value": item}``."""
    listing, _ = _counting(3, 2)
    assert listing.to_records() == [{"value": 0}, {"value": 1}, {"value": 2}]


def test_records_with_a_limit_fetch_only_the_pages_needed() -> None:
    """``to_records(limit=3)`` with pages of 2 asks for two pages, not all."""
    ib = ImageBuilder.local()
    rows = ib.components.list(owner="Amazon", page_size=2).to_records(limit=3)
    assert len(rows) == 3
    assert _lists(ib) == 2


def test_records_with_limit_zero_fetch_nothing() -> None:
    """A limit of 0 gives no rows and sends no request."""
    listing, asked = _counting(5, 2)
    assert listing.to_records(limit=0) == []
    assert asked == []


@pytest.mark.parametrize("limit", [-1, 1.5, True, "3"])
def test_records_refuse_a_bad_limit(limit: object) -> None:
    """A negative or non-integer limit raises ValidationError naming ``limit``."""
    listing, asked = _counting(5, 2)
    with pytest.raises(ValidationError, match="limit"):
        listing.to_records(limit=limit)  # type: ignore[arg-type]
    assert asked == []


def test_dataframe_has_one_row_per_item_and_the_record_columns() -> None:
    """``to_dataframe()`` holds the same rows and columns as ``to_records()``."""
    ib = ImageBuilder.local()
    listing = ib.components.list(owner="Amazon")
    frame = listing.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert frame.to_dict("records") == listing.to_records()


def test_dataframe_dates_are_timezone_aware() -> None:
    """The date column keeps its UTC time zone."""
    frame = ImageBuilder.local().images.list(owner="Amazon").to_dataframe()
    assert str(frame["date_created"].dt.tz) == "UTC"


def test_dataframe_of_an_empty_listing_is_empty() -> None:
    """An empty listing gives an empty DataFrame, not an error."""
    frame = ImageBuilder.local().components.list(owner="Self").to_dataframe()
    assert frame.empty


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, the ImportError tells how to install the ``pandas`` extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    listing, asked = _counting(3, 2)
    with pytest.raises(ImportError, match=r"imagebuilder-sdk\[pandas\]"):
        listing.to_dataframe()
    assert asked == []


def test_html_stops_fetching_once_the_table_is_full() -> None:
    """The notebook table of 50 items in pages of 7 shows 20 rows from 3 pages."""
    listing, asked = _counting(50, 7)
    markup = listing._repr_html_()
    assert asked == [None, "7", "14"]
    assert markup.count("<tr>") == 21  # the heading and 20 rows
    assert "more…" in markup


def test_html_of_a_short_listing_has_no_more_note() -> None:
    """When every item fits, the table has them all and no "more…" note."""
    ib = ImageBuilder.local()
    markup = ib.components.list(owner="Amazon", page_size=3)._repr_html_()
    assert markup.count("<tr>") == 9
    assert "more…" not in markup
    assert _lists(ib) == 3


def test_html_with_a_small_limit_fetches_one_page_per_page_needed() -> None:
    """``to_html(limit=3)`` over pages of 2 sends two requests and notes there are more."""
    ib = ImageBuilder.local()
    markup = ib.components.list(owner="Amazon", page_size=2).to_html(limit=3)
    assert _lists(ib) == 2
    assert markup.count("<tr>") == 4
    assert "3 items shown; more…" in markup


def test_html_notes_more_when_the_service_has_more_pages() -> None:
    """A full table whose last page said "more" still notes there are more."""
    listing, asked = _counting(4, 2)
    assert "more…" in listing.to_html(limit=2)
    assert asked == [None]


def test_html_shortens_arns_and_shows_dates() -> None:
    """Listing cells use the same display as models: short ARNs, readable dates."""
    markup = ImageBuilder.local().components.list(owner="Amazon").to_html(limit=1)
    assert 'title="arn:aws:imagebuilder:us-east-1:aws:component/' in markup
    assert ">…/component/" in markup
    assert " UTC</td>" in markup


def test_html_of_an_empty_listing_says_so() -> None:
    """An empty listing renders a short "no items" note instead of an empty table."""
    listing, _ = _counting(0, 2)
    assert listing.to_html() == "<p><em>(no items)</em></p>"


def test_html_refuses_a_limit_below_one() -> None:
    """``to_html(limit=0)`` raises ValidationError naming ``limit``."""
    listing, asked = _counting(3, 2)
    with pytest.raises(ValidationError, match="limit"):
        listing.to_html(limit=0)
    assert asked == []


def test_repr_of_a_listing_fetches_nothing() -> None:
    """``repr(listing)`` stays lazy: no request is sent."""
    ib = ImageBuilder.local()
    text = repr(ib.components.list(owner="Amazon"))
    assert "lazy" in text
    assert _lists(ib) == 0
