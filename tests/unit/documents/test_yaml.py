"""Reading and writing component document YAML."""

from __future__ import annotations

import sys

import pytest

from imagebuilder_sdk.documents import ComponentDocument, ExecuteBash, Phase, validate
from imagebuilder_sdk.errors import ValidationError

SMALL = """\
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Folder
        action: CreateFolder
        inputs:
          - path: /opt/app
            permissions: {permissions}
"""


def _folder_inputs(text: str) -> object:
    return ComponentDocument.from_yaml(text).phases[0].steps[0].inputs


def test_multiline_command_is_rendered_as_a_block() -> None:
    """A command with newlines is written as a | block, as people write scripts."""
    doc = ComponentDocument(phases=[Phase("build", [ExecuteBash("Script", ["a\nb\n"])])])
    assert "- |\n              a\n              b\n" in doc.to_yaml()


def test_lists_are_indented_under_their_key() -> None:
    """Rendered lists sit one level in from their key."""
    doc = ComponentDocument(phases=[Phase("build", [ExecuteBash("Say", ["echo"])])])
    assert "phases:\n  - name: build\n    steps:\n      - name: Say\n" in doc.to_yaml()


def test_octal_looking_number_stays_text() -> None:
    """0755 reads as the string '0755', not the YAML 1.1 octal number 493."""
    assert _folder_inputs(SMALL.format(permissions="0755")) == [
        {"path": "/opt/app", "permissions": "0755"}
    ]


def test_octal_looking_text_is_quoted_when_rendered() -> None:
    """The string '0755' is quoted on output, so every YAML reader sees a string."""
    rendered = ComponentDocument.from_yaml(SMALL.format(permissions="0755")).to_yaml()
    assert "permissions: '0755'" in rendered


def test_yes_and_no_stay_text() -> None:
    """yes/no/on/off are strings, not YAML 1.1 booleans."""
    assert _folder_inputs(SMALL.format(permissions="yes")) == [
        {"path": "/opt/app", "permissions": "yes"}
    ]


def test_dates_stay_text() -> None:
    """An unquoted date is kept as its text."""
    assert _folder_inputs(SMALL.format(permissions="2024-01-31")) == [
        {"path": "/opt/app", "permissions": "2024-01-31"}
    ]


def test_plain_numbers_and_booleans_are_typed() -> None:
    """Decimal numbers and true/false become numbers and booleans."""
    text = SMALL.replace("permissions: {permissions}", "overwrite: true\n            mode: 12")
    assert _folder_inputs(text) == [{"path": "/opt/app", "overwrite": True, "mode": 12}]


def test_schema_version_reads_as_text() -> None:
    """schemaVersion 1.0 (a YAML number) is the model's string '1.0'."""
    assert ComponentDocument.from_yaml(SMALL.format(permissions="'1'")).schema_version == "1.0"


def test_anchors_are_expanded_and_never_written() -> None:
    """A document using YAML aliases reads fine and renders without anchors."""
    text = """\
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: One
        action: ExecuteBash
        inputs: &say
          commands:
            - echo hi
      - name: Two
        action: ExecuteBash
        inputs: *say
"""
    rendered = ComponentDocument.from_yaml(text).to_yaml()
    assert "&" not in rendered
    assert "*" not in rendered
    assert rendered.count("- echo hi") == 2


def test_unknown_keys_survive_a_round_trip() -> None:
    """Keys the model does not know are rendered back where they were."""
    text = SMALL.format(permissions="'0700'") + "x-team: platform\n"
    doc = ComponentDocument.from_yaml(text)
    assert ComponentDocument.from_yaml(doc.to_yaml()).extra == {"x-team": "platform"}


def test_from_yaml_reports_where_the_syntax_breaks() -> None:
    """Text that is not YAML raises ValidationError naming line and column."""
    with pytest.raises(ValidationError, match=r"YAML does not parse: .* at line 2, column 8"):
        ComponentDocument.from_yaml("schemaVersion: 1.0\nname: a: b\n")


def test_from_yaml_refuses_a_list() -> None:
    """A YAML list is not a document."""
    with pytest.raises(ValidationError) as caught:
        ComponentDocument.from_yaml("- a\n- b\n")
    assert caught.value.problems == (
        "document: a document is a mapping with schemaVersion and phases, not a list",
    )


def test_missing_pyyaml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PyYAML, reading YAML raises ImportError naming imagebuilder-sdk[yaml]."""
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(ImportError, match=r"imagebuilder-sdk\[yaml\]"):
        ComponentDocument.from_yaml("schemaVersion: 1.0\n")


def test_missing_pyyaml_still_validates_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validating a model needs no PyYAML: the size check measures its JSON instead."""
    monkeypatch.setitem(sys.modules, "yaml", None)
    doc = ComponentDocument(phases=[Phase("build", [ExecuteBash("Say", ["echo"])])])
    assert validate(doc) == []
