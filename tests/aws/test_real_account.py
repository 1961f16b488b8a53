"""Against a real AWS account: run only on request, with `pytest -m aws`.

They use the usual AWS settings (profile, region, credentials from the environment),
create real resources, build a real image (tens of minutes, and it costs money) and
delete everything they created. The default test run deselects them.
"""

from __future__ import annotations

import pytest

from examples.golden_image import main
from imagebuilder_sdk import ImageBuilder

pytestmark = pytest.mark.aws


def test_amazon_managed_components_are_listed() -> None:
    """The account sees Amazon's managed components through the typed listing."""
    ib = ImageBuilder.connect()
    names = {c.name for c in ib.components.list(owner="Amazon", page_size=100)}
    assert "update-linux" in names


def test_the_demo_runs_in_the_account() -> None:
    """`make demo DEMO_ARGS=--aws`: the whole golden-image flow, cleaned up, exits 0."""
    assert main(["--aws", "--no-progress"]) == 0
