"""check: raise on errors, log warnings, keep document content out of both."""

from __future__ import annotations

import logging

import pytest

from imagebuilder_sdk.documents import check
from imagebuilder_sdk.errors import ValidationError

SECRET = "hunter2-Sup3rS3cret"

BROKEN = f"""\
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Login
        action: ExecuteBash
        onFailure: Sometimes
        inputs:
          commands: echo {SECRET} | login --password-stdin
      - name: Login2
        action: ExecutePowerShell
        inputs:
          commands:
            - Set-Secret {SECRET}
"""

WARNS_ONLY = """\
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Configure
        action: ExecutePowerShell
        inputs:
          commands:
            - Write-Host hi
"""


def test_check_raises_with_every_error() -> None:
    """check raises ValidationError on field 'data', counting and listing the errors."""
    with pytest.raises(ValidationError) as caught:
        check(BROKEN)
    error = caught.value
    assert (error.field, error.rule) == ("data", "component document has 2 problem(s)")
    assert error.problems == (
        "phases[0].steps[0].onFailure: 'Sometimes' is not Abort, Continue or Ignore",
        "phases[0].steps[0].inputs.commands: ExecuteBash needs 'commands', a list of strings, "
        "not a string",
    )


def test_check_error_keeps_content_out() -> None:
    """Neither the message nor the value of the error repeats the document's text."""
    with pytest.raises(ValidationError) as caught:
        check(BROKEN, platform="Linux")
    assert SECRET not in str(caught.value)
    assert caught.value.value is None


def test_check_logs_warnings_without_content(caplog: pytest.LogCaptureFixture) -> None:
    """Warnings go to the imagebuilder_sdk.documents logger and hold no document text."""
    with (
        caplog.at_level(logging.WARNING, logger="imagebuilder_sdk.documents"),
        pytest.raises(ValidationError),
    ):
        check(BROKEN, platform="Linux")
    assert [r.name for r in caplog.records] == ["imagebuilder_sdk.documents"]
    assert "ExecutePowerShell runs only on Windows" in caplog.text
    assert SECRET not in caplog.text


def test_check_passes_a_document_with_only_warnings(caplog: pytest.LogCaptureFixture) -> None:
    """Warnings alone do not raise."""
    with caplog.at_level(logging.WARNING, logger="imagebuilder_sdk.documents"):
        check(WARNS_ONLY, platform="Linux")
    assert len(caplog.records) == 1


def test_check_is_silent_on_a_clean_document(caplog: pytest.LogCaptureFixture) -> None:
    """A clean document neither raises nor logs."""
    with caplog.at_level(logging.DEBUG, logger="imagebuilder_sdk.documents"):
        check(WARNS_ONLY, platform="Windows")
    assert caplog.records == []
