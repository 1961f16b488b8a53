"""Model HTML for notebooks: compact tables, folded parts, readable dates, escaped text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import models
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import (
    AdditionalInstanceConfiguration,
    Ami,
    Component,
    Image,
    ImageState,
    ImageStatus,
    OutputResources,
    Platform,
)
from tests.factories import complete
from tests.strategies import api_dict

ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/3"
TAGS = {"table", "thead", "tbody", "tr", "th", "td", "details", "summary", "span", "ol", "li"}


class _Tags(HTMLParser):
    """Collects tags and text, and checks that every tag opened is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: set[str] = set()
        self.text: list[str] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.seen.add(tag)
        self.titles += [value or "" for name, value in attrs if name == "title"]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], f"unclosed tags: {parser.stack}"
    return parser


def test_html_is_a_table_headed_by_the_class_name() -> None:
    """The HTML is one table whose heading names the model class."""
    markup = complete(Image, name="web")._repr_html_()
    assert markup.startswith("<table")
    assert '<th colspan="2">Image</th>' in markup


def test_html_lists_identity_rows_first() -> None:
    """Rows start with name, version and state, whatever the declared order."""
    image = complete(
        Image,
        arn=ARN,
        version="1.0.0/3",
        name="web",
        state=ImageState(status=ImageStatus.AVAILABLE),
    )
    text = _parse(image._repr_html_()).text
    assert text[:4] == ["Image", "name", "web", "version"]


def test_html_dates_are_readable_utc() -> None:
    """Dates show as ``YYYY-MM-DD HH:MM UTC``, converted from their zone."""
    when = datetime(2026, 11, 27, 12, 15, 30, tzinfo=timezone(timedelta(hours=2)))
    assert "<td>2026-11-27 10:15 UTC</td>" in complete(Image, date_created=when)._repr_html_()


def test_html_shortens_arns_and_keeps_the_full_value_in_a_title() -> None:
    """An ARN cell shows ``…/image/web/1.0.0/3`` with the whole ARN as its title."""
    parsed = _parse(complete(Image, arn=ARN)._repr_html_())
    assert "…/image/web/1.0.0/3" in parsed.text
    assert parsed.titles == [ARN]


def test_html_folds_nested_models_in_details() -> None:
    """A nested model is folded behind a summary showing its short repr."""
    image = complete(Image, state=ImageState(status=ImageStatus.FAILED, reason="boom"))
    markup = image._repr_html_()
    assert "<details><summary>ImageState(status=FAILED, reason=&#x27;boom&#x27;)</summary>" in (
        markup
    )
    assert "<th>reason</th><td>boom</td>" in markup


def test_html_folds_lists_of_models_into_a_numbered_list() -> None:
    """A sequence of models becomes a folded ``<ol>`` with one item each."""
    outputs = OutputResources(amis=[complete(Ami, image="ami-1"), complete(Ami, image="ami-2")])
    markup = outputs._repr_html_()
    assert "<details><summary>2 items</summary><ol><li>" in markup
    assert markup.count("<li>") == 2


def test_html_escapes_every_value() -> None:
    """Markup in names, tags and descriptions is shown as text, never interpreted."""
    evil = '<script>alert("x")</script>'
    image = complete(Image, name=evil, tags={evil: evil})
    parsed = _parse(image._repr_html_())
    assert "script" not in parsed.seen
    assert evil in "".join(parsed.text)


def test_html_shows_only_the_first_line_of_a_component_document() -> None:
    """A component's data shows its first line and size, not the whole document."""
    data = "name: doc\nschemaVersion: 1.0\nphases: []\n"
    markup = complete(Component, data=data, platform=Platform.LINUX)._repr_html_()
    assert f"name: doc … ({len(data)} chars)" in markup
    assert "schemaVersion" not in markup


def test_html_never_shows_user_data() -> None:
    """Instance user data shows only its size in HTML too."""
    markup = AdditionalInstanceConfiguration(user_data_override="TOKEN=s3cr3t")._repr_html_()
    assert "s3cr3t" not in markup
    assert "(12 chars)" in markup


@pytest.mark.parametrize(
    "shape", ["Image", "Component", "ImagePipeline", "DistributionConfiguration"]
)
@settings(max_examples=8)
@given(data=st.data())
def test_any_model_renders_to_balanced_known_tags(shape: str, data: Any) -> None:
    """Random models of the biggest shapes render to well-formed HTML and a one-line repr."""
    model = converter.structure(data.draw(api_dict(shape)), getattr(models, shape))
    assert _parse(model._repr_html_()).seen <= TAGS
    text = repr(model)
    assert text.startswith(f"{shape}(")
    assert "\n" not in text
