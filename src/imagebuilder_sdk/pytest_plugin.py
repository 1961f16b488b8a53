"""The pytest plugin of imagebuilder-sdk: fixtures for testing code that uses Image Builder.

pytest loads it by itself once the package is installed (a ``pytest11`` entry point);
``-p no:imagebuilder_sdk`` turns it off. The fixtures, each fresh for every test:

``imagebuilder_emulator``
    An `imagebuilder_sdk.testing.Emulator` on a virtual clock.
``imagebuilder``
    An `imagebuilder_sdk.ImageBuilder` on that emulator; its waits and retries move
    the emulator's clock instead of sleeping.
``imagebuilder_mock``
    An active `imagebuilder_sdk.testing.mock_imagebuilder`: every imagebuilder client
    the code under test makes, in any region and without credentials, is served.

::

    def test_my_pipeline_code(imagebuilder):
        deploy(imagebuilder)                     # your code, given the facade
        assert imagebuilder.image_pipelines.list().first() is not None

    def test_code_that_makes_its_own_client(imagebuilder_mock):
        deploy_with_boto3()                      # calls boto3.client("imagebuilder")
        assert imagebuilder_mock.emulator("us-east-1").requests

This module lives outside `imagebuilder_sdk.testing` because the emulator does not
import the SDK's client; the facade is imported when a test asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from imagebuilder_sdk.testing import Emulator, MockImageBuilder, mock_imagebuilder

if TYPE_CHECKING:
    from imagebuilder_sdk.client import ImageBuilder

__all__ = ["imagebuilder", "imagebuilder_emulator", "imagebuilder_mock"]


@pytest.fixture
def imagebuilder_emulator() -> Emulator:
    """A fresh in-memory Image Builder (account 123456789012, us-east-1, virtual clock)."""
    return Emulator()


@pytest.fixture
def imagebuilder(imagebuilder_emulator: Emulator) -> ImageBuilder:
    """An `ImageBuilder` on the test's emulator; waiting moves its clock, not real time."""
    from botocore.config import Config

    from imagebuilder_sdk import ImageBuilder, RetryPolicy

    emulator = imagebuilder_emulator
    retry = RetryPolicy(sleep=emulator.advance, clock=emulator.clock.monotonic)
    client = emulator.client(config=Config(retries={"total_max_attempts": 1}))
    return ImageBuilder(client, retry=retry, emulator=emulator)


@pytest.fixture
def imagebuilder_mock() -> Iterator[MockImageBuilder]:
    """Every imagebuilder client made during the test is served by an emulator."""
    with mock_imagebuilder() as mock:
        yield mock
