"""`ib.components.create` checks component documents before anything is sent."""

from __future__ import annotations

import logging

import pytest

from imagebuilder_sdk import ImageBuilder, ValidationError
from imagebuilder_sdk.documents import ComponentDocument, ExecuteBash, ExecutePowerShell, Phase
from imagebuilder_sdk.testing import Emulator

BROKEN = """\
name: broken
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Install
        action: ExecuteBsh
        inputs:
          commands: [echo hi]
      - name: Install
        action: ExecuteBash
        inputs:
          command: echo typo
"""


@pytest.fixture
def ib() -> ImageBuilder:
    """A facade on a fresh emulator."""
    return ImageBuilder.local()


def _requests(ib: ImageBuilder) -> list[str]:
    emulator = ib.emulator
    assert isinstance(emulator, Emulator)
    return [r.operation for r in emulator.requests]


def test_a_broken_document_is_refused_with_every_problem_before_any_request(
    ib: ImageBuilder,
) -> None:
    """An unknown module, a duplicate step and a missing input are all named; nothing is sent."""
    with pytest.raises(ValidationError) as caught:
        ib.components.create(name="broken", semantic_version="1.0.0", platform="Linux", data=BROKEN)
    assert caught.value.field == "data"
    text = "\n".join(caught.value.problems)
    assert "ExecuteBsh" in text
    assert "Install" in text
    assert "commands" in text
    assert len(caught.value.problems) >= 3
    assert _requests(ib) == []


def test_a_document_model_is_sent_as_yaml(ib: ImageBuilder) -> None:
    """A ComponentDocument built in Python is rendered, sent and stored as YAML."""
    document = ComponentDocument(
        name="hello",
        phases=[Phase("build", [ExecuteBash("Say", commands=["echo hello"])])],
    )
    component = ib.components.create(
        name="hello", semantic_version="1.0.0", platform="Linux", data=document
    )
    assert component.data is not None
    assert ComponentDocument.from_yaml(component.data) == document


def test_the_check_can_be_turned_off(ib: ImageBuilder) -> None:
    """validate_document=False sends the text as it is (the service decides)."""
    text = "name: raw\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps: []\n"
    component = ib.components.create(
        name="raw",
        semantic_version="1.0.0",
        platform="Linux",
        data=text,
        validate_document=False,
    )
    assert component.data == text


def test_warnings_are_logged_not_raised(ib: ImageBuilder, caplog: pytest.LogCaptureFixture) -> None:
    """A Windows-only module in a Linux component is a warning: logged, and sent."""
    document = ComponentDocument(
        name="mixed",
        phases=[
            Phase(
                "build",
                [
                    ExecuteBash("Say", commands=["echo hi"]),
                    ExecutePowerShell("AlsoSay", commands=["Write-Host hi"]),
                ],
            )
        ],
    )
    with caplog.at_level(logging.WARNING, logger="imagebuilder_sdk"):
        component = ib.components.create(
            name="mixed", semantic_version="1.0.0", platform="Linux", data=document
        )
    assert component.arn is not None
    assert any("ExecutePowerShell" in record.getMessage() for record in caplog.records)
