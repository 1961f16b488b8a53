"""The package logger stays silent unless the application configures logging."""

from __future__ import annotations

import logging

import pytest

import imagebuilder_sdk


def test_package_logger_has_a_null_handler() -> None:
    """After ``import imagebuilder_sdk`` its logger carries a NullHandler."""
    assert imagebuilder_sdk.__name__ == "imagebuilder_sdk"
    handlers = logging.getLogger("imagebuilder_sdk").handlers
    assert any(isinstance(handler, logging.NullHandler) for handler in handlers)


def test_package_logger_adds_no_output_of_its_own() -> None:
    """The SDK installs no handler that writes anywhere, and sets no level."""
    logger = logging.getLogger("imagebuilder_sdk")
    assert all(isinstance(handler, logging.NullHandler) for handler in logger.handlers)
    assert logger.level == logging.NOTSET


def test_package_records_reach_the_applications_handlers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Records from SDK modules still propagate to handlers the application sets up."""
    with caplog.at_level(logging.INFO, logger="imagebuilder_sdk"):
        logging.getLogger("imagebuilder_sdk.waiters").info("polling")
    assert [r.getMessage() for r in caplog.records] == ["polling"]
