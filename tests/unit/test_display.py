"""Model reprs: identity first, nested detail and long text elided, equality untouched."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
import pytest

from imagebuilder_sdk import models
from imagebuilder_sdk._display import short_arn, show_date
from imagebuilder_sdk.models import (
    AdditionalInstanceConfiguration,
    Component,
    ComponentConfiguration,
    ComponentState,
    ComponentStatus,
    Filter,
    Image,
    ImageState,
    ImageStatus,
    ImageType,
    Logging,
    Model,
    Platform,
    S3Logs,
)
from tests.factories import complete

ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/3"
MODEL_CLASSES = [
    getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))
]


def _image() -> Image:
    return Image(
        arn=ARN,
        name="web",
        version="1.0.0/3",
        type=ImageType.AMI,
        platform=Platform.LINUX,
        os_version="Amazon Linux 2023",
        state=ImageState(status=ImageStatus.AVAILABLE),
        date_created=datetime(2026, 11, 27, 10, 15, tzinfo=timezone.utc),
    )


def test_image_repr_shows_name_version_status_and_platform_first() -> None:
    """An image's repr leads with its name, build version, status and platform."""
    assert repr(_image()) == (
        "Image(name='web', version='1.0.0/3', status=AVAILABLE, platform=Linux, …)"
    )


def test_small_model_repr_shows_every_value_without_ellipsis() -> None:
    """A model with few values set shows them all and no "…"."""
    assert repr(S3Logs(s3_bucket_name="logs", s3_key_prefix="ib/")) == (
        "S3Logs(s3_bucket_name='logs', s3_key_prefix='ib/')"
    )


def test_repr_leaves_out_unset_values() -> None:
    """Attributes that are None do not appear in the repr."""
    assert repr(ComponentState(status=ComponentStatus.ACTIVE)) == "ComponentState(status=ACTIVE)"


def test_repr_folds_nested_models_to_their_class_name() -> None:
    """A nested model shows as ``Class(…)``, not its whole content."""
    logging = Logging(s3_logs=S3Logs(s3_bucket_name="a-bucket-nobody-should-see-here"))
    assert repr(logging) == "Logging(s3_logs=S3Logs(…))"


def test_repr_shortens_arns() -> None:
    """ARN values lose their partition, region and account prefix."""
    config = ComponentConfiguration(component_arn=ARN.replace("image/", "component/"))
    assert repr(config) == "ComponentConfiguration(component_arn='…/component/web/1.0.0/3')"


def test_repr_truncates_long_text() -> None:
    """Free text longer than 40 characters is cut with "…"."""
    text = repr(Filter(name="n" * 100))
    assert text == f"Filter(name='{'n' * 39}…')"


def test_repr_shows_short_lists_and_counts_long_ones() -> None:
    """Up to three scalars are listed; longer sequences show only their length."""
    assert repr(Filter(name="platform", values=["Linux"])) == (
        "Filter(name='platform', values=['Linux'])"
    )
    assert repr(Filter(values=list("abcd"))) == "Filter(values=[4 items])"


def test_component_data_shows_only_its_size() -> None:
    """A component document is never printed by repr, only its length.

    A component always has a name, version, platform and type, which fill the repr
    before its data; a model whose data comes first shows it as its size.
    """
    data = "name: doc\nschemaVersion: 1.0\nphases: [{name: build, steps: []}]\n"
    component = complete(Component, data=data)
    assert "doc" not in repr(component)
    assert repr(component) == (
        "Component(name='placeholder', version='1.0.0', platform=Windows, type=BUILD, …)"
    )

    @attrs.frozen(kw_only=True, repr=False)
    class Document(Model):
        data: str

    assert repr(Document(data=data)) == f"Document(data=<{len(data)} chars>)"


def test_user_data_never_appears_in_repr() -> None:
    """Instance user data (it may hold private values) shows only its size."""
    config = AdditionalInstanceConfiguration(user_data_override="export TOKEN=s3cr3t")
    assert "s3cr3t" not in repr(config)
    assert repr(config) == "AdditionalInstanceConfiguration(user_data_override=<19 chars>)"


def test_unknown_enum_values_show_as_their_text() -> None:
    """A status value newer than the SDK is shown like a known one."""
    state = ImageState(status=ImageStatus("HIBERNATING"))
    assert repr(complete(Image, name="web", state=state)) == (
        "Image(name='web', version='1.0.0', status=HIBERNATING, platform=Windows, …)"
    )


def test_state_without_status_is_folded() -> None:
    """A state object with no status shows as a nested model.

    An image state always has a status; a component state may lack one.
    """
    component = complete(Component, name="web", state=ComponentState(reason="why"))
    assert repr(component) == (
        "Component(name='web', version='1.0.0', state=ComponentState(…), platform=Windows, …)"
    )


def test_repr_is_a_single_line() -> None:
    """Newlines in values never break the repr over several lines."""
    assert "\n" not in repr(Filter(name="a\nb", values=["c\nd"]))


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_model_uses_the_shared_repr(cls: type) -> None:
    """Each generated class inherits Model's repr and HTML instead of attrs' repr."""
    assert issubclass(cls, Model)
    assert cls.__repr__ is Model.__repr__
    assert cls._repr_html_ is Model._repr_html_


def test_equality_and_hash_are_unchanged() -> None:
    """Models compare and hash by value, as attrs makes them."""
    assert _image() == _image()
    assert hash(_image()) == hash(_image())
    assert attrs.evolve(_image(), name="other") != _image()


def test_short_arn_keeps_non_arn_text() -> None:
    """Text that is not an ARN is returned unchanged."""
    assert short_arn("ami-0123456789abcdef0") == "ami-0123456789abcdef0"


def test_show_date_converts_to_utc() -> None:
    """Dates in another zone are shown in UTC, to the minute."""
    paris = timezone(timedelta(hours=1))
    assert show_date(datetime(2026, 11, 27, 11, 15, 59, tzinfo=paris)) == "2026-11-27 10:15 UTC"
