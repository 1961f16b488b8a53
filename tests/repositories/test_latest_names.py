"""`latest` finds a resource by its display name or by its name as ARNs spell it."""

from __future__ import annotations

import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError


@pytest.fixture
def ib() -> ImageBuilder:
    """A facade on a fresh emulator."""
    return ImageBuilder.local()


def test_latest_by_display_name(ib: ImageBuilder) -> None:
    """The service's own name ("Amazon Linux 2023 x86") finds the newest version."""
    found = ib.images.latest("Amazon Linux 2023 x86", owner="Amazon")
    assert found is not None
    assert found.version == "2026.10.1"


def test_latest_by_the_name_in_arns(ib: ImageBuilder) -> None:
    """The name as it appears in ARNs ("amazon-linux-2023-x86") finds the same image."""
    by_slug = ib.images.latest("amazon-linux-2023-x86", owner="Amazon")
    by_name = ib.images.latest("Amazon Linux 2023 x86", owner="Amazon")
    assert by_slug is not None
    assert by_slug == by_name


def test_latest_with_a_filter_and_no_match(ib: ImageBuilder) -> None:
    """A filter narrows the choice; a name nobody has gives None."""
    older = ib.images.latest("amazon-linux-2023-x86", "2026.3.x", owner="Amazon")
    assert older is not None
    assert older.version == "2026.3.0"
    assert ib.images.latest("no-such-image", owner="Amazon") is None


def test_latest_refuses_an_empty_name(ib: ImageBuilder) -> None:
    """An empty name is a ValidationError naming `name`, before any request."""
    with pytest.raises(ValidationError) as caught:
        ib.components.latest("")
    assert caught.value.field == "name"
    assert ib.emulator is not None
    assert ib.emulator.requests == []
